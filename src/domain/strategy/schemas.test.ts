import { describe, expect, it } from 'vitest';
import { deriveAhpWeights } from './ahp.ts';
import { rankAlternatives } from './promethee.ts';
import { AhpComparisons, PortfolioResult, RankProblem, RankResult } from './schemas.ts';
import { hydroelectricSites } from './strategy-fixtures.test-support.ts';

describe('strategy schemas', () => {
  it('accept the rank problem of issue 4 and name the field at fault', () => {
    expect(RankProblem.parse(hydroelectricSites)).toEqual(hydroelectricSites);
    const negative = RankProblem.safeParse({
      ...hydroelectricSites,
      criteria: [{ ...hydroelectricSites.criteria[0]!, weight: -1 }],
    });
    expect(negative.success).toBe(false);
    expect(negative.error?.issues[0]?.path).toEqual(['criteria', 0, 'weight']);
    expect(RankProblem.safeParse({ ...hydroelectricSites, extra: true }).success).toBe(false);
    expect(
      RankProblem.safeParse({
        ...hydroelectricSites,
        alternatives: [{ id: 'x', values: { a: Number.POSITIVE_INFINITY } }],
      }).success,
    ).toBe(false);
  });

  it('describe exactly what rankAlternatives returns', () => {
    expect(RankResult.parse(rankAlternatives(hydroelectricSites))).toEqual(rankAlternatives(hydroelectricSites));
    expect(
      PortfolioResult.safeParse({
        status: 'optimal',
        objective: 3,
        plan: [{ id: 'a', horizon: 'h' }],
        greedyObjective: 2,
      }).success,
    ).toBe(true);
  });

  it('accept AHP comparisons as a matrix or an upper triangle', () => {
    const parsed = AhpComparisons.parse({ upperTriangle: [[3, 5], [2]] });
    expect(deriveAhpWeights(parsed).weights).toHaveLength(3);
    expect(AhpComparisons.safeParse({ upperTriangle: [[0]] }).success).toBe(false);
  });
});
