import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import { users } from './auth.ts';
import { missions } from './missions.ts';

/**
 * One row per version of an interview guide, the whole guide as a document. A published row never changes: the
 * service refuses it (checkGuideEdit) and a trigger refuses it too (migration diagnostic_guards).
 */
export const maturityModels = pgTable(
  'maturity_models',
  {
    key: text('key').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    title: text('title').notNull(),
    model: jsonb('model').$type<MaturityModel>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.version] }),
    check('maturity_models_status_check', sql`${t.status} in ('draft', 'published')`),
    check('maturity_models_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
  ],
);

/** The diagnostic of a mission: the guide version it runs with, and its scores kept for the province view. */
export const missionDiagnostics = pgTable(
  'mission_diagnostics',
  {
    missionId: uuid('mission_id')
      .primaryKey()
      .references(() => missions.id, { onDelete: 'cascade' }),
    guideKey: text('guide_key').notNull(),
    guideVersion: integer('guide_version').notNull(),
    interviews: integer('interviews').notNull().default(0),
    dimensionScores: jsonb('dimension_scores').$type<Record<string, number | null>>(),
    overall: doublePrecision('overall'),
    /** How the means were aggregated (SCORING_METHOD in the domain): older rows are scored again at start. */
    scoringMethod: integer('scoring_method').notNull().default(1),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.guideKey, t.guideVersion], foreignColumns: [maturityModels.key, maturityModels.version] }),
  ],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    guideKey: text('guide_key').notNull(),
    guideVersion: integer('guide_version').notNull(),
    personType: text('person_type').notNull(),
    personRole: text('person_role'),
    personName: text('person_name'),
    identityErasedAt: timestamp('identity_erased_at', { withTimezone: true }),
    date: date('date').notNull(),
    interviewer: text('interviewer').notNull(),
    notes: text('notes'),
    source: text('source', { enum: ['interview', 'self_assessment'] })
      .notNull()
      .default('interview'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // An interview keeps its guide version for ever: the version cannot be deleted while it is used.
    foreignKey({
      columns: [t.guideKey, t.guideVersion],
      foreignColumns: [maturityModels.key, maturityModels.version],
    }).onDelete('restrict'),
    check(
      'interviews_person_type_check',
      sql`${t.personType} in ('elected_official', 'commune_staff', 'business', 'association', 'citizen', 'other')`,
    ),
    check('interviews_source_check', sql`${t.source} in ('interview', 'self_assessment')`),
    check(
      'interviews_erased_check',
      sql`${t.identityErasedAt} is null or (${t.personName} is null and ${t.personRole} is null)`,
    ),
    index('interviews_mission_idx').on(t.missionId),
  ],
);

export const interviewAnswers = pgTable(
  'interview_answers',
  {
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    level: integer('level'),
    comment: text('comment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.questionKey] }),
    check('interview_answers_level_check', sql`${t.level} is null or ${t.level} >= 0`),
  ],
);

export const swotItems = pgTable(
  'swot_items',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    category: text('category', { enum: ['strength', 'weakness', 'opportunity', 'threat'] }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
    dimensions: text('dimensions').array().notNull().default(sql`'{}'::text[]`),
    interviewIds: uuid('interview_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('swot_items_category_check', sql`${t.category} in ('strength', 'weakness', 'opportunity', 'threat')`),
    index('swot_items_mission_idx').on(t.missionId, t.category, t.position),
  ],
);

export const territorySpecificities = pgTable('territory_specificities', {
  missionId: uuid('mission_id')
    .primaryKey()
    .references(() => missions.id, { onDelete: 'cascade' }),
  geography: text('geography').notNull().default(''),
  demography: text('demography').notNull().default(''),
  economy: text('economy').notNull().default(''),
  assets: text('assets').notNull().default(''),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Personal self-assessment links: only the SHA-256 of the token is kept. */
export const selfAssessmentLinks = pgTable(
  'self_assessment_links',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    personType: text('person_type').notNull(),
    personRole: text('person_role'),
    personName: text('person_name'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('self_assessment_links_mission_idx').on(t.missionId)],
);
