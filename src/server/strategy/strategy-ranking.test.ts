import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import type { Criterion } from '../../domain/strategy/criteria.ts';
import type { RankingAnalysis } from '../../domain/strategy/strategy-api.ts';
import { auditLog } from '../db/schema/index.ts';
import {
  gridValues,
  idsOf,
  scoredStrategy,
  startedStrategy,
  strategyOf,
  strategyPeople,
  strategyUrl,
  strategyWithSheets,
} from './strategy.test-support.ts';

/**
 * A strategy's multi-criteria analysis, as a consultant runs it for Aubange: criteria and their preference functions,
 * weights (direct and AHP), the evaluation grid, the PROMETHEE ranking, weight scenarios. Each test starts its own
 * mission.
 */
describe('strategy: criteria, weights and ranking', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };
  let aubangeViewer: Client;
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    ({ consultant, aubangeViewer } = await strategyPeople(t));
  });
  afterAll(() => t.close());

  it('edits the criteria: preference functions checked field by field', async () => {
    const missionId = await startedStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
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
    const missionId = await startedStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
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
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const current = await state();
    const { criteria } = current;
    const manual = criteria.filter((c) => c.source === 'manual');
    const values = gridValues(current, sheets);
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
    const { missionId, sheets } = await scoredStrategy(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
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
    const { missionId } = await scoredStrategy(consultant);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
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
});
