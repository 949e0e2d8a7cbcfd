import { useQuery } from '@tanstack/react-query';
import type { PublicConfig } from '../../domain/shared/public-config.ts';
import { api } from './api.ts';

/** GET /api/config: the agency's name and the optional base map; read once per visit. */
export function usePublicConfig() {
  return useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<PublicConfig>('/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
