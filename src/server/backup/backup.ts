import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { type AuditRecord, AuditRepository } from '../audit/audit.repository.ts';
import { type DatabaseHandle, rowsOf } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';

/**
 * A logical backup: every table of the application as JSON rows, taken in one repeatable-read transaction so
 * the copy is consistent. The same file restores on PGlite or on a PostgreSQL server.
 */
export const BACKUP_FORMAT = 'smart-rural-backup';
export const BACKUP_VERSION = 1;

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Hashes of the migrations applied when the backup was taken: a restore needs the same schema. */
  migrations: string[];
  tables: Record<string, unknown[]>;
};

export class BackupError extends Error {}

/** The application's tables, parents before children, so rows can be inserted in this order. */
export function tablesInDependencyOrder(): PgTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const ordered: PgTable[] = [];
  const visiting = new Set<string>();
  const visit = (table: PgTable) => {
    const name = getTableConfig(table).name;
    if (ordered.includes(table) || visiting.has(name)) return;
    visiting.add(name);
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      if (parent !== name) visit(byName.get(parent)!);
    }
    ordered.push(table);
  };
  for (const t of [...tables].sort((a, b) => getTableConfig(a).name.localeCompare(getTableConfig(b).name))) visit(t);
  return ordered;
}

async function appliedMigrations(handle: DatabaseHandle): Promise<string[]> {
  const rows = rowsOf<{ hash: string }>(
    await handle.db.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at, id`),
  );
  return rows.map((r) => r.hash);
}

export async function createBackup(handle: DatabaseHandle, now: Date = new Date()): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  let migrations: string[] = [];
  await handle.db.transaction(
    async (tx) => {
      migrations = rowsOf<{ hash: string }>(
        await tx.execute(sql`select hash from drizzle.__drizzle_migrations order by created_at, id`),
      ).map((r) => r.hash);
      for (const table of tablesInDependencyOrder()) {
        const name = getTableConfig(table).name;
        const [row] = rowsOf<{ rows: unknown[] }>(
          await tx.execute(sql`select coalesce(json_agg(t), '[]'::json) as rows from ${sql.identifier(name)} t`),
        );
        tables[name] = row?.rows ?? [];
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: now.toISOString(), migrations, tables };
}

export function parseBackup(value: unknown): Backup {
  const backup = value as Partial<Backup>;
  if (backup?.format !== BACKUP_FORMAT) throw new BackupError('not a Smart Rural backup file');
  if (backup.version !== BACKUP_VERSION) {
    throw new BackupError(`backup format version ${backup.version} is not supported (expected ${BACKUP_VERSION})`);
  }
  if (!Array.isArray(backup.migrations) || typeof backup.tables !== 'object' || backup.tables === null) {
    throw new BackupError('backup file is incomplete (no migrations or tables)');
  }
  return backup as Backup;
}

const INSERT_CHUNK = 500;

/**
 * Replaces all data with the backup's, in one transaction: on any error nothing changes. The database must be
 * at the same schema version as the backup (run `migrate` first on a new database).
 */
export async function restoreBackup(
  handle: DatabaseHandle,
  backup: Backup,
  audit?: AuditRecord,
): Promise<Record<string, number>> {
  const current = await appliedMigrations(handle);
  if (current.join() !== backup.migrations.join()) {
    throw new BackupError(
      `the backup was made at schema version ${backup.migrations.length} and this database is at version ${current.length}: restore into a database at the same version`,
    );
  }
  const tables = tablesInDependencyOrder();
  const known = new Set(tables.map((t) => getTableConfig(t).name));
  const unknown = Object.keys(backup.tables).filter((name) => !known.has(name));
  if (unknown.length) throw new BackupError(`the backup holds unknown tables: ${unknown.join(', ')}`);

  const counts: Record<string, number> = {};
  await handle.db.transaction(async (tx) => {
    const names = tables.map((t) => sql.identifier(getTableConfig(t).name));
    await tx.execute(sql`truncate ${sql.join(names, sql`, `)} restart identity cascade`);
    for (const table of tables) {
      const name = getTableConfig(table).name;
      const rows = backup.tables[name] ?? [];
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const chunk = JSON.stringify(rows.slice(i, i + INSERT_CHUNK));
        await tx.execute(
          sql`insert into ${sql.identifier(name)} overriding system value select * from json_populate_recordset(null::${sql.identifier(name)}, ${chunk}::json)`,
        );
      }
      counts[name] = rows.length;
      // Identity columns continue after the restored rows.
      for (const column of Object.values(getTableConfig(table).columns)) {
        if (column.generatedIdentity) {
          await tx.execute(
            sql`select setval(pg_get_serial_sequence(${name}, ${column.name}), coalesce((select max(${sql.identifier(column.name)}) from ${sql.identifier(name)}), 0) + 1, false)`,
          );
        }
      }
    }
    if (audit) await new AuditRepository(tx).record(audit);
  });
  return counts;
}
