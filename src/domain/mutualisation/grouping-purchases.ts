/**
 * A category of the taxonomy is often broader than one purchase (« Écoles et numérique éducatif » holds interactive
 * whiteboards, tablets and school meals): the needs of one category are split here into purchases by the words they
 * share (issue 12). Average linkage over the engine's weighted word vectors: two clusters merge while the mean
 * similarity of their needs' pairs reaches the threshold, so a chain of needs each close to the next does not pull
 * distant needs together. A need left alone in its category (no word close enough to any other) joins the purchase
 * of its category it is closest to, or the largest one: its category is then its only evidence, as before the split.
 * Needs of neighbouring categories whose words are close (a need the taxonomy places in two categories) meet in the
 * same linkage with their similarity damped. Pure: the same input gives the same purchases.
 */

/** A need's weighted words (the engine's stems, rare enough to tell needs apart) and the total weight of all its words. */
export type WordVector = { weights: ReadonlyMap<string, number>; total: number };
/** A need the taxonomy placed in a category, with its words. */
export type PlacedNeed = { idx: number; category: string; vector: WordVector };

export type PurchaseOptions = {
  /** Mean weighted Dice similarity two clusters must reach to merge. */
  threshold: number;
  /** Mean similarity two purchases of different categories must reach to join (above 1: never). */
  crossCategory: number;
  /**
   * Where a need alone in its category goes: the purchase of its category it shares most words with, else the
   * largest (`closest-or-largest`); only the closest (`closest`); or nowhere (`alone`).
   */
  loneNeeds: 'closest-or-largest' | 'closest' | 'alone';
};

export const PURCHASE_DEFAULTS: PurchaseOptions = {
  threshold: 0.1,
  crossCategory: 0.25,
  loneNeeds: 'closest-or-largest',
};

/** The engine's weighted Dice: the weight of the shared words (mean of both sides) over the mean total weight. */
export function weightedDice(a: WordVector, b: WordVector): number {
  if (a.total + b.total === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [word, w] of small.weights) {
    const other = large.weights.get(word);
    if (other !== undefined) shared += w + other;
  }
  return shared / (a.total + b.total);
}

type Unit = { members: number[]; vector: WordVector; category: string };

/** Needs with the very same words and category are one unit: a register repeats its phrasings. */
function unitsOf(needs: PlacedNeed[]): Unit[] {
  const byKey = new Map<string, Unit>();
  for (const need of needs) {
    const words = [...need.vector.weights].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    const key = `${need.category}|${need.vector.total.toFixed(6)}|${words.map(([w, v]) => `${w}:${v.toFixed(6)}`).join(' ')}`;
    const unit = byKey.get(key);
    if (unit) unit.members.push(need.idx);
    else byKey.set(key, { members: [need.idx], vector: need.vector, category: need.category });
  }
  return [...byKey.values()];
}

/** Similarities between units that share a word, through an inverted index (never all pairs). */
function unitSimilarities(units: Unit[]): Map<number, Map<number, number>> {
  const byWord = new Map<string, number[]>();
  units.forEach((unit, u) => {
    for (const word of unit.vector.weights.keys()) {
      const list = byWord.get(word);
      if (list) list.push(u);
      else byWord.set(word, [u]);
    }
  });
  const sims = new Map<number, Map<number, number>>();
  for (let u = 0; u < units.length; u++) sims.set(u, new Map());
  for (const list of byWord.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        if (sims.get(a)!.has(b)) continue;
        const sim = weightedDice(units[a]!.vector, units[b]!.vector);
        if (sim <= 0) continue;
        sims.get(a)!.set(b, sim);
        sims.get(b)!.set(a, sim);
      }
  return sims;
}

/** A pair of items that may merge, with their versions when it was measured (a merge makes it stale). */
type Candidate = { mean: number; a: number; b: number; versionA: number; versionB: number };

/** Best mean first; equal means by the smaller items, so the order never depends on the heap's shape. */
function before(x: Candidate, y: Candidate): boolean {
  if (x.mean !== y.mean) return x.mean > y.mean;
  return x.a !== y.a ? x.a < y.a : x.b < y.b;
}

/** A binary heap of candidates, the best on top. */
class CandidateHeap {
  private readonly items: Candidate[] = [];

  get size(): number {
    return this.items.length;
  }

  push(candidate: Candidate): void {
    const items = this.items;
    let i = items.push(candidate) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Candidate | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const [left, right] = [2 * i + 1, 2 * i + 2];
      let best = i;
      if (left < items.length && before(items[left]!, items[best]!)) best = left;
      if (right < items.length && before(items[right]!, items[best]!)) best = right;
      if (best === i) break;
      [items[i], items[best]] = [items[best]!, items[i]!];
      i = best;
    }
    return top;
  }
}

/**
 * Average linkage: items (each weighing `size` needs, `link` the sum of the similarities over the needs' pairs
 * between two items) merge, best mean first, while the mean reaches the threshold and `mayMerge` allows it. The
 * clusters, as lists of item indexes. The candidate pairs wait in a heap and a merge re-measures only the merged
 * item's pairs: scanning every pair at each merge took 40 s for a register of 5 000 needs (`mayMerge` depends only
 * on the two items' contents, so a refused pair stays refused until one of them changes).
 */
function averageLinkage(
  size: number[],
  link: Map<number, Map<number, number>>,
  threshold: number,
  mayMerge: (a: number[], b: number[]) => boolean,
): number[][] {
  const content = size.map((_, i) => [i]);
  const alive = new Set(size.map((_, i) => i));
  const version = size.map(() => 0);
  const heap = new CandidateHeap();
  const consider = (x: number, y: number, sum: number) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const mean = sum / (size[a]! * size[b]!);
    if (mean >= threshold) heap.push({ mean, a, b, versionA: version[a]!, versionB: version[b]! });
  };
  for (const [a, row] of link) for (const [b, sum] of row) if (a < b) consider(a, b, sum);
  while (heap.size > 0) {
    const { a, b, versionA, versionB } = heap.pop()!;
    if (!alive.has(a) || !alive.has(b) || version[a] !== versionA || version[b] !== versionB) continue;
    if (!mayMerge(content[a]!, content[b]!)) continue;
    for (const [c, sum] of link.get(b)!) {
      if (c === a) continue;
      const merged = (link.get(a)!.get(c) ?? 0) + sum;
      link.get(a)!.set(c, merged);
      link.get(c)!.set(a, merged);
      link.get(c)!.delete(b);
    }
    link.get(a)!.delete(b);
    link.delete(b);
    size[a]! += size[b]!;
    content[a]!.push(...content[b]!);
    alive.delete(b);
    version[a]!++;
    for (const [c, sum] of link.get(a)!) consider(a, c, sum);
  }
  return [...alive].map((a) => content[a]!);
}

/** The sums of the similarities over the needs' pairs between groups of units. */
function groupLinks(groups: number[][], units: Unit[], sims: Map<number, Map<number, number>>) {
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => {
    for (const u of g) groupOf.set(u, gi);
  });
  const link = new Map<number, Map<number, number>>(groups.map((_, gi) => [gi, new Map()]));
  for (const [u, row] of sims)
    for (const [v, s] of row) {
      const [gu, gv] = [groupOf.get(u)!, groupOf.get(v)!];
      if (gu === gv) continue;
      const row2 = link.get(gu)!;
      row2.set(gv, (row2.get(gv) ?? 0) + s * units[u]!.members.length * units[v]!.members.length);
    }
  const size = groups.map((g) => g.reduce((n, u) => n + units[u]!.members.length, 0));
  return { size, link };
}

/**
 * The purchases of the needs the taxonomy placed: lists of need indexes, each need in exactly one, ordered by their
 * first need. First each category's needs are split; then purchases of different categories whose needs are close
 * on average (a need the taxonomy places in two neighbouring categories) join.
 */
export function splitIntoPurchases(needs: PlacedNeed[], options: PurchaseOptions = PURCHASE_DEFAULTS): number[][] {
  const units = unitsOf(needs);
  const sims = unitSimilarities(units);
  const single = groupLinks(
    units.map((_, u) => [u]),
    units,
    sims,
  );
  const sameCategory = (a: number[], b: number[]) => units[a[0]!]!.category === units[b[0]!]!.category;
  const clusters = averageLinkage(single.size, single.link, options.threshold, sameCategory);
  const purchases = placeLoneNeeds(clusters, units, sims, options.loneNeeds);
  const across = groupLinks(purchases, units, sims);
  const categories = purchases.map((p) => new Set(p.map((u) => units[u]!.category)));
  const disjoint = (a: number[], b: number[]) =>
    !a.some((pa) => b.some((pb) => [...categories[pa]!].some((c) => categories[pb]!.has(c))));
  const joined = averageLinkage(across.size, across.link, options.crossCategory, disjoint);
  return joined
    .map((ps) => ps.flatMap((p) => purchases[p]!.flatMap((u) => units[u]!.members)).sort((x, y) => x - y))
    .sort((x, y) => x[0]! - y[0]!);
}

/** A need alone in its category joins the purchase of its category it is closest to, else the largest. */
function placeLoneNeeds(
  clusters: number[][],
  units: Unit[],
  sims: Map<number, Map<number, number>>,
  loneNeeds: PurchaseOptions['loneNeeds'],
): number[][] {
  const clusterOfUnit = new Map<number, number>();
  clusters.forEach((c, ci) => {
    for (const u of c) clusterOfUnit.set(u, ci);
  });
  const needCount = clusters.map((c) => c.reduce((n, u) => n + units[u]!.members.length, 0));
  const categoryOf = (ci: number) => units[clusters[ci]![0]!]!.category;
  const target = clusters.map((_, ci) => ci);
  clusters.forEach((cluster, ci) => {
    if (needCount[ci] !== 1 || loneNeeds === 'alone') return;
    const u = cluster[0]!;
    const mine = (cj: number) => cj !== ci && needCount[cj]! > 1 && categoryOf(cj) === units[u]!.category;
    let best: [number, number] | undefined;
    for (const [v, s] of sims.get(u)!) {
      const cj = clusterOfUnit.get(v)!;
      if (mine(cj) && (!best || s > best[1])) best = [cj, s];
    }
    if (!best && loneNeeds === 'closest-or-largest')
      for (let cj = 0; cj < clusters.length; cj++)
        if (mine(cj) && (!best || needCount[cj]! > best[1])) best = [cj, needCount[cj]!];
    if (best) target[ci] = best[0];
    else if (loneNeeds === 'closest-or-largest')
      // No purchase of two needs in this category: its lone needs form one, as the category did before the split.
      target[ci] = clusters.findIndex((_c, cj) => needCount[cj] === 1 && categoryOf(cj) === units[u]!.category);
  });
  const out = new Map<number, number[]>();
  clusters.forEach((cluster, ci) => {
    out.set(target[ci]!, [...(out.get(target[ci]!) ?? []), ...cluster]);
  });
  return [...out.values()];
}
