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
  uuid,
} from 'drizzle-orm/pg-core';
import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import { userRef } from './auth.ts';
import {
  belongsTo,
  createdAt,
  instant,
  instantNow,
  textList,
  timestamps,
  updatedAt,
  uuidList,
  uuidPk,
} from './columns.ts';
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
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    publishedBy: userRef('published_by'),
    publishedAt: instant('published_at'),
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
    missionId: belongsTo('mission_id', () => missions.id).primaryKey(),
    guideKey: text('guide_key').notNull(),
    guideVersion: integer('guide_version').notNull(),
    interviews: integer('interviews').notNull().default(0),
    dimensionScores: jsonb('dimension_scores').$type<Record<string, number | null>>(),
    overall: doublePrecision('overall'),
    /** How the means were aggregated (SCORING_METHOD in the domain): older rows are scored again at start. */
    scoringMethod: integer('scoring_method').notNull().default(1),
    scoredAt: instantNow('scored_at'),
  },
  (t) => [
    foreignKey({ columns: [t.guideKey, t.guideVersion], foreignColumns: [maturityModels.key, maturityModels.version] }),
  ],
);

export const interviews = pgTable(
  'interviews',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    guideKey: text('guide_key').notNull(),
    guideVersion: integer('guide_version').notNull(),
    personType: text('person_type').notNull(),
    personRole: text('person_role'),
    personName: text('person_name'),
    identityErasedAt: instant('identity_erased_at'),
    date: date('date').notNull(),
    interviewer: text('interviewer').notNull(),
    notes: text('notes'),
    source: text('source', { enum: ['interview', 'self_assessment'] })
      .notNull()
      .default('interview'),
    createdBy: userRef('created_by'),
    ...timestamps(),
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
    interviewId: belongsTo('interview_id', () => interviews.id),
    questionKey: text('question_key').notNull(),
    level: integer('level'),
    comment: text('comment'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.questionKey] }),
    check('interview_answers_level_check', sql`${t.level} is null or ${t.level} >= 0`),
  ],
);

export const swotItems = pgTable(
  'swot_items',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    category: text('category', { enum: ['strength', 'weakness', 'opportunity', 'threat'] }).notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
    dimensions: textList('dimensions'),
    interviewIds: uuidList('interview_ids'),
    ...timestamps(),
  },
  (t) => [
    check('swot_items_category_check', sql`${t.category} in ('strength', 'weakness', 'opportunity', 'threat')`),
    index('swot_items_mission_idx').on(t.missionId, t.category, t.position),
  ],
);

export const territorySpecificities = pgTable('territory_specificities', {
  missionId: belongsTo('mission_id', () => missions.id).primaryKey(),
  geography: text('geography').notNull().default(''),
  demography: text('demography').notNull().default(''),
  economy: text('economy').notNull().default(''),
  assets: text('assets').notNull().default(''),
  updatedBy: userRef('updated_by'),
  updatedAt: updatedAt(),
});

/** Personal self-assessment links: only the SHA-256 of the token is kept. */
export const selfAssessmentLinks = pgTable(
  'self_assessment_links',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    tokenHash: text('token_hash').notNull().unique(),
    personType: text('person_type').notNull(),
    personRole: text('person_role'),
    personName: text('person_name'),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    revokedAt: instant('revoked_at'),
    interviewId: uuid('interview_id').references(() => interviews.id, { onDelete: 'set null' }),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('self_assessment_links_mission_idx').on(t.missionId)],
);
