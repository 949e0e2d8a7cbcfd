import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GuideCreateInput,
  GuideDiffResponse,
  GuideVersion,
  GuideVersionSummary,
  MissionGuide,
} from '../../../domain/diagnostic/guides.ts';
import type {
  Interview,
  InterviewCreateInput,
  InterviewSummary,
  InterviewUpdateInput,
  SelfAssessmentCreated,
  SelfAssessmentCreateInput,
  SelfAssessmentLink,
  SelfAssessmentSubmission,
} from '../../../domain/diagnostic/interviews.ts';
import type { IntervieweeType, MaturityModel } from '../../../domain/diagnostic/model.ts';
import type { DiagnosticResultsView, ProvinceOverview } from '../../../domain/diagnostic/results.ts';
import type {
  Specificities,
  SpecificitiesInput,
  SwotItem,
  SwotItemInput,
  SwotItemUpdateInput,
  SwotMergeInput,
  SwotReorderInput,
  SwotResponse,
} from '../../../domain/diagnostic/swot.ts';
import { api } from '../../lib/api.ts';

export type InterviewCreateBody = z.input<typeof InterviewCreateInput>;
export type InterviewPatch = z.input<typeof InterviewUpdateInput>;
export type SwotBody = z.input<typeof SwotItemInput>;
export type SwotPatch = z.input<typeof SwotItemUpdateInput>;
export type LinkBody = z.input<typeof SelfAssessmentCreateInput>;
export type SubmissionBody = z.input<typeof SelfAssessmentSubmission>;
export type SelfAssessmentFormData = {
  missionId: string;
  beneficiary: string;
  agencyName: string;
  intervieweeType: IntervieweeType;
  expiresAt: string;
  guide: MaturityModel;
};

const m = (missionId: string) => `/api/missions/${encodeURIComponent(missionId)}`;

export const diagnosticKeys = {
  all: ['diagnostic'] as const,
  mission: (missionId: string) => ['diagnostic', 'mission', missionId] as const,
  interviews: (missionId: string) => ['diagnostic', 'mission', missionId, 'interviews'] as const,
  interview: (missionId: string, id: string) => ['diagnostic', 'mission', missionId, 'interview', id] as const,
  results: (missionId: string) => ['diagnostic', 'mission', missionId, 'results'] as const,
  swot: (missionId: string) => ['diagnostic', 'mission', missionId, 'swot'] as const,
  specificities: (missionId: string) => ['diagnostic', 'mission', missionId, 'specificities'] as const,
  links: (missionId: string) => ['diagnostic', 'mission', missionId, 'links'] as const,
  province: ['diagnostic', 'province'] as const,
  guides: ['diagnostic', 'guides'] as const,
  guide: (key: string, version: number) => ['diagnostic', 'guides', key, version] as const,
  guideChanges: (key: string, version: number) => ['diagnostic', 'guides', key, version, 'changes'] as const,
  missionGuide: (missionId: string) => ['diagnostic', 'mission', missionId, 'guide'] as const,
};

export const reportUrl = (missionId: string, kind: 'pdf' | 'xlsx') => `${m(missionId)}/report.${kind}`;

// -- guide --------------------------------------------------------------------------------------------------------

export function useGuides() {
  return useQuery({
    queryKey: diagnosticKeys.guides,
    queryFn: () => api.get<GuideVersionSummary[]>('/api/diagnostic/guides'),
  });
}

export function useGuide(key: string | null, version: number | null) {
  return useQuery({
    queryKey: diagnosticKeys.guide(key ?? '', version ?? 0),
    queryFn: () => api.get<GuideVersion>(`/api/diagnostic/guides/${key}/versions/${version}`),
    enabled: Boolean(key && version),
    staleTime: 10 * 60_000,
  });
}

export function useGuideChanges(key: string, version: number, enabled: boolean) {
  return useQuery({
    queryKey: diagnosticKeys.guideChanges(key, version),
    queryFn: () => api.get<GuideDiffResponse>(`/api/diagnostic/guides/${key}/versions/${version}/changes`),
    enabled,
  });
}

export function useGuideMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: diagnosticKeys.guides });
  return {
    create: useMutation({
      mutationFn: (input: z.input<typeof GuideCreateInput>) => api.post<GuideVersion>('/api/diagnostic/guides', input),
      onSuccess: refresh,
    }),
    draft: useMutation({
      mutationFn: (key: string) => api.post<GuideVersion>(`/api/diagnostic/guides/${key}/drafts`),
      onSuccess: refresh,
    }),
    save: useMutation({
      mutationFn: (model: MaturityModel) =>
        api.put<GuideVersion>(`/api/diagnostic/guides/${model.key}/versions/${model.version}`, model),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (ref: { key: string; version: number }) =>
        api.post<GuideVersion>(`/api/diagnostic/guides/${ref.key}/versions/${ref.version}/publish`),
      onSuccess: refresh,
    }),
    discard: useMutation({
      mutationFn: (ref: { key: string; version: number }) =>
        api.delete(`/api/diagnostic/guides/${ref.key}/versions/${ref.version}`),
      onSuccess: refresh,
    }),
  };
}

/** The guide a mission's diagnostic uses; a consultant may choose another before the first interview. */
export function useMissionGuide(missionId: string) {
  return useQuery({
    queryKey: diagnosticKeys.missionGuide(missionId),
    queryFn: () => api.get<MissionGuide>(`${m(missionId)}/diagnostic/guide`),
  });
}

export function useChooseMissionGuide(missionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.put<MissionGuide>(`${m(missionId)}/diagnostic/guide`, { key }),
    onSuccess: () => client.invalidateQueries({ queryKey: diagnosticKeys.mission(missionId) }),
  });
}

// -- interviews ---------------------------------------------------------------------------------------------------

export function useInterviews(missionId: string) {
  return useQuery({
    queryKey: diagnosticKeys.interviews(missionId),
    queryFn: () => api.get<InterviewSummary[]>(`${m(missionId)}/interviews`),
  });
}

export function useInterview(missionId: string, id: string) {
  return useQuery({
    queryKey: diagnosticKeys.interview(missionId, id),
    queryFn: () => api.get<Interview>(`${m(missionId)}/interviews/${id}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function saveInterview(missionId: string, id: string, patch: InterviewPatch) {
  return api.patch<Interview>(`${m(missionId)}/interviews/${id}`, patch);
}

export function useInterviewMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: diagnosticKeys.mission(missionId) });
  return {
    create: useMutation({
      mutationFn: (body: InterviewCreateBody) => api.post<Interview>(`${m(missionId)}/interviews`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`${m(missionId)}/interviews/${id}`),
      onSuccess: refresh,
    }),
    erase: useMutation({
      mutationFn: (id: string) => api.post<Interview>(`${m(missionId)}/interviews/${id}/erase-identity`),
      onSuccess: refresh,
    }),
  };
}

// -- results --------------------------------------------------------------------------------------------------------

export function useResults(missionId: string) {
  return useQuery({
    queryKey: diagnosticKeys.results(missionId),
    queryFn: () => api.get<DiagnosticResultsView>(`${m(missionId)}/results`),
  });
}

export function useProvinceDiagnostics(enabled = true) {
  return useQuery({
    queryKey: diagnosticKeys.province,
    queryFn: () => api.get<ProvinceOverview>('/api/diagnostic/province'),
    enabled,
  });
}

// -- SWOT and specificities ----------------------------------------------------------------------------------------

export function useSwot(missionId: string) {
  return useQuery({
    queryKey: diagnosticKeys.swot(missionId),
    queryFn: () => api.get<SwotResponse>(`${m(missionId)}/swot`),
  });
}

export function useSwotMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: diagnosticKeys.swot(missionId) });
  return {
    create: useMutation({
      mutationFn: (body: SwotBody) => api.post<SwotItem>(`${m(missionId)}/swot`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, patch }: { id: string; patch: SwotPatch }) =>
        api.patch<SwotItem>(`${m(missionId)}/swot/${id}`, patch),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(`${m(missionId)}/swot/${id}`),
      onSuccess: refresh,
    }),
    reorder: useMutation({
      mutationFn: (body: SwotReorderInput) => api.post<SwotResponse>(`${m(missionId)}/swot/reorder`, body),
      onSuccess: (swot) => client.setQueryData(diagnosticKeys.swot(missionId), swot),
    }),
    merge: useMutation({
      mutationFn: (body: z.input<typeof SwotMergeInput>) => api.post<SwotItem>(`${m(missionId)}/swot/merge`, body),
      onSuccess: refresh,
    }),
    // The strategy's own endpoint: a draft project sheet prefilled from the item (phase 2 starts from the SWOT).
    toProjectSheet: useMutation({
      mutationFn: (swotItemId: string) =>
        api.post<{ id: string; title: string }>(`${m(missionId)}/strategy/projects/from-swot`, { swotItemId }),
      onSuccess: () => client.invalidateQueries({ queryKey: ['strategy', missionId] }),
    }),
  };
}

export function useSpecificities(missionId: string) {
  return useQuery({
    queryKey: diagnosticKeys.specificities(missionId),
    queryFn: () => api.get<Specificities>(`${m(missionId)}/specificities`),
  });
}

export function useSaveSpecificities(missionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SpecificitiesInput>) =>
      api.put<Specificities>(`${m(missionId)}/specificities`, body),
    onSuccess: (saved) => client.setQueryData(diagnosticKeys.specificities(missionId), saved),
  });
}

// -- self-assessment links ------------------------------------------------------------------------------------------

export function useLinks(missionId: string, enabled: boolean) {
  return useQuery({
    queryKey: diagnosticKeys.links(missionId),
    queryFn: () => api.get<SelfAssessmentLink[]>(`${m(missionId)}/self-assessments`),
    enabled,
  });
}

export function useLinkMutations(missionId: string) {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: diagnosticKeys.links(missionId) });
  return {
    create: useMutation({
      mutationFn: (body: LinkBody) => api.post<SelfAssessmentCreated>(`${m(missionId)}/self-assessments`, body),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api.delete(`${m(missionId)}/self-assessments/${id}`),
      onSuccess: refresh,
    }),
  };
}

export function useSelfAssessmentForm(token: string) {
  return useQuery({
    queryKey: ['self-assessment', token],
    queryFn: () => api.get<SelfAssessmentFormData>(`/api/self-assessment/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function submitSelfAssessment(token: string, body: SubmissionBody) {
  return api.post<{ received: true }>(`/api/self-assessment/${encodeURIComponent(token)}`, body);
}
