import { z } from 'zod';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { PurchasingOcdsService } from './ocds-export.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['purchasing'];

/**
 * The OCDS of a launched scenario (issue 12): the framework agreement's process and its call-offs' processes.
 * Exporting publishes what changed since the last export (decision 140), hence the agency staff's right to update.
 */
export async function purchasingOcdsRoutes(app: ApiInstance, options: { ocds: PurchasingOcdsService }) {
  const { ocds } = options;

  app.get(
    '/api/purchasing/scenarios/:id/ocds',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary: 'The framework agreement and its call-offs as an OCDS 1.1 release package (every release published)',
        params: IdParams,
        produces: ['application/json'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const uri = `${request.protocol}://${request.host}/api/purchasing/scenarios/${request.params.id}/ocds`;
      const pkg = await ocds.releasePackage(request.ctx, request.params.id, uri);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ocds-accord-cadre-${request.params.id}.json"`)
        .send(JSON.stringify(pkg, null, 2) as never);
    },
  );

  app.get(
    '/api/purchasing/scenarios/:id/ocds/records',
    {
      config: { access: { action: 'update', resource: 'purchasing' } },
      schema: {
        tags,
        summary:
          'The framework agreement and its call-offs as an OCDS 1.1 record package (releases and compiled release)',
        params: IdParams,
        produces: ['application/json'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const base = `${request.protocol}://${request.host}/api/purchasing/scenarios/${request.params.id}/ocds`;
      const pkg = await ocds.recordPackage(request.ctx, request.params.id, `${base}/records`, base);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ocds-accord-cadre-${request.params.id}-records.json"`)
        .send(JSON.stringify(pkg, null, 2) as never);
    },
  );
}
