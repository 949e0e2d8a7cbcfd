import type { Command } from 'commander';
import { seedReferenceData } from '../../server/communes/reference-data.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { UnitOfWork } from '../../server/db/unit-of-work.ts';
import { auditOf, CLI_CONTEXT } from '../../server/http/request-context.ts';
import { type CliIo, print, withDatabase } from '../context.ts';

export function registerDatabaseCommands(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description('apply the database migrations (the server also does it at start)')
    .action(() =>
      withDatabase(io, async (db, config) => {
        await applyMigrations(db);
        print(io, `migrations applied (${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`})`);
      }),
    );

  program
    .command('seed')
    .description('load the reference data: the communes of the province, their boundaries and reference sites')
    .option(
      '--boundaries <file>',
      'a GeoJSON FeatureCollection keyed by NIS code to use instead of the bundled boundaries',
    )
    .action((options: { boundaries?: string }) =>
      withDatabase(io, async (db) => {
        await applyMigrations(db);
        const uow = new UnitOfWork(db.db);
        const report = await seedReferenceData(uow, options.boundaries ? { boundariesFile: options.boundaries } : {});
        await uow.write((repos) =>
          repos.audit.record(
            auditOf(CLI_CONTEXT, {
              action: 'reference.seed',
              entityType: 'commune',
              after: { ...report, boundariesFile: options.boundaries ?? null },
            }),
          ),
        );
        print(
          io,
          `seeded ${report.communes} communes (${report.boundaries} with a boundary) and ${report.sites} reference sites`,
        );
      }),
    );
}
