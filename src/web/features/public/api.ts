import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { openDataContract } from '../../../domain/open-data/open-data.contract.ts';
import type { ApiKeyInput } from '../../../domain/public/api-keys.ts';
import { apiKeysContract, publicContract as c } from '../../../domain/public/public.contract.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

/**
 * The public side, typed from its contracts (src/domain/public/public.contract.ts, open-data.contract.ts). The front
 * page's overview is called without its contract (`front-page-api.ts`), to keep zod off the first page.
 */
export function usePublicProgramme(nisCode: string) {
  return useQuery(endpointQuery(c.programme, { params: { nisCode } }));
}

export function usePublicCategories() {
  return useQuery(endpointQuery(c.categories));
}

export function usePublicCategory(category: string) {
  return useQuery(endpointQuery(c.category, { params: { category } }));
}

export function useOpenDatasets() {
  return useQuery(endpointQuery(openDataContract.datasets));
}

export function useApiKeys() {
  return useQuery(endpointQuery(apiKeysContract.list));
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ApiKeyInput>) => call(apiKeysContract.create, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [apiKeysContract.list.feature] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(apiKeysContract.revoke, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [apiKeysContract.list.feature] }),
  });
}
