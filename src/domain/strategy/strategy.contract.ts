import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Objective, ObjectiveCreateInput, ObjectiveUpdateInput } from './objectives.ts';
import {
  ProjectFromSwotInput,
  ProjectSheet,
  ProjectSheetCreateInput,
  ProjectSheetUpdateInput,
} from './project-sheets.ts';
import { CommentCreateInput, ProjectComment, StrategyOverviewItem, StrategyState } from './strategy-api.ts';

export const MissionParams = z.object({ missionId: z.uuid() });
export const IdParams = z.object({ id: z.uuid() });
/** The refusals of a write that a rule of the strategy may break, beyond the usual 400/401/403/404. */
export const strategyRules = {
  409: 'Conflict with the current state',
  422: 'A rule of the strategy is broken (e.g. PROJECT_DEPENDENCY_CYCLE): the message names it',
} as const;

/**
 * A mission's strategy (decision 030): its state, the project sheets and their comments, the PST objectives. Paths
 * name no commune: the server loads the mission and asks the policy with its commune. The criteria and evaluations,
 * the ranking and the plan have their own contract files (strategy-*.contract.ts), under the same feature.
 */
export const strategyContract = defineContract('strategy', {
  overview: {
    method: 'GET',
    path: '/api/strategy/overview',
    summary: 'The strategies of the missions the caller may see: projects, latest plan',
    response: z.array(StrategyOverviewItem),
  },
  state: {
    method: 'GET',
    path: '/api/missions/:missionId/strategy',
    summary: 'Everything of a mission’s strategy: sheets, criteria, evaluations, horizons, locks, objectives…',
    params: MissionParams,
    response: StrategyState,
  },
  start: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy',
    summary: 'Start the strategy: the default criteria and the three horizons (does nothing when started)',
    params: MissionParams,
    response: StrategyState,
  },
  createProject: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/projects',
    summary: 'Create a project sheet',
    params: MissionParams,
    body: ProjectSheetCreateInput,
    response: ProjectSheet,
    status: 201,
    refusals: strategyRules,
  },
  createProjectFromSwot: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/projects/from-swot',
    summary: 'Create a draft project sheet answering a SWOT item of the diagnostic (prefilled from its text)',
    params: MissionParams,
    body: ProjectFromSwotInput,
    response: ProjectSheet,
    status: 201,
    refusals: strategyRules,
  },
  updateProject: {
    method: 'PATCH',
    path: '/api/strategy/projects/:id',
    summary: 'Change a project sheet (a dependency cycle is refused with PROJECT_DEPENDENCY_CYCLE)',
    params: IdParams,
    body: ProjectSheetUpdateInput,
    response: ProjectSheet,
    refusals: strategyRules,
  },
  deleteProject: {
    method: 'DELETE',
    path: '/api/strategy/projects/:id',
    summary: 'Delete a project sheet with its evaluations, links and comments',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
  comments: {
    method: 'GET',
    path: '/api/strategy/projects/:id/comments',
    summary: 'The comments on a project sheet',
    params: IdParams,
    response: z.array(ProjectComment),
  },
  createComment: {
    method: 'POST',
    path: '/api/strategy/projects/:id/comments',
    summary: 'Comment on a project sheet (agency staff, and the commune’s editors)',
    params: IdParams,
    body: CommentCreateInput,
    response: z.array(ProjectComment),
    status: 201,
  },
  deleteComment: {
    method: 'DELETE',
    path: '/api/strategy/comments/:id',
    summary: 'Delete a comment (its author, or agency staff)',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
  createObjective: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/objectives',
    summary: 'Add a strategic objective, or an operational one under a strategic one (PST)',
    params: MissionParams,
    body: ObjectiveCreateInput,
    response: z.array(Objective),
    status: 201,
  },
  updateObjective: {
    method: 'PATCH',
    path: '/api/strategy/objectives/:id',
    summary: 'Rename, describe or move an objective',
    params: IdParams,
    body: ObjectiveUpdateInput,
    response: z.array(Objective),
  },
  deleteObjective: {
    method: 'DELETE',
    path: '/api/strategy/objectives/:id',
    summary: 'Delete an objective (a strategic one with its operational ones); its projects keep no objective',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
});

/** The strategy document streams a file: a plain route (decision 130), its path declared here once. */
export const strategyFiles = {
  pdf: '/api/missions/:missionId/strategy/document.pdf',
  xlsx: '/api/missions/:missionId/strategy/document.xlsx',
} as const;
export const DocumentQuery = z.object({ lang: z.enum(['fr', 'en']).optional() });
