import type { Criterion } from '../../domain/strategy/criteria.ts';
import { DEFAULT_HORIZONS, HORIZON_KEYS, type Horizon } from '../../domain/strategy/horizons.ts';
import type { Evaluation } from '../../domain/strategy/mission-model.ts';
import type { ProjectSheet } from '../../domain/strategy/project-sheets.ts';
import type { PreferenceFunction } from '../../domain/strategy/schemas.ts';
import type {
  MissionAhp,
  PlanRun,
  ProjectComment,
  Scenario,
  StrategyOverviewItem,
} from '../../domain/strategy/strategy-api.ts';
import type {
  CommentRow,
  CriterionRow,
  EvaluationRow,
  HorizonRow,
  ProjectRecord,
  ScenarioRow,
} from './strategy.repository.ts';
import type { OverviewRow, PlanRunRow } from './strategy-plans.repository.ts';

export function presentCriteria(rows: CriterionRow[]): Criterion[] {
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  return rows.map((row, index) => ({
    id: row.id,
    position: index,
    name: row.name,
    description: row.description,
    direction: row.direction,
    weight: row.weight,
    normalisedWeight: total > 0 ? row.weight / total : 0,
    preference: preferenceOf(row),
    source: row.source,
    scale: row.scaleMin !== null && row.scaleMax !== null ? { min: row.scaleMin, max: row.scaleMax } : null,
    thresholdRule: row.thresholdRule ?? null,
  }));
}

function preferenceOf(row: CriterionRow): PreferenceFunction {
  return {
    type: row.preferenceType,
    ...(row.q !== null ? { q: row.q } : {}),
    ...(row.p !== null ? { p: row.p } : {}),
    ...(row.s !== null ? { s: row.s } : {}),
  };
}

/** The columns of a preference function: only the parameters its type uses are kept. */
export function preferenceColumns(fn: PreferenceFunction) {
  const uses = {
    usual: [],
    'u-shape': ['q'],
    'v-shape': ['p'],
    level: ['q', 'p'],
    linear: ['q', 'p'],
    gaussian: ['s'],
  }[fn.type] as ('q' | 'p' | 's')[];
  return {
    preferenceType: fn.type,
    q: uses.includes('q') ? (fn.q ?? null) : null,
    p: uses.includes('p') ? (fn.p ?? null) : null,
    s: uses.includes('s') ? (fn.s ?? null) : null,
  };
}

export function presentProject(row: ProjectRecord): ProjectSheet {
  return {
    id: row.id,
    missionId: row.missionId,
    title: row.title,
    description: row.description,
    dimensions: row.dimensions as ProjectSheet['dimensions'],
    swotItemIds: [...row.swotItemIds].sort(),
    needIds: [...row.needIds].sort(),
    needRefs: row.needRefs,
    owner: row.owner,
    investmentCost: Number(row.investmentCost),
    runningCostPerYear: Number(row.runningCostPerYear),
    funding: row.funding,
    earliestHorizon: row.earliestHorizon,
    durationMonths: row.durationMonths,
    phasing: (row.phasing as number[] | null) ?? null,
    requires: [...row.requires].sort(),
    excludes: [...row.excludes].sort(),
    mandatory: row.mandatory,
    status: row.status,
    objectiveId: row.objectiveId,
    commentCount: row.commentCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a sheet: its fields, without timestamps and counters. */
export function auditableProject(sheet: ProjectSheet) {
  const { createdAt: _c, updatedAt: _u, commentCount: _n, ...fields } = sheet;
  return fields;
}

export function presentEvaluations(rows: EvaluationRow[]): Evaluation[] {
  return rows.map((r) => ({ projectId: r.projectId, criterionId: r.criterionId, value: r.value }));
}

/** The stored horizons; a horizon not stored yet shows its default (`fallback`, from the mission's start date). */
export function presentHorizons(rows: HorizonRow[], fallback: readonly Horizon[] = DEFAULT_HORIZONS): Horizon[] {
  return HORIZON_KEYS.map((key) => {
    const row = rows.find((r) => r.key === key);
    return row
      ? {
          key,
          budget: Number(row.budget),
          valueFactor: row.valueFactor,
          startYear: row.startYear,
          endYear: row.endYear,
        }
      : { ...fallback.find((h) => h.key === key)! };
  });
}

export function presentScenario(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    weights: row.weights,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentAhp(value: MissionAhp | null): MissionAhp | null {
  return value ?? null;
}

export function presentComment(row: CommentRow, canDelete: boolean): ProjectComment {
  return {
    id: row.id,
    projectId: row.projectId,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    canDelete,
  };
}

export function presentRun(row: PlanRunRow): PlanRun {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress ?? null,
    step: (row.step as PlanRun['step']) ?? null,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    timeLimitSeconds: row.timeLimitSeconds,
    relativeGap: row.relativeGap,
    requestedBy: row.requestedByName,
    locks: row.locks ?? [],
    result: row.result ?? null,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? row.errorCode } : null,
  };
}

/** One mission of the strategies' overview: its size and its latest computed plan. */
export function presentOverviewItem(row: OverviewRow, costOf: ReadonlyMap<string, number>): StrategyOverviewItem {
  const placements = row.run?.result?.placements ?? null;
  return {
    missionId: row.missionId,
    missionTitle: row.missionTitle,
    communeNis: row.communeNis,
    communeName: row.communeName,
    phase: row.phase,
    started: row.startedAt !== null,
    projects: row.projects,
    planned: placements ? placements.length : null,
    plannedInvestment: placements ? placements.reduce((s, p) => s + (costOf.get(p.projectId) ?? 0), 0) : null,
    planStatus: row.run?.result?.status ?? null,
    planFinishedAt: row.run?.finishedAt?.toISOString() ?? null,
  };
}
