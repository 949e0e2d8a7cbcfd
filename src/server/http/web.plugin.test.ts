import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The web app's files as a browser gets them: the build writes each one also as .br and .gz (vite.config.ts), the
 * server picks the one the browser accepts. A small build of our own, so the test does not need `vite build`.
 */
describe('web app files', () => {
  let t: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('Smart Rural '.repeat(400))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'smart-rural-web-'));
    mkdirSync(join(dist, 'assets'));
    const page = '<!doctype html><html lang="fr"><head><title>Smart Rural</title></head><body></body></html>';
    for (const [name, content] of [
      ['index.html', page],
      ['assets/index-4f3a9c.js', script],
    ] as const) {
      writeFileSync(join(dist, name), content);
      writeFileSync(join(dist, `${name}.br`), brotliCompressSync(content));
      writeFileSync(join(dist, `${name}.gz`), gzipSync(content));
    }
    t = await createTestApp({ env: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

  it('sends Brotli to a browser that accepts it, gzip to one that accepts only gzip, the plain file otherwise', async () => {
    const br = await get('/assets/index-4f3a9c.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gzip = await get('/assets/index-4f3a9c.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-4f3a9c.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('lets browsers keep hashed files for a year and always revalidate the page', async () => {
    const asset = await get('/assets/index-4f3a9c.js', { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The page's own security headers are not repeated on each script.
    expect(asset.headers['content-security-policy']).toBeUndefined();
    expect(asset.headers['x-content-type-options']).toBe('nosniff');

    const page = await get('/communes/85039', { accept: 'text/html', 'accept-encoding': 'br' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(brotliDecompressSync(page.rawPayload).toString()).toContain('<title>Smart Rural</title>');
    expect(asset.headers['last-modified']).toBeUndefined();
    expect(page.headers.etag).toBeDefined();
  });

  it('sends JSON answers, errors included, without the headers only a document obeys', async () => {
    for (const url of ['/api/communes/boundaries', '/api/auth/me']) {
      const answer = await get(url, { 'accept-encoding': 'identity' });
      expect(answer.headers['content-type'], url).toMatch(/^application\/json/);
      expect(answer.headers['content-security-policy'], url).toBeUndefined();
      expect(answer.headers['x-frame-options'], url).toBeUndefined();
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });

  it('compresses large API answers for browsers that accept it', async () => {
    const boundaries = await get('/api/communes/boundaries', { 'accept-encoding': 'gzip' });
    expect(boundaries.statusCode).toBe(200);
    expect(boundaries.headers['content-encoding']).toBe('gzip');
    const json = JSON.parse(gunzipSync(boundaries.rawPayload).toString()) as { features: unknown[] };
    expect(json.features.length).toBeGreaterThan(40);

    const plain = await get('/api/communes/boundaries', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect((plain.json() as { features: unknown[] }).features.length).toBe(json.features.length);
  });
});
