import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import type { WatchItem, WatchItemInput } from '../../../domain/watch/watch-items.ts';
import { api } from '../../lib/api.ts';

/** The technology watch: the feed, new items, promotion into the catalogue. */
export const watchKeys = { all: ['watch'] as const, feed: (tag: string) => ['watch', 'feed', tag] as const };

export function useWatchFeed(tag: string) {
  return useQuery({ queryKey: watchKeys.feed(tag), queryFn: () => api.get<WatchItem[]>('/api/watch/items', { tag }) });
}

export function useCreateWatchItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WatchItemInput>) => api.post<WatchItem>('/api/watch/items', input),
    onSuccess: () => client.invalidateQueries({ queryKey: watchKeys.all }),
  });
}

export function usePromote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Solution>(`/api/watch/items/${id}/promote`, {}),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: watchKeys.all });
      void client.invalidateQueries({ queryKey: ['catalogue'] });
    },
  });
}

export function useUpdateWatchItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; item: Partial<WatchItemInput> }) =>
      api.put<WatchItem>(`/api/watch/items/${input.id}`, input.item),
    onSuccess: () => client.invalidateQueries({ queryKey: watchKeys.all }),
  });
}
