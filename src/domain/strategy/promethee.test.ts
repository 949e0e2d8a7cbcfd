import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckedPreference, preferenceDegree } from './preference-functions.ts';
import { computeFlows, partialOrder, preferenceIndices, rankAlternatives, rankByNetFlow } from './promethee.ts';
import type { RankProblem } from './schemas.ts';
import { domainErrorOf, hydroelectricSites, rankProblem, withWeights } from './strategy-fixtures.test-support.ts';

describe('preference functions (Brans & Vincke 1985)', () => {
  const cases: [CheckedPreference, [number, number][]][] = [
    [
      { type: 'usual' },
      [
        [-1, 0],
        [0, 0],
        [0.001, 1],
        [5, 1],
      ],
    ],
    [
      { type: 'u-shape', q: 2 },
      [
        [0, 0],
        [2, 0],
        [2.01, 1],
      ],
    ],
    [
      { type: 'v-shape', p: 4 },
      [
        [0, 0],
        [1, 0.25],
        [4, 1],
        [9, 1],
      ],
    ],
    [
      { type: 'level', q: 1, p: 3 },
      [
        [1, 0],
        [1.5, 0.5],
        [3, 0.5],
        [3.5, 1],
      ],
    ],
    [
      { type: 'linear', q: 1, p: 3 },
      [
        [1, 0],
        [2, 0.5],
        [3, 1],
        [7, 1],
      ],
    ],
    [
      { type: 'gaussian', s: 2 },
      [
        [0, 0],
        [2, 1 - Math.exp(-0.5)],
        [-2, 0],
      ],
    ],
  ];
  it.each(cases)('%o', (fn, points) => {
    for (const [d, expected] of points) expect(preferenceDegree(fn, d)).toBeCloseTo(expected, 12);
  });
});

describe('PROMETHEE on the hydroelectric sites of Brans, Vincke & Mareschal (1986)', () => {
  // Published figures, as reproduced in the course notes of the example (3 decimals). The source rounds π to three
  // decimals and then sums the rounded values, so its π are within 0.001 and its summed flows within 0.002 of the
  // exact figures; the tolerances below are those, not looser.
  const publishedPi = [
    [0, 0.296, 0.25, 0.268, 0.1, 0.185],
    [0.462, 0, 0.389, 0.333, 0.296, 0.5],
    [0.236, 0.18, 0, 0.333, 0.056, 0.429],
    [0.399, 0.505, 0.305, 0, 0.223, 0.212],
    [0.444, 0.515, 0.487, 0.38, 0, 0.448],
    [0.286, 0.399, 0.25, 0.432, 0.133, 0],
  ];
  /** The 1986 paper prints net flows as plain sums, i.e. φ × (n − 1). */
  const publishedNetFlowSums = [-0.728, 0.085, -0.447, -0.102, 1.466, -0.274];

  it('reproduces the published preference indices π(a, b)', () => {
    const { pi } = preferenceIndices(hydroelectricSites);
    pi.forEach((row, a) => {
      row.forEach((value, b) => {
        expect(Math.abs(value - publishedPi[a]![b]!)).toBeLessThan(0.0011);
      });
    });
  });

  it('reproduces the published net flows and the PROMETHEE II ranking Austria > Belgium > Sweden > France > Germany > Italy', () => {
    const flows = computeFlows(hydroelectricSites);
    flows.alternatives.forEach((alternative, a) => {
      expect(Math.abs(alternative.phi * 5 - publishedNetFlowSums[a]!)).toBeLessThan(0.0025);
    });
    expect(rankAlternatives(hydroelectricSites).ranking.map((r) => r.id)).toEqual([
      'a5-austria',
      'a2-belgium',
      'a4-sweden',
      'a6-france',
      'a3-germany',
      'a1-italy',
    ]);
  });

  it('finds Italy and Belgium incomparable in PROMETHEE I, as the paper stresses, and Austria preferred to all', () => {
    const pairs = partialOrder(computeFlows(hydroelectricSites));
    expect(pairs).toContainEqual({ first: 'a1-italy', second: 'a2-belgium', relation: 'incomparable' });
    const austria = pairs.filter((p) => p.first === 'a5-austria' || p.second === 'a5-austria');
    expect(austria).toHaveLength(5);
    expect(austria.every((p) => p.relation === 'preferred' && p.first === 'a5-austria')).toBe(true);
  });

  it('moves France to the top when power weighs 50 and the others 10, and Belgium when villages weigh 55 and the others 9', () => {
    // Weight changes discussed in Mareschal, "Exercises with Visual PROMETHEE" (2019), on the same data.
    const ids = hydroelectricSites.criteria.map((c) => c.id);
    const power = withWeights(
      hydroelectricSites,
      Object.fromEntries(ids.map((id) => [id, id === 'f2-power' ? 50 : 10])),
    );
    expect(rankAlternatives(power).ranking[0]?.id).toBe('a6-france');
    const villages = withWeights(
      hydroelectricSites,
      Object.fromEntries(ids.map((id) => [id, id === 'f5-villages' ? 55 : 9])),
    );
    expect(rankAlternatives(villages).ranking[0]?.id).toBe('a2-belgium');
  });

  it('prints the CLI contract: {ranking: [{id, phiPlus, phiMinus, phi, rank}]} sorted by rank', () => {
    const { ranking } = rankAlternatives(hydroelectricSites);
    expect(Object.keys(ranking[0]!)).toEqual(['id', 'phiPlus', 'phiMinus', 'phi', 'rank']);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranking[0]?.phiPlus).toBeCloseTo(0.4547, 4);
    expect(ranking[0]?.phiMinus).toBeCloseTo(0.1618, 4);
  });
});

describe('rankByNetFlow', () => {
  it('gives equal net flows the same rank and orders them by id', () => {
    const ranking = rankByNetFlow([
      { id: 'b', phiPlus: 0.5, phiMinus: 0.5, phi: 0 },
      { id: 'c', phiPlus: 1, phiMinus: 0, phi: 1 },
      { id: 'a', phiPlus: 0.5, phiMinus: 0.5, phi: 1e-13 },
      { id: 'd', phiPlus: 0, phiMinus: 1, phi: -1 },
    ]);
    expect(ranking.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
    ]);
  });
});

describe('PROMETHEE input checks name the faulty item', () => {
  const base = (): RankProblem => ({
    criteria: [
      { id: 'cost', direction: 'min', weight: 1, preference: { type: 'linear', q: 1, p: 5 } },
      { id: 'impact', direction: 'max', weight: 2, preference: { type: 'usual' } },
    ],
    alternatives: [
      { id: 'wifi', values: { cost: 3, impact: 4 } },
      { id: 'bus', values: { cost: 5, impact: 2 } },
    ],
  });
  const cases: [string, (p: RankProblem) => void, string][] = [
    ['RANK_UNKNOWN_CRITERION', (p) => (p.alternatives[0]!.values.risk = 1), '"risk"'],
    ['RANK_MISSING_VALUE', (p) => delete p.alternatives[1]!.values.impact, '"bus"'],
    ['RANK_NEGATIVE_WEIGHT', (p) => (p.criteria[1]!.weight = -1), '"impact"'],
    [
      'RANK_WEIGHTS_ALL_ZERO',
      (p) =>
        p.criteria.forEach((c) => {
          c.weight = 0;
        }),
      'weight',
    ],
    ['RANK_PREFERENCE_THRESHOLDS_ORDER', (p) => (p.criteria[0]!.preference = { type: 'linear', q: 6, p: 5 }), '"cost"'],
    ['RANK_PREFERENCE_PARAMETER_MISSING', (p) => (p.criteria[1]!.preference = { type: 'gaussian' }), '"impact"'],
    ['RANK_PREFERENCE_PARAMETER_MISSING', (p) => (p.criteria[1]!.preference = { type: 'level', p: 2 }), 'needs q'],
    ['RANK_PREFERENCE_PARAMETER_INVALID', (p) => (p.criteria[1]!.preference = { type: 'v-shape', p: 0 }), '"impact"'],
    ['RANK_DUPLICATE_CRITERION', (p) => (p.criteria[1]!.id = 'cost'), '"cost"'],
    ['RANK_DUPLICATE_ALTERNATIVE', (p) => (p.alternatives[1]!.id = 'wifi'), '"wifi"'],
    ['RANK_VALUE_NOT_FINITE', (p) => (p.alternatives[0]!.values.cost = Number.NaN), '"wifi"'],
    ['RANK_NO_CRITERIA', (p) => (p.criteria = []), 'criterion'],
  ];
  it.each(cases)('%s', (code, spoil, named) => {
    const problem = base();
    spoil(problem);
    const error = domainErrorOf(() => rankAlternatives(problem));
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(named);
  });

  it('ranks a single alternative first with zero flows, and an empty list as empty', () => {
    const one = base();
    one.alternatives = one.alternatives.slice(0, 1);
    expect(rankAlternatives(one).ranking).toEqual([{ id: 'wifi', phiPlus: 0, phiMinus: 0, phi: 0, rank: 1 }]);
    expect(rankAlternatives({ ...one, alternatives: [] }).ranking).toEqual([]);
  });
});

describe('PROMETHEE properties', () => {
  it('net flows sum to zero and lie in [−1, 1], with φ = φ⁺ − φ⁻ = Σ w_j φ_j', () => {
    fc.assert(
      fc.property(rankProblem(), (problem) => {
        const flows = computeFlows(problem);
        expect(flows.alternatives.reduce((s, a) => s + a.phi, 0)).toBeCloseTo(0, 10);
        for (const a of flows.alternatives) {
          expect(Math.abs(a.phi)).toBeLessThanOrEqual(1 + 1e-12);
          expect(a.phiPlus).toBeGreaterThanOrEqual(-1e-12);
          expect(a.phiMinus).toBeLessThanOrEqual(1 + 1e-12);
          const weighted = flows.criteria.reduce((s, c) => s + c.weight * a.criterionFlows[c.id]!, 0);
          expect(weighted).toBeCloseTo(a.phi, 12);
        }
      }),
    );
  });

  it('an alternative that dominates all others ranks first', () => {
    fc.assert(
      fc.property(rankProblem(), (problem) => {
        const champion = {
          id: 'champion',
          values: Object.fromEntries(
            problem.criteria.map((c) => {
              const values = problem.alternatives.map((a) => a.values[c.id]!);
              return [c.id, c.direction === 'max' ? Math.max(...values) + 1 : Math.min(...values) - 1];
            }),
          ),
        };
        const { ranking } = rankAlternatives({ ...problem, alternatives: [...problem.alternatives, champion] });
        expect(ranking.find((r) => r.id === 'champion')?.rank).toBe(1);
      }),
    );
  });

  it('multiplying every weight by a constant changes nothing', () => {
    fc.assert(
      fc.property(rankProblem(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (problem, factor) => {
        const scaled = { ...problem, criteria: problem.criteria.map((c) => ({ ...c, weight: c.weight * factor })) };
        const before = rankAlternatives(problem).ranking;
        const after = rankAlternatives(scaled).ranking;
        expect(after.map((r) => [r.id, r.rank])).toEqual(before.map((r) => [r.id, r.rank]));
        after.forEach((r, i) => {
          expect(r.phi).toBeCloseTo(before[i]!.phi, 12);
        });
      }),
    );
  });

  it('reversing the direction of every criterion swaps φ⁺ and φ⁻ and reverses the ranking', () => {
    fc.assert(
      fc.property(rankProblem(), (problem) => {
        const reversed: RankProblem = {
          ...problem,
          criteria: problem.criteria.map((c) => ({ ...c, direction: c.direction === 'max' ? 'min' : 'max' })),
        };
        const before = computeFlows(problem).alternatives;
        const after = computeFlows(reversed).alternatives;
        after.forEach((a, i) => {
          expect(a.phi).toBeCloseTo(-before[i]!.phi, 12);
          expect(a.phiPlus).toBeCloseTo(before[i]!.phiMinus, 12);
        });
        const rankBefore = new Map(rankByNetFlow(before).map((r) => [r.id, r.rank]));
        const rankAfter = new Map(rankByNetFlow(after).map((r) => [r.id, r.rank]));
        for (const x of before) {
          for (const y of before) {
            if (rankBefore.get(x.id)! < rankBefore.get(y.id)!)
              expect(rankAfter.get(x.id)!).toBeGreaterThan(rankAfter.get(y.id)!);
          }
        }
      }),
    );
  });

  it('the sorted O(n log n) flows agree with the plain pairwise formulation', () => {
    fc.assert(
      fc.property(rankProblem({ alternatives: [1, 30] }), (problem) => {
        const fast = computeFlows(problem, { method: 'sorted' }).alternatives;
        const plain = computeFlows(problem, { method: 'pairwise' }).alternatives;
        fast.forEach((a, i) => {
          const b = plain[i]!;
          expect(a.phiPlus).toBeCloseTo(b.phiPlus, 10);
          expect(a.phiMinus).toBeCloseTo(b.phiMinus, 10);
          for (const id of Object.keys(b.criterionFlows))
            expect(a.criterionFlows[id]).toBeCloseTo(b.criterionFlows[id]!, 10);
        });
      }),
      { numRuns: 300 },
    );
  });
});
