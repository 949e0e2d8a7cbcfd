import type { FastifyReply, FastifyRequest } from 'fastify';
import { communesContract } from '../../domain/communes/communes.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { CommunesService } from './communes.service.ts';

const communeInUrl = (request: FastifyRequest) => (request.params as { nisCode?: string }).nisCode;

export async function communesRoutes(app: ApiInstance, options: { communes: CommunesService }) {
  const { communes } = options;
  const c = communesContract;

  registerContract(
    app,
    c.list,
    { action: 'read', resource: 'commune' },
    async (request, reply) => {
      const answer = await communes.listAnswer({
        includeHistorical: request.query.includeHistorical === 'true',
        ...(request.query.arrondissement ? { arrondissement: request.query.arrondissement } : {}),
      });
      // Already checked against the schema and serialised (CommunesService.listAnswer): sent as it is.
      const raw = reply as unknown as FastifyReply;
      raw.header('etag', answer.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === answer.etag) return raw.code(304).send();
      return raw.type('application/json; charset=utf-8').send(answer.json);
    },
    // Reference facts as JSON we write, never a page: the headers only a document obeys are not sent.
    { securityHeaders: 'subresource' },
  );

  registerContract(app, c.boundaries, { action: 'read', resource: 'commune' }, (request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return communes.boundaries({ includeHistorical: request.query.includeHistorical === 'true' });
  });

  registerContract(app, c.get, { action: 'read', resource: 'commune', commune: communeInUrl }, (request) =>
    communes.get(request.actor, request.params.nisCode),
  );
  registerContract(app, c.updateProfile, { action: 'update', resource: 'commune', commune: communeInUrl }, (request) =>
    communes.updateProfile(request.ctx, request.params.nisCode, request.body),
  );
  registerContract(
    app,
    c.confirmDesignation,
    { action: 'update', resource: 'commune_designation', commune: communeInUrl },
    (request) => communes.confirmDesignation(request.ctx, request.params.nisCode, request.body),
  );
  registerContract(app, c.sites, { action: 'read', resource: 'site', commune: communeInUrl }, (request) =>
    communes.listSites(request.params.nisCode),
  );
  registerContract(app, c.createSite, { action: 'create', resource: 'site', commune: communeInUrl }, (request) =>
    communes.createSite(request.ctx, request.params.nisCode, request.body),
  );
  registerContract(app, c.updateSite, { action: 'update', resource: 'site' }, (request) =>
    communes.updateSite(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteSite, { action: 'delete', resource: 'site' }, async (request) => {
    await communes.deleteSite(request.ctx, request.params.id);
    return null;
  });
}
