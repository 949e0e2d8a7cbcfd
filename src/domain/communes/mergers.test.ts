import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMergers, type ReferenceCommune } from './mergers.ts';

const commune = (nisCode: string, population: number | null, areaKm2: number | null): ReferenceCommune => ({
  nisCode,
  name: nisCode,
  nameNl: null,
  arrondissementNis: '82000',
  arrondissement: 'Bastogne',
  population,
  populationYear: 2020,
  areaKm2,
});

describe('applyMergers', () => {
  it('gives the successor the sums of its parts and points the absorbed commune to it', () => {
    const result = applyMergers(
      [commune('82003', 16_276, 173.03), commune('82005', 3_656, 91.67), commune('82009', 2_319, 74.81)],
      [{ absorbedNis: '82005', successorNis: '82003', mergedOn: '2025-01-01' }],
    );
    expect(result.find((c) => c.nisCode === '82003')).toMatchObject({
      population: 19_932,
      areaKm2: 264.7,
      mergedInto: null,
    });
    expect(result.find((c) => c.nisCode === '82005')).toMatchObject({
      population: 3_656,
      mergedInto: '82003',
      mergedOn: '2025-01-01',
    });
    expect(result.find((c) => c.nisCode === '82009')).toMatchObject({ population: 2_319, mergedInto: null });
  });

  it('leaves a figure unknown when one part is unknown', () => {
    const [successor] = applyMergers(
      [commune('1', 10, null), commune('2', 5, 3)],
      [{ absorbedNis: '2', successorNis: '1', mergedOn: '2025-01-01' }],
    );
    expect(successor).toMatchObject({ population: 15, areaKm2: null });
  });

  it('refuses mergers naming unknown communes', () => {
    expect(() =>
      applyMergers([commune('1', 1, 1)], [{ absorbedNis: '2', successorNis: '1', mergedOn: '2025-01-01' }]),
    ).toThrow(/unknown/);
  });

  it('keeps the population of the current communes equal to the total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        (populations, seed) => {
          const communes = populations.map((p, i) => commune(String(10_000 + i), p, 1));
          const absorbed = communes[1 + (seed % (communes.length - 1))]!;
          const merged = applyMergers(communes, [
            { absorbedNis: absorbed.nisCode, successorNis: communes[0]!.nisCode, mergedOn: '2025-01-01' },
          ]);
          const currentTotal = merged.filter((c) => c.mergedInto === null).reduce((s, c) => s + c.population!, 0);
          expect(currentTotal).toBe(populations.reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});
