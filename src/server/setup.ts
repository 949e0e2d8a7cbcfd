import { bootstrapAccounts, type CreatedAccount, checkAdminPassword } from './auth/bootstrap.ts';
import { releasePasswordEstimator } from './auth/password-policy.ts';
import { UsersService } from './auth/users.service.ts';
import { seedReferenceData } from './communes/reference-data.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { UnitOfWork } from './db/unit-of-work.ts';
import { type DemoSummary, seedDemo } from './demo/seed-demo.ts';
import { DiagnosticCore } from './diagnostic/diagnostic-core.ts';

/** Opens the database the settings name: the PostgreSQL server of DATABASE_URL, or PGlite in DATA_DIR. */
export function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ databaseUrl: config.databaseUrl })
    : openDatabase({ dataDir: config.dataDir });
}

/**
 * Everything a start needs before serving: migrations, reference data, first accounts, and on a new workspace the
 * demo (unless SEED_DEMO=false); `onDemo` hears how long the demo took to load.
 */
export async function prepareDatabase(
  database: DatabaseHandle,
  config: Config,
  options: { onDemo?: (summary: DemoSummary) => void; today?: Date } = {},
): Promise<CreatedAccount[]> {
  checkAdminPassword(config);
  await applyMigrations(database);
  const uow = new UnitOfWork(database.db);
  await seedReferenceData(uow);
  await new DiagnosticCore(uow).rescoreOutdated();
  const created = await bootstrapAccounts(uow, new UsersService(uow), config);
  if (created.some((a) => a.demo)) {
    const summary = await seedDemo(database, config.agencyName, options.today ?? new Date());
    options.onDemo?.(summary);
  }
  // ADMIN_PASSWORD and the first accounts were checked: the password dictionaries (~60 MB) need not stay for a
  // server that may set no password for days.
  releasePasswordEstimator();
  return created;
}
