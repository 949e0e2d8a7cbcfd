import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Mission, MissionCreateInput, MissionUpdateInput, StaffMember } from '../../../domain/missions/mission.ts';
import type { MissionOverview } from '../../../domain/missions/overview.ts';
import { api } from '../../lib/api.ts';
import { missionKeys } from '../../lib/missions-query.ts';

export type MissionCreateBody = z.input<typeof MissionCreateInput>;
export type MissionUpdateBody = z.input<typeof MissionUpdateInput>;

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: ['missions', 'staff'],
    queryFn: () => api.get<StaffMember[]>('/api/missions/staff'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateMission() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MissionCreateBody) => api.post<Mission>('/api/missions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: missionKeys.all }),
  });
}

export function useUpdateMission(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MissionUpdateBody) => api.patch<Mission>(`/api/missions/${encodeURIComponent(id)}`, input),
    onSuccess: (mission) => {
      client.setQueryData(missionKeys.detail(id), mission);
      return client.invalidateQueries({ queryKey: ['missions', 'list'] });
    },
  });
}

/** GET /api/missions/:id/overview: where the mission stands, read fresh each time the tab opens. */
export function useMissionOverview(id: string) {
  return useQuery({
    queryKey: ['missions', 'overview', id],
    queryFn: () => api.get<MissionOverview>(`/api/missions/${encodeURIComponent(id)}/overview`),
    staleTime: 0,
  });
}
