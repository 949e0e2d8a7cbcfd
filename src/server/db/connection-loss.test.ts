import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, type Running, startServer, waitUntilReady } from '../../../test/support/processes.ts';
import { adminQuery } from '../../../test/support/template-database.ts';
import { freshDatabaseEnv } from '../../../test/support/test-database.ts';

/**
 * The audit's finding: on PostgreSQL, a connection ended during a write (`pg_terminate_backend`) crashed the whole
 * process with an unhandled 'error' event. A real server process here, on its own database of the test server:
 * its connections are cut in the middle of a 5 000-row import, then the database refuses every connection for a
 * while. The process must live through both, answer 503 in the error shape meanwhile, and serve again by itself.
 */
describe.skipIf(inject('template').kind !== 'postgres')('losing the PostgreSQL server', () => {
  let server: Running;
  let base: string;
  let databaseName: string;
  let cleanup: () => Promise<void>;
  let adminUrl: string;
  let session: { cookie: string; csrf: string };

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  };

  /** Ends the server's connections to its database (as an administrator or a failover would), those in use first. */
  const terminateBackends = async (states: string[]) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rowCount } = await client.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and state = any($2)`,
        [databaseName, states],
      );
      return rowCount ?? 0;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    const template = inject('template');
    if (template.kind !== 'postgres') return;
    adminUrl = template.databaseUrl;
    const fresh = await freshDatabaseEnv();
    cleanup = fresh.cleanup;
    databaseName = new URL(fresh.env.DATABASE_URL!).pathname.slice(1);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const password = `Pk-${randomBytes(18).toString('base64url')}`;
    server = startServer({
      ...fresh.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_EMAIL: 'admin@idelux.be',
      ADMIN_PASSWORD: password,
      SEED_DEMO: 'false',
      NOTICES_INTERVAL_MINUTES: '0',
    });
    await waitUntilReady(server);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@idelux.be', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('sr_session='))!
      .split(';')[0]!;
    session = { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await adminQuery(adminUrl, `alter database "${databaseName}" allow_connections true`).catch(() => undefined);
    await cleanup?.();
  });

  it('a connection ended during a write: 503 for that request, the process lives, nothing half-written', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `81001;Besoin importé n° ${i + 1};Éclairage public, rue ${i}`);
    const csv = Buffer.from(['nis_code;title;description', ...rows].join('\n'), 'utf8');
    const importing = call('POST', '/api/needs/import', {
      filename: 'besoins.csv',
      contentBase64: csv.toString('base64'),
    });
    // Cut the connection while the import holds it (in a query, or between two of its transaction's statements).
    let terminated = 0;
    let settled = false;
    const markSettled = () => {
      settled = true;
    };
    importing.then(markSettled, markSettled);
    while (terminated === 0 && !settled) {
      terminated = await terminateBackends(['active', 'idle in transaction']);
    }
    const response = await importing;
    expect(terminated, 'the import ended before its connection could be cut').toBeGreaterThan(0);
    expect(response.status, JSON.stringify(response.json)).toBe(503);
    expect(response.json.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(response.json.error.message).toContain('momentanément injoignable');
    expect(response.headers.get('retry-after')).toBeTruthy();

    expect(server.child.exitCode, server.output()).toBeNull();
    const needs = await call('GET', '/api/needs');
    expect(needs.status).toBe(200);
    expect(needs.json, 'the import was one transaction: none of its rows stayed').toEqual([]);
  });

  it('while the database refuses connections: 503 in the error shape; back by itself when it returns', async () => {
    await adminQuery(adminUrl, `alter database "${databaseName}" allow_connections false`);
    await terminateBackends(['active', 'idle', 'idle in transaction']);

    const refused = await call('GET', '/api/needs');
    expect(refused.status).toBe(503);
    expect(refused.json).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } });
    const english = await fetch(`${base}/api/communes`, { headers: { 'accept-language': 'en' } });
    expect(english.status).toBe(503);
    expect(((await english.json()) as { error: { message: string } }).error.message).toContain(
      'cannot be reached for the moment',
    );
    expect((await fetch(`${base}/api/health`)).status).toBe(503);
    expect(server.child.exitCode, server.output()).toBeNull();

    await adminQuery(adminUrl, `alter database "${databaseName}" allow_connections true`);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await call('GET', '/api/needs')).status).toBe(200);
    const written = await call('POST', '/api/needs', { communeNis: '81001', title: 'Wi-Fi sur la place' });
    expect(written.status, JSON.stringify(written.json)).toBe(201);
  });
});
