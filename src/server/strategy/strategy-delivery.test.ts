import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import type { Criterion } from '../../domain/strategy/criteria.ts';
import type { PlanState, StrategyState } from '../../domain/strategy/strategy-api.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import {
  computePlan,
  idsOf,
  plannableStrategy,
  type StrategyPeople,
  strategyOf,
  strategyPeople,
  strategyUrl,
} from './strategy.test-support.ts';

/**
 * What a strategy delivers, as a consultant brings Aubange's to an end: the approved plan and its follow-up, the PST
 * objectives and the document, the audit trail, the overview across missions. Each test starts its own mission.
 */
describe('strategy: approval, follow-up and document', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };
  let aubangeEditor: Client;
  let aubangeViewer: Client;

  beforeAll(async () => {
    t = await createTestApp();
    ({ consultant, aubangeEditor, aubangeViewer } = await strategyPeople(t));
  });
  afterAll(() => t.close());

  it('approves the plan: the projects it places become approved, the others stay as they were', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    await planNow();
    const plan = ((await consultant.get(`${base()}/plan`)).json() as PlanState).run!.result!;
    const placed = new Set(plan.placements.map((p) => p.projectId));
    const before = await state();
    const approved = await consultant.post(`${base()}/plan/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    for (const project of (approved.json() as StrategyState).projects) {
      const was = before.projects.find((p) => p.id === project.id)!.status;
      expect(project.status, project.title).toBe(placed.has(project.id) ? 'approved' : was);
    }
    expect(((await consultant.get(`${base()}/plan`)).json() as PlanState).stale, 'approving keeps the plan').toBe(
      false,
    );
    expect((await aubangeEditor.post(`${base()}/plan/approve`)).statusCode).toBe(403);
    // A plan the data has moved away from is computed again before it is approved.
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { investmentCost: 91_000 });
    const stale = await consultant.post(`${base()}/plan/approve`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PLAN_STALE');
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { investmentCost: 90_000 });
  });

  it('carries the approved plan into the follow-up: horizon, months, budget by year, funding; then plan against actual', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    await planNow();
    const approval = await consultant.post(`${strategyUrl(missionId)}/plan/approve`);
    if (approval.statusCode !== 200) throw new Error(`approving the plan was refused: ${approval.body}`);
    const plan = ((await consultant.get(`${base()}/plan`)).json() as PlanState).run!.result!;
    const fibreRow = plan.roadmap!.rows.find((r) => r.projectId === ids.fibre)!;
    const followUp = (await consultant.get(`/api/implementation/projects/${ids.fibre}`)).json();
    expect(followUp.baseline).toMatchObject({
      horizon: fibreRow.horizon,
      startMonth: fibreRow.startMonth,
      endMonth: fibreRow.endMonth,
      investment: 180_000,
      funding: 90_000,
      ownShare: 90_000,
    });
    // Planned by year from the plan's months; no longer « 0 € prévus ».
    expect(followUp.budgetTotals.planned).toBeCloseTo(180_000, 6);
    expect(followUp.budget.map((l: { year: number }) => l.year)).toEqual(
      followUp.baseline.byYear.map((y: { year: number }) => y.year),
    );
    expect(followUp.funding).toEqual([{ kind: 'other', label: 'Appel Smart Région', amount: 90_000, secured: false }]);

    // The mission moves to its implementation; money is committed beyond the plan in the first year.
    await t.app.services.missions.update(CLI_CONTEXT, missionId, { phase: 'implementation' });
    const firstYear = followUp.budget[0];
    const saved = await consultant.patch(`/api/implementation/projects/${ids.fibre}`, {
      budget: followUp.budget.map((l: { year: number }, i: number) =>
        i === 0 ? { ...l, committed: firstYear.planned * 1.5, spent: firstYear.planned } : l,
      ),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const started = await consultant.post(`/api/implementation/projects/${ids.fibre}/status`, {
      status: 'in-progress',
    });
    expect(started.statusCode, started.body).toBe(200);
    const after = started.json();
    expect(after.planAgainstActual).toMatchObject({
      plannedStart: fibreRow.startMonth,
      planned: 180_000,
      committed: firstYear.planned * 1.5,
    });
    expect(after.planAgainstActual.actualStart).toMatch(/^\d{4}-\d{2}$/);
    expect(after.planAgainstActual.years[0].drift).toBe(true);
    const mission = (await consultant.get(`/api/missions/${missionId}/implementation`)).json();
    expect(mission.planAgainstActual.projects.map((p: { projectId: string }) => p.projectId)).toContain(ids.fibre);
    const province = (await consultant.get('/api/implementation/dashboard')).json();
    expect(province.planAgainstActual.totals.committed).toBeGreaterThanOrEqual(firstYear.planned * 1.5);
    await t.app.services.missions.update(CLI_CONTEXT, missionId, { phase: 'planning' });
  });

  it('organises projects under PST objectives and exports the document as PDF and XLSX', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const planNow = () => computePlan(t, consultant, missionId);
    const strategic = await consultant.post(`${base()}/objectives`, {
      title: 'Une administration connectée et ouverte',
    });
    expect(strategic.statusCode, strategic.body).toBe(201);
    const goalId = strategic.json()[0].id;
    const operational = await consultant.post(`${base()}/objectives`, {
      parentId: goalId,
      title: 'Raccorder les bâtiments communaux',
    });
    const objectives = operational.json();
    expect(objectives.map((o: { code: string }) => o.code)).toEqual(['OS 1', 'OO 1.1']);
    const opId = objectives[1].id;
    const notOperational = await consultant.patch(`/api/strategy/projects/${ids.fibre}`, { objectiveId: goalId });
    expect(notOperational.json().error.code).toBe('OBJECTIVE_NOT_OPERATIONAL');
    const tooDeep = await consultant.post(`${base()}/objectives`, { parentId: opId, title: 'X' });
    expect(tooDeep.json().error.code).toBe('OBJECTIVE_PARENT_NOT_STRATEGIC');
    await consultant.patch(`/api/strategy/projects/${ids.fibre}`, { objectiveId: opId });
    await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { objectiveId: opId });
    const renamed = await consultant.patch(`/api/strategy/objectives/${opId}`, {
      title: 'Raccorder les bâtiments et les places',
    });
    expect(renamed.json()[1].title).toBe('Raccorder les bâtiments et les places');
    // A title a spreadsheet would read as a formula is exported as text.
    const trap = await consultant.post(`${base()}/objectives`, { title: '=HYPERLINK("http://example.org","Voir")' });
    expect(trap.statusCode, trap.body).toBe(201);
    const trapId = (trap.json() as { id: string; title: string }[]).find((o) => o.title.startsWith('='))!.id;
    await planNow();

    const pdf = await aubangeViewer.get(`${base()}/document.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="strategie-aubange-.*\.pdf"/);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const xlsx = await consultant.get(`${base()}/document.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('PST')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const texts = rows.map((r) => r.filter((v) => typeof v === 'string').join(' | '));
    expect(texts[0]).toContain('Objectif stratégique');
    const fibreRow = texts.find((r) => r.includes('Fibre optique des bâtiments communaux'))!;
    expect(fibreRow).toContain('OS 1');
    expect(fibreRow).toContain('OO 1.1');
    expect(fibreRow).toContain('A 1.1.');
    expect(texts.some((r) => r.includes('Application citoyenne') || r.includes('Bornes d’information'))).toBe(true);
    const cells = rows.flat().filter((v): v is string => typeof v === 'string');
    expect(cells).toContain(`'=HYPERLINK("http://example.org","Voir")`);
    expect(cells.some((v) => v.startsWith('='))).toBe(false);
    expect((await consultant.delete(`/api/strategy/objectives/${trapId}`)).statusCode).toBe(204);

    // Deleting the strategic objective deletes its operational one; the projects keep no objective.
    expect((await consultant.delete(`/api/strategy/objectives/${goalId}`)).statusCode).toBe(204);
    const after = await state();
    expect(after.objectives).toEqual([]);
    expect(after.projects.find((p) => p.id === ids.fibre)!.objectiveId).toBeNull();
  });

  it('audits every write with before and after', async () => {
    const { missionId, sheets } = await plannableStrategy(consultant);
    const ids = idsOf(sheets);
    const base = strategyUrl(missionId);
    // The writes of a strategy not yet done in building it: each must leave its trace.
    const extra = await consultant.post(`${base}/projects`, { title: 'Projet abandonné' });
    expect((await consultant.delete(`/api/strategy/projects/${extra.json().id}`)).statusCode).toBe(204);
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { investmentCost: 91_000 });
    await consultant.put(`${base}/locks`, { locks: [{ projectId: ids.kiosk, horizon: 'long' }] });
    expect((await consultant.post(`${base}/plan`, {})).statusCode).toBe(202);
    await t.app.services.planner.idle();
    const criteria = (
      await consultant.post(`${base}/criteria`, { name: 'Emploi local', direction: 'max', weight: 5 })
    ).json() as Criterion[];
    await consultant.put(`${base}/weights`, { weights: Object.fromEntries(criteria.map((c) => [c.id, 1])) });
    const scenario = (await consultant.post(`${base}/scenarios`, { name: 'À parts égales' })).json();
    await consultant.post(`/api/strategy/scenarios/${scenario.id}/apply`);
    await consultant.post(`${base}/objectives`, { title: 'Une administration connectée et ouverte' });
    const comments = (await aubangeEditor.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'Vu.' })).json();
    await consultant.delete(`/api/strategy/comments/${comments[0].id}`);
    const admin = await t.login(await t.createUser('agency_admin'));
    const log = (await admin.get(`/api/audit?entityType=project_sheet&entityId=${ids.sensors}`)).json();
    expect(log.items.map((i: { action: string }) => i.action)).toContain('strategy.project.update');
    const update = log.items.find((i: { action: string }) => i.action === 'strategy.project.update');
    expect(update.before).toHaveProperty('investmentCost');
    expect(update.after).toHaveProperty('investmentCost');
    const actions = (await admin.get('/api/audit/facets')).json().actions as string[];
    for (const action of [
      'strategy.start',
      'strategy.project.create',
      'strategy.project.delete',
      'strategy.criterion.create',
      'strategy.weights.set',
      'strategy.ahp.set',
      'strategy.evaluations.set',
      'strategy.scenario.create',
      'strategy.scenario.apply',
      'strategy.horizons.set',
      'strategy.locks.set',
      'strategy.plan.request',
      'strategy.objective.create',
      'strategy.comment.create',
      'strategy.comment.delete',
    ]) {
      expect(actions).toContain(action);
    }
  });

  // The overview lists every mission: this test has an app of its own, where Aubange has one mission and Arlon none.
  describe('across missions', () => {
    let province: TestApp;
    let people: StrategyPeople;

    beforeAll(async () => {
      province = await createTestApp();
      people = await strategyPeople(province);
    });
    afterAll(() => province.close());

    it('lists the strategies across missions, each commune user only their own', async () => {
      const { consultant, aubangeViewer, arlonEditor } = people;
      const { missionId } = await plannableStrategy(consultant);
      await computePlan(province, consultant, missionId);
      const all = (await consultant.get('/api/strategy/overview')).json();
      const mine = all.find((m: { missionId: string }) => m.missionId === missionId);
      expect(mine).toMatchObject({ communeName: 'Aubange', started: true, projects: 5, planStatus: 'optimal' });
      expect(mine.plannedInvestment).toBeGreaterThan(0);
      expect(
        (await aubangeViewer.get('/api/strategy/overview')).json().map((m: { communeNis: string }) => m.communeNis),
      ).toEqual(['81004']);
      expect((await arlonEditor.get('/api/strategy/overview')).json()).toEqual([]);
    });
  });
});
