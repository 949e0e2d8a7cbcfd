import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/test-app.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { verifyPassword } from './auth/password.ts';
import { ConfigError } from './config.ts';
import { agency, users } from './db/schema/index.ts';
import { prepareDatabase } from './setup.ts';

describe('first start', () => {
  it('creates admin@localhost with a random password, and a labelled demo workspace', async () => {
    const database = await createTestDatabase();
    try {
      const created = await prepareDatabase(database, testConfig({ SEED_DEMO: 'true' }));
      expect(created.map((a) => [a.email, a.role, a.demo])).toEqual([
        ['admin@localhost', 'agency_admin', false],
        ['consultant@demo.smart-rural.local', 'consultant', true],
        ['arlon@demo.smart-rural.local', 'commune_editor', true],
        ['arlon-lecture@demo.smart-rural.local', 'commune_viewer', true],
        ['tintigny@demo.smart-rural.local', 'commune_editor', true],
      ]);
      for (const account of created) expect(account.password).toMatch(/^[\w-]{24}$/);
      expect(new Set(created.map((a) => a.password)).size).toBe(5);
      const rows = await database.db.select().from(users);
      const admin = rows.find((u) => u.email === 'admin@localhost')!;
      expect(await verifyPassword(created[0]!.password!, admin.passwordHash)).toBe(true);
      expect(rows.find((u) => u.email === 'arlon@demo.smart-rural.local')).toMatchObject({
        role: 'commune_editor',
        communeNis: '81001',
        demo: true,
      });
      expect(rows.find((u) => u.role === 'commune_viewer')).toMatchObject({ communeNis: '81001', demo: true });
      expect(rows.find((u) => u.email.startsWith('tintigny'))).toMatchObject({ communeNis: '85039', demo: true });
      expect(rows.filter((u) => u.demo).every((u) => u.displayName.includes('démo'))).toBe(true);
      const [workspace] = await database.db.select().from(agency);
      expect(workspace).toMatchObject({ demo: true, name: expect.stringContaining('démonstration') });

      // A second start reuses everything and prints no password.
      expect(await prepareDatabase(database, testConfig({ SEED_DEMO: 'true' }))).toEqual([]);
      expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(5);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('uses ADMIN_EMAIL and ADMIN_PASSWORD, and no demo with SEED_DEMO=false', async () => {
    const database = await createTestDatabase();
    try {
      const created = await prepareDatabase(
        database,
        testConfig({ ADMIN_EMAIL: 'chef@idelux.be', ADMIN_PASSWORD: 'a-long-admin-password', SEED_DEMO: 'false' }),
      );
      expect(created).toEqual([{ email: 'chef@idelux.be', role: 'agency_admin', password: null, demo: false }]);
      const [admin] = await database.db.select().from(users);
      expect(await verifyPassword('a-long-admin-password', admin!.passwordHash)).toBe(true);
      const [workspace] = await database.db.select().from(agency);
      expect(workspace!.demo).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('refuses a too short ADMIN_PASSWORD at start-up', () => {
    expect(() => testConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('refuses a weak ADMIN_PASSWORD at start-up, with the reason in French and English, before writing anything', async () => {
    const database = await createTestDatabase();
    try {
      for (const [password, reason] of [
        ['password1234', 'l’un des plus répandus'],
        ['chef@idelux.be-2026', 'reprend le nom ou l’adresse e-mail du compte'],
      ]) {
        const config = testConfig({ ADMIN_EMAIL: 'chef@idelux.be', ADMIN_PASSWORD: password });
        const attempt = prepareDatabase(database, config);
        await expect(attempt).rejects.toThrow(ConfigError);
        await expect(attempt).rejects.toThrow(reason);
        await expect(attempt).rejects.toThrow(/^Réglage ADMIN_PASSWORD refusé : .*\nSetting ADMIN_PASSWORD refused: /s);
      }
      expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(0);
      expect(await database.db.select().from(agency)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
