import type { FundingBasis, ProjectFunding } from './funding.ts';
import { HORIZON_KEYS, type Horizon, type HorizonKey } from './horizons.ts';
import { diagnoseInfeasibility } from './infeasibility.ts';
import type { OutsideProject } from './mission-model.ts';
import type { PlanBalance } from './plan-balance.ts';
import { explainPlan } from './portfolio-explain.ts';
import { greedyPlan } from './portfolio-greedy.ts';
import { buildRoadmap } from './roadmap.ts';
import type { PortfolioProblem, PortfolioResult } from './schemas.ts';
import type { PlanResult } from './strategy-api.ts';

/**
 * Everything the plan page shows, from the solver's result: the placements, the greedy plan beside it, how much of
 * each budget line is used and whether it binds, why each project is left out, why the problem is infeasible when
 * it is, and the roadmap of the plan.
 */
export type PlanReportInput = {
  problem: PortfolioProblem;
  result: PortfolioResult;
  outside: readonly OutsideProject[];
  projects: readonly { id: string; runningCostPerYear: number; durationMonths: number; requires: readonly string[] }[];
  horizons: readonly Horizon[];
  fundingBasis?: FundingBasis;
  costs?: Readonly<Record<string, ProjectFunding>>;
  /** The plan computed on the other funding basis. */
  comparison?: { fundingBasis: FundingBasis; problem: PortfolioProblem; result: PortfolioResult };
  /** The balance asked, as typed (its rules are in the problem). */
  planBalance?: PlanBalance;
  /** Balance or coverage rules without which, alone, a plan exists (when the problem is infeasible). */
  blockingRules?: readonly string[];
};

const asKey = (id: string) => id as HorizonKey;

export function reportPlan(input: PlanReportInput): PlanResult {
  const { problem, result } = input;
  const running = new Map(input.projects.map((p) => [p.id, p.runningCostPerYear]));
  const costs = input.costs;
  const placements = result.plan.map((p) => ({ projectId: p.id, horizon: asKey(p.horizon) }));
  const greedyPlacements = greedyPlan(problem).map((p) => ({ projectId: p.id, horizon: asKey(p.horizon) }));
  const explanation = explainPlan(problem, result.plan);
  const feasible = result.status !== 'infeasible' && result.objective !== null;
  const budgets = explanation.budgets.map((line) => ({
    ...line,
    horizon: asKey(line.horizon),
    runningPerYear: placements
      .filter((p) => p.horizon === line.horizon)
      .reduce((sum, p) => sum + (running.get(p.projectId) ?? 0), 0),
    ...(costs
      ? (() => {
          const placed = placements.filter((p) => p.horizon === line.horizon);
          const investment = placed.reduce((sum, p) => sum + (costs[p.projectId]?.investment ?? 0), 0);
          return { investment, funding: Math.max(0, investment - line.used) };
        })()
      : {}),
  }));
  const comparison = input.comparison;
  return {
    status: result.status,
    objective: result.objective,
    greedyObjective: result.greedyObjective,
    placements,
    greedyPlacements,
    values: Object.fromEntries(problem.projects.map((p) => [p.id, p.value])),
    budgets: HORIZON_KEYS.map((key) => budgets.find((b) => b.horizon === key)!).filter(Boolean),
    leftOut: feasible ? explanation.leftOut.map(({ id, reasons }) => ({ projectId: id, reasons })) : [],
    outside: [...input.outside],
    infeasibility:
      result.status === 'infeasible'
        ? diagnoseInfeasibility(problem, input.blockingRules ? { blockingRules: input.blockingRules } : {})
        : null,
    roadmap: feasible ? buildRoadmap({ placements, projects: input.projects, horizons: input.horizons }) : null,
    ...(input.fundingBasis ? { fundingBasis: input.fundingBasis, carryOver: problem.carryOver ?? false } : {}),
    ...(costs ? { costs: { ...costs } } : {}),
    ...((problem.balance ?? []).length > 0 ? { balance: explanation.balance } : {}),
    ...((problem.cover ?? []).length > 0 ? { cover: explanation.cover } : {}),
    ...(input.planBalance ? { planBalance: input.planBalance } : {}),
    ...(comparison
      ? {
          comparison: {
            fundingBasis: comparison.fundingBasis,
            status: comparison.result.status,
            objective: comparison.result.objective,
            placements: comparison.result.plan.map((p) => ({ projectId: p.id, horizon: asKey(p.horizon) })),
            budgets: explainPlan(comparison.problem, comparison.result.plan).budgets.map((b) => ({
              horizon: asKey(b.horizon),
              budget: b.budget,
              used: b.used,
            })),
          },
        }
      : {}),
  };
}
