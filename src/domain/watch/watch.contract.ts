import { z } from 'zod';
import { Solution } from '../catalogue/solutions.ts';
import { defineContract } from '../shared/contract.ts';
import { PromoteInput, WatchFeedQuery, WatchItem, WatchItemInput } from './watch-items.ts';

const IdParams = z.object({ id: z.uuid() });

/** The technology watch (agency staff): items, the feed, promotion into the catalogue. */
export const watchContract = defineContract('watch', {
  feed: {
    method: 'GET',
    path: '/api/watch/items',
    summary: 'The feed of watch items, most recent first (by tag or category)',
    query: WatchFeedQuery,
    response: z.array(WatchItem),
  },
  create: {
    method: 'POST',
    path: '/api/watch/items',
    summary: 'Record a watch item',
    body: WatchItemInput,
    response: WatchItem,
    status: 201,
  },
  item: {
    method: 'GET',
    path: '/api/watch/items/:id',
    summary: 'One watch item',
    params: IdParams,
    response: WatchItem,
  },
  update: {
    method: 'PUT',
    path: '/api/watch/items/:id',
    summary: 'Change a watch item (assessment, recommendation, links…)',
    params: IdParams,
    body: WatchItemInput,
    response: WatchItem,
  },
  delete: {
    method: 'DELETE',
    path: '/api/watch/items/:id',
    summary: 'Delete a watch item',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
  promote: {
    method: 'POST',
    path: '/api/watch/items/:id/promote',
    summary: 'Promote the watched product into the catalogue: a solution under watch, prefilled from the item',
    params: IdParams,
    body: PromoteInput,
    response: Solution,
    status: 201,
    refusals: { 409: 'The item has no category yet' },
  },
});
