import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BoundaryFeature,
  CommuneDetail,
  CommuneProfileInput,
  Site,
  SiteInput,
} from '../../../domain/communes/commune.ts';
import { api } from '../../lib/api.ts';
import { communeKeys } from '../../lib/communes-query.ts';

export type { BoundaryCollection, BoundaryFeature } from '../../../domain/communes/commune.ts';
export type BoundaryProperties = BoundaryFeature['properties'];

export type ProfileBody = z.input<typeof CommuneProfileInput>;
export type SiteBody = z.input<typeof SiteInput>;

export { useBoundaries } from '../../lib/communes-query.ts';

export function useCommune(nisCode: string) {
  return useQuery({
    queryKey: communeKeys.detail(nisCode),
    queryFn: () => api.get<CommuneDetail>(`/api/communes/${encodeURIComponent(nisCode)}`),
  });
}

export function useUpdateProfile(nisCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileBody) => api.patch<CommuneDetail>(`/api/communes/${nisCode}`, input),
    onSuccess: (detail) => queryClient.setQueryData(communeKeys.detail(nisCode), detail),
  });
}

/** Site changes: the commune page shows the sites of the detail response, so it is fetched again. */
export function useSiteMutations(nisCode: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: communeKeys.detail(nisCode) });
  return {
    create: useMutation({
      mutationFn: (input: SiteBody) => api.post<Site>(`/api/communes/${nisCode}/sites`, input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: Partial<SiteBody> }) =>
        api.patch<Site>(`/api/sites/${id}`, input),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`/api/sites/${id}`),
      onSuccess: refresh,
    }),
  };
}
