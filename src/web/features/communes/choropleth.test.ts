import { describe, expect, it } from 'vitest';
import { buildChoropleth, classOf, legendEntries, NO_DATA_COLOUR, paletteFor, quantileBreaks } from './choropleth.ts';

describe('quantileBreaks', () => {
  it('splits ten values into five classes of two', () => {
    const breaks = quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(breaks).toEqual([1, 2.5, 4.5, 6.5, 8.5, 10]);
    const counts = [0, 0, 0, 0, 0];
    for (const v of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) counts[classOf(v, breaks)]! += 1;
    expect(counts).toEqual([2, 2, 2, 2, 2]);
  });

  it('ignores the order of the values and non-finite ones', () => {
    expect(quantileBreaks([10, Number.NaN, 1, 5], 2)).toEqual(quantileBreaks([1, 5, 10], 2));
  });

  it('gives fewer classes when values tie', () => {
    expect(quantileBreaks([3, 3, 3, 3], 5)).toEqual([3, 3]);
    const breaks = quantileBreaks([1, 1, 1, 1, 1, 1, 1, 1, 9, 10], 5);
    expect(breaks[0]).toBe(1);
    expect(breaks[breaks.length - 1]).toBe(10);
    expect(new Set(breaks).size).toBe(breaks.length);
  });

  it('returns nothing for no values and refuses a class count below one', () => {
    expect(quantileBreaks([], 5)).toEqual([]);
    expect(() => quantileBreaks([1, 2], 0)).toThrow(RangeError);
  });

  it('always puts the minimum in the first class and the maximum in the last', () => {
    const values = [23.5, 41.2, 252.7, 371.8, 19.9, 64, 88.1, 120, 35, 47.3, 58.8];
    const breaks = quantileBreaks(values, 5);
    expect(classOf(Math.min(...values), breaks)).toBe(0);
    expect(classOf(Math.max(...values), breaks)).toBe(breaks.length - 2);
    for (let i = 1; i < breaks.length; i++) expect(breaks[i]!).toBeGreaterThan(breaks[i - 1]!);
  });
});

describe('palette and legend', () => {
  it('keeps the darkest colour for the top class', () => {
    expect(paletteFor(5)).toHaveLength(5);
    expect(paletteFor(2)).toEqual(['#ffffcc', '#253494']);
    expect(paletteFor(0)).toEqual([]);
  });

  it('labels each class with its range', () => {
    const legend = legendEntries([1, 2.5, 10], (v) => v.toFixed(1));
    expect(legend.map((e) => e.label)).toEqual(['1.0 – 2.5', '2.5 – 10.0']);
    expect(legend[1]!.colour).toBe('#253494');
  });

  it('colours missing values in grey', () => {
    const choropleth = buildChoropleth([1, 2, 3, null], String);
    expect(choropleth.colourOf(null)).toBe(NO_DATA_COLOUR);
    expect(choropleth.colourOf(3)).toBe('#253494');
    expect(choropleth.colourOf(1)).toBe('#ffffcc');
  });
});
