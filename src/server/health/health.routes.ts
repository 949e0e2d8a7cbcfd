import { sql } from 'drizzle-orm';
import { healthContract } from '../../domain/health/health.contract.ts';
import { PLACEHOLDER_OCDS_PREFIX } from '../../domain/open-data/ocds-history.ts';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';

export const VERSION = '0.1.0';

export async function healthRoutes(
  app: ApiInstance,
  options: { database: DatabaseHandle; config: Config; uow: UnitOfWork },
) {
  registerContract(app, healthContract.health, { public: true }, async (_request, reply) => {
    try {
      rowsOf(await options.database.db.execute(sql`select 1 as ok`));
      return { status: 'ok' as const, database: options.database.kind, version: VERSION };
    } catch {
      return reply
        .status(503)
        .send({ status: 'unavailable' as const, database: options.database.kind, version: VERSION });
    }
  });

  registerContract(app, healthContract.config, { public: true }, async () => {
    const agency = await options.uow.read((repos) => repos.users.getAgency());
    return {
      agency: { name: agency?.name ?? options.config.agencyName, demo: agency?.demo ?? false },
      map: {
        tileUrl: options.config.map.tileUrl ?? null,
        tileAttribution: options.config.map.tileAttribution ?? null,
      },
      ocds: {
        prefix: options.config.ocdsPrefix,
        placeholder: options.config.ocdsPrefix === PLACEHOLDER_OCDS_PREFIX,
      },
    };
  });
}
