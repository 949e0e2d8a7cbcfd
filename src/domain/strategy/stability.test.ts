import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFlows, rankAlternatives } from './promethee.ts';
import type { RankProblem } from './schemas.ts';
import { describeStabilityInterval, weightStabilityIntervals } from './stability.ts';
import { hydroelectricSites, rankProblem } from './strategy-fixtures.test-support.ts';

/** The ranking (or its top k) when criterion `j` weighs t and the others share 1 − t in their current proportions. */
const rankingAt = (problem: RankProblem, j: number, t: number, topK?: number): string => {
  const flows = computeFlows(problem);
  const w = flows.criteria.map((c) => c.weight);
  const rest = 1 - w[j]!;
  const moved: RankProblem = {
    ...problem,
    criteria: problem.criteria.map((c, i) => ({ ...c, weight: i === j ? t : (w[i]! * (1 - t)) / rest })),
  };
  // The top k holds every alternative ranked k or better, so a tie at the k-th place counts in full.
  return rankAlternatives(moved)
    .ranking.filter((r) => topK === undefined || r.rank <= topK)
    .map((r) => `${r.id}:${r.rank}`)
    .join(' ');
};

describe('weightStabilityIntervals', () => {
  it('gives the intervals of the hydroelectric example, each containing the current weight 1/6', () => {
    const intervals = weightStabilityIntervals(computeFlows(hydroelectricSites));
    expect(intervals).toHaveLength(6);
    for (const interval of intervals) {
      expect(interval.weight).toBeCloseTo(1 / 6, 12);
      expect(interval.low).toBeLessThanOrEqual(interval.weight);
      expect(interval.high).toBeGreaterThanOrEqual(interval.weight);
    }
    // Austria stays first while the power weight moves a long way; the full order is more fragile.
    const [top] = weightStabilityIntervals(computeFlows(hydroelectricSites), { topK: 1 }).filter(
      (i) => i.criterionId === 'f2-power',
    );
    const [all] = intervals.filter((i) => i.criterionId === 'f2-power');
    expect(top!.high - top!.low).toBeGreaterThanOrEqual(all!.high - all!.low);
  });

  it('agrees with the weight changes published for that example: Austria loses the top place before power weighs 0.5 or villages 0.55', () => {
    const top = new Map(
      weightStabilityIntervals(computeFlows(hydroelectricSites), { topK: 1 }).map((i) => [i.criterionId, i]),
    );
    // Power 50 / others 10 puts France first, villages 55 / others 9 puts Belgium first (see promethee.test.ts).
    expect(top.get('f2-power')!.high).toBeLessThan(0.5);
    expect(top.get('f5-villages')!.high).toBeLessThan(0.55);
    expect(rankingAt(hydroelectricSites, 1, top.get('f2-power')!.high + 0.01, 1)).toBe('a6-france:1');
    expect(rankingAt(hydroelectricSites, 4, top.get('f5-villages')!.high + 0.01, 1)).toBe('a2-belgium:1');
  });

  it('matches brute force: inside the interval the ranking holds, just outside it changes', () => {
    fc.assert(
      fc.property(
        rankProblem({ alternatives: [2, 7], criteria: [2, 4] }),
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        (problem, topK) => {
          const flows = computeFlows(problem);
          weightStabilityIntervals(flows, { topK }).forEach((interval, j) => {
            const original = rankingAt(problem, j, interval.weight, topK);
            // Steps of 0.01 across [0, 1], plus points just beyond each end.
            for (let step = 0; step <= 100; step++) {
              const t = step / 100;
              if (t > interval.low + 1e-6 && t < interval.high - 1e-6)
                expect(rankingAt(problem, j, t, topK)).toBe(original);
              if (t > interval.high + 1e-6 || t < interval.low - 1e-6)
                expect(rankingAt(problem, j, t, topK)).not.toBe(original);
            }
            if (interval.high < 1 - 1e-3) expect(rankingAt(problem, j, interval.high + 1e-4, topK)).not.toBe(original);
            if (interval.low > 1e-3) expect(rankingAt(problem, j, interval.low - 1e-4, topK)).not.toBe(original);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('cannot move the weight of a lone criterion', () => {
    const [only] = weightStabilityIntervals(
      computeFlows({
        criteria: [{ id: 'c', direction: 'max', weight: 3, preference: { type: 'usual' } }],
        alternatives: [
          { id: 'a', values: { c: 1 } },
          { id: 'b', values: { c: 2 } },
        ],
      }),
    );
    expect(only).toEqual({ criterionId: 'c', weight: 1, low: 1, high: 1 });
  });

  it('reads as "0.18 to 0.31"', () => {
    expect(describeStabilityInterval({ low: 0.1812, high: 0.3149 })).toBe('0.18 to 0.31');
  });
});
