import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benchmarkByDimension,
  type CommuneMaturity,
  comparabilityOf,
  comparableWith,
  compareToPeers,
  MIN_COMPARABLE_COMMUNES,
  populationBand,
  zScores,
  zScoresByDimension,
} from './benchmark.ts';

describe('zScores', () => {
  it('centres and scales the values of the communes that have one', () => {
    const result = zScores({ '85045': 1, '81001': 3, '84077': null });
    expect(result).toEqual({ computable: true, mean: 2, sd: 1, scores: { '85045': -1, '81001': 1 } });
  });

  it('gives every commune 0 when they all have the same value', () => {
    expect(zScores({ a: 2.7, b: 2.7, c: 2.7 })).toEqual({
      computable: true,
      mean: 2.7,
      sd: 0,
      scores: { a: 0, b: 0, c: 0 },
    });
  });

  it('is not computable with fewer than two values', () => {
    expect(zScores({ a: 2, b: null })).toMatchObject({ computable: false, reason: 'FEWER_THAN_TWO_VALUES' });
    expect(zScores({})).toMatchObject({ computable: false });
  });

  it('has mean 0 and standard deviation 1 (property)', () => {
    const values = fc
      .array(fc.double({ min: 0, max: 4, noNaN: true }), { minLength: 2, maxLength: 44 })
      .filter((xs) => Math.max(...xs) - Math.min(...xs) > 1e-6);
    fc.assert(
      fc.property(values, (xs) => {
        const result = zScores(Object.fromEntries(xs.map((x, i) => [String(80_000 + i), x])));
        if (!result.computable) throw new Error('expected z-scores');
        const z = Object.values(result.scores);
        const mean = z.reduce((s, v) => s + v, 0) / z.length;
        const sd = Math.sqrt(z.reduce((s, v) => s + (v - mean) ** 2, 0) / z.length);
        expect(mean).toBeCloseTo(0, 9);
        expect(sd).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('computes each dimension on its own, leaving out communes not assessed on it', () => {
    const byDimension = zScoresByDimension([
      { nisCode: 'a', population: 1, dimensions: { living: 1, mobility: 2 } },
      { nisCode: 'b', population: 1, dimensions: { living: 3, mobility: null } },
    ]);
    expect(byDimension.living).toMatchObject({ computable: true, scores: { a: -1, b: 1 } });
    expect(byDimension.mobility).toMatchObject({ computable: false });
  });
});

describe('populationBand', () => {
  it('puts the communes of the province into three size bands', () => {
    expect(populationBand(1_382).key).toBe('under_5000'); // Daverdisse, the smallest
    expect(populationBand(4_999).key).toBe('under_5000');
    expect(populationBand(5_000).key).toBe('from_5000_to_9999');
    expect(populationBand(9_999).key).toBe('from_5000_to_9999');
    expect(populationBand(10_000)).toMatchObject({ key: 'from_10000', label: '10 000 habitants et plus' });
    expect(populationBand(30_081).key).toBe('from_10000'); // Arlon, the largest
  });

  it('refuses a population that is not a count', () => {
    for (const population of [-1, Number.NaN]) {
      expect(() => populationBand(population)).toThrow(expect.objectContaining({ code: 'POPULATION_OUT_OF_BANDS' }));
    }
  });
});

describe('compareToPeers', () => {
  const commune = (nisCode: string, population: number | null, living: number | null): CommuneMaturity => ({
    nisCode,
    population,
    dimensions: { living, mobility: null },
  });
  const tintigny = commune('85039', 4_500, 2);
  const communes = [
    tintigny,
    commune('85009', 3_000, 1), // same band
    commune('84016', 4_000, 3), // same band
    commune('81001', 30_000, 4), // another band
    commune('99999', null, 0), // population unknown: province only
  ];

  it('sets the commune beside the province and beside communes of its size, leaving itself out', () => {
    const comparison = compareToPeers(tintigny, communes);
    expect(comparison.populationBand?.key).toBe('under_5000');
    expect(comparison.dimensions.find((d) => d.dimension === 'living')).toEqual({
      dimension: 'living',
      own: 2,
      province: { mean: 2, n: 4 },
      peers: { mean: 2, n: 2 },
    });
  });

  it('says a dimension nobody assessed has no average, rather than an average of zero', () => {
    const mobility = compareToPeers(tintigny, communes).dimensions.find((d) => d.dimension === 'mobility');
    expect(mobility).toEqual({
      dimension: 'mobility',
      own: null,
      province: { mean: null, n: 0 },
      peers: { mean: null, n: 0 },
    });
  });

  it('covers the six dimensions for the radar', () => {
    expect(compareToPeers(tintigny, communes).dimensions.map((d) => d.dimension)).toEqual([
      'living',
      'mobility',
      'environment',
      'economy',
      'people',
      'governance',
    ]);
  });

  it('has no peers for a commune of unknown population', () => {
    const comparison = compareToPeers(commune('99999', null, 0), communes);
    expect(comparison.populationBand).toBeNull();
    expect(comparison.dimensions[0]!.peers).toEqual({ mean: null, n: 0 });
  });
});

describe('benchmarkByDimension', () => {
  const communes = (n: number, comparability?: string): CommuneMaturity[] =>
    Array.from({ length: n }, (_, i) => ({
      nisCode: `8${String(i).padStart(4, '0')}`,
      population: 5_000,
      dimensions: { mobility: i % 5, living: i < 3 ? 2 : null },
      ...(comparability ? { comparability } : {}),
    }));

  it('gives no z-scores with two communes (they would be ±1 whatever the scores) and says it is indicative', () => {
    const two = benchmarkByDimension(communes(2));
    expect(two.mobility).toMatchObject({ method: 'indicative', communes: 2, z: { computable: false } });
    // The plain z-scores of two communes are ±1 whatever their scores: what the minimum prevents.
    const plain = zScores({ a: 0.1, b: 3.9 });
    expect(plain.computable && Object.values(plain.scores).map(Math.abs)).toEqual([1, 1]);
  });

  it('computes z-scores from the minimum on, dimension by dimension', () => {
    expect(MIN_COMPARABLE_COMMUNES).toBe(10);
    const nine = benchmarkByDimension(communes(MIN_COMPARABLE_COMMUNES - 1));
    expect(nine.mobility.method).toBe('indicative');
    const ten = benchmarkByDimension(communes(MIN_COMPARABLE_COMMUNES));
    expect(ten.mobility).toMatchObject({ method: 'z_scores', communes: 10, z: { computable: true } });
    // Only three communes assessed living: still indicative there.
    expect(ten.living).toMatchObject({ method: 'indicative', communes: 3 });
  });

  it('compares a commune only with communes diagnosed with the same guide and scale', () => {
    const reference = comparabilityOf({ key: 'smart-rural-fr', scale: { min: 0, max: 4 } });
    const other = comparabilityOf({ key: 'tourism', scale: { min: 0, max: 4 } });
    expect(reference).not.toBe(other);
    const mixed = [...communes(3, reference), ...communes(2, other).map((c) => ({ ...c, nisCode: `9${c.nisCode}` }))];
    expect(comparableWith({ comparability: reference }, mixed)).toHaveLength(3);
    expect(comparableWith({ comparability: other }, mixed)).toHaveLength(2);
  });
});
