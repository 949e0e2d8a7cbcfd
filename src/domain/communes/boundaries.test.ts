import { describe, expect, it } from 'vitest';
import { boundariesByNis } from './boundaries.ts';
import { densityPerKm2, isCurrentOn } from './commune.ts';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [5, 49],
      [5.1, 49],
      [5.1, 49.1],
      [5, 49],
    ],
  ],
};

describe('boundariesByNis', () => {
  it('reads a FeatureCollection keyed by any usual NIS property', () => {
    const result = boundariesByNis({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { nis: '81001' }, geometry: square },
        { type: 'Feature', properties: { code: 81004 }, geometry: square },
        {
          type: 'Feature',
          properties: { nisCode: '82003' },
          geometry: { ...square, type: 'MultiPolygon', coordinates: [square.coordinates] },
        },
      ],
    });
    expect([...result.keys()]).toEqual(['81001', '81004', '82003']);
  });

  it('names the feature that lacks a code or a polygon', () => {
    expect(() =>
      boundariesByNis({ type: 'FeatureCollection', features: [{ properties: { name: 'x' }, geometry: square }] }),
    ).toThrow('feature 0 has no NIS code');
    expect(() =>
      boundariesByNis({
        type: 'FeatureCollection',
        features: [{ properties: { nis: '81001' }, geometry: { type: 'Point', coordinates: [5, 49] } }],
      }),
    ).toThrow('feature 0 (81001) has no Polygon');
    expect(() => boundariesByNis({ type: 'Feature' })).toThrow('not a GeoJSON FeatureCollection');
  });
});

describe('commune facts', () => {
  it('computes density, unknown when a figure is missing', () => {
    expect(densityPerKm2(30_081, 119.06)).toBe(252.7);
    expect(densityPerKm2(null, 10)).toBeNull();
    expect(densityPerKm2(10, 0)).toBeNull();
  });

  it('a merged commune stops being current on its merger date', () => {
    expect(isCurrentOn({ mergedOn: '2025-01-01' }, '2024-12-31')).toBe(true);
    expect(isCurrentOn({ mergedOn: '2025-01-01' }, '2025-01-01')).toBe(false);
    expect(isCurrentOn({ mergedOn: null }, '2030-01-01')).toBe(true);
  });
});
