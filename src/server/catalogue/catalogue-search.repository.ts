import { and, arrayContains, arrayOverlaps, asc, inArray, type SQL, sql } from 'drizzle-orm';
import { type SearchDocument, searchDocument, trigramText } from '../../domain/catalogue/search.ts';
import { type Executor, rowsOf } from '../db/client.ts';
import { catalogueLexicon, catalogueSolutions } from '../db/schema/index.ts';

type SolutionStatusColumn = (typeof catalogueSolutions.$inferSelect)['status'];
type SearchedValues = Pick<
  typeof catalogueSolutions.$inferInsert,
  'name' | 'vendor' | 'summary' | 'description' | 'categories' | 'standards'
>;

/** The text conditions and filters of a search, already folded by the domain. */
export type SearchSpec = {
  /** each word must match, as itself or as one of its alternatives (corrections of a typo) */
  words: { word: string; alternatives: string[] }[];
  filters: {
    category: string[];
    dimension: string[];
    standard: string[];
    hosting: string[];
    priceModel: string[];
    status: string[];
  };
  /** statuses the caller may see at all */
  visible: string[];
  limit: number;
  offset: number;
};
export type SearchHitRow = {
  id: string;
  name: string;
  vendor: string;
  summary: string;
  categories: string[];
  dimensions: string[];
  hosting: string;
  status: string;
  demo: boolean;
  logo_url: string | null;
  price_model: string;
  standards: string[];
  score: number;
  total: number;
};

const vectorOf = (doc: SearchDocument) =>
  sql`setweight(to_tsvector('french', unaccent(${doc.a}::text)), 'A') || setweight(to_tsvector('french', unaccent(${doc.b}::text)), 'B') || setweight(to_tsvector('french', unaccent(${doc.c}::text)), 'C')`;

export function searchColumns(values: SearchedValues) {
  const doc = searchDocument({
    name: values.name,
    vendor: values.vendor,
    summary: values.summary,
    description: values.description ?? '',
    categories: values.categories ?? [],
    standards: values.standards ?? [],
  });
  return { searchVector: vectorOf(doc) as unknown as string, searchText: trigramText(doc) };
}

/**
 * The catalogue's search (decision 060): French full text over the solutions' weighted vector, facet counts, and the
 * lexicon misspelt words are corrected against. The base of CatalogueRepository (catalogue.repository.ts).
 */
export class CatalogueSearchRepository {
  constructor(protected readonly db: Executor) {}

  // ── search ───────────────────────────────────────────────────────────────────────────────────────────────────
  private textCondition(spec: SearchSpec): SQL {
    if (spec.words.length === 0) return sql`true`;
    const perWord = spec.words.map(({ word, alternatives }) => {
      const matches = [word, ...alternatives].map(
        (w) => sql`${catalogueSolutions.searchVector} @@ plainto_tsquery('french', unaccent(${w}::text))`,
      );
      return sql`(${sql.join(matches, sql` OR `)})`;
    });
    return sql.join(perWord, sql` AND `);
  }

  /** Words of the lexicon close to a misspelt one (trigram similarity), closest first. */
  async corrections(word: string, limit = 3): Promise<string[]> {
    const rows = rowsOf<{ word: string }>(
      await this.db.execute(sql`
        SELECT word FROM ${catalogueLexicon}
        WHERE word % ${word}::text
        ORDER BY similarity(word, ${word}::text) DESC, word
        LIMIT ${limit}`),
    );
    return rows.map((r) => r.word);
  }

  protected async addToLexicon(texts: string[]): Promise<void> {
    const words = [...new Set(texts.flatMap((t) => t.split(' ')).filter((w) => w.length >= 4 && w.length <= 60))];
    for (let i = 0; i < words.length; i += 1000) {
      await this.db
        .insert(catalogueLexicon)
        .values(words.slice(i, i + 1000).map((word) => ({ word })))
        .onConflictDoNothing();
    }
  }

  private filterConditions(spec: SearchSpec, except: string | null): SQL[] {
    const f = spec.filters;
    const c: SQL[] = [inArray(catalogueSolutions.status, spec.visible as SolutionStatusColumn[])];
    if (except !== 'category' && f.category.length) c.push(arrayOverlaps(catalogueSolutions.categories, f.category));
    if (except !== 'dimension' && f.dimension.length) c.push(arrayOverlaps(catalogueSolutions.dimensions, f.dimension));
    if (except !== 'standard' && f.standard.length) c.push(arrayContains(catalogueSolutions.standards, f.standard));
    if (except !== 'hosting' && f.hosting.length)
      c.push(inArray(catalogueSolutions.hosting, f.hosting as (typeof catalogueSolutions.$inferSelect)['hosting'][]));
    if (except !== 'priceModel' && f.priceModel.length)
      c.push(
        inArray(
          catalogueSolutions.priceModel,
          f.priceModel as (typeof catalogueSolutions.$inferSelect)['priceModel'][],
        ),
      );
    if (except !== 'status' && f.status.length)
      c.push(inArray(catalogueSolutions.status, f.status as SolutionStatusColumn[]));
    return c;
  }

  /** One page of hits, best first, with the total, and the facet counts (each without its own filter). */
  async search(
    spec: SearchSpec,
  ): Promise<{ hits: SearchHitRow[]; facets: { facet: string; value: string; count: number }[] }> {
    const db = this.db;
    const text = this.textCondition(spec);
    const folded = spec.words.map((w) => w.word).join(' ');
    const score =
      spec.words.length === 0
        ? sql`0::float8`
        : sql`ts_rank_cd(${catalogueSolutions.searchVector}, plainto_tsquery('french', unaccent(${folded}::text)))::float8`;
    const where = and(text, ...this.filterConditions(spec, null));
    const hits = rowsOf<SearchHitRow>(
      await db.execute(sql`
          SELECT id, name, vendor, summary, categories, dimensions, hosting, status, demo, logo_url, price_model, standards,
                 ${score} AS score, count(*) OVER ()::int AS total
          FROM ${catalogueSolutions}
          WHERE ${where}
          ORDER BY score DESC, (status = 'listed') DESC, name ASC, id ASC
          LIMIT ${spec.limit} OFFSET ${spec.offset}`),
    );
    const facetQuery = (facet: string, column: SQL, array: boolean) => {
      const condition = and(text, ...this.filterConditions(spec, facet));
      return array
        ? sql`SELECT ${facet}::text AS facet, v AS value, count(*)::int AS count FROM ${catalogueSolutions}, unnest(${column}) AS v WHERE ${condition} GROUP BY v`
        : sql`SELECT ${facet}::text AS facet, ${column} AS value, count(*)::int AS count FROM ${catalogueSolutions} WHERE ${condition} GROUP BY ${column}`;
    };
    const facets = rowsOf<{ facet: string; value: string; count: number }>(
      await db.execute(
        sql.join(
          [
            facetQuery('category', sql`${catalogueSolutions.categories}`, true),
            facetQuery('dimension', sql`${catalogueSolutions.dimensions}`, true),
            facetQuery('standard', sql`${catalogueSolutions.standards}`, true),
            facetQuery('hosting', sql`${catalogueSolutions.hosting}`, false),
            facetQuery('priceModel', sql`${catalogueSolutions.priceModel}`, false),
            facetQuery('status', sql`${catalogueSolutions.status}`, false),
          ],
          sql` UNION ALL `,
        ),
      ),
    );
    return { hits, facets };
  }

  /** The naive baseline the benchmark compares with: ILIKE over every text column, no index. */
  async naiveSearch(q: string, limit: number): Promise<{ id: string }[]> {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return this.db
      .select({ id: catalogueSolutions.id })
      .from(catalogueSolutions)
      .where(
        sql`unaccent(${catalogueSolutions.name} || ' ' || ${catalogueSolutions.summary} || ' ' || ${catalogueSolutions.description}) ILIKE unaccent(${pattern}::text)`,
      )
      .orderBy(asc(catalogueSolutions.name))
      .limit(limit);
  }
}
