import { sql } from 'drizzle-orm';
import type { PlacedNeed } from '../../domain/mutualisation/grouping-purchases.ts';
import { needTextReader, synonymReader, typoCorrector, wordsOf } from '../../domain/mutualisation/need-language.ts';
import { commonRoots } from '../../domain/mutualisation/need-language-roots.ts';
import { ACRONYMS, CLIPPED_WORDS, REGISTER_STOP_WORDS } from '../../domain/mutualisation/need-language-words.ts';
import { THESAURUS_SYNONYMS } from '../../domain/mutualisation/thesaurus/synonyms.ts';
import { SMART_CATEGORIES } from '../../domain/shared/smart-categories.ts';
import { rowsOf, type Transaction } from '../db/client.ts';
import type { NeedText } from './grouping-engine.ts';

/**
 * The steps of the grouping engine (grouping-engine.ts) that read the needs in SQL: each one fills a temporary
 * table (`mg_*`, dropped at commit) the next steps read, or returns the pairs of needs it found alike.
 */

/** How pairs are found: from the indexes, or every pair compared (the naive baseline of the benchmark). */
export type CandidateSearch = 'indexed' | 'all-pairs';

export type ScoredPair = { a: number; b: number; score: number };

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

/** The needs' texts, read by `prepareText`, in a temporary table. */
export async function loadNeeds(tx: Transaction, needs: NeedText[]): Promise<void> {
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
export async function buildVectors(tx: Transaction): Promise<void> {
  await tx.execute(sql`create temp table mg_doc on commit drop as
    select idx, category, to_tsvector('french', unaccent(title || ' ' || coalesce(body, ''))) as tsv,
      to_tsvector('french', unaccent(title)) as ttsv, lower(unaccent(title)) as tnorm
    from mg_need`);
  await tx.execute(sql`create index on mg_doc using gin (tsv)`);
  await tx.execute(sql`analyze mg_doc`);
}

/** The category a need is about: the one it was given, else the one whose terms its text matches best. */
export async function recogniseCategories(tx: Transaction): Promise<void> {
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
export async function weighWords(tx: Transaction, docCount: number): Promise<void> {
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
export async function findWordEdges(
  tx: Transaction,
  candidates: CandidateSearch | undefined,
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
export async function findTitleEdges(
  tx: Transaction,
  candidates: CandidateSearch | undefined,
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

/** The weighted rare words of each need the taxonomy placed, for the split of its category into purchases. */
export async function placedVectors(
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
