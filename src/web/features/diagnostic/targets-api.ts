import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { targetsContract as c } from '../../../domain/diagnostic/targets.contract.ts';
import type { TargetsInput } from '../../../domain/diagnostic/targets.ts';
import { call, endpointKey, endpointQuery } from '../../lib/contract-client.ts';

/** Targets per dimension and horizon, the gap of each factor and what closes it (decision 160). */
export function useTargets(missionId: string) {
  return useQuery(endpointQuery(c.view, { params: { id: missionId } }));
}

export function useSaveTargets(missionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TargetsInput) => call(c.save, { params: { id: missionId }, body }),
    onSuccess: (view) => client.setQueryData(endpointKey(c.view, { params: { id: missionId } }), view),
  });
}
