/**
 * PROMETHEE thresholds proposed from the data (issue 13, defect 4). For a quantitative criterion the linear
 * preference function (Brans & Mareschal 2005, type V) needs an indifference threshold q — the largest difference the
 * commune would call negligible — and a preference threshold p — the smallest difference it would call decisive.
 * Rather than one fixed amount whatever the commune's scale (100 000 € for any investment), the app reads them from
 * the spread of the projects' own values:
 *
 *   the absolute differences |g(a) − g(b)| over every pair of projects a ≠ b;
 *   q = their first quartile, p = their third quartile (linear interpolation between order statistics,
 *   Hyndman & Fan 1996, definition 7, the default of R and NumPy).
 *
 * A quarter of the pairs then differ negligibly, a quarter decisively, and the middle half is graded in between:
 * the criterion separates the projects at the commune's own scale. Fewer than two projects, or all values equal,
 * give no proposal. Decision 040 records the rule and its sources.
 */
export const THRESHOLD_RULE = 'pairwise-quartiles' as const;
export type ThresholdRule = typeof THRESHOLD_RULE;

export type ThresholdProposal = { q: number; p: number; pairs: number; rule: ThresholdRule };

/** The quantile of sorted values at level 0 … 1, interpolated between order statistics (Hyndman–Fan type 7). */
export function quantile(sorted: readonly number[], level: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * level;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function proposeThresholds(values: readonly number[]): ThresholdProposal | null {
  const finite = values.filter((v) => Number.isFinite(v));
  const differences: number[] = [];
  for (let i = 0; i < finite.length; i++) {
    for (let j = i + 1; j < finite.length; j++) differences.push(Math.abs(finite[i]! - finite[j]!));
  }
  if (differences.length === 0) return null;
  differences.sort((a, b) => a - b);
  const p = quantile(differences, 0.75);
  if (!(p > 0)) return null;
  // Thresholds are amounts and scores people read: rounded to three significant digits, q never above p.
  const round = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(3)));
  const roundedP = round(p);
  const q = Math.min(round(quantile(differences, 0.25)), roundedP);
  return { q, p: roundedP, pairs: differences.length, rule: THRESHOLD_RULE };
}

/**
 * Whether a criterion measures a quantity (an amount, a count) rather than a score: the figures read from the sheet
 * (investment, running cost), and manual criteria without a scale or on a scale wider than 10 points.
 */
export function isQuantitative(criterion: {
  source: 'manual' | 'investmentCost' | 'runningCost';
  scale: { min: number; max: number } | null;
}): boolean {
  if (criterion.source !== 'manual') return true;
  return criterion.scale === null || criterion.scale.max - criterion.scale.min > 10;
}
