/**
 * The few descriptive statistics the diagnostic needs. Values are sorted before summing so a result does not
 * depend on the order interviews or communes were stored in (floating-point sums are not associative), which keeps
 * reports identical from one rendering to the next.
 */

export type Summary =
  | { assessed: false; n: 0 }
  | { assessed: true; n: number; mean: number; sd: number; min: number; max: number };

/**
 * Mean, population standard deviation (divide by n, not n − 1: we describe the people heard, we do not estimate a
 * wider population, and it keeps sd bounded by half the scale for any n) and range of the values present.
 */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) return { assessed: false, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const min = sorted[0]!;
  const max = sorted[n - 1]!;
  // Identical values are answered exactly: rounding would otherwise turn n copies of 7/3 into a tiny spread, and
  // a panel in full agreement would show up among the disagreements.
  if (min === max) return { assessed: true, n, mean: min, sd: 0, min, max };
  const mean = Math.min(max, Math.max(min, sumSorted(sorted) / n));
  const squares = sorted.map((v) => (v - mean) ** 2).sort((a, b) => a - b);
  const sd = Math.sqrt(sumSorted(squares) / n);
  return { assessed: true, n, mean, sd, min, max };
}

function sumSorted(sorted: readonly number[]): number {
  let total = 0;
  for (const v of sorted) total += v;
  return total;
}

/**
 * Agreement index in [0, 1]: 1 − sd / sdMax, where sdMax = (max − min) / 2 is the largest population standard
 * deviation values on the scale can have (half of the answers at each end). 1 = everybody gave the same answer,
 * 0 = the panel split evenly between the two extremes. Null with fewer than two values: one voice cannot agree.
 */
export function agreementIndex(summary: Summary, scale: { min: number; max: number }): number | null {
  if (!summary.assessed || summary.n < 2) return null;
  const sdMax = (scale.max - scale.min) / 2;
  if (sdMax <= 0) return 1;
  return Math.min(1, Math.max(0, 1 - summary.sd / sdMax));
}
