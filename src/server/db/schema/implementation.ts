import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  type BudgetLine,
  DOCUMENT_KINDS,
  FOLLOW_UP_STATUSES,
  type FundingLine,
  type Risk,
} from '../../../domain/implementation/follow-up.ts';
import type { HistoryParams } from '../../../domain/implementation/history.ts';
import { NOTICE_KINDS, NOTICE_TRANSPORTS } from '../../../domain/implementation/implementation-api.ts';
import type { PlanBaseline } from '../../../domain/implementation/plan-baseline.ts';
import { PROCUREMENT_NATURES, PROCUREMENT_PROCEDURES } from '../../../domain/implementation/procurement.ts';
import type { ProcurementStepRecord } from '../../../domain/implementation/procurement-file.ts';
import type { ThresholdPeriod, ThresholdValues } from '../../../domain/implementation/thresholds.ts';
import { users } from './auth.ts';
import { agreementLots, callOffs, catalogueSolutions } from './catalogue.ts';
import { projectSheets } from './strategy.ts';

/**
 * The implementation of a mission's approved projects (issue 7): the follow-up of each project sheet, its
 * milestones, indicators, documents and history, its procurement file; the procurement thresholds as dated
 * reference data; the notices sent about alerts and each user's digest setting.
 */
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
const STATUSES_SQL = sql.raw(`(${FOLLOW_UP_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** One row per project sheet whose follow-up has started (made on the first change). */
export const projectFollowUps = pgTable(
  'project_follow_ups',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projectSheets.id, { onDelete: 'cascade' }),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('planned'),
    statusReason: text('status_reason'),
    progress: integer('progress').notNull().default(0),
    /** [{ year, planned, committed, spent }] */
    budget: jsonb('budget').$type<BudgetLine[]>().notNull().default(sql`'[]'::jsonb`),
    /** [{ kind, label, amount, secured }] */
    funding: jsonb('funding').$type<FundingLine[]>().notNull().default(sql`'[]'::jsonb`),
    /** [{ description, likelihood, impact, mitigation }] */
    risks: jsonb('risks').$type<Risk[]>().notNull().default(sql`'[]'::jsonb`),
    /** What the approved plan promised (PlanBaseline in the domain); null for projects approved outside a plan. */
    planBaseline: jsonb('plan_baseline').$type<PlanBaseline>(),
    published: boolean('published').notNull().default(false),
    /** The commune also shows the project's budget (planned and spent) on its public pages (issue 14). */
    publishAmounts: boolean('publish_amounts').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('project_follow_ups_status_check', sql`${t.status} in ${STATUSES_SQL}`),
    check('project_follow_ups_progress_check', sql`${t.progress} between 0 and 100`),
    index('project_follow_ups_published_idx').on(t.published),
  ],
);

export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectSheets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    owner: text('owner'),
    doneDate: date('done_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueDate)],
);

export const projectIndicators = pgTable(
  'project_indicators',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectSheets.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_indicators_project_idx').on(t.projectId)],
);

export const indicatorMeasurements = pgTable(
  'indicator_measurements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => projectIndicators.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [index('indicator_measurements_indicator_idx').on(t.indicatorId, t.date)],
);

/** A link, or a small file kept in the database (size checked by the domain and by the constraint). */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectSheets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    name: text('name').notNull(),
    url: text('url'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    content: bytea('content'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_documents_project_idx').on(t.projectId),
    check(
      'project_documents_kind_check',
      sql`(${t.kind} = 'link' and ${t.url} is not null and ${t.content} is null) or (${t.kind} = 'file' and ${t.content} is not null and ${t.sizeBytes} <= 524288)`,
    ),
  ],
);

/** The project's own history, in words, next to the audit log (which keeps before/after for the admin). */
export const projectHistory = pgTable(
  'project_history',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** Orders changes made within the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projectSheets.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    summary: text('summary').notNull(),
    /** The line's facts (names, dates, values, status codes) for the UI to word in the reader's language; null on old rows. */
    params: jsonb('params').$type<HistoryParams>(),
  },
  (t) => [index('project_history_project_idx').on(t.projectId, t.seq)],
);

export const procurementFiles = pgTable('procurement_files', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projectSheets.id, { onDelete: 'cascade' }),
  nature: text('nature', { enum: PROCUREMENT_NATURES }).notNull(),
  estimatedAmount: money('estimated_amount').notNull(),
  launchDate: date('launch_date').notNull(),
  procedure: text('procedure', { enum: PROCUREMENT_PROCEDURES }),
  /** A call-off's solution and lot (the catalogue's), and the two in words as they were when chosen. */
  frameworkSolutionId: uuid('framework_solution_id').references(() => catalogueSolutions.id),
  frameworkLotId: uuid('framework_lot_id').references(() => agreementLots.id),
  /** The call-off the commune placed in the catalogue for this file, once placed. */
  callOffId: uuid('call_off_id').references(() => callOffs.id),
  frameworkReference: text('framework_reference'),
  reference: text('reference'),
  /** [{ step, plannedDate?, actualDate? }] */
  steps: jsonb('steps').$type<ProcurementStepRecord[]>().notNull().default(sql`'[]'::jsonb`),
  vendorName: text('vendor_name'),
  vendorEnterpriseNumber: text('vendor_enterprise_number'),
  awardAmount: money('award_amount'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Belgian procurement thresholds by period of validity, seeded from the domain, edited by an agency admin. */
export const procurementThresholds = pgTable(
  'procurement_thresholds',
  {
    validFrom: date('valid_from').primaryKey(),
    validTo: date('valid_to').notNull(),
    source: text('source').notNull(),
    values: jsonb('values').$type<ThresholdValues>().notNull(),
    evidence: jsonb('evidence').$type<ThresholdPeriod['evidence']>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('procurement_thresholds_dates_check', sql`${t.validTo} >= ${t.validFrom}`)],
);

/** Every alert notice and digest sent (by e-mail when SMTP is configured), or only logged here otherwise. */
export const notificationLog = pgTable(
  'notification_log',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: text('email').notNull(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Alert keys (or a poll's key) the notice covers, so each is notified once. */
    alertKeys: text('alert_keys').array().notNull().default(sql`'{}'::text[]`),
    transport: text('transport', { enum: NOTICE_TRANSPORTS }).notNull(),
    error: text('error'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('notification_log_user_idx').on(t.userId, t.sentAt), index('notification_log_sent_idx').on(t.sentAt)],
);

export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  alertEmails: boolean('alert_emails').notNull().default(true),
  weeklyDigest: boolean('weekly_digest').notNull().default(false),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
});
