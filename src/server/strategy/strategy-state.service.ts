import { analyseRanking } from '../../domain/strategy/mission-model.ts';
import { numberObjectives } from '../../domain/strategy/objectives.ts';
import type { StrategyOverviewItem, StrategyState } from '../../domain/strategy/strategy-api.ts';
import { type Actor, readScope } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentAhp, presentOverviewItem, presentRun, presentScenario } from './strategy.presenter.ts';
import { ensureStarted, missionFor, strategyData, strategyPermissions } from './strategy-core.ts';

/** A mission's strategy as a whole: its state, its start, the missions' overview and the document's data. */
export class StrategyStateService {
  constructor(private readonly uow: UnitOfWork) {}

  async state(actor: Actor, missionId: string): Promise<StrategyState> {
    return this.uow.read(async (repos) => {
      const mission = await missionFor(repos, actor, missionId, 'read');
      const [settings, { data, criteria, projects }, objectives, scenarios] = await Promise.all([
        repos.strategy.settings(missionId),
        strategyData(repos, mission),
        repos.strategy.objectives(missionId),
        repos.strategy.scenarios(missionId),
      ]);
      return {
        missionId,
        communeNis: mission.communeNis,
        started: settings !== null,
        criteria,
        projects,
        evaluations: [...data.evaluations],
        horizons: [...data.horizons],
        locks: [...data.locks],
        objectives: numberObjectives(objectives),
        scenarios: scenarios.map(presentScenario),
        ahp: presentAhp(settings?.ahp ?? null),
        permissions: strategyPermissions(actor, mission.communeNis),
      };
    });
  }

  async start(ctx: RequestContext, missionId: string): Promise<StrategyState> {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      await ensureStarted(repos, ctx, mission);
    });
    return this.state(ctx.actor, missionId);
  }

  /** The strategies of the missions the caller may see. */
  async overview(actor: Actor): Promise<StrategyOverviewItem[]> {
    const scope = readScope(actor, 'strategy');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const { rows, costOf } = await this.uow.read((repos) =>
      repos.strategyPlans.overview(scope.kind === 'commune' ? scope.communeNis : null),
    );
    return rows.map((row) => presentOverviewItem(row, costOf));
  }

  /** Everything the strategy document shows, read in one go. */
  async documentData(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await missionFor(repos, actor, missionId, 'read');
      const [{ data, criteria, projects }, objectives, settings, run] = await Promise.all([
        strategyData(repos, mission),
        repos.strategy.objectives(missionId),
        repos.strategy.settings(missionId),
        repos.strategyPlans.latestDoneRun(missionId),
      ]);
      const analysis = analyseRanking(data, { topK: null });
      const result = run ? presentRun(run).result : null;
      const ahp = presentAhp(settings?.ahp ?? null);
      return {
        mission,
        criteria,
        projects,
        horizons: [...data.horizons],
        objectives: numberObjectives(objectives),
        ranking: analysis.ranking,
        ahp: ahp ? { consistencyRatio: ahp.result.consistencyRatio, consistent: ahp.result.consistent } : null,
        plan: result && result.objective !== null ? { status: result.status, placements: result.placements } : null,
        roadmap: result?.roadmap ?? null,
      };
    });
  }
}
