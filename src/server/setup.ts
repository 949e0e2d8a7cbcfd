import { bootstrapAccounts, type CreatedAccount, checkAdminPassword } from './auth/bootstrap.ts';
import { UsersService } from './auth/users.service.ts';
import { CatalogueService } from './catalogue/catalogue.service.ts';
import { seedCatalogueDemo } from './catalogue/catalogue-demo.ts';
import { seedReferenceData } from './communes/reference-data.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { UnitOfWork } from './db/unit-of-work.ts';
import { DiagnosticService } from './diagnostic/diagnostic.service.ts';
import { WatchService } from './watch/watch.service.ts';

/** Opens the database the settings name: the PostgreSQL server of DATABASE_URL, or PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ dataDir: config.dataDir });
}

/** Everything a start needs before serving: migrations, reference data, first accounts. */
export async function prepareDatabase(database: DatabaseHandle, config: Config): Promise<CreatedAccount[]> {
  checkAdminPassword(config);
  await applyMigrations(database);
  const uow = new UnitOfWork(database.db);
  await seedReferenceData(uow);
  await new DiagnosticService(uow).rescoreOutdated();
  const created = await bootstrapAccounts(uow, new UsersService(uow), config);
  if (created.some((a) => a.demo)) {
    const catalogue = new CatalogueService(uow);
    await seedCatalogueDemo(catalogue, new WatchService(uow, catalogue), new Date());
  }
  return created;
}
