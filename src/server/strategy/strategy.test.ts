import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import type { Criterion } from '../../domain/strategy/criteria.ts';
import type { PlanSnapshot } from '../../domain/strategy/plan-snapshot.ts';
import type { ProjectSheet } from '../../domain/strategy/project-sheets.ts';
import type { PlanState, RankingAnalysis, StrategyState } from '../../domain/strategy/strategy-api.ts';
import { auditLog, projectSheets, strategyPlanRuns } from '../db/schema/index.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { PLAN_JOB } from './strategy-planner.ts';

/**
 * A mission's strategy through the API, as a consultant runs it for Aubange and the commune follows it: sheets,
 * criteria and weights (direct and AHP), the grid, the ranking, scenarios, horizons, the plan and locks, objectives,
 * the document; with bad input refused and nothing written.
 */
describe('strategy of a mission', () => {
  let t: TestApp;
  let consultantUser: TestUser;
  let consultant: Client;
  let aubangeEditor: Client;
  let aubangeViewer: Client;
  let arlonEditor: Client;
  let missionId: string;
  const ids: Record<string, string> = {};
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
  const state = async (client = consultant) =>
    (await client.get(`/api/missions/${missionId}/strategy`)).json() as StrategyState;
  const base = () => `/api/missions/${missionId}/strategy`;

  beforeAll(async () => {
    t = await createTestApp();
    consultantUser = await t.createUser('consultant');
    consultant = await t.login(consultantUser);
    aubangeEditor = await t.login(await t.createUser('commune_editor', '81004'));
    aubangeViewer = await t.login(await t.createUser('commune_viewer', '81004'));
    arlonEditor = await t.login(await t.createUser('commune_editor', '81001'));
    const mission = await t.app.services.missions.create(CLI_CONTEXT, {
      title: 'Aubange Smart 2030',
      communeNis: '81004',
      consultantIds: [consultantUser.id],
      startDate: '2026-01-15',
    });
    missionId = mission.id;
  });
  afterAll(() => t.close());

  it('starts with the default criteria and three horizons, once', async () => {
    const before = await state();
    expect(before.started).toBe(false);
    expect(before.criteria).toEqual([]);
    const started = (await consultant.post(base())).json() as StrategyState;
    expect(started.started).toBe(true);
    expect(started.criteria.map((c) => c.name)).toEqual([
      'Impact pour les citoyens',
      'Alignement avec le diagnostic',
      'Coût d’investissement',
      'Faisabilité',
      'Risque',
      'Potentiel de mutualisation',
      'Ouverture et interopérabilité',
    ]);
    expect(started.criteria.reduce((s, c) => s + c.normalisedWeight, 0)).toBeCloseTo(1, 12);
    expect(started.criteria.find((c) => c.source === 'investmentCost')).toMatchObject({ direction: 'min' });
    // From the mission's start (January 2026), the medium term ending with the legislature.
    expect(started.horizons.map((h) => [h.key, h.startYear, h.endYear, h.budget])).toEqual([
      ['short', 2026, 2027, 0],
      ['medium', 2028, 2030, 0],
      ['long', 2031, 2032, 0],
    ]);
    expect(started.permissions).toEqual({ edit: true, comment: true });
    const audits = await auditCount();
    expect(((await consultant.post(base())).json() as StrategyState).criteria).toHaveLength(7);
    expect(await auditCount(), 'starting again changes nothing').toBe(audits);
  });

  it('creates five project sheets with costs, funding, dependencies and exclusions', async () => {
    const create = async (body: Record<string, unknown>) => {
      const response = await consultant.post(`${base()}/projects`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as ProjectSheet;
    };
    ids.fibre = (
      await create({
        title: 'Fibre optique des bâtiments communaux',
        dimensions: ['governance', 'economy'],
        investmentCost: 180_000,
        runningCostPerYear: 6_000,
        owner: 'Service informatique',
        funding: [{ name: 'Appel Smart Région', rate: 50 }],
        mandatory: true,
        status: 'proposed',
      })
    ).id;
    ids.wifi = (
      await create({
        title: 'Wi-Fi public sur les places',
        dimensions: ['living'],
        investmentCost: 40_000,
        runningCostPerYear: 3_000,
        requires: [ids.fibre],
      })
    ).id;
    ids.app = (await create({ title: 'Application citoyenne', dimensions: ['people'], investmentCost: 60_000 })).id;
    ids.kiosk = (
      await create({
        title: 'Bornes d’information',
        dimensions: ['people'],
        investmentCost: 50_000,
        excludes: [ids.app],
      })
    ).id;
    const airQuality = (
      await consultant.post(`/api/missions/${missionId}/swot`, {
        category: 'weakness',
        text: 'Aucune mesure de la qualité de l’air près des écoles',
        dimensions: ['environment'],
      })
    ).json() as { id: string };
    const sensors = await create({
      title: 'Capteurs de qualité de l’air',
      description: 'Mesurer le NO2 et les particules près des écoles.',
      dimensions: ['environment'],
      investmentCost: 90_000,
      runningCostPerYear: 4_000,
      earliestHorizon: 'medium',
      durationMonths: 18,
      swotItemIds: [airQuality.id],
      needRefs: ['BES-2026-014'],
    });
    ids.sensors = sensors.id;
    expect(sensors).toMatchObject({
      earliestHorizon: 'medium',
      durationMonths: 18,
      swotItemIds: [airQuality.id],
      needRefs: ['BES-2026-014'],
      status: 'draft',
      mandatory: false,
    });
    const s = await state();
    expect(s.projects).toHaveLength(5);
    // Exclusions read both ways.
    expect(s.projects.find((p) => p.id === ids.app)!.excludes).toEqual([ids.kiosk]);
  });

  it('creates a draft sheet from a SWOT item of the diagnostic, and follows the item when SWOT items merge', async () => {
    const swot = async (text: string) =>
      (
        await consultant.post(`/api/missions/${missionId}/swot`, {
          category: 'threat',
          text,
          dimensions: ['living', 'people'],
        })
      ).json() as { id: string };
    const isolation = await swot('Isolement des personnes âgées dans les villages');
    const response = await consultant.post(`${base()}/projects/from-swot`, { swotItemId: isolation.id });
    expect(response.statusCode, response.body).toBe(201);
    const sheet = response.json() as ProjectSheet;
    expect(sheet).toMatchObject({
      title: 'Parer à : isolement des personnes âgées dans les villages',
      description: 'Répond à l’élément AFOM (menace) : « Isolement des personnes âgées dans les villages »',
      dimensions: ['living', 'people'],
      swotItemIds: [isolation.id],
      status: 'draft',
    });

    // Merged into another item, the SWOT item the sheet answered lives on as the merged item.
    const solitude = await swot('Solitude des aînés');
    const merged = await consultant.post(`/api/missions/${missionId}/swot/merge`, {
      itemIds: [solitude.id, isolation.id],
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const project = (await state()).projects.find((p) => p.id === sheet.id)!;
    expect(project.swotItemIds).toEqual([solitude.id]);

    expect((await consultant.delete(`/api/strategy/projects/${sheet.id}`)).statusCode).toBe(204);
    expect((await state()).projects).toHaveLength(5);
  });

  it('links a sheet to needs of its commune’s register, and refuses another commune’s', async () => {
    const need = async (communeNis: string, title: string) => {
      const response = await consultant.post('/api/needs', { communeNis, title, description: '', source: 'meeting' });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const aubange = await need('81004', 'Wi-Fi gratuit sur les places des villages');
    const arlon = await need('81001', 'Wi-Fi public au centre-ville');
    const before = await auditCount();
    const refused = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { needIds: [aubange, arlon] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'NEED_UNKNOWN' });
    expect(await auditCount()).toBe(before);

    const linked = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { needIds: [aubange] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await state()).projects.find((p) => p.id === ids.wifi)!.needIds).toEqual([aubange]);
    // The commune's editor reads the link from the commune's own register.
    expect((await state(aubangeEditor)).projects.find((p) => p.id === ids.wifi)!.needIds).toEqual([aubange]);
  });

  it('refuses a SWOT item of another mission or none, writing nothing', async () => {
    const before = await auditCount();
    const unknown = await consultant.post(`${base()}/projects/from-swot`, {
      swotItemId: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'SWOT_ITEM_UNKNOWN' });
    const linked = await consultant.patch(`/api/strategy/projects/${ids.fibre}`, {
      swotItemIds: ['0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c'],
    });
    expect(linked.statusCode, linked.body).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await state()).projects).toHaveLength(5);
  });

  it('refuses a dependency cycle (422 PROJECT_DEPENDENCY_CYCLE naming the projects), writing nothing', async () => {
    const before = await auditCount();
    const response = await consultant.patch(`/api/strategy/projects/${ids.fibre}`, { requires: [ids.wifi] });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('PROJECT_DEPENDENCY_CYCLE');
    expect(response.json().error.message).toContain('« Fibre optique des bâtiments communaux »');
    expect(response.json().error.message).toContain('« Wi-Fi public sur les places »');
    expect(await auditCount()).toBe(before);
    expect((await state()).projects.find((p) => p.id === ids.fibre)!.requires).toEqual([]);
  });

  it('refuses bad sheets with 400 naming the field, writing nothing', async () => {
    const before = await auditCount();
    const unknown = await consultant.post(`${base()}/projects`, {
      title: 'X',
      requires: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('PROJECT_REFERENCE_UNKNOWN');
    const negative = await consultant.post(`${base()}/projects`, { title: 'X', investmentCost: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('investmentCost');
    const dimension = await consultant.post(`${base()}/projects`, { title: 'X', dimensions: ['tourism'] });
    expect(dimension.json().error.details[0].field).toBe('dimensions.0');
    const both = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { excludes: [ids.fibre] });
    expect(both.json().error.code).toBe('PROJECT_REQUIRES_EXCLUDED');
    expect(await auditCount()).toBe(before);
    expect(
      (await t.database.db.select({ n: count() }).from(projectSheets).where(eq(projectSheets.missionId, missionId)))[0]!
        .n,
    ).toBe(5);
  });

  it('lets the commune read the strategy, its editors comment, and nobody of another commune in', async () => {
    const seen = await state(aubangeViewer);
    expect(seen.projects).toHaveLength(5);
    expect(seen.permissions).toEqual({ edit: false, comment: false });
    expect((await state(aubangeEditor)).permissions).toEqual({ edit: false, comment: true });
    expect((await aubangeEditor.patch(`/api/strategy/projects/${ids.app}`, { title: 'Mine' })).statusCode).toBe(403);
    expect((await arlonEditor.get(base())).statusCode).toBe(403);

    const posted = await aubangeEditor.post(`/api/strategy/projects/${ids.app}/comments`, {
      body: 'Le collège souhaite une version en néerlandais.',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toEqual([
      expect.objectContaining({ body: 'Le collège souhaite une version en néerlandais.', canDelete: true }),
    ]);
    expect((await aubangeViewer.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'x' })).statusCode).toBe(
      403,
    );
    const comments = (await aubangeViewer.get(`/api/strategy/projects/${ids.app}/comments`)).json();
    expect(comments[0].canDelete).toBe(false);
    expect((await state()).projects.find((p) => p.id === ids.app)!.commentCount).toBe(1);
    // The author, or agency staff, may delete it; another commune user may not.
    expect((await consultant.delete(`/api/strategy/comments/${comments[0].id}`)).statusCode).toBe(204);
    const mine = (
      await aubangeEditor.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'Je retire ma remarque.' })
    ).json();
    const staffs = (await consultant.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'Noté.' })).json();
    const staffComment = staffs.find((c: { body: string }) => c.body === 'Noté.');
    expect((await aubangeEditor.delete(`/api/strategy/comments/${staffComment.id}`)).statusCode).toBe(403);
    expect((await arlonEditor.delete(`/api/strategy/comments/${mine[0].id}`)).statusCode).toBe(403);
    expect((await aubangeEditor.delete(`/api/strategy/comments/${mine[0].id}`)).statusCode).toBe(204);
    await consultant.delete(`/api/strategy/comments/${staffComment.id}`);
  });

  it('edits the criteria: preference functions checked field by field', async () => {
    const s = await state();
    const impact = s.criteria[0]!;
    const bad = await consultant.patch(`/api/strategy/criteria/${impact.id}`, {
      preference: { type: 'linear', q: 3, p: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'preference.q', code: 'PREFERENCE_THRESHOLDS_ORDER' });
    const missing = await consultant.post(`${base()}/criteria`, {
      name: 'Emploi local',
      direction: 'max',
      preference: { type: 'gaussian' },
    });
    expect(missing.json().error.details[0].field).toBe('preference.s');

    const added = await consultant.post(`${base()}/criteria`, {
      name: 'Emploi local',
      direction: 'max',
      weight: 5,
      preference: { type: 'level', q: 0.5, p: 1.5 },
    });
    expect(added.statusCode, added.body).toBe(201);
    const criteria = added.json() as Criterion[];
    expect(criteria).toHaveLength(8);
    const local = criteria.at(-1)!;
    expect(local).toMatchObject({ preference: { type: 'level', q: 0.5, p: 1.5 }, scale: { min: 1, max: 5 } });
    const moved = (
      await consultant.patch(`/api/strategy/criteria/${local.id}`, {
        position: 0,
        preference: { type: 'usual' },
      })
    ).json() as Criterion[];
    expect(moved[0]).toMatchObject({ id: local.id, preference: { type: 'usual' } });
    expect((await consultant.delete(`/api/strategy/criteria/${local.id}`)).statusCode).toBe(204);
    expect((await state()).criteria).toHaveLength(7);
  });

  it('sets weights directly, and by AHP with its consistency ratio', async () => {
    const { criteria } = await state();
    const incomplete = await consultant.put(`${base()}/weights`, { weights: { [criteria[0]!.id]: 1 } });
    expect(incomplete.json().error.code).toBe('WEIGHTS_INCOMPLETE');
    const zero = await consultant.put(`${base()}/weights`, {
      weights: Object.fromEntries(criteria.map((c) => [c.id, 0])),
    });
    expect(zero.json().error.code).toBe('WEIGHTS_ALL_ZERO');
    const direct = (
      await consultant.put(`${base()}/weights`, {
        weights: Object.fromEntries(criteria.map((c, i) => [c.id, i === 0 ? 3 : 1])),
      })
    ).json() as Criterion[];
    expect(direct[0]!.normalisedWeight).toBeCloseTo(3 / 9, 12);

    // A consistent set of judgements: impact 3× alignment, alignment 2× the rest, the rest equal.
    const n = criteria.length;
    const upperTriangle: number[][] = Array.from({ length: n - 1 }, (_, i) =>
      Array.from({ length: n - 1 - i }, (_, k) => (i === 0 ? (k === 0 ? 3 : 6) : i === 1 ? 2 : 1)),
    );
    const ahp = await consultant.put(`${base()}/ahp`, {
      criterionIds: criteria.map((c) => c.id),
      upperTriangle,
    });
    expect(ahp.statusCode, ahp.body).toBe(200);
    expect(ahp.json().result.consistencyRatio).toBeLessThan(1e-9);
    expect(ahp.json().result.consistent).toBe(true);
    const after = await state();
    expect(after.ahp?.upperTriangle).toEqual(upperTriangle);
    // Weights 6 : 2 : 1 : 1 : 1 : 1 : 1.
    expect(after.criteria[0]!.normalisedWeight).toBeCloseTo(6 / 13, 6);
    expect(after.criteria[1]!.normalisedWeight).toBeCloseTo(2 / 13, 6);

    const inconsistent = upperTriangle.map((row) => [...row]);
    inconsistent[0]![1] = 1 / 9;
    const bad = await consultant.put(`${base()}/ahp`, {
      criterionIds: criteria.map((c) => c.id),
      upperTriangle: inconsistent,
      apply: false,
    });
    expect(bad.json().result.consistent).toBe(false);
    expect(bad.json().result.consistencyRatio).toBeGreaterThan(0.1);
    expect((await state()).criteria[0]!.normalisedWeight, 'not applied').toBeCloseTo(6 / 13, 6);
    const mismatch = await consultant.put(`${base()}/ahp`, {
      criterionIds: criteria.slice(1).map((c) => c.id),
      upperTriangle: upperTriangle.slice(1),
    });
    expect(mismatch.json().error).toMatchObject({ code: 'AHP_CRITERIA_MISMATCH' });
    const short = await consultant.put(`${base()}/ahp`, {
      criterionIds: criteria.map((c) => c.id),
      upperTriangle: [[2]],
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('AHP_CRITERIA_MISMATCH');
    expect(short.json().error.message).toContain('« upperTriangle »');
    const shape = await consultant.put(`${base()}/ahp`, {
      criterionIds: criteria.map((c) => c.id),
      upperTriangle: upperTriangle.map((row, i) => (i === 2 ? row.slice(1) : row)),
    });
    expect(shape.statusCode).toBe(422);
    expect(shape.json().error.code).toBe('AHP_TRIANGLE_SHAPE');
  });

  it('fills the evaluation grid: scores checked against the scale; costs come from the sheets', async () => {
    const { criteria, projects } = await state();
    const manual = criteria.filter((c) => c.source === 'manual');
    const scores: Record<string, number[]> = {
      [ids.fibre!]: [4, 5, 3, 2, 3, 2],
      [ids.wifi!]: [5, 4, 5, 2, 4, 4],
      [ids.app!]: [4, 3, 4, 3, 5, 5],
      [ids.kiosk!]: [2, 2, 4, 2, 2, 2],
      [ids.sensors!]: [3, 4, 3, 3, 4, 5],
    };
    const values = projects.flatMap((p) =>
      manual.map((c, j) => ({ projectId: p.id, criterionId: c.id, value: scores[p.id]![j]! })),
    );
    const response = await consultant.put(`${base()}/evaluations`, { values });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toHaveLength(30);

    const before = await auditCount();
    const outOfScale = await consultant.put(`${base()}/evaluations`, {
      values: [{ projectId: ids.app, criterionId: manual[0]!.id, value: 7 }],
    });
    expect(outOfScale.statusCode).toBe(400);
    expect(outOfScale.json().error).toMatchObject({ code: 'EVALUATION_OUT_OF_SCALE' });
    const cost = criteria.find((c) => c.source === 'investmentCost')!;
    const notManual = await consultant.put(`${base()}/evaluations`, {
      values: [{ projectId: ids.app, criterionId: cost.id, value: 2 }],
    });
    expect(notManual.json().error.code).toBe('EVALUATION_NOT_MANUAL');
    expect(await auditCount()).toBe(before);

    // Clearing a cell takes the project out of the ranking until it is scored again.
    await consultant.put(`${base()}/evaluations`, {
      values: [{ projectId: ids.kiosk, criterionId: manual[0]!.id, value: null }],
    });
    const ranking = (await consultant.get(`${base()}/ranking`)).json() as RankingAnalysis;
    expect(ranking.incomplete).toEqual([{ projectId: ids.kiosk, missingCriterionIds: [manual[0]!.id] }]);
    expect(ranking.ranking).toHaveLength(4);
    await consultant.put(`${base()}/evaluations`, {
      values: [{ projectId: ids.kiosk, criterionId: manual[0]!.id, value: 2 }],
    });
  });

  it('ranks with PROMETHEE II, shows PROMETHEE I, GAIA and the weight stability intervals', async () => {
    const response = await aubangeViewer.get(`${base()}/ranking?topK=3`);
    expect(response.statusCode, response.body).toBe(200);
    const analysis = response.json() as RankingAnalysis;
    expect(analysis.blocked).toBeNull();
    expect(analysis.ranking).toHaveLength(5);
    expect(analysis.ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(analysis.ranking.reduce((s, r) => s + r.phi, 0)).toBeCloseTo(0, 12);
    for (const r of analysis.ranking) {
      expect(r.phi).toBeCloseTo(r.phiPlus - r.phiMinus, 12);
      expect(r.priority).toBeCloseTo(50 * (r.phi + 1), 6);
    }
    // The Wi-Fi is best or equal on every criterion but cost than the kiosks: it ranks above them.
    const rank = new Map(analysis.ranking.map((r) => [r.id, r.rank]));
    expect(rank.get(ids.wifi!)!).toBeLessThan(rank.get(ids.kiosk!)!);
    expect(analysis.partialOrder).toHaveLength(10);
    expect(analysis.gaia!.alternatives).toHaveLength(5);
    expect(analysis.gaia!.criteria).toHaveLength(7);
    expect(analysis.gaia!.delta).toBeGreaterThan(0);
    expect(analysis.gaia!.delta).toBeLessThanOrEqual(1 + 1e-12);
    expect(analysis.stability.topK).toBe(3);
    for (const interval of analysis.stability.intervals) {
      expect(interval.low).toBeLessThanOrEqual(interval.weight + 1e-12);
      expect(interval.high).toBeGreaterThanOrEqual(interval.weight - 1e-12);
    }
  });

  it('saves weight scenarios, compares them side by side and applies one', async () => {
    const { criteria } = await state();
    const cost = criteria.find((c) => c.source === 'investmentCost')!;
    const costly = await consultant.post(`${base()}/scenarios`, {
      name: 'Priorité au coût',
      weights: Object.fromEntries(criteria.map((c) => [c.id, c.id === cost.id ? 10 : 1])),
    });
    expect(costly.statusCode, costly.body).toBe(201);
    const snapshot = await consultant.post(`${base()}/scenarios`, { name: 'Pondération AHP' });
    expect(snapshot.statusCode).toBe(201);
    const comparison = (await aubangeViewer.get(`${base()}/scenarios/comparison`)).json();
    expect(comparison.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'current',
      'Priorité au coût',
      'Pondération AHP',
    ]);
    expect(comparison.ranks).toHaveLength(5);
    const same = comparison.agreement.find(
      (a: { first: string; second: string }) => a.first === 'current' && a.second === snapshot.json().id,
    );
    expect(same.kendallTau).toBeCloseTo(1, 12);
    const scenarioRanking = (await consultant.get(`${base()}/ranking?scenarioId=${costly.json().id}`)).json();
    expect(scenarioRanking.criteria.find((c: { id: string }) => c.id === cost.id).weight).toBeCloseTo(10 / 16, 12);

    const applied = (await consultant.post(`/api/strategy/scenarios/${costly.json().id}/apply`)).json() as Criterion[];
    expect(applied.find((c) => c.id === cost.id)!.normalisedWeight).toBeCloseTo(10 / 16, 12);
    expect((await state()).ahp, 'hand weights outdate the AHP matrix').toBeNull();
    await consultant.post(`/api/strategy/scenarios/${snapshot.json().id}/apply`);
    expect((await consultant.delete(`/api/strategy/scenarios/${costly.json().id}`)).statusCode).toBe(204);
    expect((await state()).scenarios).toHaveLength(1);
  });

  it('a mission starting in December plans from the next year', async () => {
    const december = await t.app.services.missions.create(CLI_CONTEXT, {
      title: 'Habay Smart',
      communeNis: '85046',
      consultantIds: [consultantUser.id],
      startDate: '2026-12-01',
    });
    const before = (await consultant.get(`/api/missions/${december.id}/strategy`)).json() as StrategyState;
    const started = (await consultant.post(`/api/missions/${december.id}/strategy`)).json() as StrategyState;
    for (const horizons of [before.horizons, started.horizons]) {
      expect(horizons.map((h) => `${h.startYear}–${h.endYear}`)).toEqual(['2027–2028', '2029–2030', '2031–2032']);
    }
  });

  it('asks for budgets before computing a plan: none is run while every horizon has 0 €', async () => {
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

  const planNow = async (): Promise<PlanState> => {
    const started = await consultant.post(`${base()}/plan`, {});
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', result: null, timeLimitSeconds: 20, relativeGap: 1e-4 });
    await t.app.services.planner.idle();
    return (await consultant.get(`${base()}/plan`)).json() as PlanState;
  };

  it('computes the optimal plan in the background and explains it', async () => {
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

  it('approves the plan: the projects it places become approved, the others stay as they were', async () => {
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

  it('says why a plan is infeasible', async () => {
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { mandatory: true, investmentCost: 500_000 });
    const plan = await planNow();
    expect(plan.run!.result).toMatchObject({ status: 'infeasible', objective: null, placements: [] });
    expect(plan.run!.result!.infeasibility!.causes[0]).toMatchObject({ code: 'MANDATORY_TOO_EXPENSIVE' });
    await consultant.patch(`/api/strategy/projects/${ids.sensors}`, { mandatory: false, investmentCost: 90_000 });
  });

  it('refuses a second plan while one is running (409)', async () => {
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

  it('organises projects under PST objectives and exports the document as PDF and XLSX', async () => {
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

  it('lists the strategies across missions, each commune user only their own', async () => {
    const all = (await consultant.get('/api/strategy/overview')).json();
    const mine = all.find((m: { missionId: string }) => m.missionId === missionId);
    expect(mine).toMatchObject({ communeName: 'Aubange', started: true, projects: 5, planStatus: 'optimal' });
    expect(mine.plannedInvestment).toBeGreaterThan(0);
    expect(
      (await aubangeViewer.get('/api/strategy/overview')).json().map((m: { communeNis: string }) => m.communeNis),
    ).toEqual(['81004']);
    expect((await arlonEditor.get('/api/strategy/overview')).json()).toEqual([]);
  });

  it('audits every write with before and after', async () => {
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

  it('deletes a project sheet with its links', async () => {
    expect((await consultant.delete(`/api/strategy/projects/${ids.fibre}`)).statusCode).toBe(204);
    const s = await state();
    expect(s.projects.find((p) => p.id === ids.wifi)!.requires).toEqual([]);
    expect(s.evaluations.some((e) => e.projectId === ids.fibre)).toBe(false);
    expect((await consultant.delete(`/api/strategy/projects/${ids.fibre}`)).statusCode).toBe(404);
  });
});
