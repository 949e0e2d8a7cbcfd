import { DomainError } from '../shared/errors.ts';

/**
 * AHP weights (Saaty): the principal eigenvector of a positive reciprocal pairwise comparison matrix, with the
 * consistency ratio that tells whether the judgements hang together.
 */

/** Either the whole matrix, or only the judgements above the diagonal (row i holds a_i,i+1 … a_i,n). */
export type PairwiseComparisons =
  | { matrix: readonly (readonly number[])[] }
  | { upperTriangle: readonly (readonly number[])[] };

export type AhpResult = {
  weights: number[];
  lambdaMax: number;
  consistencyIndex: number;
  /** CI / RI; 0 when n ≤ 2, where any reciprocal matrix is consistent. */
  consistencyRatio: number;
  randomIndex: number;
  /** Saaty's rule: judgements are acceptable when CR < 0.10. */
  consistent: boolean;
};

export type AhpOptions = {
  /** Largest judgement accepted; Saaty's scale stops at 9. Pass Infinity to accept any positive ratio. */
  maxJudgement?: number;
  /** Relative tolerance when checking a_ji = 1 / a_ij in a full matrix. */
  reciprocalTolerance?: number;
};

/**
 * Saaty's random consistency index: the mean CI of random reciprocal matrices on the 1–9 scale, n = 1…15, as
 * tabulated in Saaty, *Fundamentals of Decision Making and Priority Theory* (2000) and reproduced widely.
 */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
];

export const CONSISTENCY_THRESHOLD = 0.1;

const POWER_TOLERANCE = 1e-14;
const POWER_MAX_ITERATIONS = 100_000;

export function deriveAhpWeights(comparisons: PairwiseComparisons, options: AhpOptions = {}): AhpResult {
  const matrix = toFullMatrix(comparisons, options);
  const n = matrix.length;
  const weights = principalEigenvector(matrix);
  // At the fixed point A·w = λ·w with Σw = 1, so Σ(A·w) is λmax.
  const lambdaMax = multiply(matrix, weights).reduce((sum, x) => sum + x, 0);
  const consistencyIndex = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const randomIndex = RANDOM_INDEX[n - 1] ?? Number.NaN;
  const consistencyRatio = n <= 2 ? 0 : consistencyIndex / randomIndex;
  return {
    weights,
    lambdaMax,
    consistencyIndex,
    consistencyRatio,
    randomIndex,
    consistent: consistencyRatio < CONSISTENCY_THRESHOLD,
  };
}

function toFullMatrix(comparisons: PairwiseComparisons, options: AhpOptions): number[][] {
  const maxJudgement = options.maxJudgement ?? 9;
  const tolerance = options.reciprocalTolerance ?? 1e-6;
  const matrix =
    'matrix' in comparisons ? copySquare(comparisons.matrix) : fromUpperTriangle(comparisons.upperTriangle);
  const n = matrix.length;
  if (n === 0) throw new DomainError('AHP_MATRIX_EMPTY', 'The comparison matrix has no criteria.');
  if (n > RANDOM_INDEX.length) {
    throw new DomainError(
      'AHP_MATRIX_TOO_LARGE',
      `AHP compares at most ${RANDOM_INDEX.length} criteria at once (got ${n}); group them into a hierarchy.`,
      { size: n, max: RANDOM_INDEX.length },
    );
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const value = matrix[i]![j]!;
      if (!Number.isFinite(value) || value <= 0) {
        throw new DomainError(
          'AHP_JUDGEMENT_NOT_POSITIVE',
          `Judgement (${i + 1}, ${j + 1}) must be a positive number, got ${value}.`,
          { row: i + 1, column: j + 1 },
        );
      }
      if (value > maxJudgement * (1 + 1e-9) || value < (1 / maxJudgement) * (1 - 1e-9)) {
        throw new DomainError(
          'AHP_JUDGEMENT_OUT_OF_SCALE',
          `Judgement (${i + 1}, ${j + 1}) = ${value} is outside Saaty's scale 1/${maxJudgement} … ${maxJudgement}.`,
          { row: i + 1, column: j + 1 },
        );
      }
    }
    if (Math.abs(matrix[i]![i]! - 1) > tolerance) {
      throw new DomainError(
        'AHP_DIAGONAL_NOT_ONE',
        `A criterion compared with itself must be 1: entry (${i + 1}, ${i + 1}) is ${matrix[i]![i]}.`,
        { row: i + 1, column: i + 1 },
      );
    }
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(matrix[i]![j]! * matrix[j]![i]! - 1) > tolerance) {
        throw new DomainError(
          'AHP_MATRIX_NOT_RECIPROCAL',
          `Entries (${i + 1}, ${j + 1}) = ${matrix[i]![j]} and (${j + 1}, ${i + 1}) = ${matrix[j]![i]} must be reciprocals.`,
          { row: i + 1, column: j + 1 },
        );
      }
    }
  }
  return matrix;
}

function copySquare(rows: readonly (readonly number[])[]): number[][] {
  const n = rows.length;
  rows.forEach((row, i) => {
    if (row.length !== n) {
      throw new DomainError(
        'AHP_MATRIX_NOT_SQUARE',
        `The comparison matrix has ${n} rows but row ${i + 1} has ${row.length} entries.`,
        { row: i + 1 },
      );
    }
  });
  return rows.map((row) => [...row]);
}

/** Row i of a triangle for n criteria holds n − 1 − i judgements; a trailing empty row is allowed. */
function fromUpperTriangle(rows: readonly (readonly number[])[]): number[][] {
  const trimmed = rows.length > 0 && rows[rows.length - 1]!.length === 0 ? rows.slice(0, -1) : rows;
  const n = trimmed.length + 1;
  trimmed.forEach((row, i) => {
    if (row.length !== n - 1 - i) {
      throw new DomainError(
        'AHP_TRIANGLE_SHAPE',
        `For ${n} criteria, row ${i + 1} of the upper triangle needs ${n - 1 - i} judgements, got ${row.length}.`,
        { row: i + 1 },
      );
    }
  });
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  trimmed.forEach((row, i) => {
    row.forEach((value, offset) => {
      const j = i + 1 + offset;
      matrix[i]![j] = value;
      matrix[j]![i] = 1 / value;
    });
  });
  return matrix;
}

/**
 * Power iteration from the uniform vector. A positive matrix has a simple dominant eigenvalue (Perron), so the
 * iteration converges; the tight tolerance keeps the 3-decimal published figures reproducible.
 */
function principalEigenvector(matrix: number[][]): number[] {
  const n = matrix.length;
  let w = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < POWER_MAX_ITERATIONS; iteration++) {
    const next = multiply(matrix, w);
    const sum = next.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) next[i] = next[i]! / sum;
    const change = Math.max(...next.map((x, i) => Math.abs(x - w[i]!)));
    w = next;
    if (change < POWER_TOLERANCE) break;
  }
  return w;
}

function multiply(matrix: number[][], vector: number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * vector[j]!, 0));
}
