import { ProjectSheetCreateInput } from '../../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { missionIn } from './missions.ts';
import {
  type AccessCase,
  type AccessContext,
  agencyOrOwnCommune,
  agencyOrOwnEditor,
  agencyStaff,
  signedIn,
} from './types.ts';

/**
 * The strategy of a mission: agency staff edit it; the commune's users read it; the commune's editors also comment on
 * the project sheets (and delete their own comments, which the service checks by author: a fixture comment written by
 * the system is deleted by agency staff only). The calculators are open to every signed-in user.
 */
const services = (ctx: AccessContext) => ctx.t.app.services.strategy;

/** The mission of the commune, its strategy started, with one project sheet. */
async function strategyIn(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`strategy-${communeNis}`, async () => {
    const missionId = await missionIn(ctx, communeNis);
    await services(ctx).state.start(CLI_CONTEXT, missionId);
    const project = await services(ctx).sheets.createProject(
      CLI_CONTEXT,
      missionId,
      ProjectSheetCreateInput.parse({ title: 'Fixture', investmentCost: 1000 }),
    );
    return { missionId, projectId: project.id };
  });
}

/** A SWOT item of the diagnostic of the commune's strategy mission. */
const swotItemIn = (ctx: AccessContext, communeNis: string) =>
  ctx.fixture(`strategy-swot-${communeNis}`, async () => {
    const { missionId } = await strategyIn(ctx, communeNis);
    const item = await ctx.t.app.services.diagnostic.swot.create(CLI_CONTEXT, missionId, {
      category: 'weakness',
      text: 'Pas de Wi-Fi public',
      dimensions: [],
      interviewIds: [],
    });
    return item.id;
  });

const base = async (ctx: AccessContext, c: string) => `/api/missions/${(await strategyIn(ctx, c)).missionId}/strategy`;
const criteriaOf = async (ctx: AccessContext, c: string) =>
  services(ctx).criteria.criteria(CLI_CONTEXT.actor, (await strategyIn(ctx, c)).missionId);

async function freshMission(ctx: AccessContext, communeNis: string) {
  const consultant = await ctx.fixture('mission-consultant', () => ctx.t.createUser('consultant'));
  const mission = await ctx.t.app.services.missions.create(CLI_CONTEXT, {
    title: 'Mission sans stratégie',
    communeNis,
    consultantIds: [consultant.id],
    startDate: '2026-03-01',
  });
  return mission.id;
}

/** A record made for one request only: the DELETE routes get a fresh one each time. */
async function freshCriterion(ctx: AccessContext, c: string) {
  const { missionId } = await strategyIn(ctx, c);
  const list = await services(ctx).criteria.createCriterion(CLI_CONTEXT, missionId, {
    name: `Fixture ${Math.random()}`,
    direction: 'max',
    weight: 1,
    preference: { type: 'usual' },
    source: 'manual',
    scale: { min: 1, max: 5 },
  });
  return list.at(-1)!.id;
}

async function freshScenario(ctx: AccessContext, c: string) {
  const { missionId } = await strategyIn(ctx, c);
  return (await services(ctx).ranking.createScenario(CLI_CONTEXT, missionId, { name: 'Fixture' })).id;
}

async function freshObjective(ctx: AccessContext, c: string) {
  const { missionId } = await strategyIn(ctx, c);
  const list = await services(ctx).objectives.createObjective(CLI_CONTEXT, missionId, {
    title: `Fixture ${Math.random()}`,
  });
  return list.at(-1)!.id;
}

async function freshProject(ctx: AccessContext, c: string) {
  const { missionId } = await strategyIn(ctx, c);
  return (
    await services(ctx).sheets.createProject(CLI_CONTEXT, missionId, ProjectSheetCreateInput.parse({ title: 'Fresh' }))
  ).id;
}

async function freshComment(ctx: AccessContext, c: string) {
  const { projectId } = await strategyIn(ctx, c);
  const list = await services(ctx).comments.createComment(CLI_CONTEXT, projectId, { body: 'Fixture' });
  return list.at(-1)!.id;
}

const RANK_PROBLEM = {
  criteria: [{ id: 'c', direction: 'max', weight: 1, preference: { type: 'usual' } }],
  alternatives: [
    { id: 'a', values: { c: 1 } },
    { id: 'b', values: { c: 2 } },
  ],
};

export const cases: AccessCase[] = [
  {
    route: 'GET /api/strategy/overview',
    request: () => ({ method: 'GET', url: '/api/strategy/overview' }),
    expect: signedIn,
  },
  {
    route: 'GET /api/missions/:missionId/strategy',
    request: async (ctx, c) => ({ method: 'GET', url: await base(ctx, c) }),
    expect: agencyOrOwnCommune,
  },
  {
    // A mission whose strategy has not started yet, for each request: starting it is the write.
    route: 'POST /api/missions/:missionId/strategy',
    request: async (ctx, c) => ({ method: 'POST', url: `/api/missions/${await freshMission(ctx, c)}/strategy` }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/projects',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/projects`,
      payload: { title: 'Nouveau' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/projects/from-swot',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/projects/from-swot`,
      payload: { swotItemId: await swotItemIn(ctx, c) },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PATCH /api/strategy/projects/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/strategy/projects/${(await strategyIn(ctx, c)).projectId}`,
      payload: { owner: 'Service travaux' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/strategy/projects/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/strategy/projects/${await freshProject(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/strategy/projects/:id/comments',
    request: async (ctx, c) => ({
      method: 'GET',
      url: `/api/strategy/projects/${(await strategyIn(ctx, c)).projectId}/comments`,
    }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/strategy/projects/:id/comments',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/strategy/projects/${(await strategyIn(ctx, c)).projectId}/comments`,
      payload: { body: 'Avis du collège' },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'DELETE /api/strategy/comments/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/strategy/comments/${await freshComment(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/criteria',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/criteria`,
      payload: { name: 'Emploi local', direction: 'max' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PATCH /api/strategy/criteria/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/strategy/criteria/${(await criteriaOf(ctx, c))[0]!.id}`,
      payload: { description: 'Revu' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/strategy/criteria/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/strategy/criteria/${await freshCriterion(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/missions/:missionId/strategy/weights',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `${await base(ctx, c)}/weights`,
      payload: { weights: Object.fromEntries((await criteriaOf(ctx, c)).map((x) => [x.id, 1])) },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/missions/:missionId/strategy/ahp',
    request: async (ctx, c) => {
      const ids = (await criteriaOf(ctx, c)).map((x) => x.id);
      return {
        method: 'PUT',
        url: `${await base(ctx, c)}/ahp`,
        payload: {
          criterionIds: ids,
          upperTriangle: ids.slice(1).map((_, i) => new Array(ids.length - 1 - i).fill(1)),
        },
      };
    },
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/missions/:missionId/strategy/evaluations',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `${await base(ctx, c)}/evaluations`,
      payload: {
        values: [
          {
            projectId: (await strategyIn(ctx, c)).projectId,
            criterionId: (await criteriaOf(ctx, c)).find((x) => x.source === 'manual')!.id,
            value: 3,
          },
        ],
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:missionId/strategy/ranking',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/ranking` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/scenarios',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/scenarios`,
      payload: { name: 'Égalité' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:missionId/strategy/scenarios/comparison',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/scenarios/comparison` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/strategy/scenarios/:id/apply',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `/api/strategy/scenarios/${await freshScenario(ctx, c)}/apply`,
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/strategy/scenarios/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/strategy/scenarios/${await freshScenario(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/missions/:missionId/strategy/horizons',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `${await base(ctx, c)}/horizons`,
      payload: {
        horizons: [
          { key: 'short', budget: 100_000, valueFactor: 1, startYear: 2025, endYear: 2026 },
          { key: 'medium', budget: 100_000, valueFactor: 0.85, startYear: 2027, endYear: 2028 },
          { key: 'long', budget: 100_000, valueFactor: 0.7, startYear: 2029, endYear: 2030 },
        ],
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PUT /api/missions/:missionId/strategy/locks',
    request: async (ctx, c) => ({ method: 'PUT', url: `${await base(ctx, c)}/locks`, payload: { locks: [] } }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/plan',
    request: async (ctx, c) => ({ method: 'POST', url: `${await base(ctx, c)}/plan`, payload: {} }),
    expect: agencyStaff,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/plan/approve',
    request: async (ctx, c) => ({ method: 'POST', url: `${await base(ctx, c)}/plan/approve` }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:missionId/strategy/plan',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/plan` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/missions/:missionId/strategy/objectives',
    request: async (ctx, c) => ({
      method: 'POST',
      url: `${await base(ctx, c)}/objectives`,
      payload: { title: 'Une commune connectée' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'PATCH /api/strategy/objectives/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/strategy/objectives/${await ctx.fixture(`objective-${c}`, () => freshObjective(ctx, c))}`,
      payload: { description: 'Revu' },
    }),
    expect: agencyStaff,
  },
  {
    route: 'DELETE /api/strategy/objectives/:id',
    request: async (ctx, c) => ({ method: 'DELETE', url: `/api/strategy/objectives/${await freshObjective(ctx, c)}` }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:missionId/strategy/document.pdf',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/document.pdf` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/missions/:missionId/strategy/document.xlsx',
    request: async (ctx, c) => ({ method: 'GET', url: `${await base(ctx, c)}/document.xlsx` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/analysis/rank',
    request: () => ({ method: 'POST', url: '/api/analysis/rank', payload: RANK_PROBLEM }),
    expect: signedIn,
    writesNothing: true,
  },
  {
    route: 'POST /api/analysis/ahp',
    request: () => ({ method: 'POST', url: '/api/analysis/ahp', payload: { upperTriangle: [[3]] } }),
    expect: signedIn,
    writesNothing: true,
  },
  {
    route: 'POST /api/analysis/portfolio',
    request: () => ({
      method: 'POST',
      url: '/api/analysis/portfolio',
      payload: {
        horizons: [{ id: 'h', budget: 1, valueFactor: 1 }],
        projects: [{ id: 'p', value: 1, cost: 1 }],
      },
    }),
    expect: signedIn,
    writesNothing: true,
  },
];
