import { useQuery } from '@tanstack/react-query';
import type { Mission, MissionPhase } from '../../domain/missions/mission.ts';
import { api } from './api.ts';

/**
 * Missions are shared by several features (the missions list, each phase's tab, the commune page): one cache for
 * all of them.
 */
export const missionKeys = {
  all: ['missions'] as const,
  list: (filter: { communeNis?: string; phase?: MissionPhase }) => ['missions', 'list', filter] as const,
  detail: (id: string) => ['missions', 'detail', id] as const,
};

export function useMissions(filter: { communeNis?: string; phase?: MissionPhase } = {}, enabled = true) {
  return useQuery({
    queryKey: missionKeys.list(filter),
    queryFn: () => api.get<Mission[]>('/api/missions', filter),
    enabled,
  });
}

export function useMission(id: string) {
  return useQuery({
    queryKey: missionKeys.detail(id),
    queryFn: () => api.get<Mission>(`/api/missions/${encodeURIComponent(id)}`),
  });
}
