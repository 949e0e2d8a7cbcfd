import type { PrometheeFlows } from './promethee.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/**
 * GAIA (Brans & Mareschal 1994, 2005): the alternatives as points of the k-dimensional space of their
 * single-criterion net flows φ_j, projected on the plane of the two principal components. Criteria appear as the
 * projections of the unit axes, and the weight vector as the "decision stick" π, which points to where PROMETHEE II
 * looks for the best alternatives.
 */
export type GaiaPoint = { id: string; x: number; y: number };

export type GaiaPlane = {
  /** Share of the total variance kept by the plane, (λ1 + λ2) / Σλ: how faithful the picture is. */
  delta: number;
  /** Covariance eigenvalues, decreasing. */
  eigenvalues: number[];
  /** The two principal axes u and v as unit vectors of the criterion space, criteria in input order. */
  axes: [number[], number[]];
  alternatives: GaiaPoint[];
  criteria: GaiaPoint[];
  decisionStick: { x: number; y: number };
};

export function gaiaPlane(flows: PrometheeFlows): GaiaPlane {
  const criterionIds = flows.criteria.map((c) => c.id);
  const k = criterionIds.length;
  const n = flows.alternatives.length;
  const weights = flows.criteria.map((c) => c.weight);
  const rows = flows.alternatives.map((a) => criterionIds.map((id) => a.criterionFlows[id] ?? 0));

  // Single-criterion net flows already sum to zero over the alternatives; centring again only removes rounding.
  const means = criterionIds.map((_, j) => (n > 0 ? rows.reduce((s, row) => s + row[j]!, 0) / n : 0));
  const centred = rows.map((row) => row.map((x, j) => x - means[j]!));
  const covariance = criterionIds.map((_, j) =>
    criterionIds.map((_, l) => (n > 0 ? centred.reduce((s, row) => s + row[j]! * row[l]!, 0) / n : 0)),
  );

  const { values, vectors } = symmetricEigen(covariance);
  const eigenvalues = values.map((x) => Math.max(0, x));
  const u = orient(vectors[0] ?? new Array<number>(k).fill(0), weights);
  const v = orient(vectors[1] ?? new Array<number>(k).fill(0), weights);
  const total = eigenvalues.reduce((s, x) => s + x, 0);
  // No variance at all (every alternative alike): the plane loses nothing.
  const delta = total > 0 ? ((eigenvalues[0] ?? 0) + (eigenvalues[1] ?? 0)) / total : 1;

  return {
    delta,
    eigenvalues,
    axes: [u, v],
    alternatives: flows.alternatives.map((a, i) => ({ id: a.id, x: dot(centred[i]!, u), y: dot(centred[i]!, v) })),
    criteria: criterionIds.map((id, j) => ({ id, x: u[j]!, y: v[j]! })),
    decisionStick: { x: dot(weights, u), y: dot(weights, v) },
  };
}

/**
 * An eigenvector is defined up to its sign. Point it so the decision stick has a non-negative coordinate on it (and,
 * when the stick is orthogonal to it, so its largest component is positive): the same problem always draws the same.
 */
function orient(vector: number[], weights: number[]): number[] {
  const along = dot(vector, weights);
  const largest = vector.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  const flip = Math.abs(along) > 1e-12 ? along < 0 : largest < 0;
  return flip ? vector.map((x) => -x) : vector;
}

function dot(x: readonly number[], y: readonly number[]): number {
  return x.reduce((s, xi, i) => s + xi * y[i]!, 0);
}
