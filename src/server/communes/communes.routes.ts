import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BoundaryCollection,
  CommuneDetail,
  CommuneListQuery,
  CommuneProfileInput,
  CommuneSummary,
  Site,
  SiteInput,
} from '../../domain/communes/commune.ts';
import { NisCode, QueryFlag } from '../../domain/shared/schemas.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { CommunesService } from './communes.service.ts';

const NisParams = z.object({ nisCode: NisCode });
const SiteParams = z.object({ id: z.uuid() });
const communeInUrl = (request: FastifyRequest) => (request.params as { nisCode?: string }).nisCode;

export async function communesRoutes(app: ApiInstance, options: { communes: CommunesService }) {
  const { communes } = options;

  app.get(
    '/api/communes',
    {
      // Reference facts as JSON we write, never a page: the headers only a document obeys are not sent.
      config: { access: { action: 'read', resource: 'commune' }, securityHeaders: 'subresource' },
      schema: {
        tags: ['communes'],
        summary: 'The communes of the province (current ones; merged ones with includeHistorical=true)',
        querystring: CommuneListQuery,
        response: { 200: z.array(CommuneSummary), ...errorResponses },
      },
    },
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
  );

  app.get(
    '/api/communes/boundaries',
    {
      config: { access: { action: 'read', resource: 'commune' } },
      schema: {
        tags: ['communes'],
        summary: 'Commune boundaries as a GeoJSON FeatureCollection (WGS84), for maps',
        querystring: z.object({ includeHistorical: QueryFlag.optional() }),
        response: { 200: BoundaryCollection, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return communes.boundaries({ includeHistorical: request.query.includeHistorical === 'true' });
    },
  );

  app.get(
    '/api/communes/:nisCode',
    {
      config: { access: { action: 'read', resource: 'commune', commune: communeInUrl } },
      schema: {
        tags: ['communes'],
        summary: 'One commune, with its profile, sites and boundary',
        params: NisParams,
        response: { 200: CommuneDetail, ...errorResponses },
      },
    },
    async (request) => communes.get(request.actor, request.params.nisCode),
  );

  app.patch(
    '/api/communes/:nisCode',
    {
      config: { access: { action: 'update', resource: 'commune', commune: communeInUrl } },
      schema: {
        tags: ['communes'],
        summary: 'Edit a commune’s profile (description, website, contact)',
        params: NisParams,
        body: CommuneProfileInput,
        response: { 200: CommuneDetail, ...errorResponses },
      },
    },
    async (request) => communes.updateProfile(request.ctx, request.params.nisCode, request.body),
  );

  app.get(
    '/api/communes/:nisCode/sites',
    {
      config: { access: { action: 'read', resource: 'site', commune: communeInUrl } },
      schema: {
        tags: ['communes'],
        summary: 'Sites inside a commune that missions can serve',
        params: NisParams,
        response: { 200: z.array(Site), ...errorResponses },
      },
    },
    async (request) => communes.listSites(request.params.nisCode),
  );

  app.post(
    '/api/communes/:nisCode/sites',
    {
      config: { access: { action: 'create', resource: 'site', commune: communeInUrl } },
      schema: {
        tags: ['communes'],
        summary: 'Add a site to a commune',
        params: NisParams,
        body: SiteInput,
        response: { 201: Site, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await communes.createSite(request.ctx, request.params.nisCode, request.body)),
  );

  app.patch(
    '/api/sites/:id',
    {
      config: { access: { action: 'update', resource: 'site' } },
      schema: {
        tags: ['communes'],
        summary: 'Edit a site',
        params: SiteParams,
        body: SiteInput.partial(),
        response: { 200: Site, ...errorResponses },
      },
    },
    async (request) => communes.updateSite(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/sites/:id',
    {
      config: { access: { action: 'delete', resource: 'site' } },
      schema: {
        tags: ['communes'],
        summary: 'Remove a site',
        params: SiteParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await communes.deleteSite(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
