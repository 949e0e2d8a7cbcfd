import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { catalogueContract } from '../../../domain/catalogue/catalogue.contract.ts';
import { mutualisationContract } from '../../../domain/mutualisation/mutualisation.contract.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import { purchasingContract } from '../../../domain/purchasing/purchasing.contract.ts';
import type { EndpointArgs } from '../../../domain/shared/contract.ts';
import { call, endpointKey, endpointQuery } from '../../lib/contract-client.ts';

/** Central purchasing: scenarios, the communes' confirmations and adhesions, the agency's file, savings (issue 12). */
const p = purchasingContract;
/** Every query of the feature: what an adhesion may have changed (the scenarios' blockers, their lines' badges). */
const purchasingKey = [p.scenarios.feature] as const;

type Body<E extends keyof typeof p> = EndpointArgs<(typeof p)[E]> extends { body: infer B } ? B : never;

export function useScenarios() {
  return useQuery(endpointQuery(p.scenarios));
}

export function useScenario(id: string) {
  return useQuery(endpointQuery(p.scenario, { params: { id } }));
}

/** The confirmed groups of needs a scenario can start from (agency staff). */
export function useConfirmedGroups(enabled: boolean) {
  return useQuery({ ...endpointQuery(mutualisationContract.groups, { query: { status: 'confirmed' } }), enabled });
}

export function useAdhesions() {
  return useQuery(endpointQuery(p.adhesions));
}

export function useCreateScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<'createScenario'>) => call(p.createScenario, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: p.scenarios.key }),
  });
}

/** A change that answers the scenario: it replaces the one read, and the list is read again. */
function useScenarioMutation<T>(id: string, send: (input: T) => Promise<ScenarioDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(endpointKey(p.scenario, { params: { id } }), detail);
      void client.invalidateQueries({ queryKey: p.scenarios.key });
    },
  });
}

export function useUpdateScenario(id: string) {
  return useScenarioMutation(id, (input: Body<'updateScenario'>) =>
    call(p.updateScenario, { params: { id }, body: input }),
  );
}

export function useConfirmParticipation(id: string) {
  return useScenarioMutation(id, (input: Body<'confirm'>) => call(p.confirm, { params: { id }, body: input }));
}

export function useLaunchScenario(id: string) {
  return useScenarioMutation(id, (_: undefined) => call(p.launch, { params: { id } }));
}

export function useAdhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<'adhere'>) => call(p.adhere, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: purchasingKey }),
  });
}

export function useAgencyFile(id: string, enabled: boolean) {
  return useQuery({ ...endpointQuery(p.file, { params: { id } }), enabled });
}

/** A change of the file: it replaces the one read; an award adds an agreement to the catalogue. */
function useFileMutation<T>(id: string, send: (input: T) => Promise<AgencyFile>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (file) => {
      client.setQueryData(endpointKey(p.file, { params: { id } }), file);
      void client.invalidateQueries({ queryKey: [catalogueContract.solutions.feature] });
    },
  });
}

export function useSaveFile(id: string) {
  return useFileMutation(id, (input: Body<'saveFile'>) => call(p.saveFile, { params: { id }, body: input }));
}

export function useAward(id: string) {
  return useFileMutation(id, (input: Body<'award'>) => call(p.award, { params: { id }, body: input }));
}

/** The catalogue's listed solutions a lot can offer at award. */
export function useListedSolutions(enabled: boolean) {
  return useQuery({ ...endpointQuery(catalogueContract.solutions, { query: { status: 'listed' } }), enabled });
}

export function useSaveSavings(id: string) {
  return useScenarioMutation(id, (input: Body<'saveSavings'>) => call(p.saveSavings, { params: { id }, body: input }));
}

/** The cost of each procedure type that savings rest on (admins edit it). */
export function useProcedureCosts() {
  return useQuery(endpointQuery(p.procedureCosts));
}

export function useSaveProcedureCosts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rows: Body<'saveProcedureCosts'>) => call(p.saveProcedureCosts, { body: rows }),
    onSuccess: (rows) => {
      client.setQueryData(endpointKey(p.procedureCosts), rows);
      void client.invalidateQueries({ queryKey: p.scenario.key });
    },
  });
}
