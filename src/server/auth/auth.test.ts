import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';

describe('signing in and out', () => {
  let t: TestApp;
  let editor: TestUser;
  let clock = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    editor = await t.createUser('commune_editor', '81001');
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const response = await t.anonymous.post('/api/auth/login', {
      email: editor.email.toUpperCase(),
      password: editor.password,
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sr_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    const body = response.json();
    expect(body.user).toMatchObject({
      email: editor.email,
      role: 'commune_editor',
      communeNis: '81001',
      communeName: 'Arlon',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.capabilities).toEqual({ manageUsers: false, readAudit: false, runMissions: false });
  });

  it('refuses a wrong password with a French message, and records the attempt', async () => {
    const response = await t.anonymous.post('/api/auth/login', { email: editor.email, password: 'not-the-password' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Adresse e-mail ou mot de passe incorrect.' },
    });
    const admin = await t.login(await t.createUser('agency_admin'));
    const audit = (
      await admin.get(`/api/audit?action=auth.login_failed&actor=${encodeURIComponent(editor.email)}`)
    ).json();
    expect(audit.total).toBeGreaterThanOrEqual(1);
  });

  it('answers in English when asked', async () => {
    const response = await t.anonymous.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@test.local', password: 'whatever' },
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(response.json().error.message).toBe('Wrong e-mail address or password.');
  });

  it('tells who is signed in, and 401 once signed out', async () => {
    const client = await t.login(editor);
    expect((await client.get('/api/auth/me')).json().user.email).toBe(editor.email);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the CSRF token on writes made with a session, and writes nothing without it', async () => {
    const client = await t.login(editor);
    const without = await client.request({
      method: 'PATCH',
      url: '/api/communes/81001',
      payload: { description: 'sans jeton' },
      headers: { 'x-csrf-token': '' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_INVALID');
    const wrong = await client.request({
      method: 'PATCH',
      url: '/api/communes/81001',
      payload: { description: 'mauvais jeton' },
      headers: { 'x-csrf-token': 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.anonymous.get('/api/communes/81001')).json().profile.description).toBeNull();
    const right = await client.patch('/api/communes/81001', { description: 'avec jeton' });
    expect(right.statusCode).toBe(200);
  });

  it('expires sessions after the configured idle time', async () => {
    const client = await t.login(editor);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + (t.config.sessionTtlHours + 1) * 3_600_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lets a user change their own password, checking the current one', async () => {
    const user = await t.createUser('consultant');
    const client = await t.login(user);
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'a-brand-new-password',
    });
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const tooShort = await client.post('/api/auth/password', { currentPassword: user.password, newPassword: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].field).toBe('newPassword');
    expect(
      (await client.post('/api/auth/password', { currentPassword: user.password, newPassword: 'a-brand-new-password' }))
        .statusCode,
    ).toBe(204);
    await expect(t.login(user)).rejects.toThrow();
    await t.login({ ...user, password: 'a-brand-new-password' });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_RATE_LIMIT_MAX: '4' } });
  });
  afterAll(() => t.close());

  it('limits login attempts per address and e-mail', async () => {
    const target = await t.createUser('commune_viewer', '81004');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await t.anonymous.post('/api/auth/login', { email: target.email, password: 'guess' })).statusCode);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    const limited = await t.anonymous.post('/api/auth/login', { email: target.email, password: target.password });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect(limited.json().error.message).toMatch(/Trop de tentatives/);
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
