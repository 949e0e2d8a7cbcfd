import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mission, projectSheet, signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { PlanSnapshot } from '../../domain/strategy/plan-snapshot.ts';
import type { PortfolioProblem, PortfolioResult } from '../../domain/strategy/schemas.ts';
import type { PlanState, StrategyState } from '../../domain/strategy/strategy-api.ts';
import { strategyPlanRuns } from '../db/schema/index.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { JobQueue } from '../jobs/job-queue.ts';
import { PortfolioSolver } from './portfolio-solver.ts';
import { PLAN_JOB, StrategyPlanner } from './strategy-planner.ts';
import { createStrategyServices } from './strategy-services.ts';

const silent = { error: () => undefined };
const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A solver that hangs until released, as an instance busy solving when its process stops. */
class HangingSolver extends PortfolioSolver {
  called = false;
  private release: (error: Error) => void = () => undefined;
  override solve(_problem: PortfolioProblem): Promise<PortfolioResult> {
    this.called = true;
    return new Promise((_resolve, reject) => (this.release = reject));
  }
  stop(): void {
    this.release(new Error('the process stopped'));
  }
}

/**
 * Plan solves are jobs of the database's queue (issues 13 and 15, decision 110): queued by the request, solved by
 * whichever instance takes them, their progress stored with the run; a solve whose instance stops is retried by
 * another, and a run whose job is gone is failed when read — never « running » forever.
 */
describe('plan solves as jobs of the queue', () => {
  let t: TestApp;
  let consultant: Client;
  let missionId: string;
  const queues: JobQueue[] = [];
  const planners: StrategyPlanner[] = [];

  /** Another instance on the same database: its own queue and planner. */
  const instance = (solver: PortfolioSolver) => {
    const queue = new JobQueue(t.database, { log: silent, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    const planner = new StrategyPlanner(new UnitOfWork(t.database.db), solver, silent, () => new Date(), queue);
    queue.define(planner.jobDefinition());
    queues.push(queue);
    planners.push(planner);
    return { queue, planner, strategy: createStrategyServices(new UnitOfWork(t.database.db), planner) };
  };
  const plan = async () => (await consultant.get(`/api/missions/${missionId}/strategy/plan`)).json() as PlanState;

  beforeAll(async () => {
    // This app's own queue looks for work only when it queued it (at once) or every ten minutes: the jobs queued by
    // the other instances below are theirs.
    t = await createTestApp({ env: { JOBS_POLL_SECONDS: '600' } });
    const agent = await signedIn(t, 'consultant');
    consultant = agent;
    missionId = (await mission(agent, { communeNis: '81001' })).id;
    const sheets = [
      await projectSheet(consultant, missionId, { title: 'Fibre des bâtiments', investmentCost: 80_000 }),
      await projectSheet(consultant, missionId, { title: 'Wi-Fi des places', investmentCost: 30_000 }),
    ];
    const state = (await consultant.get(`/api/missions/${missionId}/strategy`)).json() as StrategyState;
    const values = state.criteria
      .filter((c) => c.source === 'manual')
      .flatMap((c) => sheets.map((s, i) => ({ projectId: s.id, criterionId: c.id, value: 3 + i })));
    expect((await consultant.put(`/api/missions/${missionId}/strategy/evaluations`, { values })).statusCode).toBe(200);
    const horizons = state.horizons.map((h) => ({ ...h, budget: 100_000 }));
    expect((await consultant.put(`/api/missions/${missionId}/strategy/horizons`, { horizons })).statusCode).toBe(200);
  });
  afterAll(async () => {
    for (const queue of queues) await queue.stop(500);
    for (const planner of planners) await planner.close();
    await t.close();
  });

  it('queues the solve, stores its progress with the run, and shows it done to every reader', async () => {
    const started = await consultant.post(`/api/missions/${missionId}/strategy/plan`, {});
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', step: 'queued', progress: 0, result: null });
    await t.app.services.planner.idle();
    const { run } = await plan();
    expect(run).toMatchObject({ status: 'done', step: 'done', progress: 1 });
    expect(run!.result!.placements.length).toBeGreaterThan(0);
    const job = await t.app.services.jobs.find(PLAN_JOB, run!.id);
    expect(job).toMatchObject({ state: 'completed', retryCount: 0 });
  });

  it('hands a solve whose instance stops to another instance, which finishes it', async () => {
    const dyingSolver = new HangingSolver();
    const dying = instance(dyingSolver);
    const run = await dying.strategy.plan.requestPlan(CLI_CONTEXT, missionId, {
      timeLimitSeconds: 10,
      relativeGap: 1e-4,
    });
    await until(async () => dyingSolver.called);
    // Its progress is read from the run's row by this app, which does not solve it.
    expect((await plan()).run).toMatchObject({ id: run.id, status: 'running', step: 'solve' });
    await dying.queue.stop(500);
    dyingSolver.stop();
    expect((await t.app.services.jobs.find(PLAN_JOB, run.id))?.state).toBe('retry');
    expect((await plan()).run).toMatchObject({ id: run.id, status: 'running' });

    const survivor = instance(new PortfolioSolver());
    await survivor.queue.start();
    await until(async () => (await plan()).run?.status !== 'running');
    const { run: finished } = await plan();
    expect(finished).toMatchObject({ id: run.id, status: 'done', step: 'done', progress: 1 });
    expect(finished!.result!.placements.length).toBeGreaterThan(0);
    expect(await t.app.services.jobs.find(PLAN_JOB, run.id)).toMatchObject({ state: 'completed', retryCount: 1 });
  }, 60_000);

  it('fails a run whose job is gone when it is read, instead of leaving it « running »', async () => {
    await t.database.db.insert(strategyPlanRuns).values({
      missionId,
      status: 'running',
      step: 'solve',
      problem: {} as PlanSnapshot,
      timeLimitSeconds: 20,
      relativeGap: 1e-4,
    });
    const { run } = await plan();
    expect(run).toMatchObject({ status: 'failed', step: 'failed', error: { code: 'PLAN_INTERRUPTED' } });
    // A new plan may be asked at once.
    expect((await consultant.post(`/api/missions/${missionId}/strategy/plan`, {})).statusCode).toBe(202);
    await t.app.services.planner.idle();
    expect((await plan()).run).toMatchObject({ status: 'done' });
  });
});
