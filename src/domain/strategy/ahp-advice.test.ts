import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveAhpWeights } from './ahp.ts';
import {
  judgementToStep,
  mostInconsistentJudgement,
  nearestSaatyValue,
  SAATY_SCALE,
  stepToJudgement,
} from './ahp-advice.ts';

const full = (upper: number[][]): number[][] => {
  const n = upper.length + 1;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  upper.forEach((row, i) => {
    row.forEach((v, k) => {
      m[i]![i + 1 + k] = v;
      m[i + 1 + k]![i] = 1 / v;
    });
  });
  return m;
};

describe('Saaty scale helpers', () => {
  it('steps −8 … 8 map onto 1/9 … 9 and back', () => {
    for (let step = -8; step <= 8; step++) expect(judgementToStep(stepToJudgement(step))).toBe(step);
    expect(stepToJudgement(0)).toBe(1);
    expect(stepToJudgement(4)).toBe(5);
    expect(stepToJudgement(-2)).toBeCloseTo(1 / 3, 12);
  });

  it('the nearest scale value is on the scale and nearest on a log scale', () => {
    fc.assert(
      fc.property(fc.double({ min: 1 / 20, max: 20, noNaN: true }), (ratio) => {
        const nearest = nearestSaatyValue(ratio);
        expect(SAATY_SCALE).toContain(nearest);
        for (const v of SAATY_SCALE) {
          expect(Math.abs(Math.log(nearest / ratio))).toBeLessThanOrEqual(Math.abs(Math.log(v / ratio)) + 1e-12);
        }
      }),
    );
  });
});

describe('mostInconsistentJudgement', () => {
  it('finds nothing to change in consistent judgements', () => {
    const matrix = full([[2, 4], [2]]);
    expect(mostInconsistentJudgement(matrix, deriveAhpWeights({ matrix }).weights)).toBeNull();
  });

  it('points at the judgement that contradicts the others, and changing it restores consistency', () => {
    // Consistent would be a13 = 4 (a12 = 2, a23 = 2); a13 = 1/4 contradicts them.
    const upper = [[2, 1 / 4, 3], [2, 2], [1 / 2]];
    const matrix = full(upper);
    const before = deriveAhpWeights({ matrix });
    expect(before.consistent).toBe(false);
    const advice = mostInconsistentJudgement(matrix, before.weights)!;
    expect([advice.row, advice.column]).toEqual([0, 2]);
    upper[advice.row]![advice.column - advice.row - 1] = advice.suggested;
    const after = deriveAhpWeights({ upperTriangle: upper });
    expect(after.consistencyRatio).toBeLessThan(before.consistencyRatio);
  });
});
