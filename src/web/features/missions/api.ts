import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MissionCreateInput, MissionUpdateInput } from '../../../domain/missions/mission.ts';
import { missionsContract } from '../../../domain/missions/missions.contract.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';
import { missionKeys } from '../../lib/missions-query.ts';

export type MissionCreateBody = z.input<typeof MissionCreateInput>;
export type MissionUpdateBody = z.input<typeof MissionUpdateInput>;

export function useStaff(enabled = true) {
  return useQuery({ ...endpointQuery(missionsContract.staff), enabled, staleTime: 5 * 60_000 });
}

export function useCreateMission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MissionCreateBody) => call(missionsContract.create, { body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: missionKeys.all }),
  });
}

export function useUpdateMission(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MissionUpdateBody) => call(missionsContract.update, { params: { id }, body: input }),
    onSuccess: (mission) => {
      client.setQueryData(missionKeys.detail(id), mission);
      return client.invalidateQueries({ queryKey: missionKeys.lists });
    },
  });
}

/** Where the mission stands, read fresh each time the tab opens. */
export function useMissionOverview(id: string) {
  return useQuery({ ...endpointQuery(missionsContract.overview, { params: { id } }), staleTime: 0 });
}
