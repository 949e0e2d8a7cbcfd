import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CommuneSummary } from '../../domain/communes/commune.ts';
import type { communesContract } from '../../domain/communes/communes.contract.ts';
import { request, withQuery } from './api.ts';

type Answer<K extends keyof typeof communesContract> = z.infer<(typeof communesContract)[K]['response']>;

/**
 * The communes' endpoints the first pages call (the province page, the front page's map), named without their
 * contract: a contract carries its zod schemas, which the first load must not download (decision 105).
 * `communes-query.test.ts` checks they are the contract's: same paths, same query keys.
 */
export const COMMUNES_ENDPOINTS = {
  list: { path: '/api/communes', key: ['communes', 'list'] },
  boundaries: { path: '/api/communes/boundaries', key: ['communes', 'boundaries'] },
  get: { path: '/api/communes/:nisCode', key: ['communes', 'get'] },
} as const;

/**
 * The communes list, shared by several features (the province page, the users' commune select, the audit
 * filters): one cache entry per variant, keyed as the communes contract keys it.
 */
export const communeKeys = {
  all: ['communes'] as const,
  list: (includeHistorical: boolean) =>
    includeHistorical
      ? ([...COMMUNES_ENDPOINTS.list.key, { query: { includeHistorical: 'true' } }] as const)
      : COMMUNES_ENDPOINTS.list.key,
  detail: (nisCode: string) => [...COMMUNES_ENDPOINTS.get.key, { params: { nisCode } }] as const,
};

export function useCommuneList(options: { includeHistorical?: boolean } = {}) {
  const includeHistorical = options.includeHistorical ?? false;
  return useQuery({
    queryKey: communeKeys.list(includeHistorical),
    queryFn: () =>
      request<Answer<'list'>>(
        'GET',
        withQuery(COMMUNES_ENDPOINTS.list.path, { includeHistorical: includeHistorical ? 'true' : undefined }),
      ),
    staleTime: 10 * 60_000,
    // Switching the variant keeps showing the previous list (and the table's sort and filters) until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

/** Communes sorted by name in French order, for selects. */
export function communeOptions(communes: CommuneSummary[] | undefined): { value: string; label: string }[] {
  return [...(communes ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((c) => ({ value: c.nisCode, label: c.name }));
}

/** The communes' boundaries for the province maps (the communes page, the diagnostic's maturity map…). */
export function useBoundaries() {
  return useQuery({
    queryKey: COMMUNES_ENDPOINTS.boundaries.key,
    queryFn: () => request<Answer<'boundaries'>>('GET', COMMUNES_ENDPOINTS.boundaries.path),
    staleTime: 60 * 60_000,
  });
}
