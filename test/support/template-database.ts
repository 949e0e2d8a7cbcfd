/**
 * One migrated, seeded database per test run, copied for every test file: PGlite restores a dump of its data
 * folder; a PostgreSQL server (DATABASE_URL) clones a template database. Both far faster than migrating each time.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedReferenceData } from '../../src/server/communes/reference-data.ts';
import { openDatabase } from '../../src/server/db/client.ts';
import { applyMigrations } from '../../src/server/db/migrate.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { installJobTables } from '../../src/server/jobs/job-queue.ts';

export type Template = { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; databaseUrl: string; name: string };

export const TEST_DB_PREFIX = 'sr_test_';

export function databaseUrlFor(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTemplate(databaseUrl: string | undefined): Promise<Template> {
  if (!databaseUrl) {
    const handle = await openDatabase({ memory: true });
    await applyMigrations(handle);
    await seedReferenceData(new UnitOfWork(handle.db));
    // The job queue's tables too (decision 110): each test's app then only checks them.
    await installJobTables(handle);
    const dump = await handle.pglite!.dumpDataDir('none');
    const dumpFile = join(tmpdir(), `smart-rural-template-${process.pid}-${Date.now()}.tar`);
    await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
    await handle.close();
    return { kind: 'pglite', dumpFile };
  }
  const name = `${TEST_DB_PREFIX}tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(databaseUrl, `create database "${name}"`);
  const handle = await openDatabase({ databaseUrl: databaseUrlFor(databaseUrl, name), poolSize: 2 });
  await applyMigrations(handle);
  await seedReferenceData(new UnitOfWork(handle.db));
  await installJobTables(handle);
  await handle.close();
  return { kind: 'postgres', databaseUrl, name };
}

export async function dropTemplate(template: Template): Promise<void> {
  if (template.kind === 'postgres') {
    const client = new pg.Client({ connectionString: template.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        `select datname from pg_database where datname = $1 or datname like $2`,
        [template.name, `${TEST_DB_PREFIX}${template.name.slice(-8)}_%`],
      );
      for (const row of rows) await client.query(`drop database if exists "${row.datname}" with (force)`);
    } finally {
      await client.end();
    }
  }
}

export async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
