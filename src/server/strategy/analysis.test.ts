import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentedShape } from '../../../test/support/openapi-sweep.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { hydroelectricSites } from '../../domain/strategy/strategy-fixtures.test-support.ts';

/** The calculators over HTTP: the CLI's formats, the same engines, documented, for signed-in users only. */
describe('calculators: /api/analysis', () => {
  let t: TestApp;
  let viewer: Client;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await t.login(await t.createUser('commune_viewer', '81004'));
  });
  afterAll(() => t.close());

  it('ranks the published hydroelectric example with PROMETHEE II (Brans, Vincke & Mareschal 1986)', async () => {
    const response = await viewer.post('/api/analysis/rank', hydroelectricSites);
    expect(response.statusCode, response.body).toBe(200);
    const { ranking } = response.json();
    // Published PROMETHEE II order: Austria, Belgium, Sweden, France, Germany, Italy.
    expect(ranking.map((r: { id: string }) => r.id)).toEqual([
      'a5-austria',
      'a2-belgium',
      'a4-sweden',
      'a6-france',
      'a3-germany',
      'a1-italy',
    ]);
    expect(Object.keys(ranking[0]).sort()).toEqual(['id', 'phi', 'phiMinus', 'phiPlus', 'rank']);
    expect(ranking.map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('derives AHP weights with the consistency ratio', async () => {
    const response = await viewer.post('/api/analysis/ahp', { upperTriangle: [[4, 3, 7], [1 / 3, 3], [5]] });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.weights[0]).toBeCloseTo(0.547, 2);
    expect(result.consistencyRatio).toBeCloseTo(0.044, 3);
    expect(result.consistent).toBe(true);
  });

  it('solves a portfolio with the CLI’s output format', async () => {
    const response = await viewer.post('/api/analysis/portfolio', {
      horizons: [
        { id: 'short', budget: 10, valueFactor: 1 },
        { id: 'medium', budget: 10, valueFactor: 0.8 },
      ],
      projects: [
        { id: 'sensors', value: 10, cost: 10, requires: ['fibre'] },
        { id: 'fibre', value: 1, cost: 10 },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      status: 'optimal',
      objective: 9,
      plan: [
        { id: 'fibre', horizon: 'short' },
        { id: 'sensors', horizon: 'medium' },
      ],
      greedyObjective: 9,
    });
  });

  it('takes the optional phasing and carry-over; today’s input keeps its optimum', async () => {
    const horizons = [
      { id: 'short', budget: 100_000, valueFactor: 1 },
      { id: 'medium', budget: 100_000, valueFactor: 0.85 },
    ];
    const projects = [
      { id: 'flagship', value: 90, cost: 150_000 },
      { id: 'small', value: 20, cost: 10_000 },
    ];
    const plain = (await viewer.post('/api/analysis/portfolio', { horizons, projects })).json();
    expect(plain).toMatchObject({ status: 'optimal', objective: 20, plan: [{ id: 'small', horizon: 'short' }] });
    const carried = await viewer.post('/api/analysis/portfolio', { horizons, projects, carryOver: true });
    expect(carried.statusCode, carried.body).toBe(200);
    expect(carried.json().plan).toContainEqual({ id: 'flagship', horizon: 'medium' });
    const phased = await viewer.post('/api/analysis/portfolio', {
      horizons,
      projects: [{ ...projects[0], phasing: [0.6, 0.4] }, projects[1]],
    });
    expect(phased.json().plan).toContainEqual({ id: 'flagship', horizon: 'short' });
    const bad = await viewer.post('/api/analysis/portfolio', {
      horizons,
      projects: [{ ...projects[0], phasing: [0.6, 0.6] }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('PORTFOLIO_INVALID_PHASING');
  });

  it('names the cause of bad input: 400 for the shape, 422 for a broken rule', async () => {
    const shape = await viewer.post('/api/analysis/rank', {
      criteria: [{ id: 'c', direction: 'up' }],
      alternatives: [],
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.map((d: { field: string }) => d.field)).toContain('criteria.0.direction');
    const unknown = await viewer.post('/api/analysis/rank', {
      criteria: [{ id: 'c', direction: 'max', weight: 1, preference: { type: 'usual' } }],
      alternatives: [{ id: 'a', values: { d: 1 } }],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error).toMatchObject({ code: 'RANK_UNKNOWN_CRITERION' });
    expect(unknown.json().error.message).toContain('« d »');
    const cycle = await viewer.post('/api/analysis/portfolio', {
      horizons: [{ id: 'h', budget: 1, valueFactor: 1 }],
      projects: [
        { id: 'a', value: 1, cost: 1, requires: ['b'] },
        { id: 'b', value: 1, cost: 1, requires: ['a'] },
      ],
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().error.code).toBe('PROJECT_DEPENDENCY_CYCLE');
    expect(cycle.json().error.message).toContain('a → b → a');
    const ahp = await viewer.post('/api/analysis/ahp', { upperTriangle: [[12]] });
    expect(ahp.statusCode).toBe(422);
    expect(ahp.json().error.code).toBe('AHP_JUDGEMENT_OUT_OF_SCALE');
    const tooLarge = await viewer.post('/api/analysis/rank', {
      criteria: Array.from({ length: 31 }, (_, i) => ({
        id: `c${i}`,
        direction: 'max',
        weight: 1,
        preference: { type: 'usual' },
      })),
      alternatives: [],
    });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json().error.code).toBe('CALCULATOR_TOO_LARGE');
  });

  it('refuses the public, and is documented in OpenAPI', async () => {
    expect((await t.anonymous.post('/api/analysis/rank', hydroelectricSites)).statusCode).toBe(401);
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(documentedShape(spec, 'POST', '/api/analysis/rank')).toEqual({
      body: ['alternatives', 'criteria'],
      response: ['ranking'],
    });
    expect(documentedShape(spec, 'POST', '/api/analysis/portfolio')).toEqual({
      body: expect.arrayContaining(['horizons', 'projects']),
      response: expect.arrayContaining(['objective', 'plan', 'status']),
    });
    expect(documentedShape(spec, 'POST', '/api/analysis/ahp')).toEqual({
      body: expect.arrayContaining(['upperTriangle']),
      response: expect.arrayContaining(['weights', 'consistencyRatio', 'consistent']),
    });
    expect(documentedShape(spec, 'POST', '/api/missions/{missionId}/strategy/plan').body).toEqual(
      expect.arrayContaining(['relativeGap', 'timeLimitSeconds']),
    );
  });

  it('rate-limits each user', async () => {
    const client = await t.login(await t.createUser('consultant'));
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      statuses.push((await client.post('/api/analysis/ahp', { upperTriangle: [[2]] })).statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
    // Another user is not affected.
    expect((await viewer.post('/api/analysis/ahp', { upperTriangle: [[2]] })).statusCode).toBe(200);
  });
});
