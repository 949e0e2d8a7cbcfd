import { sql } from 'drizzle-orm';
import {
  distinguishLabels,
  explainGroup,
  type GroupExplanation,
  type NeedGroup,
} from '../../domain/mutualisation/grouping.ts';
import { rowsOf, type Transaction } from '../db/client.ts';

/**
 * The wording of the groups a grouping run found (grouping-engine.ts): a label and a reason each, from the words
 * their needs share and the taxonomy's terms they matched, read from the run's temporary tables.
 */

/** Shared words in readable form: the stems most members share, shown as a word one of them wrote. */
export async function explainAll(
  tx: Transaction,
  groups: NeedGroup[],
  docCount: number,
): Promise<{ label: string; reason: string; explanation: GroupExplanation; sharedTerms: string[] }[]> {
  if (groups.length === 0) return [];
  const membership = groups.flatMap((g, gi) => g.members.map((idx) => ({ g: gi, idx })));
  await tx.execute(sql`create temp table mg_member on commit drop as
    select * from jsonb_to_recordset(${JSON.stringify(membership)}::jsonb) as x(g int, idx int)`);
  const topStems = await sharedStems(tx, docCount);
  const wordOf = await readableWords(tx, [...new Set([...topStems.values()].flat())]);
  const termsOf = await matchedTerms(tx);
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

/** For each group, the (at most six) rare stems most of its members share, most shared first. */
async function sharedStems(tx: Transaction, docCount: number): Promise<Map<number, string[]>> {
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
  return topStems;
}

/** A readable word for each stem, taken from the needs' own text (a sample of each group's needs suffices). */
async function readableWords(tx: Transaction, wanted: string[]): Promise<Map<string, string>> {
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
  return new Map(words.map((w) => [w.lexeme, w.word]));
}

/** For each group, the taxonomy's terms of its category its members matched, most matched first. */
async function matchedTerms(tx: Transaction): Promise<Map<number, string[]>> {
  const matched = await rowsOf<{ g: number; term: string }>(
    await tx.execute(sql`
      select m.g, t.term from mg_member m join mg_doc d on d.idx = m.idx
        join mg_match mm on mm.idx = m.idx and mm.category = d.category, unnest(mm.terms) as t(term)
      group by m.g, t.term order by m.g, count(*) desc, t.term`),
  );
  const termsOf = new Map<number, string[]>();
  for (const m of matched) termsOf.set(m.g, [...(termsOf.get(m.g) ?? []), m.term]);
  return termsOf;
}
