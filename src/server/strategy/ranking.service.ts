import type { Criterion } from '../../domain/strategy/criteria.ts';
import { analyseRanking, buildRankProblem } from '../../domain/strategy/mission-model.ts';
import { compareScenarios } from '../../domain/strategy/scenarios.ts';
import type { ScenarioCreateInput } from '../../domain/strategy/strategy-api.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentCriteria, presentScenario } from './strategy.presenter.ts';
import { auditStrategy, checkWeights, missionFor, type StrategyAction, strategyData } from './strategy-core.ts';

/** The ranking of a mission's projects (PROMETHEE, GAIA, stability) and the weight scenarios compared with it. */
export class RankingService {
  constructor(private readonly uow: UnitOfWork) {}

  async ranking(
    actor: Actor,
    missionId: string,
    query: { scenarioId?: string | undefined; topK?: number | undefined },
  ) {
    return this.uow.read(async (repos) => {
      const mission = await missionFor(repos, actor, missionId, 'read');
      const { data } = await strategyData(repos, mission);
      let weights: Record<string, number> | undefined;
      if (query.scenarioId) {
        const scenario = await repos.strategy.scenario(query.scenarioId);
        if (!scenario || scenario.missionId !== missionId) throw new NotFoundError('SCENARIO_NOT_FOUND');
        weights = scenario.weights;
      }
      return analyseRanking(data, {
        ...(weights ? { weights } : {}),
        topK: query.topK === undefined ? 5 : query.topK === 0 ? null : query.topK,
      });
    });
  }

  async createScenario(ctx: RequestContext, missionId: string, input: ScenarioCreateInput) {
    return this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'create');
      const rows = await repos.strategy.criteria(missionId);
      const weights = input.weights ?? Object.fromEntries(rows.map((r) => [r.id, r.weight]));
      checkWeights(
        rows.map((r) => r.id),
        weights,
      );
      const created = await repos.strategy.insertScenario({ missionId, name: input.name, weights });
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.scenario.create',
        entityType: 'scenario',
        entityId: created.id,
        after: { name: input.name, weights },
      });
      return presentScenario(created);
    });
  }

  private async scenarioOf(repos: Repositories, actor: Actor, scenarioId: string, action: StrategyAction) {
    const scenario = await repos.strategy.scenario(scenarioId);
    if (!scenario) throw new NotFoundError('SCENARIO_NOT_FOUND');
    const mission = await missionFor(repos, actor, scenario.missionId, action);
    return { scenario, mission };
  }

  async deleteScenario(ctx: RequestContext, scenarioId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const { scenario, mission } = await this.scenarioOf(repos, ctx.actor, scenarioId, 'delete');
      await repos.strategy.deleteScenario(scenarioId);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.scenario.delete',
        entityType: 'scenario',
        entityId: scenarioId,
        before: { name: scenario.name, weights: scenario.weights },
      });
    });
  }

  /** Makes a scenario's weights the current ones. */
  async applyScenario(ctx: RequestContext, scenarioId: string): Promise<Criterion[]> {
    const missionId = await this.uow.write(async (repos) => {
      const { scenario, mission } = await this.scenarioOf(repos, ctx.actor, scenarioId, 'update');
      const rows = await repos.strategy.criteria(mission.id);
      const weights = scenario.weights;
      // A criterion added after the scenario was saved keeps its weight.
      for (const row of rows) {
        if (weights[row.id] !== undefined) await repos.strategy.updateCriterion(row.id, { weight: weights[row.id] });
      }
      await repos.strategy.setAhp(mission.id, null);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.scenario.apply',
        entityType: 'scenario',
        entityId: scenarioId,
        before: Object.fromEntries(rows.map((r) => [r.name, r.weight])),
        after: Object.fromEntries(rows.map((r) => [r.name, weights[r.id] ?? r.weight])),
      });
      return mission.id;
    });
    return this.uow.read(async (repos) => presentCriteria(await repos.strategy.criteria(missionId)));
  }

  /** The current weights and every saved scenario, side by side. */
  async compareScenarios(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await missionFor(repos, actor, missionId, 'read');
      const { data, criteria } = await strategyData(repos, mission);
      const saved = await repos.strategy.scenarios(missionId);
      const current = {
        id: 'current',
        name: 'current',
        weights: Object.fromEntries(criteria.map((c) => [c.id, c.weight])),
      };
      const scenarios = [
        current,
        ...saved.map((s) => {
          const weights = s.weights;
          // Criteria added since the scenario was saved take their current weight; removed ones are dropped.
          return {
            id: s.id,
            name: s.name,
            weights: Object.fromEntries(criteria.map((c) => [c.id, weights[c.id] ?? c.weight])),
          };
        }),
      ];
      const { problem } = buildRankProblem(data);
      if (problem.criteria.length === 0 || !scenarios.every((s) => Object.values(s.weights).some((w) => w > 0))) {
        return { scenarios, ranks: [], agreement: [] };
      }
      const comparison = compareScenarios(
        problem,
        scenarios.map((s) => ({ id: s.id, weights: s.weights })),
      );
      return { scenarios, ranks: comparison.ranks, agreement: comparison.agreement };
    });
  }
}
