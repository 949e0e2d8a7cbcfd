/**
 * Help to make AHP judgements consistent: the judgement that disagrees most with the weights derived from all the
 * others, and the value on Saaty's scale that would agree with them (the "most inconsistent judgement" advice of
 * Saaty 2003 and of tools such as Expert Choice). Changing that one judgement lowers the consistency ratio most.
 */

/** Saaty's 1–9 scale with its reciprocals, from 1/9 to 9. */
export const SAATY_SCALE: readonly number[] = [
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

/** The step of the scale nearest a ratio, measured on a log scale (1/3 is as far from 1 as 3). */
export function nearestSaatyValue(ratio: number): number {
  let best = 1;
  for (const value of SAATY_SCALE) {
    if (Math.abs(Math.log(value / ratio)) < Math.abs(Math.log(best / ratio))) best = value;
  }
  return best;
}

/** A judgement on the slider's steps −8 … 8: 0 is 1 (equal), k > 0 is k + 1 for the first, k < 0 its reciprocal. */
export function judgementToStep(value: number): number {
  const nearest = nearestSaatyValue(value);
  return nearest >= 1 ? Math.round(nearest) - 1 : -(Math.round(1 / nearest) - 1);
}

export function stepToJudgement(step: number): number {
  return step >= 0 ? step + 1 : 1 / (1 - step);
}

export type JudgementAdvice = { row: number; column: number; current: number; suggested: number };

/**
 * Over the judgements above the diagonal, the one whose ratio to w_i / w_j is furthest from 1, and the scale value
 * nearest w_i / w_j. Null when every judgement already agrees to within one step of the scale.
 */
export function mostInconsistentJudgement(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
): JudgementAdvice | null {
  let worst: JudgementAdvice | null = null;
  let worstDeviation = 0;
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const current = matrix[i]![j]!;
      const implied = weights[i]! / weights[j]!;
      const deviation = Math.abs(Math.log(current / implied));
      if (deviation > worstDeviation) {
        worstDeviation = deviation;
        worst = { row: i, column: j, current, suggested: nearestSaatyValue(implied) };
      }
    }
  }
  if (!worst || nearestSaatyValue(worst.current) === worst.suggested) return null;
  return worst;
}
