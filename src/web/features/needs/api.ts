import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GroupAction,
  GroupDetail,
  GroupSummary,
  InterestPoll,
  JointPurchase,
  MutualisationRun,
  PollAnswerInput,
  PollCreateInput,
  PurchaseDraft,
  PurchaseInput,
} from '../../../domain/mutualisation/api.ts';
import type { ImportRowResult } from '../../../domain/needs/import-rows.ts';
import type { Need, NeedInput, NeedUpdateInput } from '../../../domain/needs/need.ts';
import { api, withQuery } from '../../lib/api.ts';

export type NeedWithGroups = Need & { groups: { id: string; label: string; status: string }[] };
export type NeedFilter = { communeNis?: string | null; category?: string | null; q?: string };
export type ImportFile = { filename: string; contentBase64: string };
export type ImportPreview = {
  rows: ImportRowResult[];
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
  columns: string[];
  ignoredColumns: string[];
};

export const needKeys = {
  all: ['needs'] as const,
  list: (filter: NeedFilter) => ['needs', 'list', filter] as const,
  detail: (id: string) => ['needs', 'detail', id] as const,
  groups: ['mutualisation', 'groups'] as const,
  group: (id: string) => ['mutualisation', 'group', id] as const,
  run: ['mutualisation', 'run'] as const,
  myPolls: ['mutualisation', 'polls', 'mine'] as const,
  purchaseDraft: (groupId: string, lotId?: string | null) =>
    lotId === undefined
      ? (['mutualisation', 'purchase-draft', groupId] as const)
      : (['mutualisation', 'purchase-draft', groupId, lotId] as const),
};

const query = (filter: NeedFilter) => ({
  communeNis: filter.communeNis ?? undefined,
  category: filter.category ?? undefined,
  q: filter.q || undefined,
});

export const exportUrl = (filter: NeedFilter, format: 'csv' | 'xlsx') =>
  withQuery(`/api/needs/export.${format}`, query(filter));

export function useNeeds(filter: NeedFilter) {
  return useQuery({
    queryKey: needKeys.list(filter),
    queryFn: () => api.get<Need[]>('/api/needs', query(filter)),
    placeholderData: keepPreviousData,
  });
}

export function useNeed(id: string) {
  return useQuery({ queryKey: needKeys.detail(id), queryFn: () => api.get<NeedWithGroups>(`/api/needs/${id}`) });
}

export function useSaveNeed(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof NeedInput> | z.input<typeof NeedUpdateInput>) =>
      id ? api.patch<NeedWithGroups>(`/api/needs/${id}`, input) : api.post<NeedWithGroups>('/api/needs', input),
    onSuccess: () => client.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useDeleteNeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<null>(`/api/needs/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: (file: ImportFile) => api.post<ImportPreview>('/api/needs/import/preview', file) });
}

export function useConfirmImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: ImportFile) =>
      api.post<{ created: number; updated: number; unchanged: number; skipped: number }>('/api/needs/import', file),
    onSuccess: () => client.invalidateQueries({ queryKey: needKeys.all }),
  });
}

export function useLatestRun(enabled: boolean) {
  return useQuery({
    queryKey: needKeys.run,
    queryFn: () => api.get<MutualisationRun | null>('/api/mutualisation/runs/latest'),
    enabled,
    // While a run works, its progress is polled every half second.
    refetchInterval: (q) => (q.state.data?.status === 'running' ? 500 : false),
  });
}

export function useStartRun() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<MutualisationRun>('/api/mutualisation/runs'),
    onSuccess: (run) => client.setQueryData(needKeys.run, run),
  });
}

export function useGroups(enabled = true) {
  return useQuery({
    queryKey: needKeys.groups,
    queryFn: () => api.get<GroupSummary[]>('/api/mutualisation/groups'),
    enabled,
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: needKeys.group(id),
    queryFn: () => api.get<GroupDetail>(`/api/mutualisation/groups/${id}`),
  });
}

export function useGroupAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: z.input<typeof GroupAction>) =>
      api.post<GroupDetail>(`/api/mutualisation/groups/${id}/actions`, action),
    onSuccess: (group) => {
      client.setQueryData(needKeys.group(id), group);
      return Promise.all([
        client.invalidateQueries({ queryKey: needKeys.groups }),
        // The purchase's draft is priced with the saved model.
        client.invalidateQueries({ queryKey: needKeys.purchaseDraft(id) }),
      ]);
    },
  });
}

export function useCreatePoll(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PollCreateInput>) =>
      api.post<InterestPoll>(`/api/mutualisation/groups/${groupId}/polls`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: needKeys.group(groupId) }),
  });
}

export function useCreatePurchase(groupId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PurchaseInput>) =>
      api.post<JointPurchase>(`/api/mutualisation/groups/${groupId}/purchase`, input),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: needKeys.group(groupId) }),
        // The lot's consumption changed: the catalogue's agreements are read again.
        client.invalidateQueries({ queryKey: ['catalogue'] }),
        client.invalidateQueries({ queryKey: ['needs', 'framework-lots'] }),
      ]),
  });
}

/** What the purchase would be through the lot chosen (or none): its lines, what the lot has left, what to confirm. */
export function usePurchaseDraft(groupId: string, lotId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: needKeys.purchaseDraft(groupId, lotId),
    queryFn: () =>
      api.get<PurchaseDraft>(`/api/mutualisation/groups/${groupId}/purchase/draft`, { lotId: lotId ?? undefined }),
    enabled,
  });
}

type AgreementLots = {
  reference: string;
  title: string;
  lots: {
    id: string;
    number: number;
    title: string;
    vendor: string | null;
    solutions: { solutionId: string; name: string; status: string }[];
  }[];
};

/** The lots of the agency's framework agreements a joint purchase can go through, with the solutions they offer. */
export function useFrameworkLots(enabled: boolean) {
  return useQuery({
    queryKey: ['needs', 'framework-lots'],
    queryFn: () => api.get<AgreementLots[]>('/api/catalogue/agreements'),
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
  return useQuery({
    queryKey: needKeys.myPolls,
    queryFn: () => api.get<InterestPoll[]>('/api/mutualisation/polls/mine'),
    enabled,
  });
}

export function useAnswerPoll(pollId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof PollAnswerInput>) =>
      api.post<InterestPoll>(`/api/mutualisation/polls/${pollId}/answers`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['mutualisation'] }),
  });
}

/** The listed catalogue solutions of a category (the group's), to propose the one a lot offers. */
export function useListedSolutionsOf(category: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['catalogue', 'solutions', 'listed', category],
    queryFn: () =>
      api.get<{ id: string }[]>('/api/catalogue/solutions', { status: 'listed', category: category ?? undefined }),
    enabled: enabled && category !== null,
    select: (solutions) => solutions.map((x) => x.id),
  });
}
