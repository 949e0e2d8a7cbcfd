import { sql } from 'drizzle-orm';
import {
  connectNeeds,
  distinguishLabels,
  explainGroup,
  type GroupExplanation,
  type GroupingEdge,
  type NeedGroup,
} from '../../domain/mutualisation/grouping.ts';
import {
  type PlacedNeed,
  type PurchaseOptions,
  splitIntoPurchases,
} from '../../domain/mutualisation/grouping-purchases.ts';
import {
  ACRONYMS,
  CLIPPED_WORDS,
  needTextReader,
  REGISTER_STOP_WORDS,
  synonymReader,
  typoCorrector,
  wordsOf,
} from '../../domain/mutualisation/need-language.ts';
import { commonRoots } from '../../domain/mutualisation/need-language-roots.ts';
import { THESAURUS_SYNONYMS } from '../../domain/mutualisation/thesaurus/synonyms.ts';
import { SMART_CATEGORIES } from '../../domain/shared/smart-categories.ts';
import { type Database, rowsOf, type Transaction } from '../db/client.ts';

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
  candidates?: 'indexed' | 'all-pairs';
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

const CHUNK = 5000;
/** A word of the title says more about the need than a word of its description. */
const TITLE_WEIGHT = 2;

let reader: ((text: string) => string) | undefined;
/**
 * The register's French made comparable (acronyms, clipped words, typos, synonyms), with the taxonomy's words as
 * reference.
 */
function prepareText(text: string): string {
  reader ??= needTextReader(
    typoCorrector(
      wordsOf([
        ...SMART_CATEGORIES.flatMap((c) => c.terms),
        ...Object.values(ACRONYMS),
        ...Object.values(CLIPPED_WORDS),
      ]),
    ),
    synonymReader(THESAURUS_SYNONYMS),
  );
  return reader(text);
}

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

type ScoredPair = { a: number; b: number; score: number };

/** Edges as (smaller, larger) index, so the order of the union does not depend on how pairs were found. */
function asEdge(e: ScoredPair, kind: GroupingEdge['kind']): GroupingEdge {
  return { a: Math.min(e.a, e.b), b: Math.max(e.a, e.b), score: Number(e.score), kind };
}

/** The weighted rare words of each need the taxonomy placed, for the split of its category into purchases. */
async function placedVectors(
  tx: Transaction,
  docs: { idx: number; category: string | null }[],
  maxDf: number,
): Promise<PlacedNeed[]> {
  const rows = await rowsOf<{ idx: number; lexeme: string; w: number; total: number }>(
    await tx.execute(sql`select w.idx, w.lexeme, w.w, n.total from mg_word w join mg_norm n using (idx)
      where w.category is not null and w.df <= ${maxDf}`),
  );
  const vectors = new Map<number, { weights: Map<string, number>; total: number }>();
  for (const r of rows) {
    const v = vectors.get(r.idx) ?? { weights: new Map<string, number>(), total: Number(r.total) };
    v.weights.set(r.lexeme, Number(r.w));
    vectors.set(r.idx, v);
  }
  return docs.flatMap((d) =>
    d.category
      ? [{ idx: d.idx, category: d.category, vector: vectors.get(d.idx) ?? { weights: new Map(), total: 0 } }]
      : [],
  );
}

/** The needs' texts, read by `prepareText`, in a temporary table. */
async function loadNeeds(tx: Transaction, needs: NeedText[]): Promise<void> {
  await tx.execute(sql`create temp table mg_need (idx int primary key, id text, commune text, title text,
    body text, category text) on commit drop`);
  for (let start = 0; start < needs.length; start += CHUNK) {
    const slice = needs.slice(start, start + CHUNK).map((n, i) => ({
      idx: start + i,
      id: n.id,
      commune: n.communeNis,
      title: prepareText(n.title),
      body: prepareText(n.description),
      category: n.category,
    }));
    await tx.execute(sql`insert into mg_need select * from jsonb_to_recordset(${JSON.stringify(slice)}::jsonb)
      as x(idx int, id text, commune text, title text, body text, category text)`);
  }
}

/** Each need's French stems (whole text and title) and its normalised title. */
async function buildVectors(tx: Transaction): Promise<void> {
  await tx.execute(sql`create temp table mg_doc on commit drop as
    select idx, category, to_tsvector('french', unaccent(title || ' ' || coalesce(body, ''))) as tsv,
      to_tsvector('french', unaccent(title)) as ttsv, lower(unaccent(title)) as tnorm
    from mg_need`);
  await tx.execute(sql`create index on mg_doc using gin (tsv)`);
  await tx.execute(sql`analyze mg_doc`);
}

/** The category a need is about: the one it was given, else the one whose terms its text matches best. */
async function recogniseCategories(tx: Transaction): Promise<void> {
  const terms = SMART_CATEGORIES.flatMap((c) => c.terms.map((term) => ({ category: c.key, term })));
  await tx.execute(sql`create temp table mg_term on commit drop as
    select category, term, phraseto_tsquery('french', unaccent(term)) as q,
      length(to_tsvector('french', unaccent(term))) as weight
    from jsonb_to_recordset(${JSON.stringify(terms)}::jsonb) as x(category text, term text)`);
  await tx.execute(sql`delete from mg_term where weight = 0`);
  await tx.execute(sql`create temp table mg_match on commit drop as
    select d.idx, t.category, sum(t.weight) as score,
      array_agg(t.term order by t.term) as terms
    from mg_term t join mg_doc d on d.tsv @@ t.q
    group by d.idx, t.category`);
  await tx.execute(sql`update mg_doc d set category = m.category
    from (select distinct on (idx) idx, category from mg_match order by idx, score desc, category) m
    where d.category is null and m.idx = d.idx`);
}

/**
 * The words that link needs, weighted: rarity over the register (IDF), a title's word twice a description's, the
 * register's filler and hyphenated compounds' parts left out. Each need's total weight goes in its own keyed table.
 */
async function weighWords(tx: Transaction, docCount: number): Promise<void> {
  const stems = await rowsOf<{ lexeme: string }>(
    await tx.execute(sql`select distinct unnest(tsvector_to_array(tsv)) as lexeme from mg_doc`),
  );
  const roots = [...commonRoots(stems.map((s) => s.lexeme))].map(([lexeme, root]) => ({ lexeme, root }));
  await tx.execute(sql`create temp table mg_word on commit drop as
    with stop as (select distinct unnest(tsvector_to_array(to_tsvector('french', unaccent(x)))) as lexeme
        from jsonb_array_elements_text(${JSON.stringify(REGISTER_STOP_WORDS)}::jsonb) as s(x)),
      root as (select * from jsonb_to_recordset(${JSON.stringify(roots)}::jsonb) as r(lexeme text, root text)),
      stemmed as (select d.idx, d.category, coalesce(r.root, l.lexeme) as lexeme,
          l.lexeme = any(tsvector_to_array(d.ttsv)) as in_title
        from mg_doc d cross join unnest(d.tsv) as l left join root r on r.lexeme = l.lexeme
        where l.lexeme not in (select lexeme from stop) and position('-' in l.lexeme) = 0),
      lx as (select idx, category, lexeme, bool_or(in_title) as in_title from stemmed group by idx, category, lexeme),
      df as (select lexeme, count(*)::int as df from lx group by lexeme)
    select lx.idx, lx.category, lx.lexeme, df.df,
      ln(1 + ${docCount}::float8 / df.df) * (case when lx.in_title then ${TITLE_WEIGHT}::float8 else 1 end) as w
    from lx join df using (lexeme)`);
  await tx.execute(sql`create index on mg_word (lexeme)`);
  await tx.execute(sql`analyze mg_word`);
  // Joined twice per candidate pair: PostgreSQL 15 otherwise chose a nested loop.
  await tx.execute(sql`create temp table mg_norm on commit drop as
    select idx, sum(w) as total from mg_word group by idx`);
  await tx.execute(sql`alter table mg_norm add primary key (idx)`);
  await tx.execute(sql`analyze mg_norm`);
}

/** Pairs with a need the taxonomy did not place whose weighted shared stems reach the threshold (Dice). */
async function findWordEdges(
  tx: Transaction,
  candidates: GroupingOptions['candidates'],
  maxDf: number,
  wordThreshold: number,
): Promise<ScoredPair[]> {
  if (candidates === 'all-pairs')
    return rowsOf<ScoredPair>(
      await tx.execute(sql`
      with pairs as (
          select a.idx as a, b.idx as b, s.shared, s.n
          from mg_doc a join mg_doc b on a.idx < b.idx
            and (a.category is null or b.category is null),
          lateral (select sum(wa.w + wb.w) / 2 as shared, count(*) as n from mg_word wa
            join mg_word wb on wb.idx = b.idx and wb.lexeme = wa.lexeme
            where wa.idx = a.idx and wa.df <= ${maxDf}) s)
      select p.a, p.b, 2 * p.shared / (na.total + nb.total) as score
      from pairs p join mg_norm na on na.idx = p.a join mg_norm nb on nb.idx = p.b
      where p.n >= 2 and 2 * p.shared / (na.total + nb.total) >= ${wordThreshold}`),
    );
  return rowsOf<ScoredPair>(
    await tx.execute(sql`
      with pairs as materialized (
          select a.idx as a, b.idx as b, sum(a.w + b.w) / 2 as shared, count(*) as n
          from mg_word a join mg_word b on b.lexeme = a.lexeme and b.idx <> a.idx
          where a.category is null and (b.category is not null or a.idx < b.idx) and a.df <= ${maxDf}
          group by a.idx, b.idx)
      select p.a, p.b, 2 * p.shared / (na.total + nb.total) as score
      from pairs p join mg_norm na on na.idx = p.a join mg_norm nb on nb.idx = p.b
      where p.n >= 2 and 2 * p.shared / (na.total + nb.total) >= ${wordThreshold}`),
  );
}

/** Titles alike (pg_trgm), among the needs the taxonomy did not place: a category already groups the others. */
async function findTitleEdges(
  tx: Transaction,
  candidates: GroupingOptions['candidates'],
  titleThreshold: number,
): Promise<ScoredPair[]> {
  await tx.execute(sql`create temp table mg_title on commit drop as
    select idx, tnorm from mg_doc where category is null`);
  await tx.execute(sql`create index on mg_title using gin (tnorm gin_trgm_ops)`);
  await tx.execute(sql`analyze mg_title`);
  await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${Number(titleThreshold)}`));
  if (candidates === 'all-pairs')
    return rowsOf<ScoredPair>(
      await tx.execute(sql`
      select a.idx as a, b.idx as b, similarity(a.tnorm, b.tnorm) as score
      from mg_title a join mg_title b on a.idx < b.idx
      where similarity(a.tnorm, b.tnorm) >= ${titleThreshold}`),
    );
  return rowsOf<ScoredPair>(
    await tx.execute(sql`
      select a.idx as a, b.idx as b, similarity(a.tnorm, b.tnorm) as score
      from mg_title a join mg_title b on a.tnorm % b.tnorm and a.idx < b.idx`),
  );
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

/** Shared words in readable form: the stems most members share, shown as a word one of them wrote. */
async function explainAll(
  tx: Transaction,
  groups: NeedGroup[],
  docCount: number,
): Promise<{ label: string; reason: string; explanation: GroupExplanation; sharedTerms: string[] }[]> {
  if (groups.length === 0) return [];
  const membership = groups.flatMap((g, gi) => g.members.map((idx) => ({ g: gi, idx })));
  await tx.execute(sql`create temp table mg_member on commit drop as
    select * from jsonb_to_recordset(${JSON.stringify(membership)}::jsonb) as x(g int, idx int)`);
  const maxDf = Math.max(3, Math.floor(docCount * 0.2));
  const stems = await rowsOf<{ g: number; lexeme: string; members: number }>(
    await tx.execute(sql`
      select m.g, w.lexeme, count(*)::int as members
      from mg_member m join mg_word w on w.idx = m.idx
      where w.df <= ${maxDf} and length(w.lexeme) > 2
      group by m.g, w.lexeme having count(*) >= 2
      order by m.g, count(*) desc, w.lexeme`),
  );
  const topStems = new Map<number, string[]>();
  for (const s of stems) {
    const list = topStems.get(s.g) ?? [];
    if (list.length < 6) list.push(s.lexeme);
    topStems.set(s.g, list);
  }
  const wanted = [...new Set([...topStems.values()].flat())];
  // A readable word for each stem, taken from the needs' own text (a sample of each group's needs suffices).
  const words = wanted.length
    ? await rowsOf<{ lexeme: string; word: string }>(
        await tx.execute(sql`
          with sample as materialized (select n.title || ' ' || coalesce(n.body, '') as text
              from (select idx, row_number() over (partition by g order by idx) as r from mg_member) s
              join mg_need n on n.idx = s.idx where s.r <= 10),
            tokens as (select lower(t.token) as word, l.lexeme
              from sample s,
                ts_parse('default', s.text) t,
                unnest(tsvector_to_array(to_tsvector('french', unaccent(t.token)))) as l(lexeme)
              where t.tokid <> 12)
          select distinct on (lexeme) lexeme, word from tokens
          where lexeme in (select jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))
          group by lexeme, word order by lexeme, count(*) desc, word`),
      )
    : [];
  const wordOf = new Map(words.map((w) => [w.lexeme, w.word]));
  const matched = await rowsOf<{ g: number; term: string }>(
    await tx.execute(sql`
      select m.g, t.term from mg_member m join mg_doc d on d.idx = m.idx
        join mg_match mm on mm.idx = m.idx and mm.category = d.category, unnest(mm.terms) as t(term)
      group by m.g, t.term order by m.g, count(*) desc, t.term`),
  );
  const termsOf = new Map<number, string[]>();
  for (const m of matched) termsOf.set(m.g, [...(termsOf.get(m.g) ?? []), m.term]);
  const explainedGroups = groups.map((group, gi) => {
    const sharedWords = (topStems.get(gi) ?? []).map((s) => wordOf.get(s) ?? s);
    const titleEdge = group.edges.find((e) => e.kind === 'title');
    const explanation = {
      category: group.category,
      taxonomyTerms: (termsOf.get(gi) ?? []).slice(0, 5),
      sharedWords: sharedWords.slice(0, 6),
      titleSimilarity: titleEdge ? titleEdge.score : null,
    };
    const explained = explainGroup(explanation);
    return {
      ...explained,
      explanation,
      sharedTerms: [...new Set([...(termsOf.get(gi) ?? []).slice(0, 5), ...sharedWords])],
    };
  });
  return distinguishLabels(explainedGroups);
}
