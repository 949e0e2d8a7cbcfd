import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Adoption, AdoptionQuery } from './adoption.ts';
import {
  AdhesionInput,
  Agreement,
  AgreementInput,
  AgreementUpdateInput,
  CallOff,
  CallOffCancelInput,
  CallOffInput,
  CallOffQuery,
  CallOffTotals,
  CallOffTotalsQuery,
  LotInput,
} from './agreements.ts';
import { ImageUploadInput } from './images.ts';
import { SavedSearch, SavedSearchInput, SearchQuery, SearchResult } from './search.ts';
import { OutcomeInput, Shortlist, ShortlistInput, ShortlistUpdateInput } from './shortlists.ts';
import { CompareQuery, Solution, SolutionInput, SolutionListQuery, SolutionUpdateInput } from './solutions.ts';

const IdParams = z.object({ id: z.uuid() });
const CONFLICT = 'Conflict with the current state (reference or lot number taken, already adherent)';
const RULE = 'A rule is broken (e.g. LOT_CEILING_EXCEEDED, SOLUTION_NOT_LISTED): the message names it';
const rules = { 409: CONFLICT, 422: RULE } as const;

/**
 * The framework-agreement catalogue (decision 060). Agency staff edit solutions, agreements and lots; every signed-in
 * user searches and reads; commune editors adhere and order for their own commune; shortlists are kept per commune.
 * The image itself and the shortlist's PDF/XLSX exports are binary answers: plain routes in catalogue-files.routes.ts.
 */
export const catalogueContract = defineContract('catalogue', {
  // ── solutions and search ─────────────────────────────────────────────────────────────────────────────────────
  search: {
    method: 'GET',
    path: '/api/catalogue/search',
    summary: 'Full-text French search with facets and their counts (accents, plurals, synonyms, typos)',
    query: SearchQuery,
    response: SearchResult,
  },
  solutions: {
    method: 'GET',
    path: '/api/catalogue/solutions',
    summary:
      'Solutions by status and category, e.g. ?status=listed&category=public-lighting: what the implementation feature offers as call-offs',
    query: SolutionListQuery,
    response: z.array(Solution),
  },
  createSolution: {
    method: 'POST',
    path: '/api/catalogue/solutions',
    summary: 'Add a solution (agency staff)',
    body: SolutionInput,
    response: Solution,
    status: 201,
    refusals: rules,
  },
  solution: {
    method: 'GET',
    path: '/api/catalogue/solutions/:id',
    summary: 'One solution with its lots and the communes using it',
    params: IdParams,
    response: Solution,
  },
  updateSolution: {
    method: 'PATCH',
    path: '/api/catalogue/solutions/:id',
    summary: 'Change a solution, its status included (watch → evaluated → listed → withdrawn)',
    params: IdParams,
    body: SolutionUpdateInput,
    response: Solution,
    refusals: rules,
  },
  addImage: {
    method: 'POST',
    path: '/api/catalogue/solutions/:id/images',
    summary:
      'Upload the logo (replaces the previous one; at most 128 KiB) or a screenshot (at most 4, 512 KiB each): PNG, JPEG or WebP, base64',
    params: IdParams,
    body: ImageUploadInput,
    response: Solution,
    status: 201,
    refusals: rules,
  },
  removeImage: {
    method: 'DELETE',
    path: '/api/catalogue/solutions/:id/images/:imageId',
    summary: 'Remove the logo or a screenshot',
    params: z.object({ id: z.uuid(), imageId: z.uuid() }),
    response: Solution,
  },
  compare: {
    method: 'GET',
    path: '/api/catalogue/compare',
    summary: 'Two to four solutions side by side (ids comma-separated)',
    query: CompareQuery,
    response: z.array(Solution),
    refusals: rules,
  },
  adoption: {
    method: 'GET',
    path: '/api/catalogue/adoption',
    summary: 'Which communes use which solutions (of one solution or one category): the adoption map',
    query: AdoptionQuery,
    response: Adoption,
  },

  // ── agreements, lots, adhesion ───────────────────────────────────────────────────────────────────────────────
  agreements: {
    method: 'GET',
    path: '/api/catalogue/agreements',
    summary: 'Framework agreements with lots, ceilings and consumption',
    response: z.array(Agreement),
  },
  createAgreement: {
    method: 'POST',
    path: '/api/catalogue/agreements',
    summary: 'Add a framework agreement (agency staff)',
    body: AgreementInput,
    response: Agreement,
    status: 201,
    refusals: rules,
  },
  agreement: {
    method: 'GET',
    path: '/api/catalogue/agreements/:id',
    summary: 'One framework agreement',
    params: IdParams,
    response: Agreement,
  },
  updateAgreement: {
    method: 'PATCH',
    path: '/api/catalogue/agreements/:id',
    summary:
      'Change an agreement’s title, description, period or ceiling (the ceiling never below what was ordered, the period covering its call-offs)',
    params: IdParams,
    body: AgreementUpdateInput,
    response: Agreement,
    refusals: rules,
  },
  createLot: {
    method: 'POST',
    path: '/api/catalogue/agreements/:id/lots',
    summary: 'Add a lot: awarded vendor, ceiling, the solutions it offers',
    params: IdParams,
    body: LotInput,
    response: Agreement,
    status: 201,
    refusals: rules,
  },
  updateLot: {
    method: 'PUT',
    path: '/api/catalogue/lots/:id',
    summary: 'Change a lot (its ceiling never below what was ordered)',
    params: IdParams,
    body: LotInput,
    response: Agreement,
    refusals: rules,
  },
  adhere: {
    method: 'POST',
    path: '/api/catalogue/agreements/:id/adhesions',
    summary: 'A commune adheres to the agreement (its editors, for their commune; or agency staff)',
    params: IdParams,
    body: AdhesionInput,
    response: Agreement,
    status: 201,
    refusals: rules,
  },

  // ── call-offs ────────────────────────────────────────────────────────────────────────────────────────────────
  callOffs: {
    method: 'GET',
    path: '/api/catalogue/call-offs',
    summary:
      'Call-offs, e.g. ?commune=81001 (a commune user gets their own commune’s only), by agreement, lot or vendor',
    query: CallOffQuery,
    response: z.array(CallOff),
  },
  callOffTotals: {
    method: 'GET',
    path: '/api/catalogue/call-offs/totals',
    summary: 'Ordered amounts by commune, lot and vendor',
    query: CallOffTotalsQuery,
    response: CallOffTotals,
  },
  order: {
    method: 'POST',
    path: '/api/catalogue/call-offs',
    summary: 'Order a listed solution under a lot, for one’s own commune, within the ceilings',
    body: CallOffInput,
    response: CallOff,
    status: 201,
    refusals: rules,
  },
  cancelCallOff: {
    method: 'POST',
    path: '/api/catalogue/call-offs/:id/cancel',
    summary:
      'Cancel a call-off (agency staff; or the ordering commune’s editors within 14 days): it frees the ceilings',
    params: IdParams,
    body: CallOffCancelInput,
    response: CallOff,
    refusals: rules,
  },

  // ── saved searches ───────────────────────────────────────────────────────────────────────────────────────────
  savedSearches: {
    method: 'GET',
    path: '/api/catalogue/saved-searches',
    summary: 'My saved searches',
    response: z.array(SavedSearch),
  },
  saveSearch: {
    method: 'POST',
    path: '/api/catalogue/saved-searches',
    summary: 'Save a search',
    body: SavedSearchInput,
    response: SavedSearch,
    status: 201,
  },
  deleteSavedSearch: {
    method: 'DELETE',
    path: '/api/catalogue/saved-searches/:id',
    summary: 'Delete one of my saved searches',
    params: IdParams,
    response: z.null(),
    status: 204,
  },

  // ── shortlists ───────────────────────────────────────────────────────────────────────────────────────────────
  shortlists: {
    method: 'GET',
    path: '/api/catalogue/shortlists',
    summary: 'The shortlists I may see (my commune’s)',
    response: z.array(Shortlist),
  },
  createShortlist: {
    method: 'POST',
    path: '/api/catalogue/shortlists',
    summary: 'Start a shortlist',
    body: ShortlistInput,
    response: Shortlist,
    status: 201,
    refusals: rules,
  },
  shortlist: {
    method: 'GET',
    path: '/api/catalogue/shortlists/:id',
    summary: 'One shortlist',
    params: IdParams,
    response: Shortlist,
  },
  updateShortlist: {
    method: 'PATCH',
    path: '/api/catalogue/shortlists/:id',
    summary: 'Rename a shortlist or change its solutions',
    params: IdParams,
    body: ShortlistUpdateInput,
    response: Shortlist,
    refusals: rules,
  },
  recordOutcome: {
    method: 'PUT',
    path: '/api/catalogue/shortlists/:id/outcome',
    summary: 'Record the outcome: the chosen solution and why, or why none',
    params: IdParams,
    body: OutcomeInput,
    response: Shortlist,
    refusals: rules,
  },
  deleteShortlist: {
    method: 'DELETE',
    path: '/api/catalogue/shortlists/:id',
    summary: 'Delete a shortlist',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
});
