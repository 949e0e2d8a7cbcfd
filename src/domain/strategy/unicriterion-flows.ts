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
    // Leaving: the b with ya − y_b > θ are the first `countBelow(θ)` sorted values. Entering: the b with
    // y_b − ya > θ are the sorted values from `firstAbove(θ)` on.
    const sumBelow = (from: number, to: number) => (to - from) * (ya - centre) - (prefix[to]! - prefix[from]!);
    const sumAbove = (from: number, to: number) => prefix[to]! - prefix[from]! - (to - from) * (ya - centre);

    switch (fn.type) {
      case 'usual':
        leaving[a] = countBelow(sorted, ya, 0);
        entering[a] = n - firstAbove(sorted, ya, 0);
        break;
      case 'u-shape':
        leaving[a] = countBelow(sorted, ya, fn.q);
        entering[a] = n - firstAbove(sorted, ya, fn.q);
        break;
      case 'level': {
        const bq = countBelow(sorted, ya, fn.q);
        const bp = countBelow(sorted, ya, fn.p);
        const aq = firstAbove(sorted, ya, fn.q);
        const ap = firstAbove(sorted, ya, fn.p);
        leaving[a] = bp + 0.5 * (bq - bp);
        entering[a] = n - ap + 0.5 * (ap - aq);
        break;
      }
      case 'v-shape':
      case 'linear': {
        const q = fn.type === 'linear' ? fn.q : 0;
        const p = fn.p;
        const bq = countBelow(sorted, ya, q);
        const bp = countBelow(sorted, ya, p);
        const aq = firstAbove(sorted, ya, q);
        const ap = firstAbove(sorted, ya, p);
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

/** Number of sorted values v with ya − v > θ: they form a prefix, since ya − v falls as v rises. */
function countBelow(sorted: Float64Array, ya: number, theta: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ya - sorted[mid]! > theta) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first sorted value v with v − ya > θ (the length when there is none). */
function firstAbove(sorted: Float64Array, ya: number, theta: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! - ya > theta) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
