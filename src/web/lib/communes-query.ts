import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CommuneSummary } from '../../domain/communes/commune.ts';
import { communesContract } from '../../domain/communes/communes.contract.ts';
import { endpointKey, endpointQuery } from './contract-client.ts';

/**
 * The communes list, shared by several features (the province page, the users' commune select, the audit
 * filters): one cache entry per variant, keyed by the communes contract.
 */
export const communeKeys = {
  all: [communesContract.list.feature] as const,
  detail: (nisCode: string) => endpointKey(communesContract.get, { params: { nisCode } }),
};

export function useCommuneList(options: { includeHistorical?: boolean } = {}) {
  const includeHistorical = options.includeHistorical ?? false;
  return useQuery({
    ...endpointQuery(communesContract.list, { query: { includeHistorical: includeHistorical ? 'true' : undefined } }),
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
  return useQuery({ ...endpointQuery(communesContract.boundaries), staleTime: 60 * 60_000 });
}
