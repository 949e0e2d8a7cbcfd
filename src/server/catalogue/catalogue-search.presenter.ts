import { FACETS, type SearchResult } from '../../domain/catalogue/search.ts';
import type { SolutionStatus, SolutionSummary } from '../../domain/catalogue/solutions.ts';
import { imageUrl } from './catalogue.presenter.ts';
import type { SearchHitRow } from './catalogue.repository.ts';

/** A search hit as the API answers it, with its uploaded logo's address when it has one. */
export function presentHit(h: SearchHitRow, logos: { id: string; solutionId: string }[]): SolutionSummary {
  const logo = logos.find((l) => l.solutionId === h.id);
  return {
    id: h.id,
    name: h.name,
    vendor: h.vendor,
    summary: h.summary,
    categories: h.categories,
    dimensions: h.dimensions as SolutionSummary['dimensions'],
    hosting: h.hosting as SolutionSummary['hosting'],
    status: h.status as SolutionStatus,
    demo: h.demo,
    logoUrl: h.logo_url,
    priceModel: h.price_model as SolutionSummary['priceModel'],
    standards: h.standards,
    logo: logo ? imageUrl(logo.id) : null,
    score: Number(h.score),
  };
}

/** The facet counts per facet, largest first. */
export function presentFacets(rows: { facet: string; value: string; count: number }[]): SearchResult['facets'] {
  return Object.fromEntries(
    FACETS.map((f) => [
      f,
      rows
        .filter((row) => row.facet === f)
        .map((row) => ({ value: row.value, count: Number(row.count) }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  ) as SearchResult['facets'];
}
