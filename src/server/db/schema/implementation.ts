import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
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
import { userRef, users } from './auth.ts';
import { agreementLots, callOffs, catalogueSolutions } from './catalogue.ts';
import { belongsTo, bytea, createdAt, instant, jsonList, money, textList, updatedAt, uuidPk } from './columns.ts';
import { projectSheets } from './strategy.ts';

/**
 * The implementation of a mission's approved projects (issue 7): the follow-up of each project sheet, its
 * milestones, indicators, documents and history, its procurement file; the procurement thresholds as dated
 * reference data; the notices sent about alerts and each user's digest setting.
 */
const STATUSES_SQL = sql.raw(`(${FOLLOW_UP_STATUSES.map((s) => `'${s}'`).join(', ')})`);

/** One row per project sheet whose follow-up has started (made on the first change). */
export const projectFollowUps = pgTable(
  'project_follow_ups',
  {
    projectId: belongsTo('project_id', () => projectSheets.id).primaryKey(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('planned'),
    statusReason: text('status_reason'),
    progress: integer('progress').notNull().default(0),
    /** [{ year, planned, committed, spent }] */
    budget: jsonList<BudgetLine>('budget'),
    /** [{ kind, label, amount, secured }] */
    funding: jsonList<FundingLine>('funding'),
    /** [{ description, likelihood, impact, mitigation }] */
    risks: jsonList<Risk>('risks'),
    /** What the approved plan promised (PlanBaseline in the domain); null for projects approved outside a plan. */
    planBaseline: jsonb('plan_baseline').$type<PlanBaseline>(),
    published: boolean('published').notNull().default(false),
    /** The commune also shows the project's budget (planned and spent) on its public pages (issue 14). */
    publishAmounts: boolean('publish_amounts').notNull().default(false),
    publishedAt: instant('published_at'),
    updatedAt: updatedAt(),
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
    id: uuidPk(),
    projectId: belongsTo('project_id', () => projectSheets.id),
    title: text('title').notNull(),
    dueDate: date('due_date').notNull(),
    owner: text('owner'),
    doneDate: date('done_date'),
    createdAt: createdAt(),
  },
  (t) => [index('project_milestones_project_idx').on(t.projectId, t.dueDate)],
);

export const projectIndicators = pgTable(
  'project_indicators',
  {
    id: uuidPk(),
    projectId: belongsTo('project_id', () => projectSheets.id),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('project_indicators_project_idx').on(t.projectId)],
);

export const indicatorMeasurements = pgTable(
  'indicator_measurements',
  {
    id: uuidPk(),
    indicatorId: belongsTo('indicator_id', () => projectIndicators.id),
    date: date('date').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [index('indicator_measurements_indicator_idx').on(t.indicatorId, t.date)],
);

/** A link, or a small file kept in the database (size checked by the domain and by the constraint). */
export const projectDocuments = pgTable(
  'project_documents',
  {
    id: uuidPk(),
    projectId: belongsTo('project_id', () => projectSheets.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    name: text('name').notNull(),
    url: text('url'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    content: bytea('content'),
    createdAt: createdAt(),
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
    id: uuidPk(),
    /** Orders changes made within the same instant. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    projectId: belongsTo('project_id', () => projectSheets.id),
    at: instant('at').notNull(),
    actorId: userRef('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    summary: text('summary').notNull(),
    /** The line's facts (names, dates, values, status codes) for the UI to word in the reader's language; null on old rows. */
    params: jsonb('params').$type<HistoryParams>(),
  },
  (t) => [index('project_history_project_idx').on(t.projectId, t.seq)],
);

export const procurementFiles = pgTable('procurement_files', {
  projectId: belongsTo('project_id', () => projectSheets.id).primaryKey(),
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
  steps: jsonList<ProcurementStepRecord>('steps'),
  vendorName: text('vendor_name'),
  vendorEnterpriseNumber: text('vendor_enterprise_number'),
  awardAmount: money('award_amount'),
  updatedAt: updatedAt(),
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
    updatedAt: updatedAt(),
  },
  (t) => [check('procurement_thresholds_dates_check', sql`${t.validTo} >= ${t.validFrom}`)],
);

/** Every alert notice and digest sent (by e-mail when SMTP is configured), or only logged here otherwise. */
export const notificationLog = pgTable(
  'notification_log',
  {
    id: uuidPk(),
    userId: userRef('user_id'),
    email: text('email').notNull(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Alert keys (or a poll's key) the notice covers, so each is notified once. */
    alertKeys: textList('alert_keys'),
    transport: text('transport', { enum: NOTICE_TRANSPORTS }).notNull(),
    error: text('error'),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [index('notification_log_user_idx').on(t.userId, t.sentAt), index('notification_log_sent_idx').on(t.sentAt)],
);

export const notificationSettings = pgTable('notification_settings', {
  userId: belongsTo('user_id', () => users.id).primaryKey(),
  alertEmails: boolean('alert_emails').notNull().default(true),
  weeklyDigest: boolean('weekly_digest').notNull().default(false),
  lastDigestAt: instant('last_digest_at'),
});
