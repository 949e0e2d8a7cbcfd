import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ApiKey, ApiKeyCreated } from '../../domain/public/api-keys.ts';

describe('API keys: issued by agency admins, hashed at rest, each with its own rate limit', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
  });
  afterAll(async () => t?.close());

  const withKey = (key: string) =>
    t.anonymous.request({ method: 'GET', url: '/api/public/overview', headers: { 'x-api-key': key } });

  it('issues a named key shown once, keeps only its hash, and lets a partner call at its own rate', async () => {
    const created = await admin.post('/api/admin/api-keys', {
      name: 'Portail open data de Wallonie',
      rateLimitPerMinute: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const key = created.json() as ApiKeyCreated;
    expect(key.key).toMatch(/^sr_/);
    expect(key.prefix).toBe(key.key.slice(0, 10));
    const stored = JSON.stringify(await t.app.services.uow.read((repos) => repos.apiKeys.list()));
    expect(stored).not.toContain(key.key);
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: key.id, page: 1, pageSize: 10 } as never),
    );
    expect(audit.items.map((a) => a.action)).toEqual(['api_key.create']);
    expect(JSON.stringify(audit)).not.toContain(key.key);

    expect((await withKey(key.key)).statusCode).toBe(200);
    expect((await withKey(key.key)).statusCode).toBe(200);
    const third = await withKey(key.key);
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('RATE_LIMITED');
    // The public's own rate is counted apart.
    expect((await t.anonymous.get('/api/public/overview')).statusCode).toBe(200);

    const list = (await admin.get('/api/admin/api-keys')).json() as ApiKey[];
    expect(list[0]).toMatchObject({ name: 'Portail open data de Wallonie', revokedAt: null });
    expect(list[0]!.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(key.key);
  });

  it('refuses an unknown key, and a revoked one', async () => {
    const unknown = await withKey('sr_nimportequoi');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toContain('Clé d’API inconnue ou révoquée');
    const key = (await admin.post('/api/admin/api-keys', { name: 'Partenaire temporaire' })).json() as ApiKeyCreated;
    expect((await withKey(key.key)).statusCode).toBe(200);
    const revoked = await admin.delete(`/api/admin/api-keys/${key.id}`);
    expect(revoked.json().revokedAt).not.toBeNull();
    expect((await withKey(key.key)).statusCode).toBe(401);
  });

  it('refuses a nameless key with a French message, and non-admins', async () => {
    const bad = await admin.post('/api/admin/api-keys', { name: '', rateLimitPerMinute: 0 });
    expect(bad.statusCode).toBe(400);
    const consultant = await t.login(await t.createUser('consultant'));
    expect((await consultant.post('/api/admin/api-keys', { name: 'X' })).statusCode).toBe(403);
  });
});
