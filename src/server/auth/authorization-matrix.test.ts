/**
 * Every route × every role × own/other commune, against expectations written out here by hand (not derived from
 * the policy). A route added without a row here fails the test, and so does a route without an access rule.
 */

import { count } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { CommunesService } from '../communes/communes.service.ts';
import { auditLog } from '../db/schema/index.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

type Who = 'anonymous' | 'agency_admin' | 'consultant' | 'commune_editor' | 'commune_viewer';
type Outcome = 'allow' | 'deny';
type Scope = 'own' | 'other';
type Fixtures = { siteIn(nis: string): Promise<string>; targetUserId: string };
type Case = {
  route: string;
  request(f: Fixtures, commune: string): Promise<InjectOptions> | InjectOptions;
  expect: Record<Who, Outcome | { own: Outcome; other: Outcome }>;
  /** The request ends the session it is made with (and has nothing to write without one). */
  endsSession?: boolean;
};

const OWN = '81001'; // Arlon: the commune of the commune users below
const OTHER = '81004'; // Aubange

const everyone = {
  anonymous: 'allow',
  agency_admin: 'allow',
  consultant: 'allow',
  commune_editor: 'allow',
  commune_viewer: 'allow',
} as const;
const signedIn = { ...everyone, anonymous: 'deny' } as const;
const adminOnly = {
  anonymous: 'deny',
  agency_admin: 'allow',
  consultant: 'deny',
  commune_editor: 'deny',
  commune_viewer: 'deny',
} as const;
const agencyOrOwnEditor = {
  anonymous: 'deny',
  agency_admin: 'allow',
  consultant: 'allow',
  commune_editor: { own: 'allow', other: 'deny' },
  commune_viewer: 'deny',
} as const;

const CASES: Case[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: everyone },
  { route: 'GET /api/config', request: () => ({ method: 'GET', url: '/api/config' }), expect: everyone },
  { route: 'GET /api/openapi.json', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: everyone },
  {
    route: 'POST /api/auth/login',
    request: () => ({ method: 'POST', url: '/api/auth/login', payload: {} }),
    expect: everyone,
  },
  {
    route: 'POST /api/auth/logout',
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: everyone,
    endsSession: true,
  },
  { route: 'GET /api/auth/me', request: () => ({ method: 'GET', url: '/api/auth/me' }), expect: signedIn },
  {
    route: 'POST /api/auth/password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'long-enough-password' },
    }),
    expect: signedIn,
  },
  { route: 'GET /api/users', request: () => ({ method: 'GET', url: '/api/users' }), expect: adminOnly },
  {
    route: 'POST /api/users',
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { email: `m${Math.random()}@x.be`.replace('0.', ''), displayName: 'M', role: 'consultant' },
    }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/users/:id',
    request: (f) => ({ method: 'PATCH', url: `/api/users/${f.targetUserId}`, payload: { displayName: 'Renamed' } }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/users/:id/password-reset',
    request: (f) => ({ method: 'POST', url: `/api/users/${f.targetUserId}/password-reset` }),
    expect: adminOnly,
  },
  { route: 'GET /api/audit', request: () => ({ method: 'GET', url: '/api/audit' }), expect: adminOnly },
  { route: 'GET /api/audit/facets', request: () => ({ method: 'GET', url: '/api/audit/facets' }), expect: adminOnly },
  { route: 'GET /api/communes', request: () => ({ method: 'GET', url: '/api/communes' }), expect: everyone },
  {
    route: 'GET /api/communes/boundaries',
    request: () => ({ method: 'GET', url: '/api/communes/boundaries' }),
    expect: everyone,
  },
  {
    route: 'GET /api/communes/:nisCode',
    request: (_f, c) => ({ method: 'GET', url: `/api/communes/${c}` }),
    expect: everyone,
  },
  {
    route: 'PATCH /api/communes/:nisCode',
    request: (_f, c) => ({ method: 'PATCH', url: `/api/communes/${c}`, payload: { description: 'Texte' } }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/communes/:nisCode/sites',
    request: (_f, c) => ({ method: 'GET', url: `/api/communes/${c}/sites` }),
    expect: everyone,
  },
  {
    route: 'POST /api/communes/:nisCode/sites',
    request: (_f, c) => ({ method: 'POST', url: `/api/communes/${c}/sites`, payload: { name: 'Site', kind: 'other' } }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PATCH /api/sites/:id',
    request: async (f, c) => ({
      method: 'PATCH',
      url: `/api/sites/${await f.siteIn(c)}`,
      payload: { name: 'Renommé' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/sites/:id',
    request: async (f, c) => ({ method: 'DELETE', url: `/api/sites/${await f.siteIn(c)}` }),
    expect: agencyOrOwnEditor,
  },
];

const WHO: Who[] = ['anonymous', 'agency_admin', 'consultant', 'commune_editor', 'commune_viewer'];

describe('authorization matrix', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  const clients = new Map<Who, Client>();
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const communes = new CommunesService(new UnitOfWork(t.database.db));
    fixtures = {
      siteIn: async (nis) => (await communes.createSite(CLI_CONTEXT, nis, { name: 'Fixture', kind: 'other' })).id,
      targetUserId: (await t.createUser('consultant')).id,
    };
    clients.set('anonymous', t.anonymous);
    for (const who of WHO.filter((w) => w !== 'anonymous')) {
      const communeNis = who.startsWith('commune_') ? OWN : null;
      clients.set(who, await t.login(await t.createUser(who as Exclude<Who, 'anonymous'>, communeNis)));
    }
  });
  afterAll(() => t.close());

  it('has a row for every API route, and every API route declares its access', () => {
    const apiRoutes = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    for (const route of apiRoutes)
      expect(route.access, `${route.method} ${route.url} declares no access`).toBeDefined();
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set(apiRoutes.map((r) => `${r.method} ${r.url}`)));
  });

  for (const testCase of CASES) {
    for (const who of WHO) {
      for (const scope of ['own', 'other'] as Scope[]) {
        const expected = testCase.expect[who];
        const outcome = typeof expected === 'string' ? expected : expected[scope];
        it(`${testCase.route} as ${who} on ${scope} commune → ${outcome}`, async () => {
          const client =
            testCase.endsSession && who !== 'anonymous' ? await t.login(clients.get(who)!.user!) : clients.get(who)!;
          const options = await testCase.request(fixtures, scope === 'own' ? OWN : OTHER);
          const before = await auditCount();
          const response = await client.request(options);
          const write = options.method !== 'GET';
          if (outcome === 'deny') {
            expect(response.statusCode, response.body).toBe(who === 'anonymous' ? 401 : 403);
            expect(response.json().error.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
            expect(await auditCount(), 'a refused request writes nothing').toBe(before);
          } else {
            expect([401, 403], response.body).not.toContain(response.statusCode);
            expect(response.statusCode, response.body).toBeLessThan(500);
            if (write && response.statusCode < 300 && !(testCase.endsSession && who === 'anonymous')) {
              expect(await auditCount(), 'every write is audited').toBeGreaterThan(before);
            }
          }
        });
      }
    }
  }
});

describe('default deny', () => {
  it('refuses a route that declares no access rule', async () => {
    const database = await createTestDatabase();
    const app = await buildApp({ config: testConfig(), database, logger: false });
    app.get('/api/undeclared', async () => ({ secret: true }));
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/undeclared' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ROUTE_WITHOUT_POLICY');
    await app.close();
    await database.close();
  });
});
