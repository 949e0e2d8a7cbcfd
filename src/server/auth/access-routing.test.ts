import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Document, fillRoute, operationsOf, SchemaReader } from '../../../test/support/openapi-sweep.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The audit reached `/api/missions` as the public through `/%61pi/missions` (200 where the plain address answers 401):
 * the access hook looked at a prefix of the raw URL while the router decodes it. Access is now decided on the
 * matched route, so every spelling of an address that reaches a route gets the same answer as the plain one.
 */
describe('access does not depend on how the address is spelt', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.anonymous.get('/api/openapi.json')).json() as Document;
  });
  afterAll(() => t.close());

  /** Other spellings of the same path the router accepts: percent-encoded letters, in the prefix and after it. */
  const spellings = (path: string) => [
    path.replace(/^\/api\//, '/%61pi/'),
    path.replace(/^\/api\//, '/%61%70%69/'),
    path.replace(/^\/api\/(\w)/, (_, letter: string) => `/api/%${letter.charCodeAt(0).toString(16).toUpperCase()}`),
  ];

  it('the public gets the same status from every spelling of every API address as from the plain one', async () => {
    const reader = new SchemaReader(document);
    let compared = 0;
    for (const operation of operationsOf(document)) {
      const path = fillRoute(operation, reader);
      const method = operation.method as 'GET';
      const plain = await t.anonymous.request({ method, url: path, ...(operation.body ? { payload: {} } : {}) });
      for (const url of spellings(path)) {
        const other = await t.anonymous.request({ method, url, ...(operation.body ? { payload: {} } : {}) });
        expect(other.statusCode, `${operation.method} ${url} vs ${path}`).toBe(plain.statusCode);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('the audit’s case: /%61pi/missions answers 401 like /api/missions', async () => {
    for (const url of ['/api/missions', '/%61pi/missions', '/api/%6Dissions']) {
      const response = await t.anonymous.get(url);
      expect(response.statusCode, url).toBe(401);
      expect(response.json().error.code).toBe('UNAUTHENTICATED');
    }
  });
});
