import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupSummary } from '../../../domain/mutualisation/api.ts';
import type { AgencyFileInput, AwardInput } from '../../../domain/purchasing/agency-file.ts';
import type {
  Adhesion,
  AdhesionInput,
  AgencyFile,
  ParticipationConfirmInput,
  ProcedureCostRecord,
  ScenarioCreateInput,
  ScenarioDetail,
  ScenarioSummary,
  ScenarioUpdateInput,
} from '../../../domain/purchasing/api.ts';
import type { ProcedureCost, SavingsAssumptionsInput } from '../../../domain/purchasing/savings.ts';
import { api } from '../../lib/api.ts';

/** Central purchasing: scenarios, the communes' confirmations and adhesions (issue 12). */
export const purchasingKeys = {
  all: ['purchasing'] as const,
  scenarios: ['purchasing', 'scenarios'] as const,
  scenario: (id: string) => ['purchasing', 'scenario', id] as const,
  adhesions: ['purchasing', 'adhesions'] as const,
  confirmedGroups: ['purchasing', 'confirmed-groups'] as const,
};

export function useScenarios() {
  return useQuery({
    queryKey: purchasingKeys.scenarios,
    queryFn: () => api.get<ScenarioSummary[]>('/api/purchasing/scenarios'),
  });
}

export function useScenario(id: string) {
  return useQuery({
    queryKey: purchasingKeys.scenario(id),
    queryFn: () => api.get<ScenarioDetail>(`/api/purchasing/scenarios/${encodeURIComponent(id)}`),
  });
}

/** The confirmed groups of needs a scenario can start from (agency staff). */
export function useConfirmedGroups(enabled: boolean) {
  return useQuery({
    queryKey: purchasingKeys.confirmedGroups,
    queryFn: () => api.get<GroupSummary[]>('/api/mutualisation/groups', { status: 'confirmed' }),
    enabled,
  });
}

export function useAdhesions() {
  return useQuery({
    queryKey: purchasingKeys.adhesions,
    queryFn: () => api.get<Adhesion[]>('/api/purchasing/adhesions'),
  });
}

export function useCreateScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScenarioCreateInput) => api.post<ScenarioDetail>('/api/purchasing/scenarios', input),
    onSuccess: () => client.invalidateQueries({ queryKey: purchasingKeys.scenarios }),
  });
}

function useScenarioMutation<T>(id: string, send: (input: T) => Promise<ScenarioDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(purchasingKeys.scenario(id), detail);
      void client.invalidateQueries({ queryKey: purchasingKeys.scenarios });
    },
  });
}

export function useUpdateScenario(id: string) {
  return useScenarioMutation(id, (input: ScenarioUpdateInput) =>
    api.put<ScenarioDetail>(`/api/purchasing/scenarios/${encodeURIComponent(id)}`, input),
  );
}

export function useConfirmParticipation(id: string) {
  return useScenarioMutation(id, (input: ParticipationConfirmInput) =>
    api.post<ScenarioDetail>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/confirmations`, input),
  );
}

export function useLaunchScenario(id: string) {
  return useScenarioMutation(id, (_: undefined) =>
    api.post<ScenarioDetail>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/launch`, {}),
  );
}

export function useAdhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AdhesionInput) => api.post<Adhesion[]>('/api/purchasing/adhesions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: purchasingKeys.all }),
  });
}

export function useAgencyFile(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...purchasingKeys.scenario(id), 'file'],
    queryFn: () => api.get<AgencyFile>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/file`),
    enabled,
  });
}

function useFileMutation<T>(id: string, send: (input: T) => Promise<AgencyFile>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (file) => {
      client.setQueryData([...purchasingKeys.scenario(id), 'file'], file);
      void client.invalidateQueries({ queryKey: ['catalogue'] });
    },
  });
}

export function useSaveFile(id: string) {
  return useFileMutation(id, (input: AgencyFileInput) =>
    api.put<AgencyFile>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/file`, input),
  );
}

export function useAward(id: string) {
  return useFileMutation(id, (input: AwardInput) =>
    api.post<AgencyFile>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/award`, input),
  );
}

/** The catalogue's listed solutions a lot can offer at award. */
export function useListedSolutions(enabled: boolean) {
  return useQuery({
    queryKey: ['purchasing', 'listed-solutions'],
    queryFn: () =>
      api.get<{ id: string; name: string; vendor: string }[]>('/api/catalogue/solutions', { status: 'listed' }),
    enabled,
  });
}

export function useSaveSavings(id: string) {
  return useScenarioMutation(id, (input: SavingsAssumptionsInput) =>
    api.put<ScenarioDetail>(`/api/purchasing/scenarios/${encodeURIComponent(id)}/savings`, input),
  );
}

/** The cost of each procedure type that savings rest on (admins edit it). */
export function useProcedureCosts() {
  return useQuery({
    queryKey: ['purchasing', 'procedure-costs'],
    queryFn: () => api.get<ProcedureCostRecord[]>('/api/purchasing/procedure-costs'),
  });
}

export function useSaveProcedureCosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rows: ProcedureCost[]) => api.put<ProcedureCostRecord[]>('/api/purchasing/procedure-costs', rows),
    onSuccess: (rows) => {
      client.setQueryData(['purchasing', 'procedure-costs'], rows);
      void client.invalidateQueries({ queryKey: ['purchasing', 'scenario'] });
    },
  });
}
