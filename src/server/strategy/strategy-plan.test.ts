import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import type { PlanSnapshot } from '../../domain/strategy/plan-snapshot.ts';
import type { PlanState } from '../../domain/strategy/strategy-api.ts';
import { strategyPlanRuns } from '../db/schema/index.ts';
import {
  computePlan,
  idsOf,
  plannableStrategy,
  scoredStrategy,
  startedStrategy,
  strategyOf,
  strategyPeople,
  strategyUrl,
} from './strategy.test-support.ts';
import { PLAN_JOB } from './strategy-planner.ts';

/**
 * A strategy's plan, as a consultant computes it for Aubange: horizons and their budgets, the optimal plan in the
 * background and why it is so, the commune's own share, phasing, balance, locks, infeasibility. Each test starts its
 * own mission, scored and budgeted.
 */
describe('strategy: the plan', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };

  beforeAll(async () => {
    t = await createTestApp();
    ({ consultant } = await strategyPeople(t));
  });
  afterAll(() => t.close());

  it('asks for budgets before computing a plan: none is run while every horizon has 0 €', async () => {
    const { missionId } = await scoredStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const runs = async () => (await t.database.db.select({ n: count() }).from(strategyPlanRuns))[0]!.n;
    const before = await runs();
    const response = await consultant.post(`${base()}/plan`, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('PLAN_NEEDS_BUDGET');
    expect(response.json().error.message).toContain('budget');
    expect(await runs()).toBe(before);
    expect((await consultant.get(`${base()}/plan`)).json()).toEqual({ run: null, stale: false });
    const approve = await consultant.post(`${base()}/plan/approve`);
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error.code).toBe('PLAN_NOT_COMPUTED');
  });

  it('sets the horizons: budgets, value factors and years in order', async () => {
    const missionId = await startedStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const horizons = [
      { key: 'short', budget: 200_000, valueFactor: 1, startYear: 2025, endYear: 2026 },
      { key: 'medium', budget: 150_000, valueFactor: 0.85, startYear: 2027, endYear: 2028 },
      { key: 'long', budget: 100_000, valueFactor: 0.7, startYear: 2029, endYear: 2030 },
    ];
    const wrongOrder = await consultant.put(`${base()}/horizons`, {
      horizons: [horizons[1], horizons[0], horizons[2]],
    });
    expect(wrongOrder.statusCode).toBe(400);
    expect(wrongOrder.json().error.details[0].field).toBe('horizons.0.key');
    const years = await consultant.put(`${base()}/horizons`, {
      horizons: [{ ...horizons[0], endYear: 2024 }, horizons[1], horizons[2]],
    });
    expect(years.json().error.details[0].field).toBe('horizons.0.endYear');
    const response = await consultant.put(`${base()}/horizons`, { horizons });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual(horizons);
  });

  it('computes the optimal plan in the background and explains it', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    expect((await consultant.get(`${base()}/plan`)).json()).toEqual({ run: null, stale: false });
    const plan = await planNow();
    expect(plan.stale).toBe(false);
    const run = plan.run!;
    expect(run.status).toBe('done');
    const result = run.result!;
    expect(result.status).toBe('optimal');
    const placed = new Map(result.placements.map((p) => [p.projectId, p.horizon]));
    // Mandatory fibre is in; Wi-Fi needs it in the same or an earlier horizon; sensors not before the medium term;
    // the app and the kiosks exclude each other.
    expect(placed.has(ids.fibre!)).toBe(true);
    if (placed.has(ids.wifi!))
      expect(['short', 'medium', 'long'].indexOf(placed.get(ids.wifi!)!)).toBeGreaterThanOrEqual(
        ['short', 'medium', 'long'].indexOf(placed.get(ids.fibre!)!),
      );
    if (placed.has(ids.sensors!)) expect(placed.get(ids.sensors!)).not.toBe('short');
    expect(placed.has(ids.app!) && placed.has(ids.kiosk!)).toBe(false);
    expect(result.objective!).toBeGreaterThanOrEqual(result.greedyObjective - 1e-9);
    // Budgets: what each line uses and binds; the kiosk or the app is out, excluded by the other.
    for (const line of result.budgets) expect(line.used).toBeLessThanOrEqual(line.budget);
    expect(result.budgets.find((b) => b.horizon === 'short')!.runningPerYear).toBeGreaterThan(0);
    const out = result.leftOut.find((l) => l.projectId === ids.kiosk || l.projectId === ids.app);
    expect(out?.reasons.map((r) => r.code)).toContain('EXCLUDED_BY');
    // The roadmap: sensors (18 months) start in 2027 at the earliest.
    const roadmap = result.roadmap!;
    expect(roadmap.firstYear).toBe(2024);
    const sensors = roadmap.rows.find((r) => r.projectId === ids.sensors);
    if (sensors) expect(sensors.startMonth >= '2027-01').toBe(true);
    const wifi = roadmap.rows.find((r) => r.projectId === ids.wifi);
    const fibre = roadmap.rows.find((r) => r.projectId === ids.fibre)!;
    if (wifi) expect(wifi.start).toBeGreaterThanOrEqual(fibre.end);
  });

  it('charges the commune’s own share and compares with granted funding only', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    await planNow();
    const plan = ((await consultant.get(`${base()}/plan`)).json() as PlanState).run!.result!;
    // Fibre: 180 000 € with 50 % requested from Smart Région, so 90 000 € for the commune.
    expect(plan.fundingBasis).toBe('requested');
    expect(plan.costs![ids.fibre!]).toEqual({
      investment: 180_000,
      funding: 90_000,
      ownShare: 90_000,
      requested: 90_000,
      granted: 0,
    });
    const fibreHorizon = plan.placements.find((p) => p.projectId === ids.fibre)!.horizon;
    const line = plan.budgets.find((b) => b.horizon === fibreHorizon)!;
    expect(line.investment! - line.used).toBeCloseTo(line.funding!, 6);
    expect(line.funding).toBeGreaterThanOrEqual(90_000);
    // Beside it, the plan with granted funding only: nothing is granted, so fibre weighs its whole investment.
    expect(plan.comparison!.fundingBasis).toBe('granted');
    const prudentLine = plan.comparison!.budgets.find(
      (b) => b.horizon === plan.comparison!.placements.find((p) => p.projectId === ids.fibre)!.horizon,
    )!;
    expect(prudentLine.used).toBeGreaterThanOrEqual(180_000);

    const started = await consultant.post(`${base()}/plan`, { fundingBasis: 'granted' });
    expect(started.statusCode, started.body).toBe(202);
    await t.app.services.planner.idle();
    const prudent = (await consultant.get(`${base()}/plan`)).json() as PlanState;
    expect(prudent.stale).toBe(false);
    expect(prudent.run!.result!.fundingBasis).toBe('granted');
    expect(prudent.run!.result!.costs![ids.fibre!]!.ownShare).toBe(180_000);
    expect(prudent.run!.result!.comparison!.fundingBasis).toBe('requested');
    expect(prudent.run!.result!.comparison!.objective).toBeCloseTo(plan.objective!, 6);

    // The funding is granted: both bases agree, and the plan of granted funding becomes stale.
    await consultant.patch(`/api/strategy/projects/${ids.fibre}`, {
      funding: [{ name: 'Appel Smart Région', rate: 50, status: 'granted' }],
    });
    expect(((await consultant.get(`${base()}/plan`)).json() as PlanState).stale).toBe(true);
    const bad = await consultant.post(`${base()}/plan`, { fundingBasis: 'promised' });
    expect(bad.statusCode).toBe(400);
    await consultant.patch(`/api/strategy/projects/${ids.fibre}`, {
      funding: [{ name: 'Appel Smart Région', rate: 50 }],
    });
    expect((await planNow()).run!.result!.fundingBasis).toBe('requested');
  });

  it('phases a project over its horizons and carries unspent money over when the plan asks', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    const bad = await consultant.patch(`/api/strategy/projects/${ids.app}`, { phasing: [50, 40] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('phasing');
    const phased = await consultant.patch(`/api/strategy/projects/${ids.app}`, { phasing: [50, 50] });
    expect(phased.statusCode, phased.body).toBe(200);
    expect(phased.json().phasing).toEqual([50, 50]);
    const started = await consultant.post(`${base()}/plan`, { carryOver: true });
    expect(started.statusCode, started.body).toBe(202);
    await t.app.services.planner.idle();
    const plan = (await consultant.get(`${base()}/plan`)).json() as PlanState;
    expect(plan.stale).toBe(false);
    expect(plan.run!.result!.carryOver).toBe(true);
    const [row] = await t.database.db.select().from(strategyPlanRuns).where(eq(strategyPlanRuns.id, plan.run!.id));
    const problem = (
      row!.problem as { problem: { carryOver?: boolean; projects: { id: string; phasing?: number[] }[] } }
    ).problem;
    expect(problem.carryOver).toBe(true);
    expect(problem.projects.find((p) => p.id === ids.app)!.phasing).toEqual([0.5, 0.5]);
    await consultant.patch(`/api/strategy/projects/${ids.app}`, { phasing: null });
    expect((await planNow()).run!.result!.carryOver).toBe(false);
  });

  it('balances the plan: a dimension kept out, a SWOT item covered; a SWOT item nobody answers is explained', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    const sensorsSheet = (await state()).projects.find((p) => p.id === ids.sensors)!;
    const airQuality = sensorsSheet.swotItemIds[0]!;
    const balance = {
      dimensions: [{ dimension: 'people', measure: 'projects', max: 0 }],
      swotItemIds: [airQuality],
    };
    const started = await consultant.post(`${base()}/plan`, { balance });
    expect(started.statusCode, started.body).toBe(202);
    await t.app.services.planner.idle();
    const plan = (await consultant.get(`${base()}/plan`)).json() as PlanState;
    expect(plan.stale).toBe(false);
    const result = plan.run!.result!;
    expect(result.status).toBe('optimal');
    // No « Citoyens » project (the app, the kiosks), and the sensors answer the air quality item.
    const placed = new Set(result.placements.map((p) => p.projectId));
    expect(placed.has(ids.app!) || placed.has(ids.kiosk!)).toBe(false);
    expect(placed.has(ids.sensors!)).toBe(true);
    expect(result.balance).toEqual([
      expect.objectContaining({ id: 'dimension:people:projects', label: 'Citoyens (projets)', share: 0, max: 0 }),
    ]);
    expect(result.cover).toEqual([expect.objectContaining({ id: `swot:${airQuality}`, placed: [ids.sensors] })]);
    expect(result.planBalance).toMatchObject({ swotItemIds: [airQuality] });

    // A SWOT item no sheet answers: no plan, and the cause says which item.
    const orphan = (
      await consultant.post(`/api/missions/${missionId}/swot`, { category: 'threat', text: 'Fermeture de la gare' })
    ).json() as { id: string };
    await consultant.post(`${base()}/plan`, { balance: { swotItemIds: [orphan.id] } });
    await t.app.services.planner.idle();
    const impossible = ((await consultant.get(`${base()}/plan`)).json() as PlanState).run!.result!;
    expect(impossible.status).toBe('infeasible');
    expect(impossible.infeasibility!.causes).toEqual([
      { code: 'COVER_NO_PROJECT', rule: `swot:${orphan.id}`, label: 'AFOM : Fermeture de la gare' },
    ]);
    expect(impossible.infeasibility!.messageFr).toContain(
      'Aucun projet du plan ne répond à « AFOM : Fermeture de la gare »',
    );
    // A minimum above the maximum is refused, and nothing is run.
    const bad = await consultant.post(`${base()}/plan`, {
      balance: { dimensions: [{ dimension: 'people', measure: 'budget', min: 120 }] },
    });
    expect(bad.statusCode).toBe(400);
    await consultant.delete(`/api/missions/${missionId}/swot/${orphan.id}`);
    expect((await planNow()).run!.result!.balance).toBeUndefined();
  });

  it('locks a project into a horizon and re-plans around it; the old plan reads as stale', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    await planNow();
    const bad = await consultant.put(`${base()}/locks`, { locks: [{ projectId: ids.sensors, horizon: 'short' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('LOCK_BEFORE_EARLIEST');
    const locks = await consultant.put(`${base()}/locks`, { locks: [{ projectId: ids.kiosk, horizon: 'long' }] });
    expect(locks.statusCode, locks.body).toBe(200);
    expect(((await consultant.get(`${base()}/plan`)).json() as PlanState).stale).toBe(true);
    const plan = await planNow();
    expect(plan.stale).toBe(false);
    expect(plan.run!.locks).toEqual([{ projectId: ids.kiosk, horizon: 'long' }]);
    expect(plan.run!.result!.placements).toContainEqual({ projectId: ids.kiosk, horizon: 'long' });
    expect(plan.run!.result!.placements.some((p) => p.projectId === ids.app)).toBe(false);
  });

  it('says why a plan is infeasible', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const planNow = () => computePlan(t, consultant, missionId);
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { mandatory: true, investmentCost: 500_000 });
    const plan = await planNow();
    expect(plan.run!.result).toMatchObject({ status: 'infeasible', objective: null, placements: [] });
    expect(plan.run!.result!.infeasibility!.causes[0]).toMatchObject({ code: 'MANDATORY_TOO_EXPENSIVE' });
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { mandatory: false, investmentCost: 90_000 });
  });

  it('refuses a second plan while one is running (409)', async () => {
    const { missionId } = await plannableStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const [run] = await t.database.db
      .insert(strategyPlanRuns)
      .values({ missionId, status: 'running', problem: {} as PlanSnapshot, timeLimitSeconds: 20, relativeGap: 1e-4 })
      .returning();
    // Its job waits in the queue (held back), as a plan does until an instance takes it.
    await t.app.services.jobs.send(PLAN_JOB, { runId: run!.id }, { id: run!.id, startAfterSeconds: 3600 });
    const response = await consultant.post(`${base()}/plan`, {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('PLAN_ALREADY_RUNNING');
    await t.database.db.delete(strategyPlanRuns).where(eq(strategyPlanRuns.id, run!.id));
  });
});
