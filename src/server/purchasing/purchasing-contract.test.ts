import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/**
 * The purchasing endpoints are checked against their declarations with the other contracts (http/contract.test.ts);
 * the OCDS downloads are files, plain routes beside the contract, documented under the same tag.
 */
describe('the purchasing OCDS downloads in the OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, { tags: string[] }>> };

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.anonymous.get('/api/openapi.json')).json();
  });
  afterAll(() => t.close());

  it('keeps the OCDS downloads as plain routes beside the contract', () => {
    expect(document.paths['/api/purchasing/scenarios/{id}/ocds']?.get?.tags).toEqual(['purchasing']);
    expect(document.paths['/api/purchasing/scenarios/{id}/ocds/records']?.get?.tags).toEqual(['purchasing']);
  });
});
