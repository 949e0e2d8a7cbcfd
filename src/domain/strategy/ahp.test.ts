import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { deriveAhpWeights, RANDOM_INDEX } from './ahp.ts';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('deriveAhpWeights against published examples', () => {
  it("reproduces Saaty's house example (EJOR 48 (1990) 9–26, Table 2: eight criteria for buying a house)", () => {
    // Criteria: size, transportation, neighbourhood, age, yard, modern facilities, general condition, financing.
    // Published: priorities .173 .054 .188 .018 .031 .036 .167 .333; λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
    const result = deriveAhpWeights({
      upperTriangle: [
        [5, 3, 7, 6, 6, 1 / 3, 1 / 4],
        [1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
        [6, 3, 4, 6, 1 / 5],
        [1 / 3, 1 / 4, 1 / 7, 1 / 8],
        [1 / 2, 1 / 5, 1 / 6],
        [1 / 5, 1 / 6],
        [1 / 2],
      ],
    });
    const published = [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333];
    result.weights.forEach((w, i) => {
      expect(w).toBeCloseTo(published[i]!, 3);
    });
    expect(result.lambdaMax).toBeCloseTo(9.669, 3);
    expect(result.consistencyIndex).toBeCloseTo(0.238, 3);
    expect(result.consistencyRatio).toBeCloseTo(0.169, 3);
    expect(result.consistent).toBe(false);
  });

  it('reproduces the leader example (Wikipedia, "Analytic hierarchy process – leader example", criteria level)', () => {
    // Experience, education, charisma, age. Published weights .547 .127 .270 .056 and CR = 0.044 (4.4 %); the page
    // truncates experience (the eigenvector gives 0.5476), hence the 0.001 tolerance.
    const result = deriveAhpWeights({ upperTriangle: [[4, 3, 7], [1 / 3, 3], [5]] });
    const published = [0.547, 0.127, 0.27, 0.056];
    result.weights.forEach((w, i) => {
      expect(Math.abs(w - published[i]!)).toBeLessThanOrEqual(0.001);
    });
    expect(result.consistencyRatio).toBeCloseTo(0.044, 3);
    expect(result.consistent).toBe(true);
  });

  it('gives the same answer from the full matrix and from its upper triangle', () => {
    const full = deriveAhpWeights({
      matrix: [
        [1, 3, 5],
        [1 / 3, 1, 2],
        [1 / 5, 1 / 2, 1],
      ],
    });
    const triangle = deriveAhpWeights({ upperTriangle: [[3, 5], [2], []] });
    expect(triangle.weights).toEqual(full.weights);
    expect(triangle.lambdaMax).toBe(full.lambdaMax);
  });

  it('has CR = 0 for one or two criteria, where every reciprocal matrix is consistent', () => {
    expect(deriveAhpWeights({ matrix: [[1]] })).toMatchObject({ weights: [1], consistencyRatio: 0, consistent: true });
    const two = deriveAhpWeights({ upperTriangle: [[4]] });
    expect(two.weights[0]).toBeCloseTo(0.8, 12);
    expect(two.consistencyRatio).toBe(0);
  });

  it("uses Saaty's random index table for n = 1…15", () => {
    expect(RANDOM_INDEX).toHaveLength(15);
    expect(RANDOM_INDEX.slice(0, 10)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
  });
});

describe('deriveAhpWeights rejects a matrix that is not a comparison matrix', () => {
  it.each([
    ['AHP_MATRIX_EMPTY', { matrix: [] }],
    ['AHP_MATRIX_NOT_SQUARE', { matrix: [[1, 2], [0.5]] }],
    [
      'AHP_TRIANGLE_SHAPE',
      {
        upperTriangle: [
          [2, 3],
          [4, 5],
        ],
      },
    ],
    ['AHP_JUDGEMENT_NOT_POSITIVE', { upperTriangle: [[0]] }],
    ['AHP_JUDGEMENT_NOT_POSITIVE', { upperTriangle: [[Number.NaN]] }],
    ['AHP_JUDGEMENT_OUT_OF_SCALE', { upperTriangle: [[12]] }],
    [
      'AHP_DIAGONAL_NOT_ONE',
      {
        matrix: [
          [2, 1],
          [1, 1],
        ],
      },
    ],
    [
      'AHP_MATRIX_NOT_RECIPROCAL',
      {
        matrix: [
          [1, 3],
          [3, 1],
        ],
      },
    ],
    ['AHP_MATRIX_TOO_LARGE', { matrix: Array.from({ length: 16 }, () => new Array<number>(16).fill(1)) }],
  ] as const)('%s', (code, comparisons) => {
    expect(codeOf(() => deriveAhpWeights(comparisons))).toBe(code);
  });

  it('accepts any positive ratio when the caller lifts the 1–9 scale', () => {
    expect(
      deriveAhpWeights({ upperTriangle: [[12]] }, { maxJudgement: Number.POSITIVE_INFINITY }).weights[0],
    ).toBeCloseTo(12 / 13, 12);
  });
});

const weightVector = (size: { min: number; max: number }) =>
  fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: size.min, maxLength: size.max }).map((raw) => {
    const total = raw.reduce((s, x) => s + x, 0);
    return raw.map((x) => x / total);
  });

/** Judgements on Saaty's scale: 1/9 … 1/2, 1 … 9. */
const saatyJudgement = fc.integer({ min: -8, max: 8 }).map((k) => (k >= 0 ? k + 1 : 1 / (1 - k)));

const randomTriangle = fc
  .integer({ min: 2, max: 9 })
  .chain((n) =>
    fc.tuple(
      ...Array.from({ length: n - 1 }, (_, i) =>
        fc.array(saatyJudgement, { minLength: n - 1 - i, maxLength: n - 1 - i }),
      ),
    ),
  );

describe('deriveAhpWeights properties', () => {
  it('weights are positive and sum to 1', () => {
    fc.assert(
      fc.property(randomTriangle, (upperTriangle) => {
        const { weights, lambdaMax } = deriveAhpWeights({ upperTriangle });
        expect(weights.every((w) => w > 0)).toBe(true);
        expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
        // λmax ≥ n for every positive reciprocal matrix (Saaty 1977).
        expect(lambdaMax).toBeGreaterThanOrEqual(weights.length - 1e-9);
      }),
    );
  });

  it('a perfectly consistent matrix a_ij = w_i / w_j gives back w with CR ≈ 0', () => {
    fc.assert(
      fc.property(weightVector({ min: 1, max: 15 }), (w) => {
        const matrix = w.map((wi) => w.map((wj) => wi / wj));
        const result = deriveAhpWeights({ matrix }, { maxJudgement: Number.POSITIVE_INFINITY });
        result.weights.forEach((x, i) => {
          expect(x).toBeCloseTo(w[i]!, 10);
        });
        expect(result.lambdaMax).toBeCloseTo(w.length, 9);
        expect(result.consistencyRatio).toBeLessThan(1e-9);
        expect(result.consistent).toBe(true);
      }),
    );
  });

  it('permuting the criteria permutes the weights', () => {
    fc.assert(
      fc.property(
        randomTriangle.chain((triangle) =>
          fc.tuple(
            fc.constant(triangle),
            fc.shuffledSubarray([...Array(triangle.length + 1).keys()], {
              minLength: triangle.length + 1,
            }),
          ),
        ),
        ([upperTriangle, permutation]) => {
          const n = upperTriangle.length + 1;
          const a = (i: number, j: number): number =>
            i === j ? 1 : i < j ? upperTriangle[i]![j - i - 1]! : 1 / upperTriangle[j]![i - j - 1]!;
          const original = deriveAhpWeights({ upperTriangle });
          const permuted = deriveAhpWeights({
            matrix: Array.from({ length: n }, (_, i) =>
              Array.from({ length: n }, (_, j) => a(permutation[i]!, permutation[j]!)),
            ),
          });
          permutation.forEach((from, to) => {
            expect(permuted.weights[to]).toBeCloseTo(original.weights[from]!, 10);
          });
          expect(permuted.consistencyRatio).toBeCloseTo(original.consistencyRatio, 9);
        },
      ),
    );
  });
});
