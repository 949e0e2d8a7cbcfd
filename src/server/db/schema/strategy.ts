import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PlanSnapshot } from '../../../domain/strategy/plan-snapshot.ts';
import type { ProjectSheet } from '../../../domain/strategy/project-sheets.ts';
import type { MissionAhp, PlanResult, PlanRun, Scenario } from '../../../domain/strategy/strategy-api.ts';
import { userRef } from './auth.ts';
import {
  belongsTo,
  createdAt,
  instant,
  instantNow,
  money,
  textList,
  timestamps,
  updatedAt,
  uuidPk,
} from './columns.ts';
import { swotItems } from './diagnostic.ts';
import { missions } from './missions.ts';
import { needs } from './needs.ts';

/**
 * The strategy of a mission (issue 4): project sheets, criteria and their evaluations, weight scenarios, the
 * horizons' budgets, locks, plan runs, and the PST objectives tree. Everything hangs off the mission and goes with it.
 */
const HORIZONS_SQL = sql.raw(`('short', 'medium', 'long')`);

/** One row per mission whose strategy was started: the AHP comparisons and when it started. */
export const strategySettings = pgTable('strategy_settings', {
  missionId: belongsTo('mission_id', () => missions.id).primaryKey(),
  /** { criterionIds, upperTriangle, result, updatedAt } of the last AHP comparison, or null. */
  ahp: jsonb('ahp').$type<MissionAhp>(),
  startedAt: instantNow('started_at'),
  updatedAt: updatedAt(),
});

export const strategyObjectives = pgTable(
  'strategy_objectives',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => strategyObjectives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [index('strategy_objectives_mission_idx').on(t.missionId)],
);

export const projectSheets = pgTable(
  'project_sheets',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    title: text('title').notNull(),
    description: text('description'),
    dimensions: textList('dimensions'),
    needRefs: textList('need_refs'),
    owner: text('owner'),
    investmentCost: money('investment_cost').notNull().default(0),
    runningCostPerYear: money('running_cost_per_year').notNull().default(0),
    /** [{ name, amount?, rate? }] */
    funding: jsonb('funding').$type<ProjectSheet['funding']>().notNull().default(sql`'[]'::jsonb`),
    earliestHorizon: text('earliest_horizon', { enum: ['short', 'medium', 'long'] }),
    durationMonths: integer('duration_months').notNull().default(12),
    /** % of the cost by horizon from the start horizon, as the consultant edited it; null: spread by duration. */
    phasing: jsonb('phasing').$type<number[] | null>(),
    mandatory: boolean('mandatory').notNull().default(false),
    status: text('status', { enum: ['draft', 'proposed', 'approved', 'rejected'] })
      .notNull()
      .default('draft'),
    objectiveId: uuid('objective_id').references(() => strategyObjectives.id, { onDelete: 'set null' }),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('project_sheets_mission_idx').on(t.missionId),
    check('project_sheets_status_check', sql`${t.status} in ('draft', 'proposed', 'approved', 'rejected')`),
    check('project_sheets_horizon_check', sql`${t.earliestHorizon} is null or ${t.earliestHorizon} in ${HORIZONS_SQL}`),
    check('project_sheets_costs_check', sql`${t.investmentCost} >= 0 and ${t.runningCostPerYear} >= 0`),
    check('project_sheets_duration_check', sql`${t.durationMonths} between 1 and 84`),
  ],
);

/**
 * The SWOT items of the diagnostic a sheet answers. Deleting an item forgets the link; merging items moves it to the
 * merged item (DiagnosticService.mergeSwot).
 */
export const projectSwotItems = pgTable(
  'project_swot_items',
  {
    projectId: belongsTo('project_id', () => projectSheets.id),
    swotItemId: belongsTo('swot_item_id', () => swotItems.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.swotItemId] }), index('project_swot_items_item_idx').on(t.swotItemId)],
);

/** The needs of the commune's register a sheet answers. */
export const projectNeeds = pgTable(
  'project_needs',
  {
    projectId: belongsTo('project_id', () => projectSheets.id),
    needId: belongsTo('need_id', () => needs.id),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.needId] }), index('project_needs_need_idx').on(t.needId)],
);

export const projectDependencies = pgTable(
  'project_dependencies',
  {
    projectId: belongsTo('project_id', () => projectSheets.id),
    requiresId: belongsTo('requires_id', () => projectSheets.id),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.requiresId] }),
    check('project_dependencies_self_check', sql`${t.projectId} <> ${t.requiresId}`),
    index('project_dependencies_requires_idx').on(t.requiresId),
  ],
);

/** Each pair once, the smaller id first. */
export const projectExclusions = pgTable(
  'project_exclusions',
  {
    firstId: belongsTo('first_id', () => projectSheets.id),
    secondId: belongsTo('second_id', () => projectSheets.id),
  },
  (t) => [
    primaryKey({ columns: [t.firstId, t.secondId] }),
    check('project_exclusions_order_check', sql`${t.firstId} < ${t.secondId}`),
    index('project_exclusions_second_idx').on(t.secondId),
  ],
);

export const projectComments = pgTable(
  'project_comments',
  {
    id: uuidPk(),
    projectId: belongsTo('project_id', () => projectSheets.id),
    authorId: userRef('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('project_comments_project_idx').on(t.projectId, t.createdAt)],
);

export const strategyCriteria = pgTable(
  'strategy_criteria',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    description: text('description'),
    direction: text('direction', { enum: ['max', 'min'] }).notNull(),
    weight: doublePrecision('weight').notNull(),
    preferenceType: text('preference_type', {
      enum: ['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian'],
    }).notNull(),
    q: doublePrecision('q'),
    p: doublePrecision('p'),
    s: doublePrecision('s'),
    source: text('source', { enum: ['manual', 'investmentCost', 'runningCost'] })
      .notNull()
      .default('manual'),
    scaleMin: doublePrecision('scale_min'),
    scaleMax: doublePrecision('scale_max'),
    /** 'pairwise-quartiles': q and p are read from the projects' values when ranking (issue 13); null: as typed. */
    thresholdRule: text('threshold_rule', { enum: ['pairwise-quartiles'] }),
    createdAt: createdAt(),
  },
  (t) => [
    index('strategy_criteria_mission_idx').on(t.missionId),
    check('strategy_criteria_direction_check', sql`${t.direction} in ('max', 'min')`),
    check('strategy_criteria_weight_check', sql`${t.weight} >= 0`),
    check('strategy_criteria_source_check', sql`${t.source} in ('manual', 'investmentCost', 'runningCost')`),
  ],
);

export const strategyEvaluations = pgTable(
  'strategy_evaluations',
  {
    projectId: belongsTo('project_id', () => projectSheets.id),
    criterionId: belongsTo('criterion_id', () => strategyCriteria.id),
    value: doublePrecision('value').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.criterionId] }),
    index('strategy_evaluations_criterion_idx').on(t.criterionId),
  ],
);

export const strategyScenarios = pgTable(
  'strategy_scenarios',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    name: text('name').notNull(),
    /** { criterionId: weight } */
    weights: jsonb('weights').$type<Scenario['weights']>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('strategy_scenarios_mission_idx').on(t.missionId)],
);

export const strategyHorizons = pgTable(
  'strategy_horizons',
  {
    missionId: belongsTo('mission_id', () => missions.id),
    key: text('key', { enum: ['short', 'medium', 'long'] }).notNull(),
    budget: money('budget').notNull().default(0),
    valueFactor: doublePrecision('value_factor').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.key] }),
    check('strategy_horizons_key_check', sql`${t.key} in ${HORIZONS_SQL}`),
    check('strategy_horizons_years_check', sql`${t.endYear} >= ${t.startYear}`),
  ],
);

/** A consultant fixes a project in a horizon; the next plan keeps it there. */
export const strategyLocks = pgTable(
  'strategy_locks',
  {
    projectId: belongsTo('project_id', () => projectSheets.id).primaryKey(),
    missionId: belongsTo('mission_id', () => missions.id),
    horizon: text('horizon', { enum: ['short', 'medium', 'long'] }).notNull(),
  },
  (t) => [
    index('strategy_locks_mission_idx').on(t.missionId),
    check('strategy_locks_horizon_check', sql`${t.horizon} in ${HORIZONS_SQL}`),
  ],
);

/** One computation of the optimal plan: requested, run in the background, then done or failed. */
export const strategyPlanRuns = pgTable(
  'strategy_plan_runs',
  {
    id: uuidPk(),
    missionId: belongsTo('mission_id', () => missions.id),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    /** The portfolio problem solved, with the locks: compared with today's to tell a stale plan. */
    problem: jsonb('problem').$type<PlanSnapshot>().notNull(),
    locks: jsonb('locks').$type<PlanRun['locks']>().notNull().default(sql`'[]'::jsonb`),
    result: jsonb('result').$type<PlanResult>(),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    timeLimitSeconds: doublePrecision('time_limit_seconds').notNull(),
    relativeGap: doublePrecision('relative_gap').notNull(),
    requestedBy: userRef('requested_by'),
    requestedByName: text('requested_by_name'),
    /** 0 … 1 while the solve runs (a job of the queue, decision 110): stored here, so every instance shows it. */
    progress: doublePrecision('progress'),
    /** Where the solve stands: queued, solve, compare, explain, retry, then done or failed. */
    step: text('step'),
    startedAt: instantNow('started_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    index('strategy_plan_runs_mission_idx').on(t.missionId, t.startedAt),
    check('strategy_plan_runs_status_check', sql`${t.status} in ('running', 'done', 'failed')`),
  ],
);
