import { useQuery } from '@tanstack/react-query';
import type { MissionPhase } from '../../domain/missions/mission.ts';
import { missionsContract } from '../../domain/missions/missions.contract.ts';
import { endpointKey, endpointQuery } from './contract-client.ts';

/**
 * Missions are shared by several features (the missions list, each phase's tab, the commune page): one cache for
 * all of them, keyed by the missions contract.
 */
export const missionKeys = {
  all: [missionsContract.list.feature] as const,
  lists: missionsContract.list.key,
  detail: (id: string) => endpointKey(missionsContract.get, { params: { id } }),
};

export function useMissions(filter: { communeNis?: string; phase?: MissionPhase } = {}, enabled = true) {
  return useQuery({ ...endpointQuery(missionsContract.list, { query: filter }), enabled });
}

export function useMission(id: string) {
  return useQuery(endpointQuery(missionsContract.get, { params: { id } }));
}
