import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { type AccessCase, adminOnly, everyone } from './types.ts';

/**
 * The public side (issue 14, decision 120): everyone may read it, signed in or not, and it shows only what the
 * communes published (src/server/public/public-leaks.test.ts proves nothing else appears).
 */
export const cases: AccessCase[] = [
  {
    route: 'GET /api/public/overview',
    request: () => ({ method: 'GET', url: '/api/public/overview' }),
    expect: everyone,
  },
  {
    route: 'GET /api/public/communes/:nisCode/programme',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/public/communes/${c}/programme` }),
    expect: everyone,
  },
  {
    route: 'GET /api/public/catalogue/categories',
    request: () => ({ method: 'GET', url: '/api/public/catalogue/categories' }),
    expect: everyone,
  },
  {
    route: 'GET /api/public/catalogue/categories/:category',
    request: () => ({ method: 'GET', url: '/api/public/catalogue/categories/public-lighting' }),
    expect: everyone,
  },
];

/** The open data: datasets and every download, without an account (decision 120). */
export const openDataCases: AccessCase[] = [
  {
    route: 'GET /api/open-data/datasets',
    request: () => ({ method: 'GET', url: '/api/open-data/datasets' }),
    expect: everyone,
  },
  {
    route: 'GET /api/open-data/catalog',
    request: () => ({ method: 'GET', url: '/api/open-data/catalog' }),
    expect: everyone,
  },
  {
    route: 'GET /api/open-data/datasets/:dataset/:format',
    request: () => ({ method: 'GET', url: '/api/open-data/datasets/projects/csv' }),
    expect: everyone,
  },
];
cases.push(...openDataCases);

/** API keys: agency admins issue, list and revoke them. */
export const apiKeyCases: AccessCase[] = [
  {
    route: 'GET /api/admin/api-keys',
    request: () => ({ method: 'GET', url: '/api/admin/api-keys' }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/admin/api-keys',
    request: () => ({ method: 'POST', url: '/api/admin/api-keys', payload: { name: 'Portail de test' } }),
    expect: adminOnly,
  },
  {
    route: 'DELETE /api/admin/api-keys/:id',
    request: async (ctx) => {
      const key = await ctx.t.app.services.apiKeys.create(CLI_CONTEXT, { name: 'À révoquer', rateLimitPerMinute: 10 });
      return { method: 'DELETE', url: `/api/admin/api-keys/${key.id}` };
    },
    expect: adminOnly,
  },
];
cases.push(...apiKeyCases);
