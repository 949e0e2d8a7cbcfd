import { useQuery } from '@tanstack/react-query';
import type { Site } from '../../../domain/communes/commune.ts';
import { api } from '../../lib/api.ts';

/** The sites of a commune that a mission can serve. */
export function useCommuneSites(communeNis: string | null) {
  return useQuery({
    queryKey: ['communes', 'sites', communeNis],
    queryFn: () => api.get<Site[]>(`/api/communes/${communeNis}/sites`),
    enabled: Boolean(communeNis),
  });
}
