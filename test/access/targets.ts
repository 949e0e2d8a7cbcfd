import { GUIDE_FR_V1 } from '../../src/domain/diagnostic/guide-fr-v1.ts';
import { ProjectSheetCreateInput } from '../../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { missionIn } from './missions.ts';
import { type AccessCase, type AccessContext, agencyOrOwnCommune, agencyOrOwnEditor, agencyStaff } from './types.ts';

/**
 * Targets and gaps (decision 160): the commune's users read their own; its editors set the targets with the agency's
 * staff; only agency staff say which gaps a project sheet closes (the sheets are theirs).
 */
const FACTOR = GUIDE_FR_V1.dimensions[0]!.factors[0]!.key;

/** The commune's mission with its strategy started and one sheet (the same fixture as the strategy's cases). */
function strategyIn(ctx: AccessContext, communeNis: string) {
  return ctx.fixture(`strategy-${communeNis}`, async () => {
    const missionId = await missionIn(ctx, communeNis);
    const strategy = ctx.t.app.services.strategy;
    await strategy.start(CLI_CONTEXT, missionId);
    const project = await strategy.createProject(
      CLI_CONTEXT,
      missionId,
      ProjectSheetCreateInput.parse({ title: 'Fixture', investmentCost: 1000 }),
    );
    return { missionId, projectId: project.id };
  });
}

export const cases: AccessCase[] = [
  {
    route: 'GET /api/missions/:id/targets',
    request: async (ctx, c) => ({ method: 'GET', url: `/api/missions/${await missionIn(ctx, c)}/targets` }),
    expect: agencyOrOwnCommune,
  },
  {
    route: 'PUT /api/missions/:id/targets',
    request: async (ctx, c) => ({
      method: 'PUT',
      url: `/api/missions/${await missionIn(ctx, c)}/targets`,
      payload: { targets: [{ dimension: 'living', horizon: 'short', level: 2 }] },
    }),
    expect: agencyOrOwnEditor,
  },
  {
    route: 'PUT /api/missions/:id/strategy/projects/:projectId/gaps',
    request: async (ctx, c) => {
      const { missionId, projectId } = await strategyIn(ctx, c);
      return {
        method: 'PUT',
        url: `/api/missions/${missionId}/strategy/projects/${projectId}/gaps`,
        payload: { factorKeys: [FACTOR] },
      };
    },
    expect: agencyStaff,
  },
];
