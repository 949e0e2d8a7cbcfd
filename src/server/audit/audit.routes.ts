import { AuditFacets, AuditPage, AuditQuery } from '../../domain/audit/audit.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';

export async function auditRoutes(app: ApiInstance, options: { uow: UnitOfWork }) {
  app.get(
    '/api/audit',
    {
      config: { access: { action: 'read', resource: 'audit' } },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, with filters',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await options.uow.read((repos) => repos.audit.search(request.query));
      return {
        items: items.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorId: e.actorId,
          actorEmail: e.actorEmail,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          communeNis: e.communeNis,
          before: e.before ?? null,
          after: e.after ?? null,
        })),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );

  app.get(
    '/api/audit/facets',
    {
      config: { access: { action: 'read', resource: 'audit' } },
      schema: {
        tags: ['audit'],
        summary: 'Actions and entity types present in the log, for the filters',
        response: { 200: AuditFacets, ...errorResponses },
      },
    },
    async () =>
      options.uow.read(async (repos) => ({
        actions: await repos.audit.distinctValues('action'),
        entityTypes: await repos.audit.distinctValues('entityType'),
      })),
  );
}
