import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UsersService } from '../../src/server/auth/users.service.ts';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/server/db/client.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { freePort, type Running, startServer, waitUntilReady } from '../support/processes.ts';
import { adminQuery, databaseUrlFor, TEST_DB_PREFIX } from '../support/template-database.ts';

/**
 * Issue 15, « several instances, one database »: two real server processes on one PostgreSQL database. A grouping
 * run started on one shows its progress on the other; killing the process that runs it (SIGKILL) leaves the run
 * retried or failed, never « running »; the notices of a period are sent once; the login limit counts the failures
 * made on both. Runs where the suite runs on PostgreSQL (DATABASE_URL, as in CI); the embedded database is one
 * process's (decision 006), so there is nothing to test there.
 */
const template = inject('template');
const onPostgres = template.kind === 'postgres';

type Instance = { name: string; server: Running; url: string };
type Session = { cookie: string; csrf: string };

const REGISTER_SIZE = 30_000;

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  let databaseUrl: string;
  let name: string;
  let database: DatabaseHandle;
  const instances: Instance[] = [];
  const admin = {
    email: `admin-${randomBytes(3).toString('hex')}@test.local`,
    password: randomBytes(18).toString('base64url'),
  };

  const start = async (label: string): Promise<Instance> => {
    const port = await freePort();
    const server = startServer({
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      LOGIN_RATE_LIMIT_MAX: '4',
      JOBS_POLL_SECONDS: '1',
      JOBS_MAINTENANCE_SECONDS: '1',
      // A run's bound (its job expires at 99 s): a killed run is taken up long before (the heartbeat's lease decides).
      MUTUALISATION_RUN_TIMEOUT_SECONDS: '90',
      NOTICES_INTERVAL_MINUTES: '1',
    });
    const instance = { name: label, server, url: `http://127.0.0.1:${port}` };
    instances.push(instance);
    return instance;
  };
  const call = async (instance: Instance, method: string, path: string, session?: Session, body?: unknown) => {
    const response = await fetch(`${instance.url}${path}`, {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const login = async (instance: Instance, password: string) =>
    call(instance, 'POST', '/api/auth/login', undefined, { email: admin.email, password });

  beforeAll(async () => {
    if (template.kind !== 'postgres') return;
    // A database of its own, migrated and holding the communes (from the suite's template).
    name = `${TEST_DB_PREFIX}${template.name.slice(-8)}_${randomBytes(4).toString('hex')}`;
    await adminQuery(template.databaseUrl, `create database "${name}" template "${template.name}"`);
    databaseUrl = databaseUrlFor(template.databaseUrl, name);
    database = await openDatabase({ databaseUrl, poolSize: 2 });
    const { user } = await new UsersService(new UnitOfWork(database.db)).create(CLI_CONTEXT, {
      email: admin.email,
      displayName: 'Admin',
      role: 'agency_admin',
      communeNis: null,
      password: admin.password,
    });
    // The admin's weekly digest is due: the first notices pass of the period sends it.
    await database.db.execute(
      sql`insert into notification_settings (user_id, alert_emails, weekly_digest) values (${user.id}, true, true)`,
    );
    // A register large enough for a run to last a few seconds on the server.
    await database.db.execute(sql`
      insert into needs (commune_nis, title, description)
      select c.nis_code,
        (array['Éclairage public LED', 'Wifi public', 'Vélos partagés', 'Conteneurs connectés', 'Projet local',
          'Amélioration du service'])[1 + i % 6] || ' ' || (i % 997) || ' quartier ' || (i % 89),
        'Besoin exprimé en réunion, numéro ' || i
      from generate_series(1, ${REGISTER_SIZE}) as i
      join lateral (select nis_code from communes where merged_on is null order by nis_code
        offset (i % 40) limit 1) c on true`);
    // Both at once, as a restart of two instances behind a proxy.
    const [a, b] = [await start('A'), await start('B')];
    await Promise.all([waitUntilReady(a.server), waitUntilReady(b.server)]);
  }, 180_000);

  afterAll(async () => {
    for (const instance of instances) {
      if (instance.server.child.exitCode === null && instance.server.child.signalCode === null) {
        instance.server.child.kill('SIGTERM');
        await instance.server.exited;
      }
    }
    await database?.close();
    if (template.kind === 'postgres' && name)
      await adminQuery(template.databaseUrl, `drop database if exists "${name}" with (force)`);
  }, 60_000);

  it('sends the notices of a period once, though both instances ask for it', async () => {
    const [a] = instances as [Instance, Instance];
    // Each instance asks for the period's pass every minute; the database keeps one job per period.
    let digests = 0;
    for (let i = 0; i < 500 && digests === 0; i++) {
      const rows = rowsOf<{ n: number }>(
        await database.db.execute(
          sql`select count(*)::int as n from notification_log where email = ${admin.email} and kind = 'digest'`,
        ),
      );
      digests = rows[0]!.n;
      if (digests === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const jobs = rowsOf<{ slot: string; n: number; done: number }>(
      await database.db.execute(sql`select singleton_on::text as slot, count(*)::int as n,
          count(*) filter (where state = 'completed')::int as done
        from pgboss.job where name = 'notices' group by singleton_on`),
    );
    expect(jobs.length, JSON.stringify(jobs)).toBeGreaterThan(0);
    expect(
      jobs.every((slot) => slot.n === 1),
      JSON.stringify(jobs),
    ).toBe(true);
    expect(digests).toBe(1);
    // And the admin's log, read on either instance, says so.
    const session = await login(a, admin.password);
    expect(session.status).toBe(200);
  }, 120_000);

  it('counts the login failures made on both instances', async () => {
    const [a, b] = instances as [Instance, Instance];
    try {
      expect((await login(a, 'not-the-password-1')).status).toBe(401);
      expect((await login(b, 'not-the-password-2')).status).toBe(401);
      expect((await login(a, 'not-the-password-3')).status).toBe(401);
      expect((await login(b, 'not-the-password-4')).status).toBe(401);
      // The fifth try, on either instance, is refused before the password is checked: the right one too.
      const refused = await login(a, admin.password);
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('LOGIN_RATE_LIMITED');
      expect((await login(b, admin.password)).status).toBe(429);
    } finally {
      // Clear the failures, as the window passing would, even when a check above fails: the other tests sign in.
      await database.db.execute(sql`delete from login_failures`);
    }
  });

  it('shows a run’s progress on the other instance, and a run whose instance is killed is retried, not stuck', async () => {
    const [a, b] = instances as [Instance, Instance];
    const signedIn = await login(a, admin.password);
    expect(signedIn.status, JSON.stringify(signedIn.json)).toBe(200);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const session = { cookie, csrf: signedIn.json.csrfToken as string };

    const started = await call(a, 'POST', '/api/mutualisation/runs', session);
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    const id = started.json.id as string;
    // A second run is refused on the other instance while this one runs.
    expect((await call(b, 'POST', '/api/mutualisation/runs', session)).status).toBe(409);

    // Whichever instance took the job says so in its log; the other one is the observer.
    let runner: Instance | undefined;
    for (let i = 0; i < 300 && !runner; i++) {
      runner = instances.find(
        (x) => x.server.output().includes(`"runId":"${id}"`) && x.server.output().includes('grouping run started'),
      );
      if (!runner) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(runner, `${a.server.output()}\n${b.server.output()}`).toBeDefined();
    const observer = runner === a ? b : a;

    // The progress the runner stores, read on the observer.
    let seen: { status: string; progress: number; step: string } | null = null;
    for (let i = 0; i < 400; i++) {
      const run = (await call(observer, 'GET', `/api/mutualisation/runs/${id}`, session)).json;
      expect(run.status).toBe('running');
      if (run.progress > 0) {
        seen = run;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen, 'no progress seen on the other instance').not.toBeNull();

    runner!.server.child.kill('SIGKILL');
    expect(await runner!.server.exited).toBe('SIGKILL');
    const killedAt = Date.now();

    // Its heartbeat stops; past the lease (30 s) the survivor retries the job (or fails it with a reason), long before
    // the job's 99 s expiry: the run ends either way (the retry within its 90 s bound).
    let ended: { status: string; error: string | null; step: string } | null = null;
    let retriedAfterMs: number | null = null;
    for (let i = 0; i < 400 && !ended; i++) {
      if (retriedAfterMs === null && observer.server.output().includes('"attempt":1')) {
        retriedAfterMs = Date.now() - killedAt;
      }
      const run = (await call(observer, 'GET', `/api/mutualisation/runs/${id}`, session)).json;
      if (run.status !== 'running') ended = run;
      else await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(ended, `the run stayed « running »\n${observer.server.output().slice(-4000)}`).not.toBeNull();
    // Lease 30 s + a third of it to notice + the maintenance (1 s here, JOBS_MAINTENANCE_SECONDS=30 by default).
    if (retriedAfterMs !== null) {
      console.info(`killed grouping run taken up again after ${(retriedAfterMs / 1000).toFixed(1)} s`);
      expect(retriedAfterMs).toBeLessThan(60_000);
    } else expect(ended!.status).toBe('failed');
    if (ended!.status === 'failed') expect(ended!.error).toBeTruthy();
    else expect(ended!.status).toBe('done');
    const [job] = rowsOf<{ state: string; retry_count: number }>(
      await database.db.execute(sql`select state, retry_count from pgboss.job where id = ${id}::uuid`),
    );
    expect(job?.state).not.toBe('active');
    // A new run may start: nothing is left holding the lock.
    const next = await call(observer, 'POST', '/api/mutualisation/runs', session);
    expect(next.status, JSON.stringify(next.json)).toBe(202);
  }, 360_000);
});
