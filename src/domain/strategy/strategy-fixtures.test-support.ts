import fc from 'fast-check';
import { DomainError } from '../shared/errors.ts';
import type { PreferenceFunction, RankProblem } from './schemas.ts';

/**
 * Shared by the strategy tests: the published PROMETHEE example and generators of random ranking problems.
 *
 * Brans, Vincke & Mareschal (1986), "How to select and how to rank projects: the PROMETHEE method", EJOR 24(2)
 * 228–238: six sites for a hydroelectric power station (Italy, Belgium, Germany, Sweden, Austria, France), six
 * criteria, one preference function type per criterion, equal weights. Input table as in Mareschal, "Exercises with
 * Visual PROMETHEE" (2019), Table 1.
 */
export const hydroelectricSites: RankProblem = (() => {
  const criteria = [
    { id: 'f1-manpower', direction: 'min', preference: { type: 'u-shape', q: 10 } },
    { id: 'f2-power', direction: 'max', preference: { type: 'v-shape', p: 30 } },
    { id: 'f3-construction-cost', direction: 'min', preference: { type: 'linear', q: 50, p: 500 } },
    { id: 'f4-maintenance-cost', direction: 'min', preference: { type: 'level', q: 10, p: 60 } },
    { id: 'f5-villages', direction: 'min', preference: { type: 'usual' } },
    { id: 'f6-safety', direction: 'max', preference: { type: 'gaussian', s: 5 } },
  ] as const;
  const table: [string, number[]][] = [
    ['a1-italy', [80, 90, 600, 54, 8, 5]],
    ['a2-belgium', [65, 58, 200, 97, 1, 1]],
    ['a3-germany', [83, 60, 400, 72, 4, 7]],
    ['a4-sweden', [40, 80, 1000, 75, 7, 10]],
    ['a5-austria', [52, 72, 600, 20, 3, 8]],
    ['a6-france', [94, 96, 700, 36, 5, 6]],
  ];
  return {
    criteria: criteria.map((c) => ({ ...c, weight: 1, preference: { ...c.preference } })),
    alternatives: table.map(([id, row]) => ({
      id,
      values: Object.fromEntries(row.map((value, j) => [criteria[j]!.id, value])),
    })),
  };
})();

export const withWeights = (problem: RankProblem, weights: Record<string, number>): RankProblem => ({
  ...problem,
  criteria: problem.criteria.map((c) => ({ ...c, weight: weights[c.id] ?? c.weight })),
});

export const preferenceFunction: fc.Arbitrary<PreferenceFunction> = fc.oneof(
  fc.constant<PreferenceFunction>({ type: 'usual' }),
  fc.integer({ min: 0, max: 4 }).map((q): PreferenceFunction => ({ type: 'u-shape', q })),
  fc.integer({ min: 1, max: 6 }).map((p): PreferenceFunction => ({ type: 'v-shape', p })),
  fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))
    .map(([q, extra]): PreferenceFunction => ({ type: 'level', q, p: q + extra })),
  fc
    .tuple(fc.double({ min: 0, max: 3, noNaN: true }), fc.integer({ min: 0, max: 4 }))
    .map(([q, extra]): PreferenceFunction => ({ type: 'linear', q, p: q + extra })),
  fc.double({ min: 0.2, max: 5, noNaN: true }).map((s): PreferenceFunction => ({ type: 'gaussian', s })),
);

/** Small integer evaluations, so ties and differences that sit exactly on a threshold are frequent. */
export const rankProblem = (sizes: { alternatives?: [number, number]; criteria?: [number, number] } = {}) => {
  const [minA, maxA] = sizes.alternatives ?? [2, 8];
  const [minC, maxC] = sizes.criteria ?? [1, 5];
  return fc
    .record({
      criteria: fc.array(
        fc.record({
          direction: fc.constantFrom<'max' | 'min'>('max', 'min'),
          weight: fc.double({ min: 0.01, max: 10, noNaN: true }),
          preference: preferenceFunction,
        }),
        { minLength: minC, maxLength: maxC },
      ),
      alternatives: fc.integer({ min: minA, max: maxA }),
    })
    .chain(({ criteria, alternatives }) =>
      fc
        .array(
          fc.array(fc.integer({ min: -10, max: 10 }), { minLength: criteria.length, maxLength: criteria.length }),
          {
            minLength: alternatives,
            maxLength: alternatives,
          },
        )
        .map(
          (rows): RankProblem => ({
            criteria: criteria.map((c, j) => ({ id: `c${j}`, ...c })),
            alternatives: rows.map((row, i) => ({
              id: `a${i}`,
              values: Object.fromEntries(row.map((value, j) => [`c${j}`, value])),
            })),
          }),
        ),
    );
};

export const domainErrorOf = (run: () => unknown): { code: string; message: string } | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message };
    throw error;
  }
  return undefined;
};

/** Three horizons of a portfolio: two budgets of 100, then 50, each worth less than the one before. */
export const portfolioHorizons = [
  { id: 'short', budget: 100, valueFactor: 1 },
  { id: 'medium', budget: 100, valueFactor: 0.8 },
  { id: 'long', budget: 50, valueFactor: 0.5 },
];
