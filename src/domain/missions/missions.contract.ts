import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Mission, MissionCreateInput, MissionListQuery, MissionUpdateInput, StaffMember } from './mission.ts';
import { MissionOverview } from './overview.ts';

const IdParams = z.object({ id: z.uuid() });

export const missionsContract = defineContract('missions', {
  list: {
    method: 'GET',
    path: '/api/missions',
    summary: 'Missions the caller may see (a commune user: their commune’s)',
    query: MissionListQuery,
    response: z.array(Mission),
  },
  create: {
    method: 'POST',
    path: '/api/missions',
    summary: 'Open a mission for a commune or a site inside it',
    body: MissionCreateInput,
    response: Mission,
    status: 201,
  },
  staff: {
    method: 'GET',
    path: '/api/missions/staff',
    summary: 'Agency staff who can be put in charge of a mission',
    response: z.array(StaffMember),
  },
  get: { method: 'GET', path: '/api/missions/:id', summary: 'One mission', params: IdParams, response: Mission },
  overview: {
    method: 'GET',
    path: '/api/missions/:id/overview',
    summary: 'Where a mission stands: interviews, maturity, SWOT, projects by status, open alerts, next milestones',
    params: IdParams,
    response: MissionOverview,
  },
  update: {
    method: 'PATCH',
    path: '/api/missions/:id',
    summary: 'Change a mission: title, consultants, dates, phase',
    params: IdParams,
    body: MissionUpdateInput,
    response: Mission,
  },
});
