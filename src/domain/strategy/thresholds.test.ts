import { describe, expect, it } from 'vitest';
import { preferenceFor } from './mission-model.ts';
import { isQuantitative, proposeThresholds, quantile } from './thresholds.ts';

describe('proposeThresholds: q and p from the quartiles of the pairwise differences', () => {
  it('on four investments worked by hand', () => {
    // 20 000, 37 000, 60 000 and 150 000 €: the six differences, sorted, are
    // 17 000, 23 000, 40 000, 90 000, 113 000, 130 000.
    // Q1 at position 5 × 0.25 = 1.25: 23 000 + 0.25 × 17 000 = 27 250; Q3 at 3.75: 90 000 + 0.75 × 23 000 = 107 250.
    expect(proposeThresholds([20_000, 37_000, 60_000, 150_000])).toEqual({
      q: 27_300,
      p: 107_000,
      pairs: 6,
      rule: 'pairwise-quartiles',
    });
  });

  it('follows the commune’s scale: the same projects at a tenth of the cost get thresholds a tenth as large', () => {
    expect(proposeThresholds([2_000, 3_700, 6_000, 15_000])).toMatchObject({ q: 2_730, p: 10_700 });
  });

  it('three projects: the differences 1, 2, 3 give q = 1.5 and p = 2.5', () => {
    expect(proposeThresholds([1, 2, 4])).toMatchObject({ q: 1.5, p: 2.5, pairs: 3 });
  });

  it('proposes nothing for one project, or when every project has the same value', () => {
    expect(proposeThresholds([50_000])).toBeNull();
    expect(proposeThresholds([])).toBeNull();
    expect(proposeThresholds([10, 10, 10])).toBeNull();
  });

  it('interpolates quantiles between order statistics (R and NumPy’s default)', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.5)).toBe(7);
  });
});

describe('isQuantitative', () => {
  it('amounts read from the sheet and wide or open scales; not a 1 to 5 score', () => {
    expect(isQuantitative({ source: 'investmentCost', scale: null })).toBe(true);
    expect(isQuantitative({ source: 'runningCost', scale: null })).toBe(true);
    expect(isQuantitative({ source: 'manual', scale: { min: 0, max: 500 } })).toBe(true);
    expect(isQuantitative({ source: 'manual', scale: { min: 1, max: 5 } })).toBe(false);
  });
});

describe('preferenceFor: the rule replaces the typed thresholds when ranking', () => {
  const alternatives = [20_000, 37_000, 60_000, 150_000].map((cost, i) => ({ id: `p${i}`, values: { cost } }));
  it('reads q and p from the ranked projects’ values', () => {
    expect(
      preferenceFor(
        { id: 'cost', preference: { type: 'v-shape', p: 100_000 }, thresholdRule: 'pairwise-quartiles' },
        alternatives,
      ),
    ).toEqual({ type: 'linear', q: 27_300, p: 107_000 });
  });
  it('keeps the typed thresholds without the rule, or while fewer than two projects differ', () => {
    const typed = { type: 'v-shape' as const, p: 100_000 };
    expect(preferenceFor({ id: 'cost', preference: typed, thresholdRule: null }, alternatives)).toBe(typed);
    expect(
      preferenceFor({ id: 'cost', preference: typed, thresholdRule: 'pairwise-quartiles' }, alternatives.slice(0, 1)),
    ).toBe(typed);
  });
});
