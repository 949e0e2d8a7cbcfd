import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Adoption } from '../../../domain/catalogue/adoption.ts';
import type {
  Agreement,
  AgreementInput,
  AgreementUpdateInput,
  CallOff,
  CallOffInput,
  CallOffTotals,
  LotInput,
} from '../../../domain/catalogue/agreements.ts';
import type { ImageKind } from '../../../domain/catalogue/images.ts';
import {
  type SavedSearch,
  type SavedSearchInput,
  type SearchQuery,
  type SearchResult,
  searchParams,
} from '../../../domain/catalogue/search.ts';
import type { OutcomeInput, Shortlist } from '../../../domain/catalogue/shortlists.ts';
import type { Solution, SolutionInputDraft, SolutionUpdateInput } from '../../../domain/catalogue/solutions.ts';
import { api } from '../../lib/api.ts';

/** The catalogue's queries and changes: search, solutions, agreements, call-offs, shortlists, adoption. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  search: (params: string) => ['catalogue', 'search', params] as const,
  solution: (id: string) => ['catalogue', 'solution', id] as const,
  compare: (ids: string[]) => ['catalogue', 'compare', ids.join(',')] as const,
  agreements: ['catalogue', 'agreements'] as const,
  callOffs: (commune: string | null) => ['catalogue', 'call-offs', commune] as const,
  totals: ['catalogue', 'call-offs', 'totals'] as const,
  shortlists: ['catalogue', 'shortlists'] as const,
  saved: ['catalogue', 'saved-searches'] as const,
  adoption: (kind: string, value: string) => ['catalogue', 'adoption', kind, value] as const,
  listed: ['catalogue', 'solutions', 'all'] as const,
};

export type SearchState = Omit<SearchQuery, 'pageSize'>;

export function useCatalogueSearch(state: SearchState) {
  const params = searchParams({
    ...state,
    page: state.page > 1 ? state.page : undefined,
  } as Partial<SearchQuery>).toString();
  return useQuery({
    queryKey: catalogueKeys.search(params),
    queryFn: () => api.get<SearchResult>(`/api/catalogue/search${params ? `?${params}` : ''}`),
    placeholderData: keepPreviousData,
  });
}

export function useSolution(id: string) {
  return useQuery({
    queryKey: catalogueKeys.solution(id),
    queryFn: () => api.get<Solution>(`/api/catalogue/solutions/${id}`),
  });
}

export function useSolutions() {
  return useQuery({ queryKey: catalogueKeys.listed, queryFn: () => api.get<Solution[]>('/api/catalogue/solutions') });
}

export function useComparison(ids: string[]) {
  return useQuery({
    queryKey: catalogueKeys.compare(ids),
    queryFn: () => api.get<Solution[]>('/api/catalogue/compare', { ids: ids.join(',') }),
    enabled: ids.length >= 2,
  });
}

export function useAgreements() {
  return useQuery({
    queryKey: catalogueKeys.agreements,
    queryFn: () => api.get<Agreement[]>('/api/catalogue/agreements'),
  });
}

export function useCallOffs(commune: string | null) {
  return useQuery({
    queryKey: catalogueKeys.callOffs(commune),
    queryFn: () => api.get<CallOff[]>('/api/catalogue/call-offs', { commune }),
  });
}

export function useCallOffTotals() {
  return useQuery({
    queryKey: catalogueKeys.totals,
    queryFn: () => api.get<CallOffTotals>('/api/catalogue/call-offs/totals'),
  });
}

export function useShortlists() {
  return useQuery({
    queryKey: catalogueKeys.shortlists,
    queryFn: () => api.get<Shortlist[]>('/api/catalogue/shortlists'),
  });
}

export function useSavedSearches() {
  return useQuery({
    queryKey: catalogueKeys.saved,
    queryFn: () => api.get<SavedSearch[]>('/api/catalogue/saved-searches'),
  });
}

export function useAdoption(kind: 'category' | 'solution', value: string) {
  return useQuery({
    queryKey: catalogueKeys.adoption(kind, value),
    queryFn: () => api.get<Adoption>('/api/catalogue/adoption', value ? { [kind]: value } : {}),
  });
}

/** Every change invalidates the catalogue's queries: they are small. */
function useCatalogueMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: catalogueKeys.all }) });
}

export const useSaveSearch = () =>
  useCatalogueMutation((input: SavedSearchInput) => api.post<SavedSearch>('/api/catalogue/saved-searches', input));
export const useDeleteSavedSearch = () =>
  useCatalogueMutation((id: string) => api.delete<void>(`/api/catalogue/saved-searches/${id}`));
export const useCreateShortlist = () =>
  useCatalogueMutation((input: { name: string; solutionIds: string[]; communeNis?: string | null }) =>
    api.post<Shortlist>('/api/catalogue/shortlists', input),
  );
export const useUpdateShortlist = () =>
  useCatalogueMutation((input: { id: string; name?: string; solutionIds?: string[] }) =>
    api.patch<Shortlist>(`/api/catalogue/shortlists/${input.id}`, { name: input.name, solutionIds: input.solutionIds }),
  );
export const useRecordOutcome = () =>
  useCatalogueMutation((input: { id: string; outcome: OutcomeInput }) =>
    api.put<Shortlist>(`/api/catalogue/shortlists/${input.id}/outcome`, input.outcome),
  );
export const useOrder = () =>
  useCatalogueMutation((input: z.input<typeof CallOffInput>) => api.post<CallOff>('/api/catalogue/call-offs', input));
export const useAdhere = () =>
  useCatalogueMutation((input: { agreementId: string; communeNis: string }) =>
    api.post<Agreement>(`/api/catalogue/agreements/${input.agreementId}/adhesions`, { communeNis: input.communeNis }),
  );
export const useCreateSolution = () =>
  useCatalogueMutation((input: SolutionInputDraft) => api.post<Solution>('/api/catalogue/solutions', input));
export const useUpdateSolution = () =>
  useCatalogueMutation((input: { id: string; patch: SolutionUpdateInput }) =>
    api.patch<Solution>(`/api/catalogue/solutions/${input.id}`, input.patch),
  );
export const useCreateAgreement = () =>
  useCatalogueMutation((input: Partial<AgreementInput>) => api.post<Agreement>('/api/catalogue/agreements', input));
export const useCreateLot = () =>
  useCatalogueMutation((input: { agreementId: string; lot: Partial<LotInput> }) =>
    api.post<Agreement>(`/api/catalogue/agreements/${input.agreementId}/lots`, input.lot),
  );
export const useUpdateLot = () =>
  useCatalogueMutation((input: { lotId: string; lot: LotInput }) =>
    api.put<Agreement>(`/api/catalogue/lots/${input.lotId}`, input.lot),
  );
export const useUpdateAgreement = () =>
  useCatalogueMutation((input: { id: string; patch: AgreementUpdateInput }) =>
    api.patch<Agreement>(`/api/catalogue/agreements/${input.id}`, input.patch),
  );
export const useCancelCallOff = () =>
  useCatalogueMutation((input: { id: string; reason: string }) =>
    api.post<CallOff>(`/api/catalogue/call-offs/${input.id}/cancel`, { reason: input.reason }),
  );
export const useUploadImage = () =>
  useCatalogueMutation((input: { solutionId: string; kind: ImageKind; content: string; caption: string }) =>
    api.post<Solution>(`/api/catalogue/solutions/${input.solutionId}/images`, {
      kind: input.kind,
      content: input.content,
      caption: input.caption,
    }),
  );
export const useRemoveImage = () =>
  useCatalogueMutation((input: { solutionId: string; imageId: string }) =>
    api.delete<Solution>(`/api/catalogue/solutions/${input.solutionId}/images/${input.imageId}`),
  );

/** A file's bytes as base64 (what the upload sends). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
