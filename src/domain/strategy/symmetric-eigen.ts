import { DomainError } from '../shared/errors.ts';

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan, §8.5;
 * the rotation formulas of Numerical Recipes §11.1). Slow for large matrices but unconditionally stable and accurate
 * to machine precision, which suits GAIA: one row and column per criterion, so a few dozen at most.
 */
export type SymmetricEigen = {
  /** Decreasing. */
  values: number[];
  /** vectors[i] is the unit eigenvector of values[i]. */
  vectors: number[][];
};

const MAX_SWEEPS = 100;

export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const n = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== n) {
      throw new DomainError('EIGEN_MATRIX_NOT_SQUARE', `Row ${i + 1} has ${row.length} entries, expected ${n}.`, {
        row: i + 1,
      });
    }
    return [...row];
  });
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(a[i]![j]! - a[j]![i]!) > 1e-10 * scale) {
        throw new DomainError(
          'EIGEN_MATRIX_NOT_SYMMETRIC',
          `Entries (${i + 1}, ${j + 1}) and (${j + 1}, ${i + 1}) differ.`,
          { row: i + 1, column: j + 1 },
        );
      }
    }
  }
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off <= (Number.EPSILON * scale) ** 2) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        // The smaller rotation angle (|t| ≤ 1) keeps the update stable.
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r++) {
          if (r === p || r === q) continue;
          const arp = a[r]![p]!;
          const arq = a[r]![q]!;
          a[r]![p] = a[p]![r] = c * arp - s * arq;
          a[r]![q] = a[q]![r] = s * arp + c * arq;
        }
        a[p]![p] = a[p]![p]! - t * apq;
        a[q]![q] = a[q]![q]! + t * apq;
        a[p]![q] = a[q]![p] = 0;
        for (let r = 0; r < n; r++) {
          const vrp = v[r]![p]!;
          const vrq = v[r]![q]!;
          v[r]![p] = c * vrp - s * vrq;
          v[r]![q] = s * vrp + c * vrq;
        }
      }
    }
  }

  const order = [...Array(n).keys()].sort((i, j) => a[j]![j]! - a[i]![i]!);
  return {
    values: order.map((i) => a[i]![i]!),
    vectors: order.map((i) => v.map((row) => row[i]!)),
  };
}
