import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditContract } from '../../domain/audit/audit.contract.ts';
import { authContract } from '../../domain/auth/auth.contract.ts';
import { usersContract } from '../../domain/auth/users.contract.ts';
import { communesContract } from '../../domain/communes/communes.contract.ts';
import { diagnosticContract } from '../../domain/diagnostic/diagnostic.contract.ts';
import { healthContract } from '../../domain/health/health.contract.ts';
import { missionsContract } from '../../domain/missions/missions.contract.ts';
import { purchasingContract } from '../../domain/purchasing/purchasing.contract.ts';
import type { Endpoint } from '../../domain/shared/contract.ts';

type Operation = {
  tags: string[];
  summary: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};

const contracts = [
  healthContract,
  auditContract,
  authContract,
  usersContract,
  communesContract,
  missionsContract,
  diagnosticContract,
  purchasingContract,
];
const endpoints = contracts.flatMap((contract) => Object.values(contract) as Endpoint[]);
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

describe('routes registered from their contract', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>> };

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.anonymous.get('/api/openapi.json')).json();
  });
  afterAll(() => t.close());

  it.each(endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s is documented as declared: summary, tag, parameters, body and success status',
    (_, endpoint) => {
      const operation = document.paths[openApiPath(endpoint.path)]?.[endpoint.method.toLowerCase()];
      expect(operation).toMatchObject({ tags: [endpoint.tag], summary: endpoint.summary });
      const pathNames = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
      const inPath = (operation!.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(inPath.sort()).toEqual(pathNames.sort());
      expect(Boolean(operation!.requestBody)).toBe(Boolean(endpoint.body));
      const success = String(endpoint.status ?? 200);
      expect(Object.keys(operation!.responses)).toContain(success);
      if (endpoint.usualErrors !== false)
        expect(Object.keys(operation!.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '404']));
      for (const status of Object.keys(endpoint.refusals ?? {}))
        expect(Object.keys(operation!.responses)).toContain(status);
    },
  );

  it('answers the declared success status: 201 on creation, 204 on sign-out', async () => {
    const admin = await t.login(await t.createUser('agency_admin'));
    const created = await admin.post('/api/users', {
      email: 'contract.test@example.be',
      displayName: 'Contrat',
      role: 'consultant',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().user.email).toBe('contract.test@example.be');
    const out = await admin.post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
  });
});
