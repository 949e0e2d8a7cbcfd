import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { type AccessCase, adminOnly, agencyOrOwnEditor, everyone, signedIn } from './types.ts';

const siteIn = async (ctx: Parameters<AccessCase['request']>[0], nis: string) =>
  (await ctx.t.app.services.communes.createSite(CLI_CONTEXT, nis, { name: 'Fixture', kind: 'other' })).id;
const targetUser = (ctx: Parameters<AccessCase['request']>[0]) =>
  ctx.fixture('target-user', async () => (await ctx.t.createUser('consultant')).id);

export const cases: AccessCase[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: everyone },
  { route: 'GET /api/config', request: () => ({ method: 'GET', url: '/api/config' }), expect: everyone },
  { route: 'GET /api/openapi.json', request: () => ({ method: 'GET', url: '/api/openapi.json' }), expect: everyone },
  {
    route: 'POST /api/auth/login',
    request: () => ({ method: 'POST', url: '/api/auth/login', payload: {} }),
    expect: everyone,
  },
  {
    route: 'POST /api/auth/logout',
    request: () => ({ method: 'POST', url: '/api/auth/logout' }),
    expect: everyone,
    endsSession: true,
  },
  { route: 'GET /api/auth/me', request: () => ({ method: 'GET', url: '/api/auth/me' }), expect: signedIn },
  {
    route: 'POST /api/auth/password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'wrong', newPassword: 'long-enough-password' },
    }),
    expect: signedIn,
  },
  { route: 'GET /api/users', request: () => ({ method: 'GET', url: '/api/users' }), expect: adminOnly },
  {
    route: 'POST /api/users',
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: { email: `m${Math.random().toString(36).slice(2)}@x.be`, displayName: 'M', role: 'consultant' },
    }),
    expect: adminOnly,
  },
  {
    route: 'PATCH /api/users/:id',
    request: async (ctx) => ({
      method: 'PATCH',
      url: `/api/users/${await targetUser(ctx)}`,
      payload: { displayName: 'Renamed' },
    }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/users/:id/password-reset',
    request: async (ctx) => ({ method: 'POST', url: `/api/users/${await targetUser(ctx)}/password-reset` }),
    expect: adminOnly,
  },
  { route: 'GET /api/audit', request: () => ({ method: 'GET', url: '/api/audit' }), expect: adminOnly },
  { route: 'GET /api/audit/facets', request: () => ({ method: 'GET', url: '/api/audit/facets' }), expect: adminOnly },
  { route: 'GET /api/communes', request: () => ({ method: 'GET', url: '/api/communes' }), expect: everyone },
  {
    route: 'GET /api/communes/boundaries',
    request: () => ({ method: 'GET', url: '/api/communes/boundaries' }),
    expect: everyone,
  },
  {
    route: 'GET /api/communes/:nisCode',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/communes/${c}` }),
    expect: everyone,
  },
  {
    route: 'PATCH /api/communes/:nisCode',
    request: (_ctx, c) => ({ method: 'PATCH', url: `/api/communes/${c}`, payload: { description: 'Texte' } }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/communes/:nisCode/official-designation',
    request: (_ctx, c) => ({
      method: 'PUT',
      url: `/api/communes/${c}/official-designation`,
      payload: { title: 'ville', source: 'Décret du Parlement wallon (test)' },
    }),
    // Reference data the agency publishes (decision 140): its admins confirm it, not the commune's own users.
    expect: adminOnly,
  },
  {
    route: 'GET /api/communes/:nisCode/sites',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/communes/${c}/sites` }),
    expect: everyone,
  },
  {
    route: 'POST /api/communes/:nisCode/sites',
    request: (_ctx, c) => ({
      method: 'POST',
      url: `/api/communes/${c}/sites`,
      payload: { name: 'Site', kind: 'other' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PATCH /api/sites/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/sites/${await siteIn(ctx, c)}`,
      payload: { name: 'Renommé' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/sites/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/sites/${await siteIn(ctx, c)}` }),
    expect: agencyOrOwnEditor,
  },
];
