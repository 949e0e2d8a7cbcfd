import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/support/test-app.ts';
import { createTestDatabase } from '../../test/support/test-database.ts';
import { buildApp } from './app.ts';
import type { DatabaseHandle } from './db/client.ts';
import { gracefulShutdown } from './shutdown.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The real server on a free port with one slow public route, whose end the test decides. */
async function serverWithSlowRoute(): Promise<{
  app: FastifyInstance;
  database: DatabaseHandle;
  url: string;
  started: Promise<void>;
  finish: () => void;
  events: string[];
}> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(), database, logger: false });
  const events: string[] = [];
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  app.get('/api/test/slow', { config: { access: { public: true } } }, async () => {
    markStarted();
    await finished;
    events.push('request answered');
    return { finished: true };
  });
  app.shutdownHooks.add('test hook', () => {
    events.push('shutdown hook');
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, database, url, started, finish, events };
}

const databaseClosed = (database: DatabaseHandle) =>
  database.kind === 'pglite' ? database.pglite!.closed : (database.pool as unknown as { ended: boolean }).ended;

describe('graceful shutdown (SIGTERM)', () => {
  it('refuses new connections, lets the request in flight finish, then runs the hooks and closes the database', async () => {
    const { app, database, url, started, finish, events } = await serverWithSlowRoute();
    const inFlight = fetch(`${url}/api/test/slow`);
    await started;

    const stopped = gracefulShutdown({ app, database, timeoutMs: 10_000, log: silent })('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // A newcomer is turned away while the request in flight is still running.
    await expect(fetch(`${url}/api/communes`)).rejects.toThrow();
    expect(events).toEqual([]);
    expect(databaseClosed(database)).toBe(false);

    finish();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ finished: true });
    await stopped;
    expect(events).toEqual(['request answered', 'shutdown hook']);
    expect(databaseClosed(database)).toBe(true);
  });

  it('cuts a request that outlasts the time limit, so the stop never hangs', async () => {
    const { app, database, url, started, finish } = await serverWithSlowRoute();
    // The failure is caught at once: the cut may come before the test awaits it, and an unobserved rejection fails the run.
    const inFlight = fetch(`${url}/api/test/slow`).then(
      () => 'answered',
      (error: unknown) => error,
    );
    await started;
    const begun = Date.now();
    await gracefulShutdown({ app, database, timeoutMs: 500, log: silent })('SIGTERM');
    expect(Date.now() - begun).toBeLessThan(5_000);
    expect(await inFlight).toBeInstanceOf(Error);
    expect(databaseClosed(database)).toBe(true);
    finish();
  });
});
