import type { FastifyRequest } from 'fastify';
import { NeedListQuery } from '../../domain/needs/need.ts';
import { needsContract } from '../../domain/needs/needs.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { NeedsService } from './needs.service.ts';

const tags = ['needs'];
const communeInQuery = (request: FastifyRequest) => (request.query as { communeNis?: string }).communeNis;

export async function needsRoutes(app: ApiInstance, options: { needs: NeedsService }) {
  const { needs } = options;
  const c = needsContract;

  registerContract(app, c.list, { action: 'read', resource: 'need', commune: communeInQuery }, (request) =>
    needs.list(request.actor, request.query),
  );
  registerContract(app, c.create, { action: 'create', resource: 'need' }, (request) =>
    needs.create(request.ctx, request.body),
  );

  // The files stay plain routes: they stream a CSV or XLSX (decision 130).
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/needs/export.${format}`,
      {
        config: { access: { action: 'read', resource: 'need', commune: communeInQuery } },
        schema: {
          tags,
          summary: `The needs as ${format.toUpperCase()} (the columns import reads)`,
          querystring: NeedListQuery,
        },
      },
      async (request, reply) => {
        const file = await needs.export(request.actor, request.query, format);
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/needs/template.${format}`,
      {
        config: { access: { action: 'create', resource: 'need' } },
        schema: {
          tags,
          summary: `The empty ${format.toUpperCase()} file to import needs: the columns and the values they accept`,
        },
      },
      async (_request, reply) => {
        const file = await needs.template(format);
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  registerContract(app, c.previewImport, { action: 'create', resource: 'need' }, (request) =>
    needs.previewImport(request.actor, request.body),
  );
  registerContract(app, c.confirmImport, { action: 'create', resource: 'need' }, (request) =>
    needs.confirmImport(request.ctx, request.body),
  );
  registerContract(app, c.get, { action: 'read', resource: 'need' }, (request) =>
    needs.get(request.actor, request.params.id),
  );
  registerContract(app, c.update, { action: 'update', resource: 'need' }, (request) =>
    needs.update(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.delete, { action: 'delete', resource: 'need' }, async (request) => {
    await needs.delete(request.ctx, request.params.id);
    return null;
  });
}
