import { SolutionInput } from '../../src/domain/catalogue/solutions.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import {
  type AccessCase,
  type AccessContext,
  agencyOrOwnCommune,
  agencyOrOwnEditor,
  agencyStaff,
  signedIn,
} from './types.ts';

/**
 * The catalogue (decision 060): every signed-in user reads and searches it; agency staff edit solutions, agreements
 * and lots; a commune's editors adhere and order for their commune only. Its shortlists and saved searches are in
 * catalogue-shortlists.ts, the technology watch in watch.ts.
 */

/** A one-pixel PNG, base64. */
const ACCESS_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/puO3xgAAAABJRU5ErkJggg==';
export const catalogue = (ctx: AccessContext) => ctx.t.app.services.catalogue;

const solutionDraft = (name: string) =>
  SolutionInput.parse({
    name,
    vendor: 'Fixture',
    summary: 'Fixture',
    categories: ['waste'],
    hosting: 'eu',
    pricing: { model: 'flat', amount: 100 },
    status: 'listed',
  });

/** A listed solution, an agreement running today with one awarded lot offering it; both test communes adhere. */
export async function catalogueWorld(ctx: AccessContext) {
  return ctx.fixture('catalogue-world', async () => {
    const solution = await catalogue(ctx).createSolution(CLI_CONTEXT, solutionDraft('Fixture listée'));
    const year = new Date().getUTCFullYear();
    const agreement = await catalogue(ctx).createAgreement(CLI_CONTEXT, {
      reference: 'ACCESS-FIXTURE',
      title: 'Fixture',
      description: '',
      startDate: `${year - 1}-01-01`,
      endDate: `${year + 1}-12-31`,
      ceiling: null,
      demo: false,
    });
    const withLot = await catalogue(ctx).createLot(CLI_CONTEXT, agreement.id, {
      number: 1,
      title: 'Lot',
      vendor: 'Fixture',
      ceiling: 1e9,
      solutions: [{ solutionId: solution.id, unitPrice: null }],
    });
    for (const nis of ['81001', '81004']) await catalogue(ctx).adhere(CLI_CONTEXT, agreement.id, nis);
    const other = await catalogue(ctx).createSolution(CLI_CONTEXT, solutionDraft('Autre fixture'));
    return { solutionId: solution.id, otherId: other.id, agreementId: agreement.id, lotId: withLot.lots[0]!.id };
  });
}

const LOT_BODY = (solutionId: string) => ({
  number: 1 + Math.floor(Math.random() * 900),
  title: 'Lot',
  vendor: 'V',
  ceiling: 1000,
  solutions: [{ solutionId, unitPrice: null }],
});

export const cases: AccessCase[] = [
  {
    route: 'GET /api/catalogue/search',
    request: () => ({ method: 'GET', url: '/api/catalogue/search?q=fixture&status=listed' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/catalogue/solutions',
    request: () => ({ method: 'GET', url: '/api/catalogue/solutions?status=listed&category=waste' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/solutions',
    request: () => ({
      method: 'POST',
      url: '/api/catalogue/solutions',
      payload: {
        name: 'Nouvelle',
        vendor: 'V',
        summary: 'S',
        categories: ['waste'],
        hosting: 'eu',
        pricing: { model: 'flat', amount: 1 },
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/catalogue/solutions/:id',
    request: async (ctx) => ({
      method: 'GET',
      url: `/api/catalogue/solutions/${(await catalogueWorld(ctx)).solutionId}`,
    }),
    expect: signedIn,
  },
  {
    route: 'PATCH /api/catalogue/solutions/:id',
    request: async (ctx) => ({
      method: 'PATCH',
      url: `/api/catalogue/solutions/${(await catalogueWorld(ctx)).otherId}`,
      payload: { summary: `Résumé ${Math.random()}` },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/catalogue/compare',
    request: async (ctx) => {
      const w = await catalogueWorld(ctx);
      return { method: 'GET', url: `/api/catalogue/compare?ids=${w.solutionId},${w.otherId}` };
    },
    expect: signedIn,
  },
  {
    route: 'GET /api/catalogue/adoption',
    request: () => ({ method: 'GET', url: '/api/catalogue/adoption?category=waste' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/catalogue/agreements',
    request: () => ({ method: 'GET', url: '/api/catalogue/agreements' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/agreements',
    request: () => ({
      method: 'POST',
      url: '/api/catalogue/agreements',
      payload: { reference: `REF-${Math.random()}`, title: 'T', startDate: '2026-01-01', endDate: '2027-01-01' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/catalogue/agreements/:id',
    request: async (ctx) => ({
      method: 'GET',
      url: `/api/catalogue/agreements/${(await catalogueWorld(ctx)).agreementId}`,
    }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/agreements/:id/lots',
    request: async (ctx) => {
      const w = await catalogueWorld(ctx);
      return { method: 'POST', url: `/api/catalogue/agreements/${w.agreementId}/lots`, payload: LOT_BODY(w.otherId) };
    },
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/catalogue/lots/:id',
    request: async (ctx) => {
      const w = await catalogueWorld(ctx);
      return {
        method: 'PUT',
        url: `/api/catalogue/lots/${w.lotId}`,
        payload: { ...LOT_BODY(w.solutionId), number: 1, ceiling: 1e9 },
      };
    },
    expect: agencyStaff,
  },
  {
    // The fixture communes already adhere: an allowed call answers 409, a refused one 403.
    route: 'POST /api/catalogue/agreements/:id/adhesions',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/catalogue/agreements/${(await catalogueWorld(ctx)).agreementId}/adhesions`,
      payload: { communeNis: c },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'GET /api/catalogue/call-offs',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/catalogue/call-offs?commune=${c}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/catalogue/call-offs/totals',
    request: () => ({ method: 'GET', url: '/api/catalogue/call-offs/totals' }),
    expect: signedIn,
  },
  {
    route: 'POST /api/catalogue/call-offs',
    request: async (ctx, c) => {
      const w = await catalogueWorld(ctx);
      return {
        method: 'POST',
        url: '/api/catalogue/call-offs',
        payload: {
          lotId: w.lotId,
          solutionId: w.solutionId,
          communeNis: c,
          quantity: 1,
          amount: 10,
          amountReason: 'Prix négocié',
        },
      };
    },
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PATCH /api/catalogue/agreements/:id',
    request: async (ctx) => ({
      method: 'PATCH',
      url: `/api/catalogue/agreements/${(await catalogueWorld(ctx)).agreementId}`,
      payload: { title: 'Fixture modifiée' },
    }),
    expect: agencyStaff,
  },
  {
    // a fresh call-off of the commune each time, placed by the CLI
    route: 'POST /api/catalogue/call-offs/:id/cancel',
    request: async (ctx, c) => {
      const w = await catalogueWorld(ctx);
      const placed = await catalogue(ctx).order(CLI_CONTEXT, {
        lotId: w.lotId,
        solutionId: w.solutionId,
        communeNis: c,
        quantity: 1,
        amount: 1,
        amountReason: 'Prix négocié',
        confirmDuplicate: true,
      });
      return { method: 'POST', url: `/api/catalogue/call-offs/${placed.id}/cancel`, payload: { reason: 'Erreur' } };
    },
    expect: agencyOrOwnEditor,
  },
  {
    route: 'POST /api/catalogue/solutions/:id/images',
    request: async (ctx) => ({
      method: 'POST',
      url: `/api/catalogue/solutions/${(await catalogueWorld(ctx)).solutionId}/images`,
      payload: { kind: 'logo', content: ACCESS_PNG },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/catalogue/solutions/:id/images/:imageId',
    request: async (ctx) => {
      const w = await catalogueWorld(ctx);
      const solution = await catalogue(ctx).addImage(CLI_CONTEXT, w.otherId, {
        kind: 'logo',
        content: ACCESS_PNG,
        caption: '',
      });
      return { method: 'DELETE', url: `/api/catalogue/solutions/${w.otherId}/images/${solution.logo!.id}` };
    },
    expect: agencyStaff,
  },
  {
    route: 'GET /api/catalogue/images/:id',
    request: async (ctx) => {
      const url = await ctx.fixture('catalogue-image', async () => {
        const w = await catalogueWorld(ctx);
        const solution = await catalogue(ctx).addImage(CLI_CONTEXT, w.solutionId, {
          kind: 'screenshot',
          content: ACCESS_PNG,
          caption: '',
        });
        return solution.gallery[0]!.url;
      });
      return { method: 'GET', url };
    },
    expect: signedIn,
  },
];
