import { GUIDE_FR_V1 } from '../../src/domain/diagnostic/guide-fr-v1.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { missionIn } from './missions.ts';
import {
  type AccessCase,
  type AccessContext,
  adminOnly,
  agencyOrOwnCommune,
  agencyStaff,
  everyone,
  signedIn,
} from './types.ts';

const QUESTION = GUIDE_FR_V1.dimensions[0]!.factors[0]!.questions[0]!.key;
const GUIDE = '/api/diagnostic/guides/smart-rural-fr/versions/1';

/** A fresh interview (for calls that delete or erase it), or the one shared by read calls. */
async function newInterview(ctx: AccessContext, communeNis: string): Promise<string> {
  const missionId = await missionIn(ctx, communeNis);
  const interview = await ctx.t.app.services.diagnostic.interviews.create(CLI_CONTEXT, missionId, {
    resourcePerson: { type: 'citizen', name: 'Personne Test' },
    date: '2026-03-01',
    interviewer: 'Matrice',
  });
  return interview.id;
}
const interviewIn = (ctx: AccessContext, c: string) => ctx.fixture(`interview-${c}`, () => newInterview(ctx, c));

async function newSwotItem(ctx: AccessContext, communeNis: string, category: 'strength' | 'weakness' = 'strength') {
  const missionId = await missionIn(ctx, communeNis);
  return (
    await ctx.t.app.services.diagnostic.swot.create(CLI_CONTEXT, missionId, {
      category,
      text: 'Élément de test',
      dimensions: ['living'],
      interviewIds: [],
    })
  ).id;
}

let newGuides = 0;

const base = async (ctx: AccessContext, c: string) => `/api/missions/${await missionIn(ctx, c)}`;

export const cases: AccessCase[] = [
  // The interview guide
  {
    route: 'GET /api/diagnostic/guides',
    request: () => ({ method: 'GET', url: '/api/diagnostic/guides' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/diagnostic/guides/:key/versions/:version',
    request: () => ({ method: 'GET', url: GUIDE }),
    expect: signedIn,
  },
  {
    route: 'GET /api/diagnostic/guides/:key/versions/:version/changes',
    request: () => ({ method: 'GET', url: `${GUIDE}/changes` }),
    expect: signedIn,
  },
  {
    route: 'POST /api/diagnostic/guides',
    request: () => ({
      method: 'POST',
      url: '/api/diagnostic/guides',
      payload: { key: `matrice-${++newGuides}`, title: 'Guide de la matrice' },
    }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/diagnostic/guides/:key/drafts',
    request: () => ({ method: 'POST', url: '/api/diagnostic/guides/smart-rural-fr/drafts' }),
    expect: adminOnly,
  },
  {
    route: 'PUT /api/diagnostic/guides/:key/versions/:version',
    request: () => ({ method: 'PUT', url: GUIDE, payload: GUIDE_FR_V1 }),
    expect: adminOnly,
  },
  {
    route: 'POST /api/diagnostic/guides/:key/versions/:version/publish',
    request: () => ({ method: 'POST', url: `${GUIDE}/publish` }),
    expect: adminOnly,
  },
  {
    route: 'DELETE /api/diagnostic/guides/:key/versions/:version',
    request: () => ({ method: 'DELETE', url: GUIDE }),
    expect: adminOnly,
  },
  {
    route: 'GET /api/diagnostic/province',
    request: () => ({ method: 'GET', url: '/api/diagnostic/province' }),
    expect: signedIn,
  },

  // The guide of a mission's diagnostic
  {
    route: 'GET /api/missions/:id/diagnostic/guide',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/diagnostic/guide` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PUT /api/missions/:id/diagnostic/guide',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `${await base(ctx, c)}/diagnostic/guide`,
      payload: { key: 'smart-rural-fr' },
    }),
    expect: agencyStaff,
  },

  // Interviews
  {
    route: 'GET /api/missions/:id/interviews',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/interviews` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/missions/:id/interviews',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/interviews`,
      payload: { resourcePerson: { type: 'business' }, date: '2026-03-01', interviewer: 'Matrice' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:id/interviews/:interviewId',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `${await base(ctx, c)}/interviews/${await interviewIn(ctx, c)}`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PATCH /api/missions/:id/interviews/:interviewId',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `${await base(ctx, c)}/interviews/${await interviewIn(ctx, c)}`,
      payload: { answers: [{ questionKey: QUESTION, level: 2 }] },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/missions/:id/interviews/:interviewId',
    request: async (ctx, c) => ({
      method: 'DELETE',
      url: `${await base(ctx, c)}/interviews/${await newInterview(ctx, c)}`,
    }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:id/interviews/:interviewId/erase-identity',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/interviews/${await newInterview(ctx, c)}/erase-identity`,
    }),
    expect: agencyStaff,
  },

  // Results and reports: the commune's own users read them
  {
    route: 'GET /api/missions/:id/results',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/results` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/missions/:id/report.pdf',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/report.pdf` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/missions/:id/report.xlsx',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/report.xlsx` }),
    expect: agencyOrOwnCommune,
  },

  // SWOT and specificities
  {
    route: 'GET /api/missions/:id/swot',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/swot` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/missions/:id/swot',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/swot`,
      payload: { category: 'strength', text: 'Tissu associatif dense', dimensions: ['people'] },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PATCH /api/missions/:id/swot/:itemId',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `${await base(ctx, c)}/swot/${await ctx.fixture(`swot-${c}`, () => newSwotItem(ctx, c))}`,
      payload: { text: 'Texte revu' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/missions/:id/swot/:itemId',
    request: async (ctx, c) => ({ method: 'DELETE', url: `${await base(ctx, c)}/swot/${await newSwotItem(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:id/swot/reorder',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/swot/reorder`,
      payload: {
        category: 'weakness',
        itemIds: [await ctx.fixture(`swot-weakness-${c}`, () => newSwotItem(ctx, c, 'weakness'))],
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:id/swot/merge',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/swot/merge`,
      payload: { itemIds: [await newSwotItem(ctx, c), await newSwotItem(ctx, c)] },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:id/specificities',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/specificities` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PUT /api/missions/:id/specificities',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `${await base(ctx, c)}/specificities`,
      payload: { geography: 'Plateau ardennais' },
    }),
    expect: agencyStaff,
  },

  // Self-assessment links: made by agency staff, used by the token alone
  {
    route: 'GET /api/missions/:id/self-assessments',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/self-assessments` }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:id/self-assessments',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/self-assessments`,
      payload: { resourcePerson: { type: 'citizen' }, validDays: 7 },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/missions/:id/self-assessments/:linkId',
    request: async (ctx, c) => {
      const missionId = await missionIn(ctx, c);
      const { link } = await ctx.t.app.services.diagnostic.selfAssessment.create(CLI_CONTEXT, missionId, {
        resourcePerson: { type: 'citizen' },
        validDays: 7,
      });
      return { method: 'DELETE', url: `/api/missions/${missionId}/self-assessments/${link.id}` };
    },
    expect: agencyStaff,
  },
  {
    route: 'GET /api/self-assessment/:token',
    request: () => ({ method: 'GET', url: `/api/self-assessment/${'a'.repeat(43)}` }),
    expect: everyone,
  },
  {
    route: 'POST /api/self-assessment/:token',
    request: () => ({
      method: 'POST',
      url: `/api/self-assessment/${'a'.repeat(43)}`,
      payload: { missionId: '00000000-0000-4000-8000-000000000000', answers: [] },
    }),
    expect: everyone,
  },
];
