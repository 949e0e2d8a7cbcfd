import { type CheckedPreference, preferenceDegree } from './preference-functions.ts';

/**
 * For one criterion, the sums Σ_b P(a,b) (leaving) and Σ_b P(b,a) (entering) for every alternative a, given the
 * oriented evaluations y (for a criterion to minimise, y = −g). Two formulations that must agree:
 *
 * - `pairwiseFlowSums`: the textbook O(n²) double loop, kept as the reference;
 * - `sortedFlowSums`: O(n log n) for every type but the Gaussian (which stays O(n²)). Once the evaluations are sorted, the alternatives b
 *   with d = y_a − y_b above a threshold form a prefix of the sorted order, found by binary search, and the sum of
 *   the linear parts (d − q)/(p − q) over a band of b follows from prefix sums.
 *
 * The binary searches test the same floating-point predicate (`y_a − y_b > θ`) as `preferenceDegree`, so a difference
 * that sits exactly on a threshold is classified identically by both.
 */
export type FlowSums = { leaving: Float64Array; entering: Float64Array };

export function pairwiseFlowSums(y: ArrayLike<number>, fn: CheckedPreference): FlowSums {
  const n = y.length;
  const leaving = new Float64Array(n);
  const entering = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const ya = y[a]!;
    for (let b = a + 1; b < n; b++) {
      const d = ya - y[b]!;
      const ab = preferenceDegree(fn, d);
      const ba = preferenceDegree(fn, -d);
      leaving[a]! += ab;
      entering[b]! += ab;
      leaving[b]! += ba;
      entering[a]! += ba;
    }
  }
  return { leaving, entering };
}

export function sortedFlowSums(y: ArrayLike<number>, fn: CheckedPreference): FlowSums {
  const n = y.length;
  const sorted = Float64Array.from(y).sort();
  // Prefix sums of centred values: the band sums subtract two of them, and centring keeps that subtraction small.
  const centre = n > 0 ? sorted[n >> 1]! : 0;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + (sorted[i]! - centre);

  const leaving = new Float64Array(n);
  const entering = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const ya = y[a]!;
    // Leaving: b with ya − y_b > θ are the first `below(θ)` of the sorted values.
    const below = (theta: number) => firstIndex(n, (i) => !(ya - sorted[i]! > theta));
    // Entering: b with y_b − ya > θ are the sorted values from `above(θ)` on.
    const above = (theta: number) => firstIndex(n, (i) => sorted[i]! - ya > theta);
    const sumBelow = (from: number, to: number) => (to - from) * (ya - centre) - (prefix[to]! - prefix[from]!);
    const sumAbove = (from: number, to: number) => prefix[to]! - prefix[from]! - (to - from) * (ya - centre);

    switch (fn.type) {
      case 'usual':
        leaving[a] = below(0);
        entering[a] = n - above(0);
        break;
      case 'u-shape':
        leaving[a] = below(fn.q);
        entering[a] = n - above(fn.q);
        break;
      case 'level': {
        const bq = below(fn.q);
        const bp = below(fn.p);
        const aq = above(fn.q);
        const ap = above(fn.p);
        leaving[a] = bp + 0.5 * (bq - bp);
        entering[a] = n - ap + 0.5 * (ap - aq);
        break;
      }
      case 'v-shape':
      case 'linear': {
        const q = fn.type === 'linear' ? fn.q : 0;
        const p = fn.p;
        const bq = below(q);
        const bp = below(p);
        const aq = above(q);
        const ap = above(p);
        // The band q < d ≤ p is empty when q = p, which also avoids dividing by zero.
        const leavingBand = bq > bp ? (sumBelow(bp, bq) - (bq - bp) * q) / (p - q) : 0;
        const enteringBand = ap > aq ? (sumAbove(aq, ap) - (ap - aq) * q) / (p - q) : 0;
        leaving[a] = bp + leavingBand;
        entering[a] = n - ap + enteringBand;
        break;
      }
      case 'gaussian': {
        // No closed form for Σ exp(−d²/2s²) over a band: this type stays quadratic.
        let out = 0;
        let into = 0;
        for (let i = 0; i < n; i++) {
          out += preferenceDegree(fn, ya - sorted[i]!);
          into += preferenceDegree(fn, sorted[i]! - ya);
        }
        leaving[a] = out;
        entering[a] = into;
        break;
      }
    }
  }
  return { leaving, entering };
}

/** Smallest i in [0, n] with test(i) true, for a test that is false then true along the sorted order. */
function firstIndex(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
