import { FLOW_TIE_TOLERANCE, type PrometheeFlows, rankByNetFlow } from './promethee.ts';

/**
 * Weight stability intervals (Brans & Mareschal, PROMETHEE VI / "walking weights"): how far one weight can move,
 * the others rescaled in proportion so the weights still sum to 1, before the PROMETHEE II ranking — or only its top
 * k — changes. The top k is every alternative ranked k or better (a tie for the k-th place counts in full) with its
 * rank; a tie that breaks is a change.
 *
 * Computed exactly. With w_j = t and every other weight w_i (1 − t) / (1 − w_j), the net flow of each alternative is
 * a straight line in t: φ(a; t) = t φ_j(a) + (1 − t) R_j(a), where R_j(a) = Σ_{i≠j} w_i φ_i(a) / (1 − w_j). The
 * ranking changes exactly where two lines cross, so the interval ends at the crossings nearest to the current weight.
 * Only pairs that are next to each other in the current order can cross first (whatever crosses first has nothing
 * between it), and for the top k those are the neighbours within the top k and the k-th against every alternative
 * outside it.
 */
export type WeightStabilityInterval = {
  criterionId: string;
  /** Current normalised weight. */
  weight: number;
  /** The ranking is unchanged for weights strictly between low and high (and at the current weight). */
  low: number;
  high: number;
};

const SLOPE_TOLERANCE = 1e-12;

export function weightStabilityIntervals(
  flows: PrometheeFlows,
  options: { topK?: number } = {},
): WeightStabilityInterval[] {
  return flows.criteria.map((_, j) => stabilityOf(flows, j, options.topK));
}

function stabilityOf(flows: PrometheeFlows, j: number, topK: number | undefined): WeightStabilityInterval {
  const { id: criterionId, weight } = flows.criteria[j]!;
  const k = flows.criteria.length;
  // A single criterion carries all the weight and cannot move.
  if (k === 1) return { criterionId, weight, low: weight, high: weight };

  const others = flows.criteria.filter((_, i) => i !== j);
  const othersTotal = 1 - weight;
  const lines = flows.alternatives.map((a) => {
    const own = a.criterionFlows[criterionId]!;
    // When every other weight is 0, proportional rescaling has nothing to scale: share 1 − t equally instead.
    const rest =
      othersTotal > SLOPE_TOLERANCE
        ? others.reduce((s, c) => s + c.weight * a.criterionFlows[c.id]!, 0) / othersTotal
        : others.reduce((s, c) => s + a.criterionFlows[c.id]!, 0) / others.length;
    return { id: a.id, intercept: rest, slope: own - rest, phi: weight * own + (1 - weight) * rest };
  });

  const order = rankByNetFlow(lines.map((l) => ({ id: l.id, phiPlus: 0, phiMinus: 0, phi: l.phi })));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const ordered = order.map((r) => byId.get(r.id)!);
  const n = ordered.length;
  const depth = topK === undefined ? n : Math.max(0, Math.min(topK, n));

  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < depth; i++) pairs.push([i, i + 1]);
  if (depth > 0 && depth < n) for (let m = depth; m < n; m++) pairs.push([depth - 1, m]);

  let low = 0;
  let high = 1;
  for (const [upper, lower] of pairs) {
    const a = ordered[upper]!;
    const b = ordered[lower]!;
    const gap = a.phi - b.phi;
    const drift = a.slope - b.slope;
    if (Math.abs(drift) <= SLOPE_TOLERANCE) continue;
    if (gap <= FLOW_TIE_TOLERANCE) {
      // Tied now, apart as soon as the weight moves either way.
      low = weight;
      high = weight;
      continue;
    }
    const crossing = weight - gap / drift;
    if (drift < 0) high = Math.min(high, crossing);
    else low = Math.max(low, crossing);
  }
  return { criterionId, weight, low, high };
}

/** "0.18 to 0.31": the bounds rounded to `digits` decimals, for sentences like "… before the top 5 changes". */
export function describeStabilityInterval(interval: Pick<WeightStabilityInterval, 'low' | 'high'>, digits = 2): string {
  return `${interval.low.toFixed(digits)} to ${interval.high.toFixed(digits)}`;
}
