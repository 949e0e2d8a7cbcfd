import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreementInput,
  AgreementUpdateInput,
  CallOffCancelInput,
  CallOffInput,
  LotInput,
} from '../../../domain/catalogue/agreements.ts';
import { catalogueContract as c } from '../../../domain/catalogue/catalogue.contract.ts';
import type { ImageUploadInput } from '../../../domain/catalogue/images.ts';
import type { SavedSearchInput, SearchQuery } from '../../../domain/catalogue/search.ts';
import type { OutcomeInput, ShortlistInput, ShortlistUpdateInput } from '../../../domain/catalogue/shortlists.ts';
import type { SolutionInput, SolutionUpdateInput } from '../../../domain/catalogue/solutions.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

/**
 * The catalogue's queries and changes, typed from its contract (src/domain/catalogue/catalogue.contract.ts): search,
 * solutions, agreements, call-offs, shortlists, adoption. Keys come from the declarations: `[catalogue, endpoint, …]`.
 */
export type SearchState = Omit<SearchQuery, 'pageSize'>;

export function useCatalogueSearch(state: SearchState) {
  return useQuery({
    ...endpointQuery(c.search, { query: { ...state, page: state.page > 1 ? state.page : undefined } }),
    placeholderData: keepPreviousData,
  });
}

export function useSolution(id: string) {
  return useQuery(endpointQuery(c.solution, { params: { id } }));
}

/** Every solution the caller may see (agency staff: those under watch too). */
export function useSolutions(enabled = true) {
  return useQuery({ ...endpointQuery(c.solutions, { query: { status: [] } }), enabled });
}

export function useComparison(ids: string[]) {
  return useQuery({ ...endpointQuery(c.compare, { query: { ids: ids.join(',') } }), enabled: ids.length >= 2 });
}

export function useAgreements() {
  return useQuery(endpointQuery(c.agreements));
}

export function useCallOffs() {
  return useQuery(endpointQuery(c.callOffs));
}

export function useCallOffTotals() {
  return useQuery(endpointQuery(c.callOffTotals));
}

export function useShortlists() {
  return useQuery(endpointQuery(c.shortlists));
}

export function useSavedSearches() {
  return useQuery(endpointQuery(c.savedSearches));
}

export function useAdoption(kind: 'category' | 'solution', value: string) {
  return useQuery(endpointQuery(c.adoption, { query: value ? { [kind]: value } : {} }));
}

/** Every change invalidates the catalogue's queries (`[catalogue]`): they are small. */
function useCatalogueMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: [c.search.feature] }) });
}

export const useSaveSearch = () => useCatalogueMutation((body: SavedSearchInput) => call(c.saveSearch, { body }));
export const useDeleteSavedSearch = () =>
  useCatalogueMutation((id: string) => call(c.deleteSavedSearch, { params: { id } }));
export const useCreateShortlist = () =>
  useCatalogueMutation((body: z.input<typeof ShortlistInput>) => call(c.createShortlist, { body }));
export const useUpdateShortlist = () =>
  useCatalogueMutation(({ id, ...body }: { id: string } & ShortlistUpdateInput) =>
    call(c.updateShortlist, { params: { id }, body }),
  );
export const useRecordOutcome = () =>
  useCatalogueMutation((input: { id: string; outcome: OutcomeInput }) =>
    call(c.recordOutcome, { params: { id: input.id }, body: input.outcome }),
  );
export const useOrder = () => useCatalogueMutation((body: z.input<typeof CallOffInput>) => call(c.order, { body }));
export const useAdhere = () =>
  useCatalogueMutation((input: { agreementId: string; communeNis: string }) =>
    call(c.adhere, { params: { id: input.agreementId }, body: { communeNis: input.communeNis } }),
  );
export const useCreateSolution = () =>
  useCatalogueMutation((body: z.input<typeof SolutionInput>) => call(c.createSolution, { body }));
export const useUpdateSolution = () =>
  useCatalogueMutation((input: { id: string; patch: z.input<typeof SolutionUpdateInput> }) =>
    call(c.updateSolution, { params: { id: input.id }, body: input.patch }),
  );
export const useCreateAgreement = () =>
  useCatalogueMutation((body: z.input<typeof AgreementInput>) => call(c.createAgreement, { body }));
export const useCreateLot = () =>
  useCatalogueMutation((input: { agreementId: string; lot: z.input<typeof LotInput> }) =>
    call(c.createLot, { params: { id: input.agreementId }, body: input.lot }),
  );
export const useUpdateLot = () =>
  useCatalogueMutation((input: { lotId: string; lot: z.input<typeof LotInput> }) =>
    call(c.updateLot, { params: { id: input.lotId }, body: input.lot }),
  );
export const useUpdateAgreement = () =>
  useCatalogueMutation((input: { id: string; patch: AgreementUpdateInput }) =>
    call(c.updateAgreement, { params: { id: input.id }, body: input.patch }),
  );
export const useCancelCallOff = () =>
  useCatalogueMutation(({ id, ...body }: { id: string } & CallOffCancelInput) =>
    call(c.cancelCallOff, { params: { id }, body }),
  );
export const useUploadImage = () =>
  useCatalogueMutation(({ solutionId, ...body }: { solutionId: string } & z.input<typeof ImageUploadInput>) =>
    call(c.addImage, { params: { id: solutionId }, body }),
  );
export const useRemoveImage = () =>
  useCatalogueMutation((input: { solutionId: string; imageId: string }) =>
    call(c.removeImage, { params: { id: input.solutionId, imageId: input.imageId } }),
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
