import {
  categoriesNamedBy,
  queryWords,
  type SavedSearch,
  type SavedSearchInput,
  type SearchQuery,
  type SearchResult,
} from '../../domain/catalogue/search.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentSavedSearch } from './catalogue.presenter.ts';
import { recordAudit, visibleStatuses } from './catalogue-access.ts';
import { presentFacets, presentHit } from './catalogue-search.presenter.ts';

type WordSpec = { word: string; alternatives: string[] }[];

/** The buyer's search (French full text, facets, typo correction) and their saved searches. */
export class CatalogueSearch {
  constructor(private readonly uow: UnitOfWork) {}

  async search(actor: Actor, query: SearchQuery): Promise<SearchResult> {
    authorize(actor, 'read', { type: 'catalogue' });
    const started = performance.now();
    const words = queryWords(query.q);
    // Exact words first (stems, accents, synonyms). When nothing has them all, each longer word may also be one of
    // the catalogue's words closest to it (a typo corrected against the lexicon).
    let approximate = false;
    let { hits, facets } = await this.run(
      actor,
      query,
      words.map((w) => ({ word: w.word, alternatives: [] })),
    );
    if (hits.length === 0 && query.page === 1 && words.some((w) => w.fuzzy)) {
      const corrected = await this.uow.read((repos) =>
        Promise.all(
          words.map(async (w) => ({
            word: w.word,
            alternatives: w.fuzzy ? await repos.catalogue.corrections(w.word) : [],
          })),
        ),
      );
      if (corrected.some((w) => w.alternatives.length > 0)) {
        approximate = true;
        ({ hits, facets } = await this.run(actor, query, corrected));
      }
    }
    const logos = (await this.uow.read((repos) => repos.catalogue.imagesOf(hits.map((h) => h.id)))).filter(
      (i) => i.kind === 'logo',
    );
    return {
      total: hits[0]?.total ?? 0,
      page: query.page,
      pageSize: query.pageSize,
      hits: hits.map((h) => presentHit(h, logos)),
      facets: presentFacets(facets),
      namedCategories: categoriesNamedBy(query.q).filter((c) => !query.category.includes(c)),
      approximate,
      tookMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  private run(actor: Actor, query: SearchQuery, words: WordSpec) {
    return this.uow.read((repos) =>
      repos.catalogue.search({
        words,
        filters: {
          category: query.category,
          dimension: query.dimension,
          standard: query.standard,
          hosting: query.hosting,
          priceModel: query.priceModel,
          status: query.status,
        },
        visible: visibleStatuses(actor),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      }),
    );
  }

  // ── saved searches ───────────────────────────────────────────────────────────────────────────────────────────
  async savedSearches(actor: Actor): Promise<SavedSearch[]> {
    authorize(actor, 'read', { type: 'catalogue_search' });
    if (actor.kind !== 'user') return [];
    return (await this.uow.read((repos) => repos.catalogue.savedSearches(actor.id))).map(presentSavedSearch);
  }

  async saveSearch(ctx: RequestContext, input: SavedSearchInput): Promise<SavedSearch> {
    authorize(ctx.actor, 'create', { type: 'catalogue_search' });
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw new ValidationError('USER_REQUIRED');
    return this.uow.write(async (repos) => {
      const row = await repos.catalogue.insertSavedSearch({ userId: actor.id, name: input.name, query: input.query });
      await recordAudit(repos, ctx, {
        action: 'catalogue.search.save',
        entityType: 'saved_search',
        entityId: row.id,
        after: input,
      });
      return presentSavedSearch(row);
    });
  }

  async deleteSavedSearch(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await repos.catalogue.savedSearch(id);
      if (!row) throw new NotFoundError('SAVED_SEARCH_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'catalogue_search', ownerId: row.userId });
      await repos.catalogue.deleteSavedSearch(id);
      await recordAudit(repos, ctx, {
        action: 'catalogue.search.delete',
        entityType: 'saved_search',
        entityId: id,
        before: row,
      });
    });
  }
}
