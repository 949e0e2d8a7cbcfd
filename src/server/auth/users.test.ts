import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { passwordWeakness } from './password-policy.ts';

describe('accounts, managed by the agency admin', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
  });
  afterAll(() => t.close());

  it('creates a commune editor with a generated password that signs in, bound to its commune', async () => {
    const response = await admin.post('/api/users', {
      email: 'Ed.Tintigny@Example.be',
      displayName: 'Éditeur Tintigny',
      role: 'commune_editor',
      communeNis: '85039',
    });
    expect(response.statusCode).toBe(201);
    const { user, generatedPassword } = response.json();
    expect(user).toMatchObject({
      email: 'ed.tintigny@example.be',
      communeNis: '85039',
      communeName: 'Tintigny',
      disabled: false,
    });
    expect(generatedPassword).toHaveLength(24);
    const client = await t.login({
      id: user.id,
      email: user.email,
      password: generatedPassword,
      role: 'commune_editor',
      communeNis: '85039',
    });
    expect((await client.get('/api/auth/me')).json().user.communeName).toBe('Tintigny');
  });

  it('refuses a commune role without a commune, and an agency role with one', async () => {
    const noCommune = await admin.post('/api/users', { email: 'a@x.be', displayName: 'A', role: 'commune_viewer' });
    expect(noCommune.statusCode).toBe(400);
    expect(noCommune.json().error.details).toEqual([
      expect.objectContaining({ field: 'communeNis', code: 'COMMUNE_REQUIRED_FOR_ROLE' }),
    ]);
    const withCommune = await admin.post('/api/users', {
      email: 'b@x.be',
      displayName: 'B',
      role: 'consultant',
      communeNis: '81001',
    });
    expect(withCommune.statusCode).toBe(400);
    expect((await admin.get('/api/users')).json().map((u: { email: string }) => u.email)).not.toContain('b@x.be');
  });

  it('refuses an unknown or merged commune', async () => {
    const unknown = await admin.post('/api/users', {
      email: 'c@x.be',
      displayName: 'C',
      role: 'commune_viewer',
      communeNis: '99999',
    });
    expect(unknown.statusCode).toBe(404);
    const merged = await admin.post('/api/users', {
      email: 'd@x.be',
      displayName: 'D',
      role: 'commune_viewer',
      communeNis: '82005',
    });
    expect(merged.statusCode).toBe(400);
    expect(merged.json().error.code).toBe('COMMUNE_MERGED');
  });

  it('refuses a second account with the same e-mail', async () => {
    const body = { email: 'same@x.be', displayName: 'Same', role: 'consultant' };
    expect((await admin.post('/api/users', body)).statusCode).toBe(201);
    const again = await admin.post('/api/users', { ...body, email: 'SAME@x.be' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('same@x.be');
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const viewer = await t.createUser('commune_viewer', '81001');
    const session = await t.login(viewer);
    const response = await admin.patch(`/api/users/${viewer.id}`, { disabled: true });
    expect(response.json().disabled).toBe(true);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.anonymous.post('/api/auth/login', { email: viewer.email, password: viewer.password });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('keeps at least one active admin', async () => {
    const me = admin.user!;
    const others = (await admin.get('/api/users'))
      .json()
      .filter((u: { role: string; id: string }) => u.role === 'agency_admin' && u.id !== me.id);
    expect(others).toHaveLength(0);
    const demote = await admin.patch(`/api/users/${me.id}`, { role: 'consultant' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
    const disableSelf = await admin.patch(`/api/users/${me.id}`, { disabled: true });
    expect(disableSelf.statusCode).toBe(400);
  });

  it('tells the admin which accounts they may disable: every one but their own', async () => {
    const other = await t.createUser('consultant');
    const list: { id: string; permissions: { disable: boolean } }[] = (await admin.get('/api/users')).json();
    expect(list.find((u) => u.id === admin.user!.id)?.permissions).toEqual({ disable: false });
    expect(list.find((u) => u.id === other.id)?.permissions).toEqual({ disable: true });
  });

  it('changes a role and commune, and records before and after in the audit log without the password', async () => {
    const user = await t.createUser('commune_viewer', '81001');
    const response = await admin.patch(`/api/users/${user.id}`, { role: 'commune_editor', communeNis: '81004' });
    expect(response.json()).toMatchObject({ role: 'commune_editor', communeNis: '81004', communeName: 'Aubange' });
    const log = (await admin.get(`/api/audit?entityType=user&entityId=${user.id}&action=user.update`)).json();
    expect(log.items[0]).toMatchObject({
      actorEmail: admin.user!.email,
      before: expect.objectContaining({ role: 'commune_viewer', communeNis: '81001' }),
      after: expect.objectContaining({ role: 'commune_editor', communeNis: '81004' }),
    });
    expect(JSON.stringify(log)).not.toContain('scrypt');
  });

  it('resets a password: the new one is shown once and works', async () => {
    const user = await t.createUser('consultant');
    const { generatedPassword } = (await admin.post(`/api/users/${user.id}/password-reset`)).json();
    await expect(t.login(user)).rejects.toThrow();
    await t.login({ ...user, password: generatedPassword });
  });

  it('refuses a chosen password that is weak or personal, naming the field and the reason; creates nothing', async () => {
    const account = { email: 'jean.lambert@bouillon.be', displayName: 'Jean Lambert', role: 'consultant' };
    for (const [password, code] of [
      ['JeanLambert2026', 'PASSWORD_PERSONAL'],
      ['azerty123456', 'PASSWORD_COMMON'],
      ['111111111111', 'PASSWORD_PATTERN'],
    ]) {
      const response = await admin.post('/api/users', { ...account, password });
      expect(response.statusCode, password).toBe(400);
      expect(response.json().error.details).toEqual([
        { field: 'password', code, message: expect.stringMatching(/^ce mot de passe /) },
      ]);
    }
    const emails = (await admin.get('/api/users')).json().map((u: { email: string }) => u.email);
    expect(emails).not.toContain(account.email);
    const created = await admin.post('/api/users', { ...account, password: 'quatre saisons à Bouillon' });
    expect(created.statusCode).toBe(201);
    expect(created.json().generatedPassword).toBeUndefined();
  });

  it('a reset password is one the policy accepts, and ends the account’s sessions', async () => {
    const user = await t.createUser('consultant');
    const session = await t.login(user);
    const { generatedPassword } = (await admin.post(`/api/users/${user.id}/password-reset`)).json();
    expect(passwordWeakness(generatedPassword, { email: user.email })).toBeNull();
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
  });
});
