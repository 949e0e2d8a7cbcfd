import { z } from 'zod';
import { Solution } from '../../domain/catalogue/solutions.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import { PromoteInput, WatchFeedQuery, WatchItem, WatchItemInput } from '../../domain/watch/watch-items.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { WatchService } from './watch.service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['watch'];
const read = { access: { action: 'read', resource: 'watch' } } as const;
const create = { access: { action: 'create', resource: 'watch' } } as const;
const update = { access: { action: 'update', resource: 'watch' } } as const;
const remove = { access: { action: 'delete', resource: 'watch' } } as const;

/** The technology watch (agency staff): items, the feed, promotion into the catalogue. */
export async function watchRoutes(app: ApiInstance, options: { watch: WatchService }) {
  const { watch } = options;

  app.get(
    '/api/watch/items',
    {
      config: read,
      schema: {
        tags,
        summary: 'The feed of watch items, most recent first (by tag or category)',
        querystring: WatchFeedQuery,
        response: { 200: z.array(WatchItem), ...errorResponses },
      },
    },
    async (request) => watch.feed(request.actor, request.query),
  );

  app.post(
    '/api/watch/items',
    {
      config: create,
      schema: {
        tags,
        summary: 'Record a watch item',
        body: WatchItemInput,
        response: { 201: WatchItem, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await watch.create(request.ctx, request.body)),
  );

  app.get(
    '/api/watch/items/:id',
    {
      config: read,
      schema: { tags, summary: 'One watch item', params: IdParams, response: { 200: WatchItem, ...errorResponses } },
    },
    async (request) => watch.item(request.actor, request.params.id),
  );

  app.put(
    '/api/watch/items/:id',
    {
      config: update,
      schema: {
        tags,
        summary: 'Change a watch item (assessment, recommendation, links…)',
        params: IdParams,
        body: WatchItemInput,
        response: { 200: WatchItem, ...errorResponses },
      },
    },
    async (request) => watch.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/watch/items/:id',
    {
      config: remove,
      schema: {
        tags,
        summary: 'Delete a watch item',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await watch.delete(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/watch/items/:id/promote',
    {
      config: create,
      schema: {
        tags,
        summary: 'Promote the watched product into the catalogue: a solution under watch, prefilled from the item',
        params: IdParams,
        body: PromoteInput,
        response: { 201: Solution, ...errorResponses, 409: ApiError.describe('The item has no category yet') },
      },
    },
    async (request, reply) => reply.status(201).send(await watch.promote(request.ctx, request.params.id, request.body)),
  );
}
