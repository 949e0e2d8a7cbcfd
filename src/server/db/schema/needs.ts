import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { JointPurchase, MutualisationRun, ScenarioQuantities } from '../../../domain/mutualisation/api.ts';
import type { GroupExplanation } from '../../../domain/mutualisation/grouping.ts';
import type { PriceModel } from '../../../domain/mutualisation/savings.ts';
import { userRef } from './auth.ts';
import { agreementLots, callOffs, catalogueSolutions } from './catalogue.ts';
import { belongsTo, createdAt, instant, instantNow, money, textList, timestamps, uuidPk } from './columns.ts';
import { communeRef } from './communes.ts';

/**
 * The needs register and the mutualisation (issue 5): the needs communes express, the grouping runs (jobs with
 * progress), the groups a consultant confirms, splits, merges or dismisses, interest polls and their answers, and
 * the joint purchase a confirmed group becomes.
 */

export const needs = pgTable(
  'needs',
  {
    id: uuidPk(),
    communeNis: communeRef().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dimensions: textList('dimensions'),
    category: text('category'),
    /** The category the latest grouping run recognised in the text of a need entered without one (issue 5). */
    suggestedCategory: text('suggested_category'),
    urgency: text('urgency', { enum: ['low', 'medium', 'high'] })
      .notNull()
      .default('medium'),
    estimatedBudget: money('estimated_budget'),
    timeframe: text('timeframe', { enum: ['short', 'medium', 'long'] }),
    source: text('source', { enum: ['diagnostic', 'project_sheet', 'meeting', 'direct'] })
      .notNull()
      .default('direct'),
    sourceRef: text('source_ref'),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    check('needs_urgency_check', sql`${t.urgency} in ('low', 'medium', 'high')`),
    check('needs_source_check', sql`${t.source} in ('diagnostic', 'project_sheet', 'meeting', 'direct')`),
    check('needs_budget_check', sql`${t.estimatedBudget} is null or ${t.estimatedBudget} >= 0`),
    index('needs_commune_idx').on(t.communeNis),
  ],
);

/** A grouping run: a job off the request path whose progress the UI polls. */
export const mutualisationRuns = pgTable('mutualisation_runs', {
  id: uuidPk(),
  status: text('status', { enum: ['running', 'done', 'failed'] })
    .notNull()
    .default('running'),
  progress: doublePrecision('progress').notNull().default(0),
  step: text('step'),
  stats: jsonb('stats').$type<MutualisationRun['stats']>(),
  error: text('error'),
  startedBy: userRef('started_by'),
  startedAt: instantNow('started_at'),
  finishedAt: instant('finished_at'),
});

export const mutualisationGroups = pgTable(
  'mutualisation_groups',
  {
    id: uuidPk(),
    runId: uuid('run_id').references(() => mutualisationRuns.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['proposed', 'confirmed', 'dismissed'] })
      .notNull()
      .default('proposed'),
    label: text('label').notNull(),
    category: text('category'),
    reason: text('reason').notNull().default(''),
    /** Why the group was formed, as facts (GroupExplanation) each reader's language words; null for older groups. */
    explanation: jsonb('explanation').$type<GroupExplanation>(),
    sharedTerms: textList('shared_terms'),
    /** The savings price model (src/domain/mutualisation/savings.ts), once the consultant set one. */
    priceModel: jsonb('price_model').$type<PriceModel>(),
    /** The quantities the consultant tried in the savings estimate, by commune NIS code (issue 10), kept with the model. */
    scenarioQuantities: jsonb('scenario_quantities').$type<ScenarioQuantities>(),
    ...timestamps(),
  },
  (t) => [check('mutualisation_groups_status_check', sql`${t.status} in ('proposed', 'confirmed', 'dismissed')`)],
);

export const mutualisationGroupNeeds = pgTable(
  'mutualisation_group_needs',
  {
    groupId: belongsTo('group_id', () => mutualisationGroups.id),
    needId: belongsTo('need_id', () => needs.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.needId] }), index('mutualisation_group_needs_need_idx').on(t.needId)],
);

/** An interest poll: does the commune join the group's purchase, and for how much? */
export const interestPolls = pgTable(
  'interest_polls',
  {
    id: uuidPk(),
    groupId: belongsTo('group_id', () => mutualisationGroups.id),
    question: text('question').notNull(),
    unit: text('unit').notNull(),
    deadline: date('deadline').notNull(),
    audience: text('audience', { enum: ['group', 'all'] })
      .notNull()
      .default('group'),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('interest_polls_group_idx').on(t.groupId)],
);

/** The communes asked, and their answer once given. */
export const interestPollCommunes = pgTable(
  'interest_poll_communes',
  {
    pollId: belongsTo('poll_id', () => interestPolls.id),
    communeNis: communeRef().notNull(),
    answer: text('answer', { enum: ['yes', 'no'] }),
    quantity: integer('quantity'),
    budget: money('budget'),
    comment: text('comment'),
    answeredBy: userRef('answered_by'),
    answeredAt: instant('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.pollId, t.communeNis] }),
    index('interest_poll_communes_commune_idx').on(t.communeNis),
    check('interest_poll_quantity_check', sql`${t.quantity} is null or ${t.quantity} >= 0`),
  ],
);

/** A confirmed group turned into a joint purchase, with its communes and amounts (linked to a lot later). */
export const jointPurchases = pgTable(
  'joint_purchases',
  {
    id: uuidPk(),
    groupId: belongsTo('group_id', () => mutualisationGroups.id),
    title: text('title').notNull(),
    /** The lot of the agency's framework agreement the purchase goes through, when there is one. */
    lotId: uuid('lot_id').references(() => agreementLots.id),
    /** The catalogue solution bought through the lot: each commune's line is a call-off of it (issue 10). */
    solutionId: uuid('solution_id').references(() => catalogueSolutions.id, { onDelete: 'restrict' }),
    /** Each commune's line; the call-off of each line is joined from `call_offs`, not kept here. */
    lines: jsonb('lines').$type<Omit<JointPurchase['lines'][number], 'callOffId'>[]>().notNull(),
    totals: jsonb('totals').$type<NonNullable<JointPurchase['totals']>>(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('joint_purchases_group_idx').on(t.groupId)],
);

/**
 * The call-offs a joint purchase through a framework lot placed, one per commune (issue 10): they consume the lot's
 * and the agreement's ceilings like any order, and the agreement lists them.
 */
export const jointPurchaseCallOffs = pgTable(
  'joint_purchase_call_offs',
  {
    purchaseId: belongsTo('purchase_id', () => jointPurchases.id),
    callOffId: belongsTo('call_off_id', () => callOffs.id),
  },
  (t) => [
    primaryKey({ columns: [t.purchaseId, t.callOffId] }),
    uniqueIndex('joint_purchase_call_offs_call_off_idx').on(t.callOffId),
  ],
);
