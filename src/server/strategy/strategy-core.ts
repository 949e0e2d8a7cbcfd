import { DEFAULT_CRITERIA } from '../../domain/strategy/criteria.ts';
import { defaultHorizons } from '../../domain/strategy/horizons.ts';
import type { StrategyData } from '../../domain/strategy/mission-model.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MissionRecord } from '../missions/missions.repository.ts';
import {
  preferenceColumns,
  presentCriteria,
  presentEvaluations,
  presentHorizons,
  presentProject,
} from './strategy.presenter.ts';

/**
 * What every use case of the strategy shares: the mission a request is about (with the policy's answer on its
 * commune), the audit entry of a change, the first touch that seeds the defaults, and the data the engines read.
 */
export type StrategyAction = 'read' | 'create' | 'update' | 'delete';

/** Loads the mission and asks the policy with its commune (the routes name no commune). */
export async function missionFor(
  repos: Repositories,
  actor: Actor,
  missionId: string,
  action: StrategyAction,
  type: 'strategy' | 'strategy_comment' = 'strategy',
): Promise<MissionRecord> {
  const mission = await repos.missions.find(missionId);
  if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
  authorize(actor, action, { type, communeNis: mission.communeNis });
  return mission;
}

/** What the caller may do with a mission's strategy (the web reads it, never a role). */
export function strategyPermissions(actor: Actor, communeNis: string) {
  return {
    edit: can(actor, 'update', { type: 'strategy', communeNis }),
    comment: can(actor, 'create', { type: 'strategy_comment', communeNis }),
  };
}

export type AuditEntry = { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown };

/** An audit entry of a change to a mission's strategy, under the mission's commune. */
export function auditStrategy(repos: Repositories, ctx: RequestContext, mission: MissionRecord, entry: AuditEntry) {
  return repos.audit.record(auditOf(ctx, { ...entry, communeNis: mission.communeNis }));
}

/** The user's id, or null for the system's own requests (CLI, demo). */
export function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.id : null;
}

/** Seeds the default criteria and horizons the first time the mission's strategy is touched. */
export async function ensureStarted(
  repos: Repositories,
  ctx: RequestContext,
  mission: MissionRecord,
): Promise<boolean> {
  if (!(await repos.strategy.start(mission.id))) return false;
  const criteria = await repos.strategy.insertCriteria(
    DEFAULT_CRITERIA.map((c, position) => ({
      missionId: mission.id,
      position,
      name: c.name,
      description: c.description,
      direction: c.direction,
      weight: c.weight,
      ...preferenceColumns(c.preference),
      thresholdRule: c.thresholdRule ?? null,
      source: c.source,
      scaleMin: c.scale?.min ?? null,
      scaleMax: c.scale?.max ?? null,
    })),
  );
  const horizons = defaultHorizons(mission.startDate);
  await repos.strategy.setHorizons(mission.id, horizons);
  await auditStrategy(repos, ctx, mission, {
    action: 'strategy.start',
    entityType: 'mission',
    entityId: mission.id,
    after: { criteria: criteria.map((c) => c.name), horizons },
  });
  return true;
}

/** What the ranking and the plan are computed from: criteria, sheets, evaluations, horizons and locks. */
export async function strategyData(repos: Repositories, mission: MissionRecord) {
  const missionId = mission.id;
  const [criteriaRows, projectRows, evaluationRows, horizonRows, lockRows] = await Promise.all([
    repos.strategy.criteria(missionId),
    repos.strategy.projects(missionId),
    repos.strategy.evaluations(missionId),
    repos.strategy.horizons(missionId),
    repos.strategy.locks(missionId),
  ]);
  const criteria = presentCriteria(criteriaRows);
  const projects = projectRows.map(presentProject);
  const data: StrategyData = {
    criteria,
    projects,
    evaluations: presentEvaluations(evaluationRows),
    horizons: presentHorizons(horizonRows, defaultHorizons(mission.startDate)),
    locks: lockRows.map((l) => ({ projectId: l.projectId, horizon: l.horizon })),
  };
  return { data, criteria, projects };
}

/** Weights given for every criterion and no other, not all zero. */
export function checkWeights(criterionIds: string[], weights: Record<string, number>): void {
  const ids = new Set(criterionIds);
  if (Object.keys(weights).some((id) => !ids.has(id)) || criterionIds.some((id) => weights[id] === undefined)) {
    throw new ValidationError('WEIGHTS_INCOMPLETE', { field: 'weights' });
  }
  if (!criterionIds.some((id) => weights[id]! > 0)) throw new ValidationError('WEIGHTS_ALL_ZERO', { field: 'weights' });
}
