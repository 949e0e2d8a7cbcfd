import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { catalogue, catalogueWorld } from './catalogue.ts';
import { type AccessCase, type AccessContext, agencyOrOwnCommune, agencyOrOwnEditor, signedIn } from './types.ts';

/**
 * The catalogue's shortlists and saved searches (decision 060): a commune's editors keep its shortlists (its viewers
 * read them); saved searches belong to their author (a fixture saved by another user is deleted by nobody else).
 */
async function shortlistIn(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`shortlist-${communeNis}`, async () => {
    const { solutionId } = await catalogueWorld(ctx);
    return (
      await catalogue(ctx).createShortlist(CLI_CONTEXT, {
        name: 'Fixture',
        communeNis,
        solutionIds: [solutionId],
        savedSearchId: null,
      })
    ).id;
  });
}

async function freshShortlist(ctx: AccessContext, communeNis: string) {
  return (
    await catalogue(ctx).createShortlist(CLI_CONTEXT, {
      name: 'Fresh',
      communeNis,
      solutionIds: [],
      savedSearchId: null,
    })
  ).id;
}

async function savedSearchOfSomeoneElse(ctx: AccessContext) {
  const owner = await ctx.fixture('saved-search-owner', () => ctx.t.createUser('consultant'));
  const row = await ctx.t.app.services.uow.write((repos) =>
    repos.catalogue.insertSavedSearch({
      userId: owner.id,
      name: 'Fixture',
      query: { q: 'x', category: [], dimension: [], standard: [], hosting: [], priceModel: [], status: [] },
    }),
  );
  return row.id;
}

export const cases: AccessCase[] = [
  {
    route: 'GET /api/catalogue/saved-searches',
    request: () => ({ method: 'GET', url: '/api/catalogue/saved-searches' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/saved-searches',
    request: () => ({
      method: 'POST',
      url: '/api/catalogue/saved-searches',
      payload: { name: 'Mes recherches', query: { q: 'wifi' } },
    }),
    expect: signedIn,
  },
  {
    route: 'DELETE /api/catalogue/saved-searches/:id',
    request: async (ctx) => ({
      method: 'DELETE',
      url: `/api/catalogue/saved-searches/${await savedSearchOfSomeoneElse(ctx)}`,
    }),
    expect: {
      anonymous: 'deny',
      agency_admin: 'deny',
      consultant: 'deny',
      commune_editor: 'deny',
      commune_viewer: 'deny',
    },
  },
  {
    route: 'GET /api/catalogue/shortlists',
    request: () => ({ method: 'GET', url: '/api/catalogue/shortlists' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/shortlists',
    request: (_ctx, c) => ({
      method: 'POST',
      url: '/api/catalogue/shortlists',
      payload: { name: 'Liste', communeNis: c },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/catalogue/shortlists/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/catalogue/shortlists/${await shortlistIn(ctx, c)}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PATCH /api/catalogue/shortlists/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/catalogue/shortlists/${await shortlistIn(ctx, c)}`,
      payload: { name: `Liste ${Math.random()}` },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/catalogue/shortlists/:id/outcome',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/catalogue/shortlists/${await shortlistIn(ctx, c)}/outcome`,
      payload: { kind: 'none', reason: 'Aucune ne convient' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/catalogue/shortlists/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/catalogue/shortlists/${await freshShortlist(ctx, c)}` }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/catalogue/shortlists/:id/export.pdf',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/catalogue/shortlists/${await shortlistIn(ctx, c)}/export.pdf`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/catalogue/shortlists/:id/export.xlsx',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/catalogue/shortlists/${await shortlistIn(ctx, c)}/export.xlsx`,
    }),
    expect: agencyOrOwnCommune,
  },
];
