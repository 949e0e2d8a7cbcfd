import { z } from 'zod';
import { smartCategory } from '../shared/smart-categories.ts';

/**
 * How needs become groups, once the database has read their French text (src/server/needs/grouping-engine.ts):
 * each need has a category (given, or recognised from the taxonomy's terms by full-text search) and links to
 * similar needs (shared rare words, similar titles). Needs the taxonomy placed form purchases (their category's
 * needs split by the words they share, grouping-purchases.ts); a need without a category joins the needs it links
 * to; two purchases never merge. Pure: the same input gives the same groups.
 */
export type GroupingNode = { idx: number; id: string; communeNis: string; category: string | null };
export type GroupingEdge = { a: number; b: number; score: number; kind: 'words' | 'title' };

export type NeedGroup = {
  members: number[];
  category: string | null;
  /** Edges that tied needs without a category into the group, best first. */
  edges: GroupingEdge[];
};

/**
 * The groups: needs the taxonomy placed form their `purchases` (by default one per category: see
 * grouping-purchases.ts for the split of a category), a need without a category joins what its edges link it to,
 * and two purchases never merge. The group's category is the one most of its placed needs have.
 */
export function connectNeeds(nodes: GroupingNode[], edges: GroupingEdge[], purchases?: number[][]): NeedGroup[] {
  const parent = nodes.map((_, i) => i);
  // Which purchase a root holds (-1: none yet): two roots holding different purchases never merge.
  const purchase = nodes.map(() => -1);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return true;
    const pa = purchase[ra]!;
    const pb = purchase[rb]!;
    if (pa >= 0 && pb >= 0 && pa !== pb) return false;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    purchase[keep] = pa >= 0 ? pa : pb;
    return true;
  };
  const placed = purchases ?? purchasesByCategory(nodes);
  placed.forEach((members, p) => {
    for (const idx of members) purchase[idx] = p;
    for (const idx of members.slice(1)) union(members[0]!, idx);
  });
  const used: GroupingEdge[] = [];
  const sorted = [...edges].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const edge of sorted) {
    const joined = find(edge.a) !== find(edge.b);
    if (union(edge.a, edge.b) && joined) used.push(edge);
  }
  const byRoot = new Map<number, number[]>();
  for (const node of nodes) {
    const root = find(node.idx);
    const list = byRoot.get(root) ?? [];
    list.push(node.idx);
    byRoot.set(root, list);
  }
  const groups: NeedGroup[] = [];
  for (const members of byRoot.values()) {
    if (members.length < 2) continue;
    const inGroup = new Set(members);
    groups.push({ members, category: mainCategory(members, nodes), edges: used.filter((e) => inGroup.has(e.a)) });
  }
  return groups.sort((x, y) => y.members.length - x.members.length || x.members[0]! - y.members[0]!);
}

function purchasesByCategory(nodes: GroupingNode[]): number[][] {
  const byCategory = new Map<string, number[]>();
  for (const node of nodes) {
    if (!node.category) continue;
    byCategory.set(node.category, [...(byCategory.get(node.category) ?? []), node.idx]);
  }
  return [...byCategory.values()];
}

/** The category most of a group's placed needs have (ties: the first needs' one). */
function mainCategory(members: number[], nodes: GroupingNode[]): string | null {
  const counts = new Map<string, number>();
  for (const idx of members) {
    const c = nodes[idx]!.category;
    if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [c, n] of counts) if (best === null || n > counts.get(best)!) best = c;
  return best;
}

/**
 * Why a group was formed, as facts (kept with the group so each reader's language words them): the category its
 * needs share, the taxonomy's terms recognised, the words they share, and how alike their titles are.
 */
export const GroupExplanation = z.object({
  category: z.string().nullable(),
  taxonomyTerms: z.array(z.string()),
  sharedWords: z.array(z.string()),
  titleSimilarity: z.number().min(0).max(1).nullable(),
});
export type GroupExplanation = z.infer<typeof GroupExplanation>;

/** The French explanation of a group: its category and the words its needs share (the facts stay in `input`). */
export function explainGroup(input: GroupExplanation): { label: string; reason: string } {
  const parts: string[] = [];
  const category = input.category ? smartCategory(input.category) : undefined;
  if (category) {
    parts.push(
      `même catégorie « ${category.fr} »` +
        (input.taxonomyTerms.length ? ` (termes reconnus : ${input.taxonomyTerms.slice(0, 5).join(', ')})` : ''),
    );
  }
  if (input.sharedWords.length) parts.push(`mots communs : ${input.sharedWords.slice(0, 6).join(', ')}`);
  if (input.titleSimilarity !== null)
    parts.push(`titres semblables (${Math.round(input.titleSimilarity * 100)} % de trigrammes communs)`);
  const reason = parts.length ? `${parts.join(' ; ')}.` : 'Besoins proches.';
  const label = category?.fr ?? (input.sharedWords.slice(0, 3).join(', ') || 'Besoins proches');
  return { label, reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
}

/**
 * Groups of one run that would carry the same label (two purchases of one category) get, after it, the first words
 * their needs share that the label does not already say: « Écoles et numérique éducatif — repas, cantine ».
 */
export function distinguishLabels<G extends { label: string; explanation: GroupExplanation }>(groups: G[]): G[] {
  const count = new Map<string, number>();
  for (const g of groups) count.set(g.label, (count.get(g.label) ?? 0) + 1);
  return groups.map((g) => {
    if ((count.get(g.label) ?? 0) < 2) return g;
    const said = g.label.toLowerCase();
    const words = g.explanation.sharedWords.filter((w) => !said.includes(w.toLowerCase())).slice(0, 2);
    return words.length ? { ...g, label: `${g.label} — ${words.join(', ')}` } : g;
  });
}
