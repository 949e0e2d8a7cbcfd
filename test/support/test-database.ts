import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client.ts';
import { adminQuery, databaseUrlFor, TEST_DB_PREFIX } from './template-database.ts';

/** A fresh database for one test file: migrated, with the reference communes, and nothing else. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    const dump = new Blob([await readFile(template.dumpFile)]);
    return openDatabase({ memory: true, loadDataDir: dump });
  }
  const name = `${TEST_DB_PREFIX}${template.name.slice(-8)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(template.databaseUrl, `create database "${name}" template "${template.name}"`);
  const handle = await openDatabase({ databaseUrl: databaseUrlFor(template.databaseUrl, name), poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(template.databaseUrl, `drop database if exists "${name}" with (force)`);
    },
  };
}

/**
 * Settings that point a process (the CLI, the server) at a fresh database: an empty PGlite folder, or on a
 * PostgreSQL server a new empty database. `cleanup` removes it.
 */
export async function freshDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-cli-'));
    return {
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      cleanup: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${TEST_DB_PREFIX}${template.name.slice(-8)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(template.databaseUrl, `create database "${name}"`);
  return {
    env: { DATABASE_URL: databaseUrlFor(template.databaseUrl, name) },
    cleanup: () => adminQuery(template.databaseUrl, `drop database if exists "${name}" with (force)`),
  };
}

/** The template's data folder, written once per test process and copied by seededDatabaseEnv. */
let seededFolder: Promise<string> | undefined;

async function seededPgliteFolder(dumpFile: string): Promise<string> {
  const { mkdtemp } = await import('node:fs/promises');
  const { rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const folder = await mkdtemp(join(tmpdir(), 'smart-rural-seeded-'));
  process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
  const copy = await openDatabase({ dataDir: folder, loadDataDir: new Blob([await readFile(dumpFile)]) });
  await copy.close();
  return folder;
}

/**
 * Like freshDatabaseEnv, but the database is already migrated and holds the communes (a copy of the suite's
 * template), for a process test that is not about migrating or seeding: far faster than running both commands.
 */
export async function seededDatabaseEnv(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const template = inject('template');
  if (template.kind === 'pglite') {
    seededFolder ??= seededPgliteFolder(template.dumpFile);
    const source = await seededFolder;
    const fresh = await freshDatabaseEnv();
    const { cp } = await import('node:fs/promises');
    await cp(source, fresh.env.DATA_DIR!, { recursive: true });
    return fresh;
  }
  const name = `${TEST_DB_PREFIX}${template.name.slice(-8)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(template.databaseUrl, `create database "${name}" template "${template.name}"`);
  return {
    env: { DATABASE_URL: databaseUrlFor(template.databaseUrl, name) },
    cleanup: () => adminQuery(template.databaseUrl, `drop database if exists "${name}" with (force)`),
  };
}
