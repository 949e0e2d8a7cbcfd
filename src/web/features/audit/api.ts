import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditContract } from '../../../domain/audit/audit.contract.ts';
import type { AuditPage, AuditQuery } from '../../../domain/audit/audit.ts';
import { endpointQuery } from '../../lib/contract-client.ts';

export type AuditPageResponse = z.infer<typeof AuditPage>;
export type AuditFilters = z.input<typeof AuditQuery>;

export function useAuditLog(filters: AuditFilters) {
  return useQuery({
    ...endpointQuery(auditContract.list, { query: filters }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useAuditFacets() {
  return useQuery(endpointQuery(auditContract.facets));
}
