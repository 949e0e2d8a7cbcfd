import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HORIZONS } from './horizons.ts';
import {
  analyseRanking,
  buildPortfolioProblem,
  buildRankProblem,
  priorityOf,
  type StrategyData,
} from './mission-model.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const C = { impact: uuid(101), risk: uuid(102), cost: uuid(103) };

function project(n: number, patch: Partial<StrategyData['projects'][number]> = {}): StrategyData['projects'][number] {
  return {
    id: uuid(n),
    title: `P${n}`,
    status: 'proposed',
    investmentCost: 10_000 * n,
    runningCostPerYear: 0,
    requires: [],
    excludes: [],
    earliestHorizon: null,
    mandatory: false,
    ...patch,
  };
}

const base = (): StrategyData => ({
  criteria: [
    { id: C.impact, direction: 'max', weight: 3, preference: { type: 'v-shape', p: 2 }, source: 'manual' },
    { id: C.risk, direction: 'min', weight: 1, preference: { type: 'usual' }, source: 'manual' },
    {
      id: C.cost,
      direction: 'min',
      weight: 2,
      preference: { type: 'linear', q: 0, p: 50_000 },
      source: 'investmentCost',
    },
  ],
  projects: [project(1), project(2), project(3), project(4)],
  evaluations: [1, 2, 3, 4].flatMap((n) => [
    { projectId: uuid(n), criterionId: C.impact, value: n },
    { projectId: uuid(n), criterionId: C.risk, value: 5 - n },
  ]),
  horizons: DEFAULT_HORIZONS.map((h) => ({ ...h, budget: 50_000 })),
  locks: [],
});

describe('buildRankProblem', () => {
  it('takes scores from the grid and costs from the sheets, oriented by direction', () => {
    const { problem, incomplete } = buildRankProblem(base());
    expect(incomplete).toEqual([]);
    expect(problem.alternatives.find((a) => a.id === uuid(3))!.values).toEqual({
      [C.impact]: 3,
      [C.risk]: 2,
      [C.cost]: 30_000,
    });
    expect(problem.criteria.map((c) => c.weight)).toEqual([3, 1, 2]);
  });

  it('leaves out rejected projects, lists incomplete rows, and takes a scenario’s weights', () => {
    const data = base();
    data.projects = [...data.projects, project(5, { status: 'rejected' }), project(6)];
    data.evaluations = [...data.evaluations, { projectId: uuid(6), criterionId: C.impact, value: 2 }];
    const { problem, incomplete } = buildRankProblem(data, { [C.impact]: 1, [C.risk]: 1, [C.cost]: 1 });
    expect(problem.alternatives.map((a) => a.id)).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
    expect(incomplete).toEqual([{ projectId: uuid(6), missingCriterionIds: [C.risk] }]);
    expect(problem.criteria.map((c) => c.weight)).toEqual([1, 1, 1]);
  });
});

describe('analyseRanking', () => {
  it('ranks, gives priorities between 0 and 100 and explains nothing is blocked', () => {
    const analysis = analyseRanking(base());
    expect(analysis.blocked).toBeNull();
    expect(analysis.ranking).toHaveLength(4);
    for (const r of analysis.ranking) {
      expect(r.priority).toBeCloseTo(50 * (r.phi + 1), 6);
      expect(r.priority).toBeGreaterThanOrEqual(0);
      expect(r.priority).toBeLessThanOrEqual(100);
    }
    expect(analysis.partialOrder).toHaveLength(6);
    expect(analysis.gaia).not.toBeNull();
    expect(analysis.stability.intervals).toHaveLength(3);
    expect(analysis.criteria.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1, 12);
  });

  it('says why it cannot rank instead of failing: no criteria, every weight zero', () => {
    expect(analyseRanking({ ...base(), criteria: [] }).blocked?.code).toBe('RANK_NO_CRITERIA');
    const zero = base();
    zero.criteria = zero.criteria.map((c) => ({ ...c, weight: 0 }));
    expect(analyseRanking(zero).blocked?.code).toBe('RANK_WEIGHTS_ALL_ZERO');
  });

  it('gives no GAIA plane with fewer than three ranked projects', () => {
    const data = base();
    data.projects = data.projects.slice(0, 2);
    expect(analyseRanking(data).gaia).toBeNull();
  });
});

describe('priorityOf', () => {
  it('maps net flows monotonically onto 0 … 100', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b) => {
        expect(priorityOf(-1)).toBe(0);
        expect(priorityOf(1)).toBe(100);
        if (a < b - 1e-6) expect(priorityOf(a)).toBeLessThanOrEqual(priorityOf(b));
      }),
    );
  });
});

describe('buildPortfolioProblem', () => {
  it('uses the priorities as values, the investments as costs, and the links and locks of the sheets', () => {
    const data = base();
    data.projects = data.projects.map((p, i) =>
      i === 1 ? project(2, { requires: [uuid(1)], excludes: [uuid(3)], earliestHorizon: 'medium' }) : p,
    );
    data.locks = [{ projectId: uuid(4), horizon: 'long' }];
    const analysis = analyseRanking(data);
    const { problem, outside } = buildPortfolioProblem(data, analysis.ranking);
    expect(outside).toEqual([]);
    expect(problem.horizons.map((h) => [h.id, h.budget])).toEqual([
      ['short', 50_000],
      ['medium', 50_000],
      ['long', 50_000],
    ]);
    const p2 = problem.projects.find((p) => p.id === uuid(2))!;
    expect(p2).toMatchObject({ cost: 20_000, requires: [uuid(1)], excludes: [uuid(3)], earliest: 'medium' });
    expect(p2.value).toBeCloseTo(analysis.ranking.find((r) => r.id === uuid(2))!.priority, 9);
    expect(problem.locks).toEqual([{ projectId: uuid(4), horizonId: 'long' }]);
    expect(() => checkPortfolioProblem(problem)).not.toThrow();
  });

  it('keeps out rejected and unranked projects, unless mandatory, locked or required by those', () => {
    const data = base();
    data.projects = [
      ...data.projects,
      project(5, { status: 'rejected' }),
      project(6), // not scored: out
      project(7, { mandatory: true, requires: [uuid(8)] }), // not scored but mandatory: in, with value 0
      project(8), // not scored but required by a mandatory one: in
      project(9, { requires: [uuid(5)] }), // requires a rejected one: cannot be placed
    ];
    data.evaluations = [
      ...data.evaluations,
      { projectId: uuid(9), criterionId: C.impact, value: 3 },
      { projectId: uuid(9), criterionId: C.risk, value: 3 },
    ];
    const { problem, outside } = buildPortfolioProblem(data, analyseRanking(data).ranking);
    expect(problem.projects.map((p) => p.id).sort()).toEqual([uuid(1), uuid(2), uuid(3), uuid(4), uuid(7), uuid(8)]);
    expect(problem.projects.find((p) => p.id === uuid(7))).toMatchObject({ value: 0, mandatory: true });
    expect(outside).toEqual(
      expect.arrayContaining([
        { projectId: uuid(5), reason: 'REJECTED' },
        { projectId: uuid(6), reason: 'NOT_EVALUATED' },
        { projectId: uuid(9), reason: 'REQUIRES_OUTSIDE', requires: uuid(5) },
      ]),
    );
    expect(() => checkPortfolioProblem(problem)).not.toThrow();
  });
});
