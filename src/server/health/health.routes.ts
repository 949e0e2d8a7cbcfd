import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import type { ApiInstance } from '../http/types.ts';

export const VERSION = '0.1.0';

export async function healthRoutes(app: ApiInstance, options: { database: DatabaseHandle; config: Config }) {
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
        summary: 'Public settings the web app needs (map tiles)',
        response: {
          200: z.object({
            map: z.object({ tileUrl: z.string().nullable(), tileAttribution: z.string().nullable() }),
          }),
        },
      },
    },
    async () => ({
      map: { tileUrl: options.config.map.tileUrl ?? null, tileAttribution: options.config.map.tileAttribution ?? null },
    }),
  );
}
