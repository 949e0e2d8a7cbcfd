import { z } from 'zod';
import { catalogueContract } from '../../domain/catalogue/catalogue.contract.ts';
import { registerContract } from '../http/contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { renderShortlist } from './shortlist-export.render.ts';

const IdParams = z.object({ id: z.uuid() });
const c = catalogueContract;
const catalogueRead = { action: 'read', resource: 'catalogue' } as const;
const catalogueCreate = { action: 'create', resource: 'catalogue' } as const;
const catalogueUpdate = { action: 'update', resource: 'catalogue' } as const;
const shortlistAccess = (action: 'read' | 'create' | 'update' | 'delete') =>
  ({ action, resource: 'catalogue_shortlist' }) as const;

/**
 * The framework-agreement catalogue, registered from its contract (src/domain/catalogue/catalogue.contract.ts), one
 * use case at a time: thin, the policy's access then the service. The two binary answers (an image, a shortlist's
 * export) stay plain routes.
 */
export async function catalogueRoutes(app: ApiInstance, options: { catalogue: CatalogueService }) {
  const { catalogue } = options;
  registerSolutionRoutes(app, catalogue);
  registerAgreementRoutes(app, catalogue);
  registerCallOffRoutes(app, catalogue);
  registerSavedSearchRoutes(app, catalogue);
  registerShortlistRoutes(app, catalogue);
}

/** Solutions and search, with a solution's images. */
function registerSolutionRoutes(app: ApiInstance, catalogue: CatalogueService) {
  registerContract(app, c.search, catalogueRead, (r) => catalogue.search(r.actor, r.query));
  registerContract(app, c.solutions, catalogueRead, (r) =>
    catalogue.list(r.actor, { status: r.query.status, ...(r.query.category ? { category: r.query.category } : {}) }),
  );
  registerContract(app, c.createSolution, catalogueCreate, (r) => catalogue.createSolution(r.ctx, r.body));
  registerContract(app, c.solution, catalogueRead, (r) => catalogue.solution(r.actor, r.params.id));
  registerContract(app, c.updateSolution, catalogueUpdate, (r) => catalogue.updateSolution(r.ctx, r.params.id, r.body));
  registerContract(app, c.addImage, catalogueUpdate, (r) => catalogue.addImage(r.ctx, r.params.id, r.body));
  registerContract(app, c.removeImage, catalogueUpdate, (r) =>
    catalogue.removeImage(r.ctx, r.params.id, r.params.imageId),
  );
  registerContract(app, c.compare, catalogueRead, (r) => catalogue.compare(r.actor, r.query.ids));
  registerContract(app, c.adoption, catalogueRead, (r) => catalogue.adoption(r.actor, r.query));

  app.get(
    '/api/catalogue/images/:id',
    {
      config: { access: catalogueRead },
      schema: {
        tags: ['catalogue'],
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
}

/** Framework agreements, their lots, and a commune's adhesion. */
function registerAgreementRoutes(app: ApiInstance, catalogue: CatalogueService) {
  registerContract(app, c.agreements, catalogueRead, (r) => catalogue.agreements(r.actor));
  registerContract(app, c.createAgreement, catalogueCreate, (r) => catalogue.createAgreement(r.ctx, r.body));
  registerContract(app, c.agreement, catalogueRead, (r) => catalogue.agreement(r.actor, r.params.id));
  registerContract(app, c.updateAgreement, catalogueUpdate, (r) =>
    catalogue.updateAgreement(r.ctx, r.params.id, r.body),
  );
  registerContract(app, c.createLot, catalogueCreate, (r) => catalogue.createLot(r.ctx, r.params.id, r.body));
  registerContract(app, c.updateLot, catalogueUpdate, (r) => catalogue.updateLot(r.ctx, r.params.id, r.body));
  registerContract(app, c.adhere, { action: 'create', resource: 'catalogue_adhesion' }, (r) =>
    catalogue.adhere(r.ctx, r.params.id, r.body.communeNis),
  );
}

/** Call-offs under an agreement: the list, the totals, an order, a cancellation. */
function registerCallOffRoutes(app: ApiInstance, catalogue: CatalogueService) {
  registerContract(app, c.callOffs, { action: 'read', resource: 'call_off' }, (r) =>
    catalogue.callOffs(r.actor, r.query),
  );
  registerContract(app, c.callOffTotals, { action: 'read', resource: 'call_off' }, (r) =>
    catalogue.callOffTotals(r.actor, r.query.agreement ? { agreement: r.query.agreement } : {}),
  );
  registerContract(app, c.order, { action: 'create', resource: 'call_off' }, (r) => catalogue.order(r.ctx, r.body));
  registerContract(app, c.cancelCallOff, { action: 'delete', resource: 'call_off' }, (r) =>
    catalogue.cancelCallOff(r.ctx, r.params.id, r.body),
  );
}

/** A user's saved searches. */
function registerSavedSearchRoutes(app: ApiInstance, catalogue: CatalogueService) {
  registerContract(app, c.savedSearches, { action: 'read', resource: 'catalogue_search' }, (r) =>
    catalogue.savedSearches(r.actor),
  );
  registerContract(app, c.saveSearch, { action: 'create', resource: 'catalogue_search' }, (r) =>
    catalogue.saveSearch(r.ctx, r.body),
  );
  registerContract(app, c.deleteSavedSearch, { action: 'delete', resource: 'catalogue_search' }, async (r) => {
    await catalogue.deleteSavedSearch(r.ctx, r.params.id);
    return null;
  });
}

/** Shortlists of solutions, their outcome, and their export compared fact by fact. */
function registerShortlistRoutes(app: ApiInstance, catalogue: CatalogueService) {
  registerContract(app, c.shortlists, shortlistAccess('read'), (r) => catalogue.shortlists(r.actor));
  registerContract(app, c.createShortlist, shortlistAccess('create'), (r) => catalogue.createShortlist(r.ctx, r.body));
  registerContract(app, c.shortlist, shortlistAccess('read'), (r) => catalogue.shortlist(r.actor, r.params.id));
  registerContract(app, c.updateShortlist, shortlistAccess('update'), (r) =>
    catalogue.updateShortlist(r.ctx, r.params.id, r.body),
  );
  registerContract(app, c.recordOutcome, shortlistAccess('update'), (r) =>
    catalogue.recordOutcome(r.ctx, r.params.id, r.body),
  );
  registerContract(app, c.deleteShortlist, shortlistAccess('delete'), async (r) => {
    await catalogue.deleteShortlist(r.ctx, r.params.id);
    return null;
  });

  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      `/api/catalogue/shortlists/:id/export.${format}`,
      {
        config: { access: shortlistAccess('read') },
        schema: {
          tags: ['catalogue'],
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
