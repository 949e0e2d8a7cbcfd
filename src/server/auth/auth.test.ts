import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Role } from '../../domain/auth/roles.ts';
import { buildApp } from '../app.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

/** Every test starts at the same hour, whatever an earlier one did with the clock. */
const START = new Date('2026-03-02T09:00:00Z');

describe('signing in and out', () => {
  let t: TestApp;
  let clock = START;
  /** A new Arlon editor for each test, signed in nowhere yet. */
  const arlonEditor = () => t.createUser('commune_editor', '81001');

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
  });
  beforeEach(() => {
    clock = START;
  });
  afterAll(() => t.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user and a CSRF token', async () => {
    const editor = await arlonEditor();
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
    expect(body.capabilities).toEqual({
      manageUsers: false,
      readAudit: false,
      runMissions: false,
      readAllMissions: false,
      enterNeeds: true,
      readAllNeeds: false,
      runMutualisation: false,
      answerPolls: true,
      runPurchasing: false,
      recordAdhesion: true,
      editCatalogue: false,
      keepShortlists: true,
      readWatch: false,
      confirmDesignations: false,
    });
  });

  it('tells each role what it may open in the needs register, from the policy (the web tests no role)', async () => {
    const capabilitiesOf = async (role: Role, communeNis: string | null) =>
      (await (await t.login(await t.createUser(role, communeNis))).get('/api/auth/me')).json().capabilities;
    const needs = ({ enterNeeds, readAllNeeds, runMutualisation, answerPolls }: Record<string, boolean>) => ({
      enterNeeds,
      readAllNeeds,
      runMutualisation,
      answerPolls,
    });
    expect(needs(await capabilitiesOf('consultant', null))).toEqual({
      enterNeeds: true,
      readAllNeeds: true,
      runMutualisation: true,
      answerPolls: false,
    });
    expect(needs(await capabilitiesOf('commune_viewer', '81001'))).toEqual({
      enterNeeds: false,
      readAllNeeds: false,
      runMutualisation: false,
      answerPolls: false,
    });
  });

  it('refuses a wrong password with a French message, and records the attempt', async () => {
    const editor = await arlonEditor();
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
    const editor = await arlonEditor();
    const client = await t.login(editor);
    expect((await client.get('/api/auth/me')).json().user.email).toBe(editor.email);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('requires the CSRF token on writes made with a session, and writes nothing without it', async () => {
    const editor = await arlonEditor();
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
    const editor = await arlonEditor();
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

describe('changing one’s password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('ends the other sessions of the account, keeps the one that changed it, and audits it', async () => {
    const user = await t.createUser('commune_editor', '81001');
    const here = await t.login(user);
    const elsewhere = await t.login(user);
    const newPassword = 'trois pommes sur la Semois';
    const changed = await here.post('/api/auth/password', { currentPassword: user.password, newPassword });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    await t.login({ ...user, password: newPassword });
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ action: 'user.password_change', entityId: user.id, page: 1, pageSize: 5 }),
    );
    expect(audit.items[0]!.after).toEqual({ otherSessionsEnded: 1 });
  });

  it('refuses weak, common and personal passwords with the reason, in French, and changes nothing', async () => {
    const { user } = await t.app.services.users.create(CLI_CONTEXT, {
      email: 'claire.dumont@arlon.be',
      displayName: 'Claire Dumont',
      role: 'commune_editor',
      communeNis: '81001',
      password: 'la Semois coule sous le pont',
    });
    const client = await t.login({
      id: user.id,
      email: user.email,
      password: 'la Semois coule sous le pont',
      role: 'commune_editor',
      communeNis: '81001',
    });
    const cases: [string, string, string][] = [
      ['aaaaaaaaaaaa', 'PASSWORD_PATTERN', 'une répétition ou une suite'],
      ['password1234', 'PASSWORD_COMMON', 'l’un des plus répandus'],
      ['            ', 'PASSWORD_PATTERN', 'une répétition ou une suite'],
      ['claire.dumont@arlon.be', 'PASSWORD_PERSONAL', 'reprend le nom ou l’adresse e-mail du compte'],
      ['SmartRural2026!', 'PASSWORD_PERSONAL', 'le nom de l’application'],
      ['la Semois coule sous le pont', 'PASSWORD_UNCHANGED', 'différent de l’actuel'],
    ];
    for (const [newPassword, code, words] of cases) {
      const response = await client.post('/api/auth/password', {
        currentPassword: 'la Semois coule sous le pont',
        newPassword,
      });
      expect(response.statusCode, newPassword).toBe(400);
      expect(response.json().error.details, newPassword).toEqual([
        { field: 'newPassword', code, message: expect.stringContaining(words) },
      ]);
      expect(response.json().error.message).toMatch(/^Données invalides : /);
    }
    const english = await client.request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'la Semois coule sous le pont', newPassword: 'password1234' },
      headers: { 'accept-language': 'en' },
    });
    expect(english.json().error.details[0].message).toContain('one of the most common');
    // Still the old password, and the session still open.
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    await t.login({ ...client.user!, password: 'la Semois coule sous le pont' });
  });
});

describe('login limit: failed attempts, per account and per address, counted in the database', () => {
  let t: TestApp;
  let clock = START;
  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_RATE_LIMIT_MAX: '4', LOGIN_RATE_LIMIT_WINDOW_MINUTES: '15' },
      now: () => clock,
    });
  });
  beforeEach(() => {
    clock = START;
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip: string, app = t.app) =>
    app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('never counts successful sign-ins', async () => {
    const user = await t.createUser('consultant');
    for (let i = 0; i < 8; i++) expect((await attempt(user.email, user.password, '10.0.0.1')).statusCode).toBe(200);
  });

  it('blocks an account after its failures, from any address, even with the right password; lets it in once the window has passed', async () => {
    const target = await t.createUser('commune_viewer', '81004');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt(target.email, 'guess', `10.1.0.${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const blocked = await attempt(target.email, target.password, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('LOGIN_RATE_LIMITED');
    expect(blocked.json().error.message).toBe(
      'Trop de tentatives de connexion ont échoué pour ce compte ou depuis cette adresse. Par sécurité, patientez 15 minutes avant de réessayer.',
    );
    expect(Number(blocked.headers['retry-after'])).toBe(15 * 60);

    clock = new Date(clock.getTime() + 10 * 60_000);
    expect((await attempt(target.email, target.password, '10.1.0.99')).json().error.message).toContain('5 minutes');
    clock = new Date(clock.getTime() + 5 * 60_000 + 1000);
    expect((await attempt(target.email, target.password, '10.1.0.99')).statusCode).toBe(200);
  });

  it('blocks an address that tries many accounts', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 4; i++) {
      expect((await attempt(`nobody-${i}@test.local`, 'guess', ip)).statusCode).toBe(401);
    }
    const someone = await t.createUser('consultant');
    expect((await attempt(someone.email, someone.password, ip)).statusCode).toBe(429);
    // The same account from another address is not affected.
    expect((await attempt(someone.email, someone.password, '10.2.0.2')).statusCode).toBe(200);
  });

  it('forgives an account’s failures from an address once it signs in from there', async () => {
    const user = await t.createUser('consultant');
    for (let i = 0; i < 3; i++) await attempt(user.email, 'typo', '10.3.0.1');
    expect((await attempt(user.email, user.password, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'typo', '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt(user.email, user.password, '10.3.0.1')).statusCode).toBe(200);
  });

  it('holds across instances of the app on one database', async () => {
    const other = await buildApp({ config: t.config, database: t.database, logger: false, now: () => clock });
    await other.ready();
    try {
      const target = await t.createUser('consultant');
      await attempt(target.email, 'guess', '10.4.0.1');
      await attempt(target.email, 'guess', '10.4.0.2', other);
      await attempt(target.email, 'guess', '10.4.0.3');
      await attempt(target.email, 'guess', '10.4.0.4', other);
      expect((await attempt(target.email, target.password, '10.4.0.5')).statusCode).toBe(429);
      expect((await attempt(target.email, target.password, '10.4.0.6', other)).statusCode).toBe(429);
    } finally {
      await other.close();
    }
  });
});
