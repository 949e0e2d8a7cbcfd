import { DomainError } from '../../domain/shared/errors.ts';
import { reportPlan } from '../../domain/strategy/plan-report.ts';
import type { PlanSnapshot } from '../../domain/strategy/plan-snapshot.ts';
import type { PortfolioProblem, PortfolioResult } from '../../domain/strategy/schemas.ts';
import type { PlanStep } from '../../domain/strategy/strategy-api.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { JobContext, JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { canonicalJson } from './plan-snapshot.ts';
import type { PortfolioSolver } from './portfolio-solver.ts';
import type { PlanRunRow } from './strategy-plans.repository.ts';

/** The job queue's name for a plan's solve (decision 110). */
export const PLAN_JOB = 'strategy-plan';
/** What a plan's job carries: the run only; the run's row holds the frozen problem and the solver's limits. */
type PlanJob = { runId: string };

/** Beyond this many balance and coverage rules an infeasible plan is not solved again rule by rule. */
const MAX_RULES_RELAXED = 12;
/** Each rule's feasibility is checked with this time limit. */
const QUICK_SOLVE_SECONDS = 5;
/**
 * One attempt's bound, past which the queue counts the job as lost and retries it: two solves at the longest time
 * limit a request may ask (60 s), the rules checked one by one, and a margin.
 */
export const PLAN_JOB_EXPIRE_SECONDS = 2 * 60 + (MAX_RULES_RELAXED + 1) * QUICK_SOLVE_SECONDS + 60;
/** Without a queue (the demo), a run still "running" this long after its time limit was lost: it is marked failed. */
const ABANDON_MARGIN_MS = 60_000;

/** The reason a consultant reads when the instance solving the plan stopped and no other could finish it. */
const LOST = {
  code: 'PLAN_INTERRUPTED',
  message: 'The server stopped before the plan was finished.',
} as const;

type Limits = { timeLimitSeconds: number; relativeGap: number };
type Log = { error(object: unknown, message: string): void; info?(object: unknown, message: string): void };

/**
 * Solves the missions' plans as jobs of the database's queue (issues 13 and 15, decision 110): the request stores a
 * "running" row with the frozen problem and queues a job named after it; whichever instance takes the job solves it
 * in its solver thread, writes its progress on the row (so every instance shows it) and then the result. A job
 * whose instance died is retried once, then failed; a row whose job is gone is settled as failed when read — never
 * « running » forever. Without a queue (the demo's seed, in one transaction) the solve runs in place.
 */
export class StrategyPlanner {
  private readonly inPlace = new Map<string, Promise<unknown>>();
  private closing = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly solver: PortfolioSolver,
    private readonly log: Log,
    private readonly now: () => Date = () => new Date(),
    private readonly jobs: Pick<JobQueue, 'send' | 'find'> | null = null,
  ) {}

  /** The queue's definition of a plan's solve. */
  jobDefinition(): JobDefinition<PlanJob> {
    return {
      name: PLAN_JOB,
      handler: (data, job) => this.execute(data.runId, job),
      expireInSeconds: PLAN_JOB_EXPIRE_SECONDS,
      retryLimit: 1,
    };
  }

  /** Queues the solve of a run just stored (after its transaction committed), or starts it here without a queue. */
  async launch(runId: string): Promise<void> {
    if (this.jobs) {
      await this.jobs.send(PLAN_JOB, { runId } satisfies PlanJob, { id: runId });
      return;
    }
    const job = this.execute(runId, null).finally(() => this.inPlace.delete(runId));
    this.inPlace.set(runId, job);
  }

  /** The job: solves the frozen problem, the other funding basis beside it, explains, and stores the report. */
  async execute(runId: string, job: JobContext | null): Promise<{ status: string }> {
    const row = await this.uow.read((repos) => repos.strategyPlans.findRun(runId));
    if (row?.status !== 'running') return { status: 'settled' };
    this.log.info?.({ runId, attempt: job?.attempt ?? 0, pid: process.pid }, 'plan solve started');
    // A retry starts over: the attempt before it died with its process, having saved nothing.
    await this.progress(runId, 0.05, job && job.attempt > 0 ? 'retry' : 'solve');
    try {
      const report = await this.solveAndReport(row);
      if (await this.superseded(job)) return { status: 'superseded' };
      await this.uow.write((repos) => repos.strategyPlans.finishRun(runId, report));
      return { status: 'done' };
    } catch (error) {
      // A stopping instance hands the job back to the queue (retried elsewhere) rather than failing the plan.
      if (this.closing && !(error instanceof DomainError)) throw error;
      if (await this.superseded(job)) return { status: 'superseded' };
      await this.recordFailure(runId, error);
      return { status: 'failed' };
    }
  }

  private async solveAndReport(row: PlanRunRow) {
    const snapshot = row.problem;
    const limits = { timeLimitSeconds: row.timeLimitSeconds, relativeGap: row.relativeGap };
    await this.progress(row.id, 0.1, 'solve');
    const result = await this.solver.solve(snapshot.problem, limits);
    await this.progress(row.id, 0.55, 'compare');
    const comparison = await this.compare(snapshot, result, limits);
    await this.progress(row.id, 0.85, 'explain');
    return reportPlan({
      problem: snapshot.problem,
      result,
      outside: snapshot.outside,
      projects: snapshot.projects,
      horizons: snapshot.horizons,
      ...(snapshot.fundingBasis ? { fundingBasis: snapshot.fundingBasis } : {}),
      ...(snapshot.costs ? { costs: snapshot.costs } : {}),
      ...(comparison ? { comparison } : {}),
      ...(snapshot.planBalance ? { planBalance: snapshot.planBalance } : {}),
      ...(result.status === 'infeasible' ? { blockingRules: await this.blockingRules(snapshot.problem, limits) } : {}),
    });
  }

  /** The plan on the other funding basis; a second solve only when that basis changes some project's share. */
  private async compare(snapshot: PlanSnapshot, result: PortfolioResult, limits: Limits) {
    const alternative = snapshot.alternative;
    if (!alternative) return undefined;
    const same = canonicalJson(alternative.problem) === canonicalJson(snapshot.problem);
    return {
      fundingBasis: alternative.fundingBasis,
      problem: alternative.problem,
      result: same ? result : await this.solver.solve(alternative.problem, limits),
    };
  }

  /**
   * The balance and coverage rules that, alone, make the plan impossible: the problem is solved again without each
   * of them (and first without all of them: when that fails too, the rules are not the cause).
   */
  private async blockingRules(problem: PortfolioProblem, limits: Limits): Promise<string[]> {
    const rules = [...(problem.balance ?? []).map((r) => r.id), ...(problem.cover ?? []).map((r) => r.id)];
    if (rules.length === 0 || rules.length > MAX_RULES_RELAXED) return [];
    const without = (ids: ReadonlySet<string>): PortfolioProblem => ({
      ...problem,
      balance: (problem.balance ?? []).filter((r) => !ids.has(r.id)),
      cover: (problem.cover ?? []).filter((r) => !ids.has(r.id)),
    });
    const quick = { timeLimitSeconds: Math.min(QUICK_SOLVE_SECONDS, limits.timeLimitSeconds), relativeGap: 0.05 };
    const feasible = async (p: PortfolioProblem) => (await this.solver.solve(p, quick)).status !== 'infeasible';
    if (!(await feasible(without(new Set(rules))))) return [];
    const blocking: string[] = [];
    for (const rule of rules) if (await feasible(without(new Set([rule])))) blocking.push(rule);
    return blocking;
  }

  /** Stored with the run, so every instance shows it. */
  private progress(runId: string, fraction: number, step: PlanStep): Promise<void> {
    return this.uow.read((repos) => repos.strategyPlans.updateProgress(runId, fraction, step));
  }

  /** An attempt the queue gave up (it overran) must not save over the attempt that replaced it. */
  private async superseded(job: JobContext | null): Promise<boolean> {
    if (!job || !this.jobs) return false;
    const now = await this.jobs.find(PLAN_JOB, job.id);
    return now !== null && (now.state !== 'active' || now.retryCount !== job.attempt);
  }

  private async recordFailure(runId: string, error: unknown): Promise<void> {
    const code = error instanceof DomainError ? error.code : 'PLAN_FAILED';
    if (!(error instanceof DomainError)) this.log.error({ err: error, runId }, 'portfolio plan failed');
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.uow.write((repos) => repos.strategyPlans.failRun(runId, code, message));
    } catch (writeError) {
      this.log.error({ err: writeError, runId }, 'could not record the failed plan');
    }
  }

  /**
   * A run is « running » while its job is queued, active or waiting for its retry. A job that failed (its instance
   * died twice, or stopped with no retry left), was cancelled or is gone leaves the run failed with the reason.
   * Without a queue, a run no solve of this process serves whose time is long past. Call it outside a transaction
   * (the queue reads with its own connection). Answers whether it settled the run.
   */
  async settleIfLost(row: Pick<PlanRunRow, 'id' | 'status' | 'startedAt' | 'timeLimitSeconds'>): Promise<boolean> {
    if (row.status !== 'running') return false;
    if (this.jobs) {
      const job = await this.jobs.find(PLAN_JOB, row.id);
      if (job && (job.state === 'created' || job.state === 'retry' || job.state === 'active')) return false;
      if (job?.state === 'completed') {
        // The handler ended without settling the run (it could not write): read it again before judging.
        const fresh = await this.uow.read((repos) => repos.strategyPlans.findRun(row.id));
        if (fresh?.status !== 'running') return true;
      }
    } else if (this.inPlace.has(row.id) || !this.pastItsTime(row)) {
      return false;
    }
    await this.uow.write((repos) => repos.strategyPlans.failRun(row.id, LOST.code, LOST.message));
    return true;
  }

  private pastItsTime(row: Pick<PlanRunRow, 'startedAt' | 'timeLimitSeconds'>): boolean {
    return this.now().getTime() - row.startedAt.getTime() > row.timeLimitSeconds * 1000 + ABANDON_MARGIN_MS;
  }

  /** Stops the solver's thread once the queue handed its jobs back (the app is closing). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.allSettled([...this.inPlace.values()]);
    await this.solver.close();
  }

  /** Resolves when no plan is running any more, whichever instance solves it (tests, the demo, the CLI). */
  async idle(timeoutMs = 120_000): Promise<void> {
    await Promise.allSettled([...this.inPlace.values()]);
    const until = Date.now() + timeoutMs;
    for (;;) {
      const running = await this.uow.read((repos) => repos.strategyPlans.runningRuns());
      if (running.length === 0) return;
      for (const row of running) await this.settleIfLost(row);
      if (Date.now() > until) throw new Error(`${running.length} plan(s) still running`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
