import { type AccessCase, everyone } from './types.ts';

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
