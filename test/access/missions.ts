import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { type AccessCase, type AccessContext, agencyOrOwnCommune, agencyStaff } from './types.ts';

/**
 * A mission for the commune, run by one consultant — not the matrix's own consultant: every staff row below is a
 * consultant who is not in charge of the mission. Agency staff may change any mission (decision 006).
 */
export async function missionIn(ctx: AccessContext, communeNis: string): Promise<string> {
  return ctx.fixture(`mission-${communeNis}`, async () => {
    const consultant = await ctx.fixture('mission-consultant', () => ctx.t.createUser('consultant'));
    const mission = await ctx.t.app.services.missions.create(CLI_CONTEXT, {
      title: `Mission ${communeNis}`,
      communeNis,
      consultantIds: [consultant.id],
      startDate: '2026-01-15',
    });
    return mission.id;
  });
}

export const cases: AccessCase[] = [
  {
    route: 'GET /api/missions',
    request: (_ctx, c) => ({ method: 'GET', url: `/api/missions?communeNis=${c}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'POST /api/missions',
    request: async (ctx, c) => ({
      method: 'POST',
      url: '/api/missions',
      payload: {
        title: 'Nouvelle mission',
        communeNis: c,
        consultantIds: [(await ctx.fixture('mission-consultant', () => ctx.t.createUser('consultant'))).id],
        startDate: '2026-02-01',
      },
    }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/staff',
    request: () => ({ method: 'GET', url: '/api/missions/staff' }),
    expect: agencyStaff,
  },
  {
    route: 'GET /api/missions/:id',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/missions/${await missionIn(ctx, c)}` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'GET /api/missions/:id/overview',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/missions/${await missionIn(ctx, c)}/overview` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PATCH /api/missions/:id',
    request: async (ctx, c) => ({
      method: 'PATCH',
      url: `/api/missions/${await missionIn(ctx, c)}`,
      payload: { phase: 'planning' },
    }),
    expect: agencyStaff,
  },
];
