import { defineContract } from '../shared/contract.ts';
import { AuditFacets, AuditPage, AuditQuery } from './audit.ts';

export const auditContract = defineContract('audit', {
  list: {
    method: 'GET',
    path: '/api/audit',
    summary: 'The audit log, newest first, with filters',
    query: AuditQuery,
    response: AuditPage,
  },
  facets: {
    method: 'GET',
    path: '/api/audit/facets',
    summary: 'Actions and entity types present in the log, for the filters',
    response: AuditFacets,
  },
});
