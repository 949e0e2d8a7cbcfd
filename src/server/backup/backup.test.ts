import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { UsersService } from '../auth/users.service.ts';
import { rowsOf } from '../db/client.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { BackupError, createBackup, restoreBackup, tablesInDependencyOrder } from './backup.ts';

const countUsers = async (db: Awaited<ReturnType<typeof createTestDatabase>>) =>
  Number(rowsOf<{ n: string }>(await db.db.execute(sql`select count(*) as n from users`))[0]!.n);

describe('backup and restore', () => {
  it('orders tables parents first', () => {
    const names = tablesInDependencyOrder().map((t) => getTableConfig(t).name);
    expect(names.indexOf('communes')).toBeLessThan(names.indexOf('users'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('sessions'));
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('audit_log'));
  });

  it('restores exactly what was backed up, and new rows continue the numbering', async () => {
    const db = await createTestDatabase();
    try {
      const users = new UsersService(new UnitOfWork(db.db));
      await users.create(CLI_CONTEXT, { email: 'kept@x.be', displayName: 'Kept', role: 'consultant' });
      const backup = await createBackup(db);
      expect(backup.tables.communes).toHaveLength(44);

      await users.create(CLI_CONTEXT, { email: 'later@x.be', displayName: 'Later', role: 'consultant' });
      expect(await countUsers(db)).toBe(2);

      const counts = await restoreBackup(db, JSON.parse(JSON.stringify(backup)));
      expect(counts.users).toBe(1);
      expect(await countUsers(db)).toBe(1);
      const again = await createBackup(db);
      expect(again.tables).toEqual(backup.tables);

      await users.create(CLI_CONTEXT, { email: 'after@x.be', displayName: 'After', role: 'consultant' });
      const ids = rowsOf<{ id: number }>(await db.db.execute(sql`select id from audit_log order by id`)).map((r) =>
        Number(r.id),
      );
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await db.close();
    }
  });

  it('refuses a backup of another schema version and changes nothing', async () => {
    const db = await createTestDatabase();
    try {
      const users = new UsersService(new UnitOfWork(db.db));
      await users.create(CLI_CONTEXT, { email: 'a@x.be', displayName: 'A', role: 'consultant' });
      const backup = await createBackup(db);
      await expect(
        restoreBackup(db, { ...backup, migrations: backup.migrations.slice(1), tables: {} }),
      ).rejects.toThrow(BackupError);
      expect(await countUsers(db)).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('rolls back entirely when a row cannot be restored', async () => {
    const db = await createTestDatabase();
    try {
      const users = new UsersService(new UnitOfWork(db.db));
      await users.create(CLI_CONTEXT, { email: 'a@x.be', displayName: 'A', role: 'consultant' });
      const backup = await createBackup(db);
      const broken = structuredClone(backup);
      (broken.tables.users as Record<string, unknown>[]).push({
        ...(broken.tables.users![0] as object),
        role: 'pirate',
        email: 'b@x.be',
      });
      await expect(restoreBackup(db, broken)).rejects.toThrow();
      expect(await countUsers(db)).toBe(1);
    } finally {
      await db.close();
    }
  });
});
