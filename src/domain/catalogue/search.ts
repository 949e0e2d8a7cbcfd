import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { IsoDateTime } from '../shared/schemas.ts';
import { SMART_CATEGORIES, smartCategory } from '../shared/smart-categories.ts';
import { CategoryKey, Hosting, OpenStandard, PriceModel, SolutionStatus, SolutionSummary } from './solutions.ts';

/**
 * The buyer's search: free French text plus facets. Text is matched by PostgreSQL's `french` full-text configuration
 * on unaccented text (plurals and accents), with each solution's taxonomy terms indexed beside its own words
 * (synonyms: "lampadaires" finds the public-lighting solutions), and by trigram word similarity (typos).
 */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : String(v).split(',')),
    z.array(item).max(40),
  );

export const SearchQuery = z.strictObject({
  q: z.string().trim().max(200).default(''),
  category: list(CategoryKey).describe('category keys, comma-separated: any of them'),
  dimension: list(z.enum(DIMENSIONS)).describe('any of these dimensions'),
  standard: list(OpenStandard).describe('open standards, comma-separated: every one of them'),
  hosting: list(Hosting),
  priceModel: list(PriceModel),
  status: list(SolutionStatus).describe('e.g. "listed" for what communes can order now'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;
export type SearchFilters = Omit<SearchQuery, 'q' | 'page' | 'pageSize'>;
export const FACETS = ['category', 'dimension', 'standard', 'hosting', 'priceModel', 'status'] as const;
export type Facet = (typeof FACETS)[number];

export const FacetCount = z.object({ value: z.string(), count: z.number().int() });
export const SearchResult = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(SolutionSummary),
    /** per facet, how many hits each value would give with the other facets kept (disjunctive counts) */
    facets: z.object(
      Object.fromEntries(FACETS.map((f) => [f, z.array(FacetCount)])) as Record<Facet, z.ZodArray<typeof FacetCount>>,
    ),
    /** categories of the taxonomy the query names (offered as a facet to apply) */
    namedCategories: z.array(z.string()),
    /** true when no solution had every word exactly, and words were matched by similarity (typos) */
    approximate: z.boolean(),
    tookMs: z.number(),
  })
  .meta({ id: 'CatalogueSearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;

/** Lower case without accents: what trigram similarity compares. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type SearchDocument = { a: string; b: string; c: string };

/**
 * The text a solution is found by, in three weights: A its name and vendor, B its summary and category names,
 * C its description, standards and the taxonomy terms of its categories (the synonyms).
 */
export function searchDocument(solution: {
  name: string;
  vendor: string;
  summary: string;
  description: string;
  categories: string[];
  standards: string[];
}): SearchDocument {
  const categories = solution.categories.map(smartCategory).filter((c) => c !== undefined);
  return {
    a: `${solution.name} ${solution.vendor}`,
    b: [solution.summary, ...categories.map((c) => c.fr)].join(' '),
    c: [solution.description, ...solution.standards, ...categories.flatMap((c) => c.terms)].join(' '),
  };
}

/** The folded words of a document, deduplicated: the haystack of typo-tolerant matching. */
export function trigramText(doc: SearchDocument): string {
  return [...new Set(foldText(`${doc.a} ${doc.b} ${doc.c}`).split(/[^\p{L}\p{N}]+/u))].filter(Boolean).join(' ');
}

/** Short French words that say nothing about what is sought (the `french` configuration keeps some of them). */
const STOPWORDS = new Set(
  'le la les l d de des du un une et ou en au aux a pour par sur avec dans ce ces cet cette qui que son sa ses nos vos'.split(
    ' ',
  ),
);

/**
 * The words of a query, folded: each must match (AND). When no solution has them all, words of four letters or more
 * may also match by trigram word similarity, so a typo still finds its solutions.
 */
export function queryWords(q: string): { word: string; fuzzy: boolean }[] {
  const words = foldText(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOPWORDS.has(w));
  return [...new Set(words)].slice(0, 12).map((word) => ({ word, fuzzy: word.length >= 4 }));
}

/** Category keys whose label or terms the query names: shown to the user as "also searched". */
export function categoriesNamedBy(q: string): string[] {
  const folded = ` ${foldText(q)} `;
  return SMART_CATEGORIES.filter((c) =>
    [c.fr, ...c.terms].some((term) => {
      const t = foldText(term);
      return t.length >= 3 && (folded.includes(` ${t} `) || folded.includes(` ${t}s `) || folded.includes(` ${t}x `));
    }),
  ).map((c) => c.key);
}

export const SavedSearchInput = z
  .strictObject({ name: z.string().trim().min(1).max(120), query: SearchQuery.omit({ page: true, pageSize: true }) })
  .meta({ id: 'SavedSearchCreateInput' });
export type SavedSearchInput = z.infer<typeof SavedSearchInput>;

/** A search's facets as stored and answered (plain arrays). */
export const StoredSearchQuery = z.object({
  q: z.string(),
  category: z.array(z.string()),
  dimension: z.array(z.string()),
  standard: z.array(z.string()),
  hosting: z.array(z.string()),
  priceModel: z.array(z.string()),
  status: z.array(z.string()),
});

export const SavedSearch = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: StoredSearchQuery,
    createdAt: IsoDateTime,
  })
  .meta({ id: 'SavedSearch' });
export type SavedSearch = z.infer<typeof SavedSearch>;

/** The query string of a search, for links and saved searches (empty facets left out). */
export function searchParams(query: Partial<SearchQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else if (value !== undefined && value !== '' && value !== null) params.set(key, String(value));
  }
  return params;
}
