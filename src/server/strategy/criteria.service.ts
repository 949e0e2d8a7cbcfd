import { deriveAhpWeights } from '../../domain/strategy/ahp.ts';
import type {
  Criterion,
  CriterionCreateInput,
  CriterionUpdateInput,
  WeightsInput,
} from '../../domain/strategy/criteria.ts';
import type { MissionAhp, MissionAhpInput } from '../../domain/strategy/strategy-api.ts';
import type { Actor } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { preferenceColumns, presentCriteria } from './strategy.presenter.ts';
import type { CriterionRow } from './strategy.repository.ts';
import { auditStrategy, checkWeights, ensureStarted, missionFor } from './strategy-core.ts';

/** At most this many criteria per mission: PROMETHEE and AHP stay readable. */
const MAX_CRITERIA = 15;

/** The columns a criterion's change sets (undefined: left as it is). */
function criterionPatch(row: CriterionRow, input: CriterionUpdateInput) {
  const source = input.source ?? row.source;
  return {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.direction !== undefined ? { direction: input.direction } : {}),
    ...(input.weight !== undefined ? { weight: input.weight } : {}),
    ...(input.preference !== undefined ? preferenceColumns(input.preference) : {}),
    // Thresholds typed by hand replace the rule; the rule may be set (or cleared) explicitly.
    ...(input.thresholdRule !== undefined
      ? { thresholdRule: input.thresholdRule }
      : input.preference !== undefined
        ? { thresholdRule: null }
        : {}),
    ...(input.source !== undefined ? { source: input.source } : {}),
    ...(input.scale !== undefined || source !== 'manual'
      ? {
          scaleMin: source === 'manual' ? (input.scale?.min ?? row.scaleMin) : null,
          scaleMax: source === 'manual' ? (input.scale?.max ?? row.scaleMax) : null,
        }
      : {}),
  };
}

/** The criteria of a mission's strategy and their weights, typed by hand or derived by AHP. */
export class CriteriaService {
  constructor(private readonly uow: UnitOfWork) {}

  async criteria(actor: Actor, missionId: string): Promise<Criterion[]> {
    return this.uow.read(async (repos) => {
      await missionFor(repos, actor, missionId, 'read');
      return presentCriteria(await repos.strategy.criteria(missionId));
    });
  }

  async createCriterion(ctx: RequestContext, missionId: string, input: CriterionCreateInput): Promise<Criterion[]> {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'create');
      await ensureStarted(repos, ctx, mission);
      const existing = await repos.strategy.criteria(missionId);
      if (existing.length >= MAX_CRITERIA) throw new ValidationError('CRITERIA_TOO_MANY', { max: MAX_CRITERIA });
      const [created] = await repos.strategy.insertCriteria([
        {
          missionId,
          position: existing.length,
          name: input.name,
          description: input.description ?? null,
          direction: input.direction,
          weight: input.weight,
          ...preferenceColumns(input.preference),
          thresholdRule: input.thresholdRule ?? null,
          source: input.source,
          scaleMin: input.source === 'manual' ? (input.scale?.min ?? null) : null,
          scaleMax: input.source === 'manual' ? (input.scale?.max ?? null) : null,
        },
      ]);
      await repos.strategy.setAhp(missionId, null);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.criterion.create',
        entityType: 'criterion',
        entityId: created!.id,
        after: presentCriteria([created!])[0],
      });
    });
    return this.criteria(ctx.actor, missionId);
  }

  async updateCriterion(ctx: RequestContext, criterionId: string, input: CriterionUpdateInput): Promise<Criterion[]> {
    const missionId = await this.uow.write(async (repos) => {
      const row = await repos.strategy.criterion(criterionId);
      if (!row) throw new NotFoundError('CRITERION_NOT_FOUND');
      const mission = await missionFor(repos, ctx.actor, row.missionId, 'update');
      const rows = await repos.strategy.criteria(row.missionId);
      const before = presentCriteria(rows).find((c) => c.id === criterionId)!;
      await repos.strategy.updateCriterion(criterionId, criterionPatch(row, input));
      if (input.position !== undefined) {
        const order = rows.filter((r) => r.id !== criterionId);
        order.splice(Math.min(input.position, order.length), 0, row);
        for (const [position, r] of order.entries()) await repos.strategy.updateCriterion(r.id, { position });
      }
      // The AHP matrix compares the criteria as they were: a new weight by hand or a new order makes it outdated.
      if (input.weight !== undefined || input.position !== undefined) await repos.strategy.setAhp(row.missionId, null);
      const after = presentCriteria(await repos.strategy.criteria(row.missionId)).find((c) => c.id === criterionId);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.criterion.update',
        entityType: 'criterion',
        entityId: criterionId,
        before,
        after,
      });
      return row.missionId;
    });
    return this.criteria(ctx.actor, missionId);
  }

  async deleteCriterion(ctx: RequestContext, criterionId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await repos.strategy.criterion(criterionId);
      if (!row) throw new NotFoundError('CRITERION_NOT_FOUND');
      const mission = await missionFor(repos, ctx.actor, row.missionId, 'delete');
      await repos.strategy.deleteCriterion(criterionId);
      await repos.strategy.setAhp(row.missionId, null);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.criterion.delete',
        entityType: 'criterion',
        entityId: criterionId,
        before: presentCriteria([row])[0],
      });
    });
  }

  async setWeights(ctx: RequestContext, missionId: string, input: WeightsInput): Promise<Criterion[]> {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      const rows = await repos.strategy.criteria(missionId);
      checkWeights(
        rows.map((r) => r.id),
        input.weights,
      );
      for (const row of rows) await repos.strategy.updateCriterion(row.id, { weight: input.weights[row.id]! });
      await repos.strategy.setAhp(missionId, null);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.weights.set',
        entityType: 'mission',
        entityId: missionId,
        before: Object.fromEntries(rows.map((r) => [r.name, r.weight])),
        after: Object.fromEntries(rows.map((r) => [r.name, input.weights[r.id]])),
      });
    });
    return this.criteria(ctx.actor, missionId);
  }

  async setAhp(ctx: RequestContext, missionId: string, input: MissionAhpInput): Promise<MissionAhp> {
    return this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      const rows = await repos.strategy.criteria(missionId);
      const ids = new Set(rows.map((r) => r.id));
      if (input.criterionIds.length !== ids.size || input.criterionIds.some((id) => !ids.has(id))) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'criterionIds' });
      }
      if (new Set(input.criterionIds).size !== input.criterionIds.length) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'criterionIds' });
      }
      // Throws AHP_TRIANGLE_SHAPE etc. (422) for a triangle of the wrong shape.
      const result = deriveAhpWeights({ upperTriangle: input.upperTriangle });
      if (result.weights.length !== input.criterionIds.length) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'upperTriangle' });
      }
      const ahp: MissionAhp = {
        criterionIds: input.criterionIds,
        upperTriangle: input.upperTriangle,
        result,
        updatedAt: new Date().toISOString(),
      };
      const before = Object.fromEntries(rows.map((r) => [r.name, r.weight]));
      if (input.apply) {
        for (const [i, id] of input.criterionIds.entries()) {
          // Weights are kept as percentages, like weights typed by hand.
          await repos.strategy.updateCriterion(id, { weight: Math.round(result.weights[i]! * 1e6) / 1e4 });
        }
      }
      await repos.strategy.setAhp(missionId, ahp);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.ahp.set',
        entityType: 'mission',
        entityId: missionId,
        before,
        after: {
          upperTriangle: input.upperTriangle,
          consistencyRatio: result.consistencyRatio,
          applied: input.apply,
          weights: Object.fromEntries(
            input.criterionIds.map((id, i) => [rows.find((r) => r.id === id)!.name, result.weights[i]]),
          ),
        },
      });
      return ahp;
    });
  }
}
