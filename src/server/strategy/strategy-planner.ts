import { DomainError } from '../../domain/shared/errors.ts';
import type { FundingBasis, ProjectFunding } from '../../domain/strategy/funding.ts';
import type { Horizon } from '../../domain/strategy/horizons.ts';
import type { OutsideProject, PortfolioLockEntry } from '../../domain/strategy/mission-model.ts';
import type { PlanBalance } from '../../domain/strategy/plan-balance.ts';
import { reportPlan } from '../../domain/strategy/plan-report.ts';
import type { PortfolioProblem } from '../../domain/strategy/schemas.ts';
import type { PlanOptions } from '../../domain/strategy/strategy-api.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { PortfolioSolver } from './portfolio-solver.ts';
import type { PlanRunRow } from './strategy.repository.ts';

/** What a plan is computed from, frozen when it is requested (and compared later to tell a stale plan). */
export type PlanSnapshot = {
  problem: PortfolioProblem;
  outside: OutsideProject[];
  projects: { id: string; runningCostPerYear: number; durationMonths: number; requires: string[] }[];
  horizons: Horizon[];
  locks: PortfolioLockEntry[];
  /** Absent in snapshots stored before funding was counted (those plans charged the gross investment). */
  fundingBasis?: FundingBasis;
  /** Per project: investment, funding and own share on the snapshot's basis. */
  costs?: Record<string, ProjectFunding>;
  /** The same problem on the other funding basis, solved beside it for the comparison. */
  alternative?: { fundingBasis: FundingBasis; problem: PortfolioProblem };
  /** The balance asked, as typed; its rules are in `problem` (absent: no balance). */
  planBalance?: PlanBalance;
};

/** Beyond this many balance and coverage rules an infeasible plan is not solved again rule by rule. */
const MAX_RULES_RELAXED = 12;

/** A run still "running" this long after its time limit was lost (the server stopped): it is marked failed. */
const ABANDON_MARGIN_MS = 60_000;

/**
 * Runs the optimal plans of the missions in the background: the request returns at once with a "running" row, the
 * solver works in its worker thread, and the row gets the result (or the error) when it ends. The web page polls.
 */
export class StrategyPlanner {
  private readonly active = new Map<string, Promise<void>>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly solver: PortfolioSolver,
    private readonly log: { error(object: unknown, message: string): void },
    private readonly now: () => Date = () => new Date(),
  ) {}

  launch(runId: string, snapshot: PlanSnapshot, options: PlanOptions): void {
    const job = this.run(runId, snapshot, options).finally(() => this.active.delete(runId));
    this.active.set(runId, job);
  }

  private async run(runId: string, snapshot: PlanSnapshot, options: PlanOptions): Promise<void> {
    try {
      const limits = { timeLimitSeconds: options.timeLimitSeconds, relativeGap: options.relativeGap };
      const result = await this.solver.solve(snapshot.problem, limits);
      const alternative = snapshot.alternative;
      // The comparison costs a second solve only when the other basis changes some project's share.
      const comparison = alternative
        ? canonicalJson(alternative.problem) === canonicalJson(snapshot.problem)
          ? { fundingBasis: alternative.fundingBasis, problem: alternative.problem, result }
          : {
              fundingBasis: alternative.fundingBasis,
              problem: alternative.problem,
              result: await this.solver.solve(alternative.problem, limits),
            }
        : undefined;
      const report = reportPlan({
        problem: snapshot.problem,
        result,
        outside: snapshot.outside,
        projects: snapshot.projects,
        horizons: snapshot.horizons,
        ...(snapshot.fundingBasis ? { fundingBasis: snapshot.fundingBasis } : {}),
        ...(snapshot.costs ? { costs: snapshot.costs } : {}),
        ...(comparison ? { comparison } : {}),
        ...(snapshot.planBalance ? { planBalance: snapshot.planBalance } : {}),
        ...(result.status === 'infeasible'
          ? { blockingRules: await this.blockingRules(snapshot.problem, limits) }
          : {}),
      });
      await this.uow.write((repos) => repos.strategy.finishRun(runId, report));
    } catch (error) {
      const code = error instanceof DomainError ? error.code : 'PLAN_FAILED';
      if (!(error instanceof DomainError)) this.log.error({ err: error, runId }, 'portfolio plan failed');
      const message = error instanceof Error ? error.message : String(error);
      try {
        await this.uow.write((repos) => repos.strategy.failRun(runId, code, message));
      } catch (writeError) {
        this.log.error({ err: writeError, runId }, 'could not record the failed plan');
      }
    }
  }

  /**
   * The balance and coverage rules that, alone, make the plan impossible: the problem is solved again without each
   * of them (and first without all of them: when that fails too, the rules are not the cause).
   */
  private async blockingRules(
    problem: PortfolioProblem,
    limits: { timeLimitSeconds: number; relativeGap: number },
  ): Promise<string[]> {
    const rules = [...(problem.balance ?? []).map((r) => r.id), ...(problem.cover ?? []).map((r) => r.id)];
    if (rules.length === 0 || rules.length > MAX_RULES_RELAXED) return [];
    const without = (ids: ReadonlySet<string>): PortfolioProblem => ({
      ...problem,
      balance: (problem.balance ?? []).filter((r) => !ids.has(r.id)),
      cover: (problem.cover ?? []).filter((r) => !ids.has(r.id)),
    });
    const quick = { timeLimitSeconds: Math.min(5, limits.timeLimitSeconds), relativeGap: 0.05 };
    const feasible = async (p: PortfolioProblem) => (await this.solver.solve(p, quick)).status !== 'infeasible';
    if (!(await feasible(without(new Set(rules))))) return [];
    const blocking: string[] = [];
    for (const rule of rules) if (await feasible(without(new Set([rule])))) blocking.push(rule);
    return blocking;
  }

  /** A running row that no job of this process serves and whose time is long past. */
  isAbandoned(row: Pick<PlanRunRow, 'id' | 'startedAt' | 'timeLimitSeconds'>): boolean {
    if (this.active.has(row.id)) return false;
    return this.now().getTime() - row.startedAt.getTime() > row.timeLimitSeconds * 1000 + ABANDON_MARGIN_MS;
  }

  async abandon(runId: string): Promise<void> {
    await this.uow.write((repos) =>
      repos.strategy.failRun(runId, 'PLAN_INTERRUPTED', 'The server stopped before the plan was finished.'),
    );
  }

  /** Waits for the plans being computed (the app is closing), then stops the solver's thread. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
    await this.solver.close();
  }

  /** For tests: resolves when every job started so far has ended. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.active.values()]);
  }
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
