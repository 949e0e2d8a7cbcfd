import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultHorizons, HorizonsInput, hasNoBudget, LEGISLATURE, PLANNING_YEARS } from './horizons.ts';

const spans = (start: string) => defaultHorizons(start).map((h) => `${h.startYear}–${h.endYear}`);

describe('defaultHorizons: the plan starts where the mission does', () => {
  it('a mission of early 2025 plans over the legislature in three two-year horizons', () => {
    expect(spans('2025-02-03')).toEqual(['2025–2026', '2027–2028', '2029–2030']);
  });

  it('a mission that starts in December 2026 plans from 2027: the short term is not already past', () => {
    expect(spans('2026-12-01')).toEqual(['2027–2028', '2029–2030', '2031–2032']);
    expect(spans('2026-06-15')).toEqual(['2026–2027', '2028–2030', '2031–2032']);
  });

  it('keeps a horizon boundary on the legislature’s end and starts no earlier than the legislature', () => {
    expect(spans('2024-03-01')).toEqual(['2024–2025', '2026–2027', '2028–2030']);
    expect(spans('2023-05-01')).toEqual(['2024–2025', '2026–2027', '2028–2030']);
    expect(spans('2028-01-10')).toEqual(['2028–2029', '2030–2030', '2031–2032']);
    expect(spans('2029-04-01')).toEqual(['2029–2030', '2031–2032', '2033–2034']);
  });

  it('gives budgets of 0 and falling value factors', () => {
    expect(defaultHorizons('2026-12-01').map((h) => [h.budget, h.valueFactor])).toEqual([
      [0, 1],
      [0, 0.85],
      [0, 0.7],
    ]);
  });

  it('always gives three horizons the strategy accepts, in order, within the planning years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2015, max: 2045 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const horizons = defaultHorizons(`${year}-${String(month).padStart(2, '0')}-01`);
        expect(HorizonsInput.safeParse({ horizons }).success).toBe(true);
        for (const [i, h] of horizons.entries()) {
          expect(h.startYear).toBeGreaterThanOrEqual(PLANNING_YEARS.min);
          expect(h.endYear).toBeLessThanOrEqual(PLANNING_YEARS.max);
          if (i > 0) expect(h.startYear).toBe(horizons[i - 1]!.endYear + 1);
        }
        if (year >= LEGISLATURE.startYear && year < LEGISLATURE.endYear && month < 10) {
          expect(horizons[0]!.startYear).toBe(year);
        }
      }),
    );
  });
});

describe('hasNoBudget', () => {
  it('is true only when no horizon has money', () => {
    expect(hasNoBudget(defaultHorizons('2026-12-01'))).toBe(true);
    expect(hasNoBudget([{ budget: 0 }, { budget: 10_000 }, { budget: 0 }])).toBe(false);
  });
});
