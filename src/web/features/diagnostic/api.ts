import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { diagnosticContract as c, DIAGNOSTIC_REPORT_PATHS } from '../../../domain/diagnostic/diagnostic.contract.ts';
import type { GuideCreateInput } from '../../../domain/diagnostic/guides.ts';
import type {
  InterviewCreateInput,
  InterviewUpdateInput,
  SelfAssessmentCreateInput,
  SelfAssessmentSubmission,
} from '../../../domain/diagnostic/interviews.ts';
import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import type {
  SpecificitiesInput,
  SwotItemInput,
  SwotItemUpdateInput,
  SwotMergeInput,
  SwotReorderInput,
} from '../../../domain/diagnostic/swot.ts';
import { fillPath } from '../../../domain/shared/contract.ts';
import { strategyContract } from '../../../domain/strategy/strategy.contract.ts';
import { call, endpointKey, endpointQuery } from '../../lib/contract-client.ts';

export type InterviewCreateBody = z.input<typeof InterviewCreateInput>;
export type InterviewPatch = z.input<typeof InterviewUpdateInput>;
export type SwotBody = z.input<typeof SwotItemInput>;
export type SwotPatch = z.input<typeof SwotItemUpdateInput>;
export type LinkBody = z.input<typeof SelfAssessmentCreateInput>;
export type SubmissionBody = z.input<typeof SelfAssessmentSubmission>;

/** Query keys, all from the contract's declarations (`[diagnostic, endpoint, { params }]`). */
export const diagnosticKeys = {
  all: ['diagnostic'] as const,
  interview: (missionId: string, interviewId: string) =>
    endpointKey(c.getInterview, { params: { id: missionId, interviewId } }),
  interviews: (missionId: string) => endpointKey(c.listInterviews, { params: { id: missionId } }),
  results: (missionId: string) => endpointKey(c.results, { params: { id: missionId } }),
  swot: (missionId: string) => endpointKey(c.swot, { params: { id: missionId } }),
  specificities: (missionId: string) => endpointKey(c.specificities, { params: { id: missionId } }),
};

/** Every diagnostic query of one mission (its interviews, results, SWOT, links, guide…). */
function invalidateMission(client: QueryClient, missionId: string) {
  return client.invalidateQueries({
    queryKey: diagnosticKeys.all,
    predicate: (query) => (query.queryKey[2] as { params?: { id?: string } } | undefined)?.params?.id === missionId,
  });
}

export const reportUrl = (missionId: string, kind: 'pdf' | 'xlsx') =>
  fillPath(DIAGNOSTIC_REPORT_PATHS[kind], { id: missionId });

// -- guide --------------------------------------------------------------------------------------------------------

export function useGuides() {
  return useQuery(endpointQuery(c.listGuides));
}

export function useGuide(key: string | null, version: number | null) {
  return useQuery({
    ...endpointQuery(c.getGuide, { params: { key: key ?? '', version: version ?? 0 } }),
    enabled: Boolean(key && version),
    staleTime: 10 * 60_000,
  });
}

export function useGuideChanges(key: string, version: number, enabled: boolean) {
  return useQuery({ ...endpointQuery(c.guideChanges, { params: { key, version } }), enabled });
}

export function useGuideMutations() {
  const client = useQueryClient();
  // The list, the versions and their changes: a saved draft is read back, a discarded one is gone.
  const refresh = () =>
    Promise.all(
      [c.listGuides.key, c.getGuide.key, c.guideChanges.key].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
  return {
    create: useMutation({
      mutationFn: (body: z.input<typeof GuideCreateInput>) => call(c.createGuide, { body }),
      onSuccess: refresh,
    }),
    draft: useMutation({
      mutationFn: (key: string) => call(c.createDraft, { params: { key } }),
      onSuccess: refresh,
    }),
    save: useMutation({
      mutationFn: (model: MaturityModel) =>
        call(c.updateDraft, { params: { key: model.key, version: model.version }, body: model }),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (ref: { key: string; version: number }) => call(c.publishGuide, { params: ref }),
      onSuccess: refresh,
    }),
    discard: useMutation({
      mutationFn: (ref: { key: string; version: number }) => call(c.discardDraft, { params: ref }),
      onSuccess: refresh,
    }),
  };
}

/** The guide a mission's diagnostic uses; a consultant may choose another before the first interview. */
export function useMissionGuide(missionId: string) {
  return useQuery(endpointQuery(c.missionGuide, { params: { id: missionId } }));
}

export function useChooseMissionGuide(missionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => call(c.chooseMissionGuide, { params: { id: missionId }, body: { key } }),
    onSuccess: () => invalidateMission(client, missionId),
  });
}

// -- interviews ---------------------------------------------------------------------------------------------------

export function useInterviews(missionId: string) {
  return useQuery(endpointQuery(c.listInterviews, { params: { id: missionId } }));
}

export function useInterview(missionId: string, id: string) {
  return useQuery({
    ...endpointQuery(c.getInterview, { params: { id: missionId, interviewId: id } }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function saveInterview(missionId: string, id: string, patch: InterviewPatch) {
  return call(c.updateInterview, { params: { id: missionId, interviewId: id }, body: patch });
}

/** Corrects who was heard, when and by whom; the interview is read back as saved. */
export function useUpdateInterview(missionId: string, interviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: InterviewPatch) => saveInterview(missionId, interviewId, patch),
    onSuccess: (saved) => {
      client.setQueryData(diagnosticKeys.interview(missionId, saved.id), saved);
      return client.invalidateQueries({ queryKey: diagnosticKeys.interviews(missionId) });
    },
  });
}

export function useInterviewMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => invalidateMission(client, missionId);
  const interview = (interviewId: string) => ({ params: { id: missionId, interviewId } });
  return {
    create: useMutation({
      mutationFn: (body: InterviewCreateBody) => call(c.createInterview, { params: { id: missionId }, body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => call(c.deleteInterview, interview(id)),
      onSuccess: refresh,
    }),
    erase: useMutation({
      mutationFn: (id: string) => call(c.eraseIdentity, interview(id)),
      onSuccess: refresh,
    }),
  };
}

// -- results --------------------------------------------------------------------------------------------------------

export function useResults(missionId: string) {
  return useQuery(endpointQuery(c.results, { params: { id: missionId } }));
}

export function useProvinceDiagnostics(enabled = true) {
  return useQuery({ ...endpointQuery(c.province), enabled });
}

// -- SWOT and specificities ----------------------------------------------------------------------------------------

export function useSwot(missionId: string) {
  return useQuery(endpointQuery(c.swot, { params: { id: missionId } }));
}

export function useSwotMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: diagnosticKeys.swot(missionId) });
  const mission = { id: missionId };
  return {
    create: useMutation({
      mutationFn: (body: SwotBody) => call(c.createSwot, { params: mission, body }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: SwotPatch }) =>
        call(c.updateSwot, { params: { id: missionId, itemId: id }, body: patch }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => call(c.deleteSwot, { params: { id: missionId, itemId: id } }),
      onSuccess: refresh,
    }),
    reorder: useMutation({
      mutationFn: (body: SwotReorderInput) => call(c.reorderSwot, { params: mission, body }),
      onSuccess: (swot) => client.setQueryData(diagnosticKeys.swot(missionId), swot),
    }),
    merge: useMutation({
      mutationFn: (body: z.input<typeof SwotMergeInput>) => call(c.mergeSwot, { params: mission, body }),
      onSuccess: refresh,
    }),
    // The strategy's own endpoint: a draft project sheet prefilled from the item (phase 2 starts from the SWOT).
    toProjectSheet: useMutation({
      mutationFn: (swotItemId: string) =>
        call(strategyContract.createProjectFromSwot, { params: { missionId }, body: { swotItemId } }),
      onSuccess: () => client.invalidateQueries({ queryKey: [strategyContract.createProjectFromSwot.key[0]] }),
    }),
  };
}

export function useSpecificities(missionId: string) {
  return useQuery(endpointQuery(c.specificities, { params: { id: missionId } }));
}

export function useSaveSpecificities(missionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SpecificitiesInput>) =>
      call(c.saveSpecificities, { params: { id: missionId }, body }),
    onSuccess: (saved) => client.setQueryData(diagnosticKeys.specificities(missionId), saved),
  });
}

// -- self-assessment links ------------------------------------------------------------------------------------------

export function useLinks(missionId: string, enabled: boolean) {
  return useQuery({ ...endpointQuery(c.listLinks, { params: { id: missionId } }), enabled });
}

export function useLinkMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: c.listLinks.key });
  return {
    create: useMutation({
      mutationFn: (body: LinkBody) => call(c.createLink, { params: { id: missionId }, body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => call(c.revokeLink, { params: { id: missionId, linkId: id } }),
      onSuccess: refresh,
    }),
  };
}

export function useSelfAssessmentForm(token: string) {
  return useQuery({
    ...endpointQuery(c.openSelfAssessment, { params: { token } }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function submitSelfAssessment(token: string, body: SubmissionBody) {
  return call(c.submitSelfAssessment, { params: { token }, body });
}
