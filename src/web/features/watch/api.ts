import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { catalogueContract } from '../../../domain/catalogue/catalogue.contract.ts';
import { watchContract as c } from '../../../domain/watch/watch.contract.ts';
import type { WatchItemInput } from '../../../domain/watch/watch-items.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

/** The technology watch, typed from its contract (src/domain/watch/watch.contract.ts): the feed, items, promotion. */
export type WatchItemBody = z.input<typeof WatchItemInput>;

export function useWatchFeed(tag: string) {
  return useQuery(endpointQuery(c.feed, { query: tag ? { tag } : {} }));
}

export function useCreateWatchItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WatchItemBody) => call(c.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [c.feed.feature] }),
  });
}

export function usePromote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(c.promote, { params: { id }, body: {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [c.feed.feature] });
      // The promoted solution is new in the catalogue: its queries are read again.
      void client.invalidateQueries({ queryKey: [catalogueContract.solutions.feature] });
    },
  });
}

export function useUpdateWatchItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; item: WatchItemBody }) =>
      call(c.update, { params: { id: input.id }, body: input.item }),
    onSuccess: () => client.invalidateQueries({ queryKey: [c.feed.feature] }),
  });
}
