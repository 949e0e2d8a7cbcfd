import { z } from 'zod';
import { Adoption, AdoptionQuery } from '../../domain/catalogue/adoption.ts';
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
  LotInput,
} from '../../domain/catalogue/agreements.ts';
import { ImageUploadInput } from '../../domain/catalogue/images.ts';
import { SavedSearch, SavedSearchInput, SearchQuery, SearchResult } from '../../domain/catalogue/search.ts';
import { OutcomeInput, Shortlist, ShortlistInput, ShortlistUpdateInput } from '../../domain/catalogue/shortlists.ts';
import { Solution, SolutionInput, SolutionStatus, SolutionUpdateInput } from '../../domain/catalogue/solutions.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import type { Action, ResourceType } from '../auth/policy.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { renderShortlist } from './shortlist-export.render.ts';

const IdParams = z.object({ id: z.uuid() });
const withRules = {
  ...errorResponses,
  409: ApiError.describe('Conflict with the current state (reference or lot number taken, already adherent)'),
  422: ApiError.describe('A rule is broken (e.g. LOT_CEILING_EXCEEDED, SOLUTION_NOT_LISTED): the message names it'),
} as const;
const access = (action: Action, resource: ResourceType) => ({ access: { action, resource } });
const tags = ['catalogue'];
const statusList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : String(v).split(',')),
  z.array(SolutionStatus).max(4),
);

/**
 * The framework-agreement catalogue. Agency staff edit solutions, agreements and lots; every signed-in user searches
 * and reads; commune editors adhere and order for their own commune; shortlists are kept per commune.
 */
export async function catalogueRoutes(app: ApiInstance, options: { catalogue: CatalogueService }) {
  const { catalogue } = options;

  // ── solutions and search ─────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/catalogue/search',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'Full-text French search with facets and their counts (accents, plurals, synonyms, typos)',
        querystring: SearchQuery,
        response: { 200: SearchResult, ...errorResponses },
      },
    },
    async (request) => catalogue.search(request.actor, request.query),
  );

  app.get(
    '/api/catalogue/solutions',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary:
          'Solutions by status and category, e.g. ?status=listed&category=public-lighting: what the implementation feature offers as call-offs',
        querystring: z.strictObject({ status: statusList, category: z.string().trim().max(60).optional() }),
        response: { 200: z.array(Solution), ...errorResponses },
      },
    },
    async (request) =>
      catalogue.list(request.actor, {
        status: request.query.status,
        ...(request.query.category ? { category: request.query.category } : {}),
      }),
  );

  app.post(
    '/api/catalogue/solutions',
    {
      config: access('create', 'catalogue'),
      schema: {
        tags,
        summary: 'Add a solution (agency staff)',
        body: SolutionInput,
        response: { 201: Solution, ...withRules },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.createSolution(request.ctx, request.body)),
  );

  app.get(
    '/api/catalogue/solutions/:id',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'One solution with its lots and the communes using it',
        params: IdParams,
        response: { 200: Solution, ...errorResponses },
      },
    },
    async (request) => catalogue.solution(request.actor, request.params.id),
  );

  app.patch(
    '/api/catalogue/solutions/:id',
    {
      config: access('update', 'catalogue'),
      schema: {
        tags,
        summary: 'Change a solution, its status included (watch → evaluated → listed → withdrawn)',
        params: IdParams,
        body: SolutionUpdateInput,
        response: { 200: Solution, ...withRules },
      },
    },
    async (request) => catalogue.updateSolution(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/catalogue/solutions/:id/images',
    {
      config: access('update', 'catalogue'),
      schema: {
        tags,
        summary:
          'Upload the logo (replaces the previous one; at most 128 KiB) or a screenshot (at most 4, 512 KiB each): PNG, JPEG or WebP, base64',
        params: IdParams,
        body: ImageUploadInput,
        response: { 201: Solution, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.addImage(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/catalogue/solutions/:id/images/:imageId',
    {
      config: access('update', 'catalogue'),
      schema: {
        tags,
        summary: 'Remove the logo or a screenshot',
        params: z.object({ id: z.uuid(), imageId: z.uuid() }),
        response: { 200: Solution, ...errorResponses },
      },
    },
    async (request) => catalogue.removeImage(request.ctx, request.params.id, request.params.imageId),
  );

  app.get(
    '/api/catalogue/images/:id',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary:
          'An uploaded logo or screenshot (from the app’s own origin; immutable: a new upload has a new address)',
        params: IdParams,
        produces: ['image/png', 'image/jpeg', 'image/webp'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const image = await catalogue.image(request.actor, request.params.id);
      return reply
        .header('content-type', image.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(image.content as never);
    },
  );

  app.get(
    '/api/catalogue/compare',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'Two to four solutions side by side (ids comma-separated)',
        querystring: z.strictObject({
          ids: z.preprocess(
            (v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v),
            z.array(z.uuid()).min(1).max(10),
          ),
        }),
        response: { 200: z.array(Solution), ...withRules },
      },
    },
    async (request) => catalogue.compare(request.actor, request.query.ids),
  );

  app.get(
    '/api/catalogue/adoption',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'Which communes use which solutions (of one solution or one category): the adoption map',
        querystring: AdoptionQuery,
        response: { 200: Adoption, ...errorResponses },
      },
    },
    async (request) => catalogue.adoption(request.actor, request.query),
  );

  // ── agreements, lots, adhesion ───────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/catalogue/agreements',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'Framework agreements with lots, ceilings and consumption',
        response: { 200: z.array(Agreement), ...errorResponses },
      },
    },
    async (request) => catalogue.agreements(request.actor),
  );

  app.post(
    '/api/catalogue/agreements',
    {
      config: access('create', 'catalogue'),
      schema: {
        tags,
        summary: 'Add a framework agreement (agency staff)',
        body: AgreementInput,
        response: { 201: Agreement, ...withRules },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.createAgreement(request.ctx, request.body)),
  );

  app.get(
    '/api/catalogue/agreements/:id',
    {
      config: access('read', 'catalogue'),
      schema: {
        tags,
        summary: 'One framework agreement',
        params: IdParams,
        response: { 200: Agreement, ...errorResponses },
      },
    },
    async (request) => catalogue.agreement(request.actor, request.params.id),
  );

  app.patch(
    '/api/catalogue/agreements/:id',
    {
      config: access('update', 'catalogue'),
      schema: {
        tags,
        summary:
          'Change an agreement’s title, description, period or ceiling (the ceiling never below what was ordered, the period covering its call-offs)',
        params: IdParams,
        body: AgreementUpdateInput,
        response: { 200: Agreement, ...withRules },
      },
    },
    async (request) => catalogue.updateAgreement(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/catalogue/agreements/:id/lots',
    {
      config: access('create', 'catalogue'),
      schema: {
        tags,
        summary: 'Add a lot: awarded vendor, ceiling, the solutions it offers',
        params: IdParams,
        body: LotInput,
        response: { 201: Agreement, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.createLot(request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/api/catalogue/lots/:id',
    {
      config: access('update', 'catalogue'),
      schema: {
        tags,
        summary: 'Change a lot (its ceiling never below what was ordered)',
        params: IdParams,
        body: LotInput,
        response: { 200: Agreement, ...withRules },
      },
    },
    async (request) => catalogue.updateLot(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/catalogue/agreements/:id/adhesions',
    {
      config: access('create', 'catalogue_adhesion'),
      schema: {
        tags,
        summary: 'A commune adheres to the agreement (its editors, for their commune; or agency staff)',
        params: IdParams,
        body: AdhesionInput,
        response: { 201: Agreement, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await catalogue.adhere(request.ctx, request.params.id, request.body.communeNis)),
  );

  // ── call-offs ────────────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/catalogue/call-offs',
    {
      config: access('read', 'call_off'),
      schema: {
        tags,
        summary:
          'Call-offs, e.g. ?commune=81001 (a commune user gets their own commune’s only), by agreement, lot or vendor',
        querystring: CallOffQuery,
        response: { 200: z.array(CallOff), ...errorResponses },
      },
    },
    async (request) => catalogue.callOffs(request.actor, request.query),
  );

  app.get(
    '/api/catalogue/call-offs/totals',
    {
      config: access('read', 'call_off'),
      schema: {
        tags,
        summary: 'Ordered amounts by commune, lot and vendor',
        querystring: z.strictObject({ agreement: z.uuid().optional() }),
        response: { 200: CallOffTotals, ...errorResponses },
      },
    },
    async (request) =>
      catalogue.callOffTotals(request.actor, request.query.agreement ? { agreement: request.query.agreement } : {}),
  );

  app.post(
    '/api/catalogue/call-offs',
    {
      config: access('create', 'call_off'),
      schema: {
        tags,
        summary: 'Order a listed solution under a lot, for one’s own commune, within the ceilings',
        body: CallOffInput,
        response: { 201: CallOff, ...withRules },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.order(request.ctx, request.body)),
  );

  app.post(
    '/api/catalogue/call-offs/:id/cancel',
    {
      config: access('delete', 'call_off'),
      schema: {
        tags,
        summary:
          'Cancel a call-off (agency staff; or the ordering commune’s editors within 14 days): it frees the ceilings',
        params: IdParams,
        body: CallOffCancelInput,
        response: { 200: CallOff, ...withRules },
      },
    },
    async (request) => catalogue.cancelCallOff(request.ctx, request.params.id, request.body),
  );

  // ── saved searches ───────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/catalogue/saved-searches',
    {
      config: access('read', 'catalogue_search'),
      schema: { tags, summary: 'My saved searches', response: { 200: z.array(SavedSearch), ...errorResponses } },
    },
    async (request) => catalogue.savedSearches(request.actor),
  );

  app.post(
    '/api/catalogue/saved-searches',
    {
      config: access('create', 'catalogue_search'),
      schema: {
        tags,
        summary: 'Save a search',
        body: SavedSearchInput,
        response: { 201: SavedSearch, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await catalogue.saveSearch(request.ctx, request.body)),
  );

  app.delete(
    '/api/catalogue/saved-searches/:id',
    {
      config: access('delete', 'catalogue_search'),
      schema: {
        tags,
        summary: 'Delete one of my saved searches',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await catalogue.deleteSavedSearch(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── shortlists ───────────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/catalogue/shortlists',
    {
      config: access('read', 'catalogue_shortlist'),
      schema: {
        tags,
        summary: 'The shortlists I may see (my commune’s)',
        response: { 200: z.array(Shortlist), ...errorResponses },
      },
    },
    async (request) => catalogue.shortlists(request.actor),
  );

  app.post(
    '/api/catalogue/shortlists',
    {
      config: access('create', 'catalogue_shortlist'),
      schema: { tags, summary: 'Start a shortlist', body: ShortlistInput, response: { 201: Shortlist, ...withRules } },
    },
    async (request, reply) => reply.status(201).send(await catalogue.createShortlist(request.ctx, request.body)),
  );

  app.get(
    '/api/catalogue/shortlists/:id',
    {
      config: access('read', 'catalogue_shortlist'),
      schema: { tags, summary: 'One shortlist', params: IdParams, response: { 200: Shortlist, ...errorResponses } },
    },
    async (request) => catalogue.shortlist(request.actor, request.params.id),
  );

  app.patch(
    '/api/catalogue/shortlists/:id',
    {
      config: access('update', 'catalogue_shortlist'),
      schema: {
        tags,
        summary: 'Rename a shortlist or change its solutions',
        params: IdParams,
        body: ShortlistUpdateInput,
        response: { 200: Shortlist, ...withRules },
      },
    },
    async (request) => catalogue.updateShortlist(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/catalogue/shortlists/:id/outcome',
    {
      config: access('update', 'catalogue_shortlist'),
      schema: {
        tags,
        summary: 'Record the outcome: the chosen solution and why, or why none',
        params: IdParams,
        body: OutcomeInput,
        response: { 200: Shortlist, ...withRules },
      },
    },
    async (request) => catalogue.recordOutcome(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/catalogue/shortlists/:id',
    {
      config: access('delete', 'catalogue_shortlist'),
      schema: { tags, summary: 'Delete a shortlist', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await catalogue.deleteShortlist(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/catalogue/shortlists/:id/export.${format}`,
      {
        config: access('read', 'catalogue_shortlist'),
        schema: {
          tags,
          summary: `The shortlist compared fact by fact (${format.toUpperCase()})`,
          params: IdParams,
          querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
          produces: [
            format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const data = await catalogue.shortlistWithSolutions(request.actor, request.params.id);
        const lang = request.query.lang ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr');
        const file = await renderShortlist(format, data, lang);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body as never);
      },
    );
  }
}
