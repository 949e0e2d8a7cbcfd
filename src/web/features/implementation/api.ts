import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DocumentInput,
  FollowUpUpdateInput,
  IndicatorInput,
  MeasurementInput,
  MilestoneInput,
  ProcurementInput,
  StatusChangeInput,
} from '../../../domain/implementation/follow-up.ts';
import type {
  AlertList,
  Dashboard,
  DashboardQuery,
  MissionImplementation,
  Notice,
  NoticeRunResult,
  NotificationSettings,
  ProjectFollowUp,
  PublicProgress,
  PublishedCommunes,
  ThresholdPeriodRecord,
} from '../../../domain/implementation/implementation-api.ts';
import type { ProcedureAdvice } from '../../../domain/implementation/procedures.ts';
import type { ThresholdTable } from '../../../domain/implementation/thresholds.ts';
import { api, withQuery } from '../../lib/api.ts';

/** The implementation phase: a mission's projects, one project's follow-up, alerts, dashboard, public page. */
export const implementationKeys = {
  all: ['implementation'] as const,
  mission: (missionId: string) => ['implementation', 'mission', missionId] as const,
  project: (projectId: string) => ['implementation', 'project', projectId] as const,
  alerts: ['implementation', 'alerts'] as const,
  dashboard: (query: DashboardQuery) => ['implementation', 'dashboard', query] as const,
  thresholds: ['implementation', 'thresholds'] as const,
  notices: ['implementation', 'notices'] as const,
  settings: ['implementation', 'settings'] as const,
  publicProgress: (nisCode: string) => ['implementation', 'public', nisCode] as const,
};

const project = (id: string) => `/api/implementation/projects/${encodeURIComponent(id)}`;

export function useMissionImplementation(missionId: string) {
  return useQuery({
    queryKey: implementationKeys.mission(missionId),
    queryFn: () => api.get<MissionImplementation>(`/api/missions/${encodeURIComponent(missionId)}/implementation`),
  });
}

export function useFollowUp(projectId: string) {
  return useQuery({
    queryKey: implementationKeys.project(projectId),
    queryFn: () => api.get<ProjectFollowUp>(project(projectId)),
  });
}

/** Every change answers with the whole follow-up: it replaces the cached one, and lists and alerts refresh. */
function useFollowUpChange<I>(projectId: string, send: (input: I) => Promise<ProjectFollowUp>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (state) => {
      client.setQueryData(implementationKeys.project(projectId), state);
      void client.invalidateQueries({ queryKey: implementationKeys.mission(state.missionId) });
      void client.invalidateQueries({ queryKey: implementationKeys.alerts });
    },
  });
}

export const useChangeStatus = (projectId: string) =>
  useFollowUpChange(projectId, (input: StatusChangeInput) =>
    api.post<ProjectFollowUp>(`${project(projectId)}/status`, input),
  );
export const useUpdateFollowUp = (projectId: string) =>
  useFollowUpChange(projectId, (input: FollowUpUpdateInput) => api.patch<ProjectFollowUp>(project(projectId), input));
export const useAddMilestone = (projectId: string) =>
  useFollowUpChange(projectId, (input: MilestoneInput) =>
    api.post<ProjectFollowUp>(`${project(projectId)}/milestones`, input),
  );
export const useUpdateMilestone = (projectId: string) =>
  useFollowUpChange(projectId, ({ id, ...input }: MilestoneInput & { id: string }) =>
    api.put<ProjectFollowUp>(`/api/implementation/milestones/${encodeURIComponent(id)}`, input),
  );
export const useDeleteMilestone = (projectId: string) =>
  useFollowUpChange(projectId, (id: string) =>
    api.delete<ProjectFollowUp>(`/api/implementation/milestones/${encodeURIComponent(id)}`),
  );
export const useAddIndicator = (projectId: string) =>
  useFollowUpChange(projectId, (input: IndicatorInput) =>
    api.post<ProjectFollowUp>(`${project(projectId)}/indicators`, input),
  );
export const useAddMeasurement = (projectId: string) =>
  useFollowUpChange(projectId, ({ indicatorId, ...input }: MeasurementInput & { indicatorId: string }) =>
    api.post<ProjectFollowUp>(`/api/implementation/indicators/${encodeURIComponent(indicatorId)}/measurements`, input),
  );
export const useUpdateIndicator = (projectId: string) =>
  useFollowUpChange(projectId, ({ id, ...input }: IndicatorInput & { id: string }) =>
    api.put<ProjectFollowUp>(`/api/implementation/indicators/${encodeURIComponent(id)}`, input),
  );
export const useDeleteIndicator = (projectId: string) =>
  useFollowUpChange(projectId, (id: string) =>
    api.delete<ProjectFollowUp>(`/api/implementation/indicators/${encodeURIComponent(id)}`),
  );
export const useUpdateMeasurement = (projectId: string) =>
  useFollowUpChange(projectId, ({ id, ...input }: MeasurementInput & { id: string }) =>
    api.put<ProjectFollowUp>(`/api/implementation/measurements/${encodeURIComponent(id)}`, input),
  );
export const useDeleteMeasurement = (projectId: string) =>
  useFollowUpChange(projectId, (id: string) =>
    api.delete<ProjectFollowUp>(`/api/implementation/measurements/${encodeURIComponent(id)}`),
  );
export const useAddDocument = (projectId: string) =>
  useFollowUpChange(projectId, (input: DocumentInput) =>
    api.post<ProjectFollowUp>(`${project(projectId)}/documents`, input),
  );
export const useDeleteDocument = (projectId: string) =>
  useFollowUpChange(projectId, (id: string) =>
    api.delete<ProjectFollowUp>(`/api/implementation/documents/${encodeURIComponent(id)}`),
  );
export const usePublish = (projectId: string) =>
  useFollowUpChange(projectId, (input: { published: boolean; publishAmounts?: boolean }) =>
    api.put<ProjectFollowUp>(`${project(projectId)}/publication`, input),
  );
export const useSaveProcurement = (projectId: string) =>
  useFollowUpChange(projectId, (input: ProcurementInput) =>
    api.put<ProjectFollowUp>(`${project(projectId)}/procurement`, input),
  );

export function fetchProcedureAdvice(
  projectId: string,
  query: {
    nature: string;
    estimatedAmountExclVat: number;
    launchDate: string;
    frameworkSolutionId?: string;
    frameworkLotId?: string;
  },
) {
  return api.get<ProcedureAdvice>(`${project(projectId)}/procurement/advice`, query);
}

type ListedSolution = {
  id: string;
  name: string;
  vendor: string;
  lots: { lotId: string; lotNumber: number; lotTitle: string; agreementReference: string }[];
};

/** The catalogue's listed solutions, each in the lots of the framework agreement that offer it: a call-off's choices. */
export function useFrameworkOffers(enabled: boolean) {
  return useQuery({
    queryKey: ['implementation', 'framework-offers'],
    queryFn: () => api.get<ListedSolution[]>('/api/catalogue/solutions', { status: 'listed' }),
    enabled,
    select: (solutions) =>
      solutions.flatMap((s) =>
        s.lots.map((lot) => ({
          value: `${s.id}/${lot.lotId}`,
          label: `${s.name} — lot ${lot.lotNumber} « ${lot.lotTitle} » (${lot.agreementReference})`,
        })),
      ),
  });
}

type CatalogueCallOff = {
  id: string;
  solutionId: string;
  lotId: string;
  quantity: number;
  amount: number;
  orderedAt: string;
  cancelledAt: string | null;
};

/** The commune's orders in the catalogue (not cancelled): the call-off a procurement file can point to. */
export function useCommuneCallOffs(communeNis: string, enabled: boolean) {
  return useQuery({
    queryKey: ['implementation', 'call-offs', communeNis],
    queryFn: () => api.get<CatalogueCallOff[]>('/api/catalogue/call-offs', { commune: communeNis }),
    enabled,
    select: (callOffs) => callOffs.filter((c) => c.cancelledAt === null),
  });
}

export const documentUrl = (id: string) => `/api/implementation/documents/${encodeURIComponent(id)}`;
export const ocdsUrl = (projectId: string) => `${project(projectId)}/procurement/ocds`;
export const dashboardXlsxUrl = (query: DashboardQuery) => withQuery('/api/implementation/dashboard.xlsx', query);

export function useAlerts(enabled = true) {
  return useQuery({
    queryKey: implementationKeys.alerts,
    queryFn: () => api.get<AlertList>('/api/implementation/alerts'),
    enabled,
    staleTime: 60_000,
  });
}

export function useDashboard(query: DashboardQuery, enabled = true) {
  return useQuery({
    queryKey: implementationKeys.dashboard(query),
    queryFn: () => api.get<Dashboard>('/api/implementation/dashboard', query),
    enabled,
  });
}

export function useThresholds(enabled = true) {
  return useQuery({
    queryKey: implementationKeys.thresholds,
    queryFn: () => api.get<ThresholdPeriodRecord[]>('/api/implementation/thresholds'),
    enabled,
  });
}

export function useDeleteThresholdPeriod() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (validFrom: string) =>
      api.delete<ThresholdPeriodRecord[]>(`/api/implementation/thresholds/${encodeURIComponent(validFrom)}`),
    onSuccess: (rows) => client.setQueryData(implementationKeys.thresholds, rows),
  });
}

export function useSaveThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (table: ThresholdTable) => api.put<ThresholdPeriodRecord[]>('/api/implementation/thresholds', table),
    onSuccess: (rows) => client.setQueryData(implementationKeys.thresholds, rows),
  });
}

export function useNotices(enabled = true) {
  return useQuery({
    queryKey: implementationKeys.notices,
    queryFn: () => api.get<Notice[]>('/api/implementation/notices'),
    enabled,
  });
}

export function useRunNotices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<NoticeRunResult>('/api/implementation/notices/run'),
    onSuccess: () => client.invalidateQueries({ queryKey: implementationKeys.notices }),
  });
}

export function useNotificationSettings() {
  return useQuery({
    queryKey: implementationKeys.settings,
    queryFn: () => api.get<NotificationSettings>('/api/account/notifications'),
  });
}

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationSettings) => api.put<NotificationSettings>('/api/account/notifications', input),
    onSuccess: (settings) => client.setQueryData(implementationKeys.settings, settings),
  });
}

export function usePublicProgress(nisCode: string) {
  return useQuery({
    queryKey: implementationKeys.publicProgress(nisCode),
    queryFn: () => api.get<PublicProgress>(`/api/public/communes/${encodeURIComponent(nisCode)}/progress`),
  });
}

export function usePublishedCommunes() {
  return useQuery({
    queryKey: ['implementation', 'public'] as const,
    queryFn: () => api.get<PublishedCommunes>('/api/public/progress'),
  });
}
