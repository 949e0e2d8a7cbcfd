import { z } from 'zod';
import { smartCategory } from '../shared/smart-categories.ts';

/**
 * How needs become groups, once the database has read their French text (src/server/needs/grouping-engine.ts):
 * each need has a category (given, or recognised from the taxonomy's terms by full-text search) and links to
 * similar needs (shared rare words, similar titles). Needs of one category form one group; a need without a
 * category joins the needs it links to; two categories never merge. Pure: the same input gives the same groups.
 */
export type GroupingNode = { idx: number; id: string; communeNis: string; category: string | null };
export type GroupingEdge = { a: number; b: number; score: number; kind: 'words' | 'title' };

export type NeedGroup = {
  members: number[];
  category: string | null;
  /** Edges that tied needs without a category into the group, best first. */
  edges: GroupingEdge[];
};

export function connectNeeds(nodes: GroupingNode[], edges: GroupingEdge[]): NeedGroup[] {
  const parent = nodes.map((_, i) => i);
  const category = nodes.map((n) => n.category);
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
    const ca = category[ra];
    const cb = category[rb];
    if (ca && cb && ca !== cb) return false;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    parent[drop] = keep;
    category[keep] = ca ?? cb ?? null;
    return true;
  };
  const firstOfCategory = new Map<string, number>();
  for (const node of nodes) {
    if (!node.category) continue;
    const first = firstOfCategory.get(node.category);
    if (first === undefined) firstOfCategory.set(node.category, node.idx);
    else union(first, node.idx);
  }
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
  for (const [root, members] of byRoot) {
    if (members.length < 2) continue;
    const inGroup = new Set(members);
    groups.push({ members, category: category[root] ?? null, edges: used.filter((e) => inGroup.has(e.a)) });
  }
  return groups.sort((x, y) => y.members.length - x.members.length || x.members[0]! - y.members[0]!);
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
