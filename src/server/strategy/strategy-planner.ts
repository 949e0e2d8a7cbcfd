import { DomainError } from '../../domain/shared/errors.ts';
import type { FundingBasis, ProjectFunding } from '../../domain/strategy/funding.ts';
import type { Horizon } from '../../domain/strategy/horizons.ts';
import type { OutsideProject, PortfolioLockEntry } from '../../domain/strategy/mission-model.ts';
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
};

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
