import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { purchasingContract } from '../../domain/purchasing/purchasing.contract.ts';
import type { Endpoint } from '../../domain/shared/contract.ts';

type Operation = {
  tags: string[];
  summary: string;
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
};

const endpoints = Object.values(purchasingContract) as Endpoint[];
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Every purchasing endpoint is registered from its declaration (decision 130), and documented as declared. */
describe('the purchasing contract in the OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.anonymous.get('/api/openapi.json')).json();
  });
  afterAll(() => t.close());

  it.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s: summary, tag, path parameters, body, success status and refusals',
    (_, endpoint) => {
      const operation = document.paths[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()];
      expect(operation).toMatchObject({ tags: ['purchasing'], summary: endpoint.summary });
      const inPath = (operation!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath).toEqual([...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1]));
      expect(Boolean(operation!.requestBody)).toBe(Boolean(endpoint.body));
      const statuses = Object.keys(operation!.responses);
      expect(statuses).toEqual(
        expect.arrayContaining([
          String(endpoint.status ?? 200),
          '400',
          '401',
          '403',
          '404',
          ...Object.keys(endpoint.refusals ?? {}),
        ]),
      );
    },
  );

  it('keeps the OCDS downloads as plain routes beside the contract', () => {
    expect(document.paths['/api/purchasing/scenarios/{id}/ocds']?.get?.tags).toEqual(['purchasing']);
    expect(document.paths['/api/purchasing/scenarios/{id}/ocds/records']?.get?.tags).toEqual(['purchasing']);
  });
});
