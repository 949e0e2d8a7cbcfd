import { auditContract } from '../../domain/audit/audit.contract.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';

export async function auditRoutes(app: ApiInstance, options: { uow: UnitOfWork }) {
  const readAudit = { action: 'read', resource: 'audit' } as const;

  registerContract(app, auditContract.list, readAudit, async (request) => {
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
  });

  registerContract(app, auditContract.facets, readAudit, async () =>
    options.uow.read(async (repos) => ({
      actions: await repos.audit.distinctValues('action'),
      entityTypes: await repos.audit.distinctValues('entityType'),
    })),
  );
}
