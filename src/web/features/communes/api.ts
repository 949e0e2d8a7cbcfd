import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoundaryFeature,
  CommuneProfileInput,
  OfficialDesignationInput,
  SiteInput,
} from '../../../domain/communes/commune.ts';
import { communesContract } from '../../../domain/communes/communes.contract.ts';
import { communeKeys } from '../../lib/communes-query.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

export type { BoundaryCollection, BoundaryFeature } from '../../../domain/communes/commune.ts';
export type BoundaryProperties = BoundaryFeature['properties'];

export type ProfileBody = z.input<typeof CommuneProfileInput>;
export type SiteBody = z.input<typeof SiteInput>;

export { useBoundaries } from '../../lib/communes-query.ts';

export function useCommune(nisCode: string) {
  return useQuery(endpointQuery(communesContract.get, { params: { nisCode } }));
}

export function useUpdateProfile(nisCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileBody) => call(communesContract.updateProfile, { params: { nisCode }, body: input }),
    onSuccess: (detail) => queryClient.setQueryData(communeKeys.detail(nisCode), detail),
  });
}

/** The designation also shows in the communes list (the admins' list of those still to check): both are refreshed. */
export function useConfirmDesignation(nisCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OfficialDesignationInput) =>
      call(communesContract.confirmDesignation, { params: { nisCode }, body: input }),
    onSuccess: (detail) => {
      queryClient.setQueryData(communeKeys.detail(nisCode), detail);
      return queryClient.invalidateQueries({ queryKey: communeKeys.list(false) });
    },
  });
}

/** Site changes: the commune page shows the sites of the detail response, so it is fetched again. */
export function useSiteMutations(nisCode: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: communeKeys.detail(nisCode) });
  return {
    create: useMutation({
      mutationFn: (input: SiteBody) => call(communesContract.createSite, { params: { nisCode }, body: input }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Partial<SiteBody> }) =>
        call(communesContract.updateSite, { params: { id }, body: input }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => call(communesContract.deleteSite, { params: { id } }),
      onSuccess: refresh,
    }),
  };
}
