import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { JobQueue } from './job-queue.ts';

const silent = { error: () => undefined };
const until = async (check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The job queue kept in the database (decision 110), on the suite's database: PGlite, or PostgreSQL in CI. */
describe('job queue', () => {
  let database: DatabaseHandle;
  const queues: JobQueue[] = [];
  const queue = (leaseSeconds?: number) => {
    const q = new JobQueue(database, {
      log: silent,
      pollingIntervalSeconds: 0.5,
      maintenanceIntervalSeconds: 1,
      ...(leaseSeconds ? { leaseSeconds } : {}),
    });
    queues.push(q);
    return q;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const q of queues) await q.stop(1000);
    await database.close();
  });

  it('runs a job and keeps what it returned', async () => {
    const q = queue();
    q.define<{ n: number }>({
      name: 'double',
      handler: async (data) => ({ doubled: data.n * 2 }),
      expireInSeconds: 30,
      retryLimit: 0,
    });
    await q.start();
    const id = await q.send('double', { n: 21 });
    await until(async () => (await q.find('double', id))?.state === 'completed');
    expect((await q.find('double', id))?.output).toEqual({ doubled: 42 });
  });

  it('keeps one job per period however many times it is asked', async () => {
    const first = queue();
    const second = queue();
    for (const q of [first, second])
      q.define({ name: 'periodic', handler: async () => null, expireInSeconds: 30, retryLimit: 0 });
    await Promise.all([first.start(), second.start()]);
    const ids = await Promise.all([
      first.sendOncePer('periodic', 3600),
      second.sendOncePer('periodic', 3600),
      first.sendOncePer('periodic', 3600),
    ]);
    expect(ids.filter(Boolean)).toHaveLength(1);
  });

  it('retries a job whose attempt overran its time, and releases the jobs of a queue that stops', async () => {
    const attempts: number[] = [];
    const first = queue();
    first.define({
      name: 'slow',
      // The first attempt never ends, as in a process that hangs.
      handler: async (_data, job) => {
        attempts.push(job.attempt);
        if (job.attempt === 0) await new Promise(() => undefined);
        return { attempt: job.attempt };
      },
      expireInSeconds: 1,
      retryLimit: 1,
    });
    await first.start();
    const id = await first.send('slow', {});
    await until(async () => (await first.find('slow', id))?.state === 'completed');
    expect(attempts).toEqual([0, 1]);
    expect((await first.find('slow', id))?.output).toEqual({ attempt: 1 });

    // A queue that stops while its job runs gives it back (failed with a reason, so retried) to the others.
    const dying = queue();
    const survivor = queue();
    // The survivor takes a second, so the stopped instance's handler ends while the survivor runs the job.
    survivor.define({
      name: 'handover',
      handler: () => new Promise((resolve) => setTimeout(() => resolve('survivor'), 1000)),
      expireInSeconds: 60,
      retryLimit: 1,
    });
    let release: () => void = () => undefined;
    dying.define({
      name: 'handover',
      handler: () => new Promise((resolve) => (release = () => resolve('dying'))),
      expireInSeconds: 60,
      retryLimit: 1,
    });
    await dying.start();
    const handed = await dying.send('handover', {});
    await until(async () => (await dying.find('handover', handed))?.state === 'active');
    await dying.stop(500);
    const after = await dying.find('handover', handed);
    expect(after?.state).toBe('retry');
    await survivor.start();
    await until(async () => (await survivor.find('handover', handed))?.state === 'active');
    // The given-back handler ends late: it must neither complete nor fail the job the survivor now runs.
    release();
    await until(async () => (await survivor.find('handover', handed))?.state === 'completed');
    expect((await survivor.find('handover', handed))?.output).toEqual({ value: 'survivor' });
  }, 60_000);

  it('retries a job whose heartbeat stopped long before its expiry (a killed process)', async () => {
    // The « dead » instance beat once when the job started, then never again (its lease is an hour long).
    const dead = queue(3600);
    const survivor = queue(1);
    const definition = { name: 'long', expireInSeconds: 600, retryLimit: 1 };
    dead.define({ ...definition, handler: () => new Promise(() => undefined) });
    await dead.start();
    const id = await dead.send('long', {});
    await until(async () => (await dead.find('long', id))?.state === 'active');
    const started = Date.now();
    survivor.define({ ...definition, handler: async (_data, job) => ({ attempt: job.attempt }) });
    await survivor.start();
    await until(async () => (await survivor.find('long', id))?.state === 'completed');
    expect((await survivor.find('long', id))?.output).toEqual({ attempt: 1 });
    // Lease (1 s) + the look for lost jobs + maintenance (1 s): seconds, not the job's 10 minutes.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
