import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

const PAGE =
  '<!doctype html><html lang="fr"><head><title>Smart Rural</title></head><body><div id="root"></div></body></html>';

describe('the web app answers every page address, whatever the client accepts (issue 11)', () => {
  let t: TestApp;
  let dist: string;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'smart-rural-web-'));
    await writeFile(join(dist, 'index.html'), PAGE);
    t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it.each(['/', '/missions/abc', '/catalogue', '/public/communes/81001', '/apiary'])(
    'GET %s without an Accept header gets the app’s page',
    async (url) => {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toContain('<div id="root"></div>');
    },
  );

  it('as curl asks (Accept: */*) and as a browser asks (text/html)', async () => {
    for (const accept of ['*/*', 'text/html,application/xhtml+xml']) {
      const response = await t.app.inject({ method: 'GET', url: '/needs?commune=81001', headers: { accept } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Smart Rural');
    }
  });

  it('an unknown API address stays a 404 in the error shape, even when the client accepts HTML', async () => {
    for (const url of ['/api/unknown', '/api']) {
      const response = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) } });
    }
  });

  it('a write to a page address is not a page: 404 in the error shape', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/missions/abc', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});
