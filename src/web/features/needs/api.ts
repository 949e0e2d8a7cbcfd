import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { catalogueContract } from '../../../domain/catalogue/catalogue.contract.ts';
import { mutualisationContract } from '../../../domain/mutualisation/mutualisation.contract.ts';
import type { NeedInput, NeedUpdateInput } from '../../../domain/needs/need.ts';
import { needsContract } from '../../../domain/needs/needs.contract.ts';
import type { EndpointResponse } from '../../../domain/shared/contract.ts';
import { withQuery } from '../../lib/api.ts';
import { call, endpointKey, endpointQuery } from '../../lib/contract-client.ts';

export type { ImportFile, NeedWithGroups } from '../../../domain/needs/needs.contract.ts';
export type NeedFilter = { communeNis?: string | null; category?: string | null; q?: string };
export type ImportPreview = EndpointResponse<typeof needsContract.previewImport>;
export type NeedBody = z.input<typeof NeedInput>;
export type NeedPatch = z.input<typeof NeedUpdateInput>;

const n = needsContract;
const m = mutualisationContract;
/** Every query of the register, and every query of the pooling: what a write there may have changed. */
const registerKey = [n.list.feature] as const;
const poolingKey = [m.groups.feature] as const;
/** The catalogue's lots a purchase can go through (catalogue endpoints, read here until they have a contract). */

const query = (filter: NeedFilter) => ({
  communeNis: filter.communeNis ?? undefined,
  category: filter.category ?? undefined,
  q: filter.q || undefined,
});

/** The CSV/XLSX export streams a file: a plain link, not a contract call (decision 130). */
export const exportUrl = (filter: NeedFilter, format: 'csv' | 'xlsx') =>
  withQuery(`/api/needs/export.${format}`, query(filter));

export function useNeeds(filter: NeedFilter) {
  return useQuery({ ...endpointQuery(n.list, { query: query(filter) }), placeholderData: keepPreviousData });
}

export function useNeed(id: string) {
  return useQuery(endpointQuery(n.get, { params: { id } }));
}

/** Creates a need, or changes the one named (its commune stays: a change sends the other fields). */
export function useSaveNeed(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NeedBody) => {
      if (!id) return call(n.create, { body: input });
      const { communeNis: _commune, ...patch } = input;
      return call(n.update, { params: { id }, body: patch });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: registerKey }),
  });
}

/** Changes some fields of a need. */
export function useUpdateNeed(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: NeedPatch) => call(n.update, { params: { id }, body: patch }),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKey }),
  });
}

export function useDeleteNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(n.delete, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKey }),
  });
}

export function usePreviewImport() {
  return useMutation({
    mutationFn: (file: z.input<typeof n.previewImport.body>) => call(n.previewImport, { body: file }),
  });
}

export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: z.input<typeof n.confirmImport.body>) => call(n.confirmImport, { body: file }),
    onSuccess: () => client.invalidateQueries({ queryKey: registerKey }),
  });
}

export function useLatestRun(enabled: boolean) {
  return useQuery({
    ...endpointQuery(m.latestRun),
    enabled,
    // While a run works, its progress is polled every half second.
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(m.startRun),
    onSuccess: (run) => client.setQueryData(endpointQuery(m.latestRun).queryKey, run),
  });
}

export function useGroups(enabled = true) {
  return useQuery({ ...endpointQuery(m.groups), enabled });
}

export function useGroup(id: string) {
  return useQuery(endpointQuery(m.group, { params: { id } }));
}

export function useGroupAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: z.input<typeof m.act.body>) => call(m.act, { params: { id }, body: action }),
    onSuccess: (group) => {
      client.setQueryData(endpointQuery(m.group, { params: { id } }).queryKey, group);
      return Promise.all([
        client.invalidateQueries({ queryKey: m.groups.key }),
        // The purchase's draft is priced with the saved model.
        client.invalidateQueries({ queryKey: endpointKey(m.purchaseDraft, { params: { id } }) }),
      ]);
    },
  });
}

export function useCreatePoll(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof m.createPoll.body>) =>
      call(m.createPoll, { params: { id: groupId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: endpointKey(m.group, { params: { id: groupId } }) }),
  });
}

export function useCreatePurchase(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof m.createPurchase.body>) =>
      call(m.createPurchase, { params: { id: groupId }, body: input }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: endpointKey(m.group, { params: { id: groupId } }) }),
        // The lot's consumption changed: the catalogue's agreements are read again.
        client.invalidateQueries({ queryKey: [catalogueContract.agreements.feature] }),
      ]),
  });
}

/** What the purchase would be through the lot chosen (or none): its lines, what the lot has left, what to confirm. */
export function usePurchaseDraft(groupId: string, lotId: string | null, enabled: boolean) {
  return useQuery({
    ...endpointQuery(m.purchaseDraft, { params: { id: groupId }, query: { lotId: lotId ?? undefined } }),
    enabled,
  });
}

/** The lots of the agency's framework agreements a joint purchase can go through, with the solutions they offer. */
export function useFrameworkLots(enabled: boolean) {
  return useQuery({
    ...endpointQuery(catalogueContract.agreements),
    enabled,
    select: (agreements) => ({
      options: agreements.map((agreement) => ({
        group: `${agreement.reference} — ${agreement.title}`,
        items: agreement.lots.map((lot) => ({
          value: lot.id,
          label: `Lot ${lot.number} « ${lot.title} »${lot.vendor ? ` (${lot.vendor})` : ''}`,
        })),
      })),
      lots: agreements.flatMap((agreement) =>
        agreement.lots.map((lot) => ({ ...lot, solutions: lot.solutions.filter((x) => x.status === 'listed') })),
      ),
    }),
  });
}

export function useMyPolls(enabled: boolean) {
  return useQuery({ ...endpointQuery(m.myPolls), enabled });
}

export function useAnswerPoll(pollId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof m.answerPoll.body>) =>
      call(m.answerPoll, { params: { id: pollId }, body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: poolingKey }),
  });
}

/** The listed catalogue solutions of a category (the group's), to propose the one a lot offers. */
export function useListedSolutionsOf(category: string | null, enabled: boolean) {
  return useQuery({
    ...endpointQuery(catalogueContract.solutions, { query: { status: 'listed', category: category ?? undefined } }),
    enabled: enabled && category !== null,
    select: (solutions) => solutions.map((x) => x.id),
  });
}
