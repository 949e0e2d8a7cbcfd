import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../app.ts';

/**
 * Issue 15: request limits held in one process's memory, so two instances behind a proxy let through twice the
 * limit. They now count in the database: two apps on one database share every count.
 */
describe('request limits across instances', () => {
  let t: TestApp;
  let second: FastifyInstance;

  beforeAll(async () => {
    t = await createTestApp();
    second = await buildApp({ config: t.config, database: t.database, logger: false });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it('the self-assessment links’ limit (30 a minute per address) counts the requests both instances answered', async () => {
    const open = (app: FastifyInstance, address: string) =>
      app.inject({ method: 'GET', url: `/api/self-assessment/${'x'.repeat(24)}`, remoteAddress: address });
    for (let i = 0; i < 15; i++) {
      expect((await open(t.app, '192.0.2.10')).statusCode).toBe(404);
      expect((await open(second, '192.0.2.10')).statusCode).toBe(404);
    }
    const refused = await open(t.app, '192.0.2.10');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await open(second, '192.0.2.10')).statusCode).toBe(429);
    // Another address has its own count; another route too.
    expect((await open(second, '192.0.2.11')).statusCode).toBe(404);
  });
});
