import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicConfig } from '../../domain/shared/public-config.ts';
import { request } from './api.ts';
import { FRAME_ENDPOINTS } from './session.ts';

/** The agency's name and the optional base map; read once per visit (without its contract: see FRAME_ENDPOINTS). */
export function usePublicConfig() {
  return useQuery({
    queryKey: FRAME_ENDPOINTS.config.key,
    queryFn: () => request<z.infer<typeof PublicConfig>>(FRAME_ENDPOINTS.config.method, FRAME_ENDPOINTS.config.path),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
