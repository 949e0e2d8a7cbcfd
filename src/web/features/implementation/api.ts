import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogueContract } from '../../../domain/catalogue/catalogue.contract.ts';
import {
  implementationContract as c,
  implementationFiles,
} from '../../../domain/implementation/implementation.contract.ts';
import type { DashboardQuery, ProjectFollowUp } from '../../../domain/implementation/implementation-api.ts';
import { type Endpoint, type EndpointArgs, fillPath } from '../../../domain/shared/contract.ts';
import { withQuery } from '../../lib/api.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

/**
 * The implementation phase through its contract (src/domain/implementation/implementation.contract.ts): a mission's
 * projects, one project's follow-up, alerts, dashboard, thresholds, notices, public page. Keys come from the
 * declarations: `[c.followUp.key]` is every follow-up, `['implementation']` the whole feature.
 */
export { implementationContract } from '../../../domain/implementation/implementation.contract.ts';

export const useImplementationArea = (enabled = true) => useQuery({ ...endpointQuery(c.area), enabled });

export const useMissionImplementation = (missionId: string) =>
  useQuery(endpointQuery(c.mission, { params: { missionId } }));

export const useFollowUp = (projectId: string) => useQuery(endpointQuery(c.followUp, { params: { id: projectId } }));

/** The endpoints that change a project's follow-up and answer with it. */
type FollowUpChange = Endpoint & { response: (typeof c.followUp)['response'] };
/** What a change takes beside the item it acts on: its body, if it has one. */
type ChangeInput<E extends FollowUpChange> = EndpointArgs<E> extends { body: infer B } ? B : undefined;

/**
 * Every change answers with the whole follow-up: it replaces the cached one, and the mission's list and the alerts
 * refresh. `target` is the id in the path (the project's, or the item's for items), `input` the body.
 */
function useFollowUpChange<E extends FollowUpChange, V>(
  projectId: string,
  endpoint: E,
  args: (variables: V) => { id: string; body?: ChangeInput<E> },
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => {
      const { id, body } = args(variables);
      return call(endpoint as Endpoint, { params: { id }, body } as never) as Promise<ProjectFollowUp>;
    },
    onSuccess: (state) => {
      client.setQueryData(endpointQuery(c.followUp, { params: { id: projectId } }).queryKey, state);
      void client.invalidateQueries({ queryKey: c.mission.key });
      void client.invalidateQueries({ queryKey: c.alerts.key });
    },
  });
}

type Body<E extends FollowUpChange> = ChangeInput<E>;
const onProject =
  <E extends FollowUpChange>(projectId: string) =>
  (body: Body<E>) => ({ id: projectId, body });
const onItem =
  <E extends FollowUpChange>() =>
  ({ id, ...body }: Body<E> & { id: string }) => ({ id, body: body as Body<E> });
const byId = (id: string) => ({ id });

export const useChangeStatus = (projectId: string) =>
  useFollowUpChange(projectId, c.changeStatus, onProject<typeof c.changeStatus>(projectId));
export const useUpdateFollowUp = (projectId: string) =>
  useFollowUpChange(projectId, c.update, onProject<typeof c.update>(projectId));
export const usePublish = (projectId: string) =>
  useFollowUpChange(projectId, c.publish, onProject<typeof c.publish>(projectId));
export const useSaveProcurement = (projectId: string) =>
  useFollowUpChange(projectId, c.saveProcurement, onProject<typeof c.saveProcurement>(projectId));
export const useAddMilestone = (projectId: string) =>
  useFollowUpChange(projectId, c.addMilestone, onProject<typeof c.addMilestone>(projectId));
export const useUpdateMilestone = (projectId: string) =>
  useFollowUpChange(projectId, c.updateMilestone, onItem<typeof c.updateMilestone>());
export const useDeleteMilestone = (projectId: string) => useFollowUpChange(projectId, c.deleteMilestone, byId);
export const useAddIndicator = (projectId: string) =>
  useFollowUpChange(projectId, c.addIndicator, onProject<typeof c.addIndicator>(projectId));
export const useUpdateIndicator = (projectId: string) =>
  useFollowUpChange(projectId, c.updateIndicator, onItem<typeof c.updateIndicator>());
export const useDeleteIndicator = (projectId: string) => useFollowUpChange(projectId, c.deleteIndicator, byId);
export const useAddMeasurement = (projectId: string) =>
  useFollowUpChange(
    projectId,
    c.addMeasurement,
    ({ indicatorId, ...body }: Body<typeof c.addMeasurement> & { indicatorId: string }) => ({ id: indicatorId, body }),
  );
export const useUpdateMeasurement = (projectId: string) =>
  useFollowUpChange(projectId, c.updateMeasurement, onItem<typeof c.updateMeasurement>());
export const useDeleteMeasurement = (projectId: string) => useFollowUpChange(projectId, c.deleteMeasurement, byId);
export const useAddDocument = (projectId: string) =>
  useFollowUpChange(projectId, c.addDocument, onProject<typeof c.addDocument>(projectId));
export const useDeleteDocument = (projectId: string) => useFollowUpChange(projectId, c.deleteDocument, byId);

export const fetchProcedureAdvice = (projectId: string, query: EndpointArgs<typeof c.procedureAdvice>['query']) =>
  call(c.procedureAdvice, { params: { id: projectId }, query });

/** The catalogue's listed solutions, each in the lots of the framework agreement that offer it: a call-off's choices. */
export function useFrameworkOffers(enabled: boolean) {
  return useQuery({
    ...endpointQuery(catalogueContract.solutions, { query: { status: 'listed' } }),
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

/** The commune's orders in the catalogue (not cancelled): the call-off a procurement file can point to. */
export function useCommuneCallOffs(communeNis: string, enabled: boolean) {
  return useQuery({
    ...endpointQuery(catalogueContract.callOffs, { query: { commune: communeNis } }),
    enabled,
    select: (callOffs) => callOffs.filter((o) => o.cancelledAt === null),
  });
}

export const documentUrl = (id: string) => fillPath(implementationFiles.document, { id });
export const ocdsUrl = (projectId: string) => fillPath(implementationFiles.ocds, { id: projectId });
export const dashboardXlsxUrl = (query: DashboardQuery) => withQuery(implementationFiles.dashboardXlsx, query);

export const useAlerts = (enabled = true) => useQuery({ ...endpointQuery(c.alerts), enabled, staleTime: 60_000 });

export const useDashboard = (query: DashboardQuery, enabled = true) =>
  useQuery({ ...endpointQuery(c.dashboard, { query }), enabled });

export const useThresholds = (enabled = true) => useQuery({ ...endpointQuery(c.thresholds), enabled });

/** A change of the thresholds answers with the whole table: it replaces the cached one. */
function useThresholdsChange<V>(send: (variables: V) => ReturnType<typeof call<typeof c.thresholds>>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (rows) => client.setQueryData(endpointQuery(c.thresholds).queryKey, rows),
  });
}

export const useDeleteThresholdPeriod = () =>
  useThresholdsChange((validFrom: string) => call(c.deleteThresholdPeriod, { params: { validFrom } }));
export const useSaveThresholds = () =>
  useThresholdsChange((table: EndpointArgs<typeof c.replaceThresholds>['body']) =>
    call(c.replaceThresholds, { body: table }),
  );

export const useNotices = (enabled = true) => useQuery({ ...endpointQuery(c.notices), enabled });

export function useRunNotices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(c.runNotices),
    onSuccess: () => client.invalidateQueries({ queryKey: c.notices.key }),
  });
}

export const useNotificationSettings = () => useQuery(endpointQuery(c.notificationSettings));

export function useSaveNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EndpointArgs<typeof c.updateNotificationSettings>['body']) =>
      call(c.updateNotificationSettings, { body }),
    onSuccess: (settings) => client.setQueryData(endpointQuery(c.notificationSettings).queryKey, settings),
  });
}

export const usePublishedCommunes = () => useQuery(endpointQuery(c.publishedCommunes));
