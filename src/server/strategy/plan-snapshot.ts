import { type FundingBasis, projectFunding } from '../../domain/strategy/funding.ts';
import { analyseRanking, buildPortfolioProblem } from '../../domain/strategy/mission-model.ts';
import { numberObjectives } from '../../domain/strategy/objectives.ts';
import { balanceRules, isEmptyBalance, type PlanBalance } from '../../domain/strategy/plan-balance.ts';
import type { PlanSnapshot } from '../../domain/strategy/plan-snapshot.ts';
import type { ProjectSheet } from '../../domain/strategy/project-sheets.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import type { MissionRecord } from '../missions/missions.repository.ts';
import { strategyData } from './strategy-core.ts';

export type SnapshotOptions = { fundingBasis?: FundingBasis; carryOver?: boolean; balance?: PlanBalance };

/** The options a stored plan was computed with (requested funding, no carry-over, no balance for older plans). */
export function optionsOf(snapshot: PlanSnapshot): {
  fundingBasis: FundingBasis;
  carryOver: boolean;
  balance?: PlanBalance;
} {
  return {
    fundingBasis: snapshot.fundingBasis ?? 'requested',
    // A run interrupted before its snapshot was written stores `{}`.
    carryOver: snapshot.problem?.carryOver ?? false,
    ...(snapshot.planBalance ? { balance: snapshot.planBalance } : {}),
  };
}

type Built = ReturnType<typeof buildPortfolioProblem>;

/** The balance rules asked, added to a built problem; they read the objectives tree and the SWOT. */
async function balanceAdder(
  repos: Repositories,
  mission: MissionRecord,
  projects: ProjectSheet[],
  planBalance: PlanBalance | undefined,
): Promise<(built: Built) => Built> {
  if (!planBalance) return (built) => built;
  const [objectives, swot] = await Promise.all([
    repos.strategy.objectives(mission.id),
    repos.diagnostic.listSwot(mission.id),
  ]);
  return (built) => {
    const rules = balanceRules(planBalance, built.problem, {
      sheets: projects,
      objectives: numberObjectives(objectives),
      swotItems: swot,
    });
    return {
      ...built,
      problem: {
        ...built.problem,
        ...(rules.balance.length > 0 ? { balance: rules.balance } : {}),
        ...(rules.cover.length > 0 ? { cover: rules.cover } : {}),
      },
    };
  };
}

/** What the plan is computed from, now: the problem, and what the report and roadmap need beside it. */
export async function takeSnapshot(
  repos: Repositories,
  mission: MissionRecord,
  options: SnapshotOptions = {},
): Promise<PlanSnapshot> {
  const fundingBasis = options.fundingBasis ?? 'requested';
  const carryOver = options.carryOver ?? false;
  const { data, projects } = await strategyData(repos, mission);
  const analysis = analyseRanking(data, { topK: null });
  const planBalance = isEmptyBalance(options.balance) ? undefined : options.balance;
  const withBalance = await balanceAdder(repos, mission, projects, planBalance);
  const { problem, outside } = withBalance(buildPortfolioProblem(data, analysis.ranking, { fundingBasis, carryOver }));
  const other: FundingBasis = fundingBasis === 'requested' ? 'granted' : 'requested';
  const inside = new Set(problem.projects.map((p) => p.id));
  return {
    problem,
    outside,
    fundingBasis,
    ...(planBalance ? { planBalance } : {}),
    costs: Object.fromEntries(
      projects.filter((p) => inside.has(p.id)).map((p) => [p.id, projectFunding(p, fundingBasis)]),
    ),
    alternative: {
      fundingBasis: other,
      problem: withBalance(buildPortfolioProblem(data, analysis.ranking, { fundingBasis: other, carryOver })).problem,
    },
    projects: projects.map((p) => ({
      id: p.id,
      runningCostPerYear: p.runningCostPerYear,
      durationMonths: p.durationMonths,
      requires: p.requires,
    })),
    horizons: [...data.horizons],
    locks: [...data.locks],
  };
}

/** Whether a stored plan still matches the data: its snapshot taken again today with the same options. */
export async function isStale(repos: Repositories, mission: MissionRecord, stored: PlanSnapshot): Promise<boolean> {
  return canonicalJson(stored) !== canonicalJson(await takeSnapshot(repos, mission, optionsOf(stored)));
}

/** JSON with object keys sorted, so two equal values written by different engines (jsonb reorders keys) compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
