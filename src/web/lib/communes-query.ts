import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BoundaryCollection, CommuneSummary } from '../../domain/communes/commune.ts';
import { api } from './api.ts';

/**
 * The communes list, shared by several features (the province page, the users' commune select, the audit
 * filters): one cache entry per variant.
 */
export const communeKeys = {
  all: ['communes'] as const,
  list: (includeHistorical: boolean) => ['communes', 'list', { includeHistorical }] as const,
  detail: (nisCode: string) => ['communes', 'detail', nisCode] as const,
  boundaries: ['communes', 'boundaries'] as const,
};

export function useCommuneList(options: { includeHistorical?: boolean } = {}) {
  const includeHistorical = options.includeHistorical ?? false;
  return useQuery({
    queryKey: communeKeys.list(includeHistorical),
    queryFn: () => api.get<CommuneSummary[]>('/api/communes', { includeHistorical: includeHistorical || undefined }),
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
    queryKey: communeKeys.boundaries,
    queryFn: () => api.get<BoundaryCollection>('/api/communes/boundaries'),
    staleTime: 60 * 60_000,
  });
}
