import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { SheetGapsInput, TargetsInput, TargetsView } from './targets.ts';

const MissionParams = z.object({ id: z.uuid() });
const SheetParams = z.object({ id: z.uuid(), projectId: z.uuid() });

/**
 * Targets and gaps of a mission (issue 13, defect 8; decision 160): the target maturity per dimension and horizon,
 * the gap of each factor, and the gaps each project sheet closes.
 */
export const targetsContract = defineContract(
  'targets',
  {
    view: {
      method: 'GET',
      path: '/api/missions/:id/targets',
      summary: 'The targets per dimension and horizon, the gap of each factor, the sheets closing them, pointers',
      params: MissionParams,
      response: TargetsView,
    },
    save: {
      method: 'PUT',
      path: '/api/missions/:id/targets',
      summary: 'Set the target maturity of each dimension per horizon (all of them at once)',
      params: MissionParams,
      body: TargetsInput,
      response: TargetsView,
    },
    sheetGaps: {
      method: 'PUT',
      path: '/api/missions/:id/strategy/projects/:projectId/gaps',
      summary: 'Say which gaps (factors of the guide) a project sheet closes (all of them at once)',
      params: SheetParams,
      body: SheetGapsInput,
      response: TargetsView,
    },
  },
  { tag: 'diagnostic' },
);
