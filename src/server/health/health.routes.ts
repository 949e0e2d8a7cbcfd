import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PublicConfig } from '../../domain/shared/public-config.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import type { ApiInstance } from '../http/types.ts';

export const VERSION = '0.1.0';

export async function healthRoutes(
  app: ApiInstance,
  options: { database: DatabaseHandle; config: Config; uow: UnitOfWork },
) {
  app.get(
    '/api/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Is the service up, and can it reach its database?',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
          503: z.object({
            status: z.literal('unavailable'),
            database: z.enum(['pglite', 'postgres']),
            version: z.string(),
          }),
        },
      },
    },
    async (_request, reply) => {
      try {
        rowsOf(await options.database.db.execute(sql`select 1 as ok`));
        return { status: 'ok' as const, database: options.database.kind, version: VERSION };
      } catch {
        return reply
          .status(503)
          .send({ status: 'unavailable' as const, database: options.database.kind, version: VERSION });
      }
    },
  );

  app.get(
    '/api/config',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Public settings the web app needs (the agency, map tiles)',
        response: { 200: PublicConfig },
      },
    },
    async () => {
      const agency = await options.uow.read((repos) => repos.users.getAgency());
      return {
        agency: { name: agency?.name ?? options.config.agencyName, demo: agency?.demo ?? false },
        map: {
          tileUrl: options.config.map.tileUrl ?? null,
          tileAttribution: options.config.map.tileAttribution ?? null,
        },
      };
    },
  );
}
