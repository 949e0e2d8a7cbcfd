import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from './client.ts';

/**
 * On PostgreSQL a transaction's parallel reads (`Promise.all` in a unit of work) go through one connection:
 * node-postgres deprecated queueing them (a warning in the CI logs, an error from pg 9). They take turns instead.
 */
describe.skipIf(inject('template').kind !== 'postgres')('several queries at once on one connection', () => {
  let database: DatabaseHandle;
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.message);

  beforeAll(async () => {
    database = await createTestDatabase();
    process.on('warning', onWarning);
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database.close();
  });

  it('answers each of a transaction’s parallel reads, in order, without the deprecation warning', async () => {
    const answers = await database.db.transaction((tx) =>
      Promise.all(
        [1, 2, 3, 4, 5].map((n) => tx.execute(sql`select ${n}::int as n, pg_sleep(${(6 - n) / 200})::text as slept`)),
      ),
    );
    expect(answers.map((answer) => (answer as { rows: { n: number }[] }).rows[0]?.n)).toEqual([1, 2, 3, 4, 5]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((message) => message.includes('already executing a query'))).toEqual([]);
  });

  it('goes on after a query that fails, and a callback query still answers', async () => {
    const client = await database.pool!.connect();
    try {
      const [first, failed, third] = await Promise.allSettled([
        client.query('select 1 as n'),
        client.query('select * from no_such_table'),
        client.query('select 3 as n'),
      ]);
      expect(first.status === 'fulfilled' && first.value.rows[0].n).toBe(1);
      expect(failed.status === 'rejected' && String(failed.reason)).toMatch(/no_such_table/);
      expect(third.status === 'fulfilled' && third.value.rows[0].n).toBe(3);
      const viaCallback = await new Promise((resolve, reject) =>
        client.query('select 4 as n', (error, result) => (error ? reject(error) : resolve(result.rows[0].n))),
      );
      expect(viaCallback).toBe(4);
    } finally {
      client.release();
    }
  });
});
