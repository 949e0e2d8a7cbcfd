import { sql } from 'drizzle-orm';
import {
  connectNeeds,
  type GroupExplanation,
  type GroupingEdge,
  type NeedGroup,
} from '../../domain/mutualisation/grouping.ts';
import {
  type PlacedNeed,
  type PurchaseOptions,
  splitIntoPurchases,
} from '../../domain/mutualisation/grouping-purchases.ts';
import { type Database, rowsOf } from '../db/client.ts';
import { explainAll } from './grouping-engine-explain.ts';
import {
  buildVectors,
  type CandidateSearch,
  findTitleEdges,
  findWordEdges,
  loadNeeds,
  placedVectors,
  recogniseCategories,
  type ScoredPair,
  weighWords,
} from './grouping-engine-steps.ts';

/**
 * The grouping engine of the mutualisation (issue 5), shared by the app, the HTTP calculator and the CLI. The
 * database reads the French: `to_tsvector('french', unaccent(title || description))` stems words and drops accents
 * and stop words (plurals, accents and word order stop mattering), the taxonomy's terms are matched as phrases
 * (`phraseto_tsquery`) to recognise a category from free text (synonyms: "lampadaire" and "éclairage public" both
 * mean public lighting), rare shared stems link needs outside the taxonomy, and pg_trgm's similarity catches
 * titles written differently (typos, compound words) among the needs the taxonomy did not place. Before that, the
 * register's French is made comparable in TypeScript (src/domain/mutualisation/need-language.ts: acronyms, clipped
 * words, typos, thesaurus synonyms), and the words that link needs are weighted (rarity, title over description,
 * the register's filler words left out). Everything runs in temporary tables inside one transaction,
 * so nothing is left behind; candidates come from indexes (GIN on the vectors and trigrams), never from all pairs.
 * The SQL steps are in grouping-engine-steps.ts, the wording of each group in grouping-engine-explain.ts.
 */
export type NeedText = {
  id: string;
  communeNis: string;
  title: string;
  description: string;
  category: string | null;
};

export type ProposedGroup = {
  needIds: string[];
  communes: string[];
  category: string | null;
  label: string;
  reason: string;
  /** The facts behind `reason` (which is their French wording), for readers of another language. */
  explanation: GroupExplanation;
  sharedTerms: string[];
};

export type GroupingOptions = {
  /** Weighted share of stems two needs must have in common (Dice, 0–1). */
  wordThreshold?: number;
  /** pg_trgm similarity of two titles (0–1). */
  titleThreshold?: number;
  onProgress?: (fraction: number, step: string) => Promise<void> | void;
  /**
   * How pairs are found: `indexed` (the default) from the inverted index of stems and the trigram index; `all-pairs`
   * compares every pair of needs with the same rules, the naive baseline of bench/mutualisation.ts.
   */
  candidates?: CandidateSearch;
  /**
   * Receives, for each need given without a category, the category the run recognised for it (the taxonomy's terms
   * in its text, or the category of the group it joined): the app proposes it on the need.
   */
  onSuggestedCategories?: (suggestions: { id: string; category: string }[]) => Promise<void> | void;
  /** How a category's needs are split into purchases (grouping-purchases.ts). */
  purchases?: PurchaseOptions;
  /**
   * Where that split is computed: here by default; a run on PostgreSQL gives it to a thread of its own
   * (grouping-purchases-thread.ts), as it is JavaScript that would otherwise hold the server's thread.
   */
  splitPurchases?: (needs: PlacedNeed[], options: PurchaseOptions | undefined) => Promise<number[][]>;
  /** On PostgreSQL, the longest any one statement of the run may take (a bound on the run, issue 15). */
  statementTimeoutMs?: number;
};

export const GROUPING_DEFAULTS = { wordThreshold: 0.2, titleThreshold: 0.5 } as const;

export async function groupNeedsInDatabase(
  db: Database,
  needs: NeedText[],
  options: GroupingOptions = {},
): Promise<ProposedGroup[]> {
  const wordThreshold = options.wordThreshold ?? GROUPING_DEFAULTS.wordThreshold;
  const titleThreshold = options.titleThreshold ?? GROUPING_DEFAULTS.titleThreshold;
  const progress = async (fraction: number, step: string) => options.onProgress?.(fraction, step);
  if (needs.length < 2) return [];
  return db.transaction(async (tx) => {
    if (options.statementTimeoutMs)
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.ceil(options.statementTimeoutMs)}`));
    await progress(0.05, 'load');
    await loadNeeds(tx, needs);
    await progress(0.15, 'vectors');
    await buildVectors(tx);
    await progress(0.3, 'taxonomy');
    await recogniseCategories(tx);
    await progress(0.45, 'words');
    // Stems too common to tell needs apart (more than 10 % of the needs, and at least 50) make no candidates.
    const maxDf = Math.max(50, Math.floor(needs.length * 0.1));
    await weighWords(tx, needs.length);
    const wordEdges = await findWordEdges(tx, options.candidates, maxDf, wordThreshold);
    await progress(0.6, 'titles');
    const titleEdges = await findTitleEdges(tx, options.candidates, titleThreshold);
    await progress(0.7, 'groups');
    const docs = await rowsOf<{ idx: number; category: string | null }>(
      await tx.execute(sql`select idx, category from mg_doc order by idx`),
    );
    const placed = await placedVectors(tx, docs, maxDf);
    const purchases = options.splitPurchases
      ? await options.splitPurchases(placed, options.purchases)
      : splitIntoPurchases(placed, options.purchases);
    const groups = connectNeeds(
      docs.map((d) => ({
        idx: d.idx,
        id: needs[d.idx]!.id,
        communeNis: needs[d.idx]!.communeNis,
        category: d.category,
      })),
      [...wordEdges.map((e) => asEdge(e, 'words')), ...titleEdges.map((e) => asEdge(e, 'title'))],
      purchases,
    );
    if (options.onSuggestedCategories) await options.onSuggestedCategories(suggestedCategories(needs, docs, groups));
    await progress(0.8, 'explain');
    const result = await explainAll(tx, groups, needs.length);
    await progress(1, 'done');
    return result.map((g, i) => {
      const members = groups[i]!.members.map((idx) => needs[idx]!);
      return {
        needIds: members.map((n) => n.id),
        communes: [...new Set(members.map((n) => n.communeNis))].sort(),
        category: groups[i]!.category,
        ...g,
      };
    });
  });
}

/** Edges as (smaller, larger) index, so the order of the union does not depend on how pairs were found. */
function asEdge(e: ScoredPair, kind: GroupingEdge['kind']): GroupingEdge {
  return { a: Math.min(e.a, e.b), b: Math.max(e.a, e.b), score: Number(e.score), kind };
}

/**
 * For each need given without a category, the category the run recognised for it: the taxonomy's terms in its
 * text, or the category of the group it joined.
 */
function suggestedCategories(
  needs: NeedText[],
  docs: { idx: number; category: string | null }[],
  groups: NeedGroup[],
): { id: string; category: string }[] {
  const suggested = new Map<string, string>();
  for (const d of docs) {
    const need = needs[d.idx]!;
    if (need.category === null && d.category) suggested.set(need.id, d.category);
  }
  for (const group of groups) {
    if (!group.category) continue;
    for (const idx of group.members) {
      const need = needs[idx]!;
      if (need.category === null && !suggested.has(need.id)) suggested.set(need.id, group.category);
    }
  }
  return [...suggested].map(([id, category]) => ({ id, category }));
}
