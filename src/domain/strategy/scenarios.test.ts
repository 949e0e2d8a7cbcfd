import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareScenarios, kendallTauB, spearmanRho } from './scenarios.ts';
import { domainErrorOf, hydroelectricSites } from './strategy-fixtures.test-support.ts';

describe('rank correlations', () => {
  it('work out a swapped pair by hand: τ = (5 − 1) / 6, ρ = 1 − 6·2 / (4·15)', () => {
    expect(kendallTauB([4, 3, 2, 1], [3, 4, 2, 1])).toBeCloseTo(4 / 6, 12);
    expect(spearmanRho([4, 3, 2, 1], [3, 4, 2, 1])).toBeCloseTo(0.8, 12);
  });

  it('count ties as τ_b does: x = (1, 1, 2), y = (1, 2, 3) gives 2 / √(2·3)', () => {
    expect(kendallTauB([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 12);
    // Ranks (1.5, 1.5, 3) against (1, 2, 3): Pearson gives √3 / 2.
    expect(spearmanRho([2, 2, 1], [3, 2, 1])).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it('are 1 for the same order, −1 for the reverse, and undefined when one side has no order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 30 }), (x) => {
        const scaled = x.map((v) => 3 * v + 7);
        expect(kendallTauB(x, scaled)).toBeCloseTo(1, 12);
        expect(spearmanRho(x, scaled)).toBeCloseTo(1, 12);
        expect(
          kendallTauB(
            x,
            x.map((v) => -v),
          ),
        ).toBeCloseTo(-1, 12);
        expect(
          spearmanRho(
            x,
            x.map((v) => -v),
          ),
        ).toBeCloseTo(-1, 12);
      }),
    );
    expect(kendallTauB([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearmanRho([1, 2, 3], [5, 5, 5])).toBeNull();
  });
});

describe('compareScenarios', () => {
  const ids = hydroelectricSites.criteria.map((c) => c.id);
  const equal = { id: 'equal', weights: Object.fromEntries(ids.map((id) => [id, 1])) };
  const power = { id: 'power', weights: Object.fromEntries(ids.map((id) => [id, id === 'f2-power' ? 50 : 10])) };

  it('lays the rankings side by side and measures how much they agree', () => {
    const comparison = compareScenarios(hydroelectricSites, [equal, power]);
    expect(comparison.scenarios.map((s) => s.ranking[0]?.id)).toEqual(['a5-austria', 'a6-france']);
    expect(comparison.ranks.find((r) => r.id === 'a6-france')?.ranks).toEqual({ equal: 4, power: 1 });
    expect(comparison.agreement).toHaveLength(1);
    const [{ kendallTau, spearmanRho: rho } = { kendallTau: null, spearmanRho: null }] = comparison.agreement;
    expect(kendallTau).toBeGreaterThan(-1);
    expect(kendallTau).toBeLessThan(1);
    expect(rho).toBeLessThan(1);
  });

  it('agrees perfectly with itself', () => {
    const { agreement } = compareScenarios(hydroelectricSites, [equal, { ...equal, id: 'again' }]);
    expect(agreement[0]).toMatchObject({ kendallTau: 1, spearmanRho: 1 });
  });

  it('names a scenario that forgets a criterion or weighs an unknown one', () => {
    const { 'f6-safety': _, ...partial } = equal.weights;
    expect(
      domainErrorOf(() => compareScenarios(hydroelectricSites, [{ id: 'short', weights: partial }])),
    ).toMatchObject({
      code: 'SCENARIO_MISSING_WEIGHT',
      message: expect.stringContaining('"short"'),
    });
    expect(
      domainErrorOf(() =>
        compareScenarios(hydroelectricSites, [{ id: 'odd', weights: { ...equal.weights, noise: 1 } }]),
      ),
    ).toMatchObject({ code: 'SCENARIO_UNKNOWN_CRITERION' });
    expect(domainErrorOf(() => compareScenarios(hydroelectricSites, [equal, equal]))?.code).toBe('SCENARIO_DUPLICATE');
  });
});
