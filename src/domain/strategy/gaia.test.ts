import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gaiaPlane } from './gaia.ts';
import { computeFlows, type PrometheeFlows } from './promethee.ts';
import { rankProblem } from './strategy-fixtures.test-support.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

const dot = (x: number[], y: number[]) => x.reduce((s, xi, i) => s + xi * y[i]!, 0);

describe('symmetricEigen (Jacobi rotations)', () => {
  it('diagonalises [[2, 1], [1, 2]]: eigenvalues 3 and 1 on the diagonals', () => {
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(dot(vectors[0]!, [Math.SQRT1_2, Math.SQRT1_2]))).toBeCloseTo(1, 14);
    expect(Math.abs(dot(vectors[1]!, [Math.SQRT1_2, -Math.SQRT1_2]))).toBeCloseTo(1, 14);
  });

  it('returns A v = λ v with orthonormal v and Σλ = trace, for random symmetric matrices', () => {
    const symmetric = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc
          .array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n })
          .map((raw) =>
            Array.from({ length: n }, (_, i) =>
              Array.from({ length: n }, (_, j) => raw[Math.min(i, j) * n + Math.max(i, j)]!),
            ),
          ),
      );
    fc.assert(
      fc.property(symmetric, (a) => {
        const { values, vectors } = symmetricEigen(a);
        const n = a.length;
        values.forEach((lambda, i) => {
          const x = vectors[i]!;
          for (let r = 0; r < n; r++) expect(dot(a[r]!, x)).toBeCloseTo(lambda * x[r]!, 9);
          for (let j = 0; j < n; j++) expect(dot(x, vectors[j]!)).toBeCloseTo(i === j ? 1 : 0, 12);
          if (i > 0) expect(lambda).toBeLessThanOrEqual(values[i - 1]!);
        });
        const trace = a.reduce((s, row, i) => s + row[i]!, 0);
        expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(trace, 9);
      }),
    );
  });
});

const flowsFrom = (weights: number[], rows: number[][]): PrometheeFlows => ({
  criteria: weights.map((weight, j) => ({ id: `c${j + 1}`, weight })),
  alternatives: rows.map((row, i) => ({
    id: `a${i + 1}`,
    phiPlus: 0,
    phiMinus: 0,
    phi: dot(row, weights),
    criterionFlows: Object.fromEntries(row.map((x, j) => [`c${j + 1}`, x])),
  })),
});

describe('gaiaPlane', () => {
  it('matches a plane worked out by hand', () => {
    // Columns c1 = (2, −2, 0, 0), c2 = (0, 0, 1, −1), c3 = (½, ½, −½, −½) are centred and mutually orthogonal, so the
    // covariance is diag(8, 2, 1) / 4: u = e1, v = e2, δ = (8 + 2) / 11. The alternatives land on their (c1, c2)
    // values, c3 projects onto the origin, and the stick is (w1, w2).
    const plane = gaiaPlane(
      flowsFrom(
        [0.5, 0.3, 0.2],
        [
          [2, 0, 0.5],
          [-2, 0, 0.5],
          [0, 1, -0.5],
          [0, -1, -0.5],
        ],
      ),
    );
    expect(plane.delta).toBeCloseTo(10 / 11, 12);
    expect(plane.eigenvalues.map((x) => x * 4)).toEqual([
      expect.closeTo(8, 12),
      expect.closeTo(2, 12),
      expect.closeTo(1, 12),
    ]);
    expect(plane.alternatives).toEqual([
      { id: 'a1', x: expect.closeTo(2, 12), y: expect.closeTo(0, 12) },
      { id: 'a2', x: expect.closeTo(-2, 12), y: expect.closeTo(0, 12) },
      { id: 'a3', x: expect.closeTo(0, 12), y: expect.closeTo(1, 12) },
      { id: 'a4', x: expect.closeTo(0, 12), y: expect.closeTo(-1, 12) },
    ]);
    expect(plane.criteria).toEqual([
      { id: 'c1', x: expect.closeTo(1, 12), y: expect.closeTo(0, 12) },
      { id: 'c2', x: expect.closeTo(0, 12), y: expect.closeTo(1, 12) },
      { id: 'c3', x: expect.closeTo(0, 12), y: expect.closeTo(0, 12) },
    ]);
    expect(plane.decisionStick.x).toBeCloseTo(0.5, 12);
    expect(plane.decisionStick.y).toBeCloseTo(0.3, 12);
  });

  it('keeps all the variance (δ = 1) with two criteria', () => {
    fc.assert(
      fc.property(rankProblem({ criteria: [2, 2], alternatives: [3, 8] }), (problem) => {
        expect(gaiaPlane(computeFlows(problem)).delta).toBeCloseTo(1, 12);
      }),
    );
  });

  it('draws orthonormal axes, projects each alternative on them, and points the stick along the weights', () => {
    fc.assert(
      fc.property(rankProblem({ criteria: [1, 6], alternatives: [2, 10] }), (problem) => {
        const flows = computeFlows(problem);
        const plane = gaiaPlane(flows);
        const [u, v] = plane.axes;
        const k = flows.criteria.length;
        if (plane.eigenvalues[0]! > 1e-12) expect(dot(u, u)).toBeCloseTo(1, 12);
        if (k > 1 && plane.eigenvalues[1]! > 1e-12) {
          expect(dot(v, v)).toBeCloseTo(1, 12);
          expect(dot(u, v)).toBeCloseTo(0, 12);
        }
        expect(plane.delta).toBeGreaterThan(0);
        expect(plane.delta).toBeLessThanOrEqual(1 + 1e-12);
        const weights = flows.criteria.map((c) => c.weight);
        expect(plane.decisionStick.x).toBeCloseTo(dot(weights, u), 12);
        expect(plane.decisionStick.x).toBeGreaterThanOrEqual(-1e-12);
        plane.alternatives.forEach((point, i) => {
          const row = flows.criteria.map((c) => flows.alternatives[i]!.criterionFlows[c.id]!);
          expect(point.x).toBeCloseTo(dot(row, u), 10);
          expect(point.y).toBeCloseTo(dot(row, v), 10);
        });
      }),
    );
  });
});
