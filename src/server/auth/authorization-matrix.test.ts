/**
 * Every route × every role × own/other commune, against expectations written out by hand in `test/access/<feature>.ts`
 * (not derived from the policy). A route without a row there fails, and so does a route without an access rule.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessCase, AccessContext, Who } from '../../../test/access/types.ts';
import { type Client, createTestApp, type TestApp, testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { buildApp } from '../app.ts';
import { auditLog } from '../db/schema/index.ts';

const CASES: AccessCase[] = Object.values(
  import.meta.glob<{ cases: AccessCase[] }>('../../../test/access/*.ts', { eager: true }),
).flatMap((module) => module.cases ?? []);

const OWN = '81001'; // Arlon: the commune of the commune users below
const OTHER = '81004'; // Aubange
const WHO: Who[] = ['anonymous', 'agency_admin', 'consultant', 'commune_editor', 'commune_viewer'];

describe('authorization matrix', () => {
  let t: TestApp;
  let ctx: AccessContext;
  const clients = new Map<Who, Client>();
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    const fixtures = new Map<string, Promise<unknown>>();
    ctx = {
      t,
      fixture: <T>(key: string, create: () => Promise<T>) => {
        if (!fixtures.has(key)) fixtures.set(key, create());
        return fixtures.get(key) as Promise<T>;
      },
    };
    clients.set('anonymous', t.anonymous);
    for (const who of WHO.filter((w) => w !== 'anonymous') as Exclude<Who, 'anonymous'>[]) {
      clients.set(who, await t.login(await t.createUser(who, who.startsWith('commune_') ? OWN : null)));
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
      for (const scope of ['own', 'other'] as const) {
        const expected = testCase.expect[who];
        const outcome = typeof expected === 'string' ? expected : expected[scope];
        it(`${testCase.route} as ${who} on ${scope} commune → ${outcome}`, async () => {
          const client =
            testCase.endsSession && who !== 'anonymous' ? await t.login(clients.get(who)!.user!) : clients.get(who)!;
          const options = await testCase.request(ctx, scope === 'own' ? OWN : OTHER);
          const before = await auditCount();
          const response = await client.request(options);
          if (outcome === 'deny') {
            expect(response.statusCode, response.body).toBe(who === 'anonymous' ? 401 : 403);
            expect(response.json().error.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
            expect(await auditCount(), 'a refused request writes nothing').toBe(before);
          } else {
            expect([401, 403], response.body).not.toContain(response.statusCode);
            expect(response.statusCode, response.body).toBeLessThan(500);
            const wrote = options.method !== 'GET' && response.statusCode < 300 && !testCase.writesNothing;
            if (wrote && !(testCase.endsSession && who === 'anonymous')) {
              expect(await auditCount(), 'every write is audited').toBeGreaterThan(before);
            }
            testCase.sees?.(response, who, scope);
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
