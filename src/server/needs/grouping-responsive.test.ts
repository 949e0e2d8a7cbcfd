import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { rowsOf } from '../db/client.ts';
import { LABELLED_NEEDS } from './labelled-needs.test-support.ts';

const REGISTER_SIZE = 5000;

/** A register of about 5 000 needs in the province's communes: the labelled phrasings, numbered and varied. */
async function seedRegister(t: TestApp, size: number) {
  const communes = rowsOf<{ nis_code: string }>(
    await t.database.db.execute(sql`select nis_code from communes where merged_on is null order by nis_code`),
  ).map((c) => c.nis_code);
  const places = ['du centre', 'de la gare', 'des écoles', 'du village', 'de la zone d’activités', 'du parc'];
  const rows = Array.from({ length: size }, (_, i) => {
    const model = LABELLED_NEEDS[i % LABELLED_NEEDS.length]!;
    return {
      communeNis: communes[i % communes.length]!,
      title: `${model.title} ${places[i % places.length]} (${i})`,
      description: model.description,
    };
  });
  await t.app.services.uow.write((repos) => repos.needs.insert(rows));
}

/**
 * Issue 15, finding 3: on the embedded database a grouping of 5 060 needs held the server's only thread for minutes,
 * and every request timed out. The run now works where it does not block (a worker thread on PGlite, the server on
 * PostgreSQL) and is bounded in time.
 */
describe('a grouping run of a large register', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { MUTUALISATION_RUN_TIMEOUT_SECONDS: '240' } });
    consultant = await t.login(await t.createUser('consultant'));
    await seedRegister(t, REGISTER_SIZE);
  });
  afterAll(() => t.close());

  it('lets the server answer every request while it runs', async () => {
    const started = await consultant.post('/api/mutualisation/runs');
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id;
    const latencies: number[] = [];
    const progress: number[] = [];
    for (;;) {
      const asked = Date.now();
      const communes = await consultant.get('/api/communes');
      latencies.push(Date.now() - asked);
      expect(communes.statusCode).toBe(200);
      const run = (await consultant.get(`/api/mutualisation/runs/${id}`)).json();
      if (run.status !== 'running') {
        expect(run.status, run.error).toBe('done');
        expect(run.stats.needs).toBe(REGISTER_SIZE);
        break;
      }
      progress.push(run.progress);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Requests were answered throughout the run, each in well under a second, and the progress moved.
    expect(progress.length).toBeGreaterThan(3);
    expect(new Set(progress).size).toBeGreaterThan(1);
    expect(Math.max(...latencies), JSON.stringify(latencies)).toBeLessThan(1500);
  }, 300_000);
});

describe('a grouping run that overruns its time', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp({ env: { MUTUALISATION_RUN_TIMEOUT_SECONDS: '1' } });
    consultant = await t.login(await t.createUser('consultant'));
    await seedRegister(t, REGISTER_SIZE);
  });
  afterAll(() => t.close());

  it('is stopped, says why, and changes nothing', async () => {
    const started = await consultant.post('/api/mutualisation/runs');
    const run = await t.app.services.mutualisation.waitForRun(started.json().id);
    expect(run.status).toBe('failed');
    expect(run.error).toContain('a dépassé la durée permise (1 s)');
    expect((await consultant.get('/api/mutualisation/groups')).json()).toEqual([]);
    // The next run may start: the one that overran holds nothing.
    const next = await consultant.post('/api/mutualisation/runs');
    expect(next.statusCode, next.body).toBe(202);
    await t.app.services.mutualisation.waitForRun(next.json().id);
  }, 120_000);
});
