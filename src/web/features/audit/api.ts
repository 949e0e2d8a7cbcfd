import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditFacets, AuditPage, AuditQuery } from '../../../domain/audit/audit.ts';
import { api } from '../../lib/api.ts';

export type AuditPageResponse = z.infer<typeof AuditPage>;
export type AuditFilters = { [K in keyof z.input<typeof AuditQuery>]?: string | number };

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', 'list', filters],
    queryFn: () => api.get<AuditPageResponse>('/api/audit', filters),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useAuditFacets() {
  return useQuery({ queryKey: ['audit', 'facets'], queryFn: () => api.get<AuditFacets>('/api/audit/facets') });
}
