import { z } from 'zod';
import { ApiError } from '../../domain/shared/schemas.ts';
import { Criterion, CriterionCreateInput, CriterionUpdateInput, WeightsInput } from '../../domain/strategy/criteria.ts';
import { Horizon, HorizonsInput } from '../../domain/strategy/horizons.ts';
import { Evaluation, EvaluationsInput, LocksInput, PortfolioLockEntry } from '../../domain/strategy/mission-model.ts';
import { Objective, ObjectiveCreateInput, ObjectiveUpdateInput } from '../../domain/strategy/objectives.ts';
import {
  ProjectFromSwotInput,
  ProjectSheet,
  ProjectSheetCreateInput,
  ProjectSheetUpdateInput,
} from '../../domain/strategy/project-sheets.ts';
import {
  CommentCreateInput,
  MissionAhp,
  MissionAhpInput,
  PlanRequest,
  PlanRun,
  PlanState,
  ProjectComment,
  RankingAnalysis,
  RankingQuery,
  Scenario,
  ScenarioComparisonSchema,
  ScenarioCreateInput,
  StrategyOverviewItem,
  StrategyState,
} from '../../domain/strategy/strategy-api.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { StrategyService } from './strategy.service.ts';
import { type DocumentFormat, renderStrategyDocument } from './strategy-document.render.ts';
import type { StrategyPlanner } from './strategy-planner.ts';

const MissionParams = z.object({ missionId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });
const withDomainErrors = {
  ...errorResponses,
  409: ApiError.describe('Conflict with the current state'),
  422: ApiError.describe('A rule of the strategy is broken (e.g. PROJECT_DEPENDENCY_CYCLE): the message names it'),
} as const;
const read = { access: { action: 'read', resource: 'strategy' } } as const;
const create = { access: { action: 'create', resource: 'strategy' } } as const;
const update = { access: { action: 'update', resource: 'strategy' } } as const;
const remove = { access: { action: 'delete', resource: 'strategy' } } as const;
const tags = ['strategy'];

/**
 * A mission's strategy. Routes name no commune: the service loads the mission and asks the policy with its commune
 * (agency staff edit every mission's strategy; the commune's users read their own; its editors also comment).
 */
export async function strategyRoutes(
  app: ApiInstance,
  options: { strategy: StrategyService; planner: StrategyPlanner },
) {
  const { strategy, planner } = options;
  app.addHook('onClose', async () => {
    await planner.close();
  });

  app.get(
    '/api/strategy/overview',
    {
      config: read,
      schema: {
        tags,
        summary: 'The strategies of the missions the caller may see: projects, latest plan',
        response: { 200: z.array(StrategyOverviewItem), ...errorResponses },
      },
    },
    async (request) => strategy.overview(request.actor),
  );

  app.get(
    '/api/missions/:missionId/strategy',
    {
      config: read,
      schema: {
        tags,
        summary: 'Everything of a mission’s strategy: sheets, criteria, evaluations, horizons, locks, objectives…',
        params: MissionParams,
        response: { 200: StrategyState, ...errorResponses },
      },
    },
    async (request) => strategy.state(request.actor, request.params.missionId),
  );

  app.post(
    '/api/missions/:missionId/strategy',
    {
      config: update,
      schema: {
        tags,
        summary: 'Start the strategy: the default criteria and the three horizons (does nothing when started)',
        params: MissionParams,
        response: { 200: StrategyState, ...errorResponses },
      },
    },
    async (request) => strategy.start(request.ctx, request.params.missionId),
  );

  // ── project sheets ───────────────────────────────────────────────────────────────────────────────────────────
  app.post(
    '/api/missions/:missionId/strategy/projects',
    {
      config: create,
      schema: {
        tags,
        summary: 'Create a project sheet',
        params: MissionParams,
        body: ProjectSheetCreateInput,
        response: { 201: ProjectSheet, ...withDomainErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createProject(request.ctx, request.params.missionId, request.body)),
  );

  app.post(
    '/api/missions/:missionId/strategy/projects/from-swot',
    {
      config: create,
      schema: {
        tags,
        summary: 'Create a draft project sheet answering a SWOT item of the diagnostic (prefilled from its text)',
        params: MissionParams,
        body: ProjectFromSwotInput,
        response: { 201: ProjectSheet, ...withDomainErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createProjectFromSwot(request.ctx, request.params.missionId, request.body)),
  );

  app.patch(
    '/api/strategy/projects/:id',
    {
      config: update,
      schema: {
        tags,
        summary: 'Change a project sheet (a dependency cycle is refused with PROJECT_DEPENDENCY_CYCLE)',
        params: IdParams,
        body: ProjectSheetUpdateInput,
        response: { 200: ProjectSheet, ...withDomainErrors },
      },
    },
    async (request) => strategy.updateProject(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/strategy/projects/:id',
    {
      config: remove,
      schema: {
        tags,
        summary: 'Delete a project sheet with its evaluations, links and comments',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await strategy.deleteProject(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/strategy/projects/:id/comments',
    {
      config: { access: { action: 'read', resource: 'strategy_comment' } },
      schema: {
        tags,
        summary: 'The comments on a project sheet',
        params: IdParams,
        response: { 200: z.array(ProjectComment), ...errorResponses },
      },
    },
    async (request) => strategy.comments(request.actor, request.params.id),
  );

  app.post(
    '/api/strategy/projects/:id/comments',
    {
      config: { access: { action: 'create', resource: 'strategy_comment' } },
      schema: {
        tags,
        summary: 'Comment on a project sheet (agency staff, and the commune’s editors)',
        params: IdParams,
        body: CommentCreateInput,
        response: { 201: z.array(ProjectComment), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createComment(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/strategy/comments/:id',
    {
      config: { access: { action: 'delete', resource: 'strategy_comment' } },
      schema: {
        tags,
        summary: 'Delete a comment (its author, or agency staff)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await strategy.deleteComment(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── criteria, weights, evaluations ───────────────────────────────────────────────────────────────────────────
  app.post(
    '/api/missions/:missionId/strategy/criteria',
    {
      config: create,
      schema: {
        tags,
        summary: 'Add a criterion; answers every criterion',
        params: MissionParams,
        body: CriterionCreateInput,
        response: { 201: z.array(Criterion), ...withDomainErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createCriterion(request.ctx, request.params.missionId, request.body)),
  );

  app.patch(
    '/api/strategy/criteria/:id',
    {
      config: update,
      schema: {
        tags,
        summary: 'Change a criterion: name, direction, weight, preference function (q, p, s), place',
        params: IdParams,
        body: CriterionUpdateInput,
        response: { 200: z.array(Criterion), ...withDomainErrors },
      },
    },
    async (request) => strategy.updateCriterion(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/strategy/criteria/:id',
    {
      config: remove,
      schema: {
        tags,
        summary: 'Remove a criterion and its evaluations',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await strategy.deleteCriterion(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/missions/:missionId/strategy/weights',
    {
      config: update,
      schema: {
        tags,
        summary: 'Set every criterion’s weight directly',
        params: MissionParams,
        body: WeightsInput,
        response: { 200: z.array(Criterion), ...errorResponses },
      },
    },
    async (request) => strategy.setWeights(request.ctx, request.params.missionId, request.body),
  );

  app.put(
    '/api/missions/:missionId/strategy/ahp',
    {
      config: update,
      schema: {
        tags,
        summary: 'Weights from AHP pairwise comparisons (Saaty’s scale), with the consistency ratio',
        params: MissionParams,
        body: MissionAhpInput,
        response: { 200: MissionAhp, ...withDomainErrors },
      },
    },
    async (request) => strategy.setAhp(request.ctx, request.params.missionId, request.body),
  );

  app.put(
    '/api/missions/:missionId/strategy/evaluations',
    {
      config: update,
      schema: {
        tags,
        summary: 'Fill cells of the evaluation grid (null clears one); answers the whole grid',
        params: MissionParams,
        body: EvaluationsInput,
        response: { 200: z.array(Evaluation), ...errorResponses },
      },
    },
    async (request) => strategy.setEvaluations(request.ctx, request.params.missionId, request.body),
  );

  // ── ranking and scenarios ────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/missions/:missionId/strategy/ranking',
    {
      config: read,
      schema: {
        tags,
        summary: 'PROMETHEE II ranking, PROMETHEE I partial order, GAIA plane and weight stability intervals',
        params: MissionParams,
        querystring: RankingQuery,
        response: { 200: RankingAnalysis, ...errorResponses },
      },
    },
    async (request) => strategy.ranking(request.actor, request.params.missionId, request.query),
  );

  app.post(
    '/api/missions/:missionId/strategy/scenarios',
    {
      config: create,
      schema: {
        tags,
        summary: 'Save a weight scenario (the current weights unless given)',
        params: MissionParams,
        body: ScenarioCreateInput,
        response: { 201: Scenario, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createScenario(request.ctx, request.params.missionId, request.body)),
  );

  app.get(
    '/api/missions/:missionId/strategy/scenarios/comparison',
    {
      config: read,
      schema: {
        tags,
        summary: 'The ranking under the current weights and under each scenario, side by side, with their agreement',
        params: MissionParams,
        response: { 200: ScenarioComparisonSchema, ...errorResponses },
      },
    },
    async (request) => strategy.compareScenarios(request.actor, request.params.missionId),
  );

  app.post(
    '/api/strategy/scenarios/:id/apply',
    {
      config: update,
      schema: {
        tags,
        summary: 'Make a scenario’s weights the current ones',
        params: IdParams,
        response: { 200: z.array(Criterion), ...errorResponses },
      },
    },
    async (request) => strategy.applyScenario(request.ctx, request.params.id),
  );

  app.delete(
    '/api/strategy/scenarios/:id',
    {
      config: remove,
      schema: { tags, summary: 'Delete a scenario', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await strategy.deleteScenario(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── horizons, locks, plan ────────────────────────────────────────────────────────────────────────────────────
  app.put(
    '/api/missions/:missionId/strategy/horizons',
    {
      config: update,
      schema: {
        tags,
        summary: 'The short, medium and long term: budget, value factor and years',
        params: MissionParams,
        body: HorizonsInput,
        response: { 200: z.array(Horizon), ...errorResponses },
      },
    },
    async (request) => strategy.setHorizons(request.ctx, request.params.missionId, request.body),
  );

  app.put(
    '/api/missions/:missionId/strategy/locks',
    {
      config: update,
      schema: {
        tags,
        summary: 'The projects a consultant fixes in a horizon (replaces the list); the next plan keeps them there',
        params: MissionParams,
        body: LocksInput,
        response: { 200: z.array(PortfolioLockEntry), ...errorResponses },
      },
    },
    async (request) => strategy.setLocks(request.ctx, request.params.missionId, request.body),
  );

  app.post(
    '/api/missions/:missionId/strategy/plan',
    {
      config: update,
      schema: {
        tags,
        summary: 'Compute the optimal plan in the background (HiGHS); poll GET …/plan until it is done',
        params: MissionParams,
        body: PlanRequest,
        response: { 202: PlanRun, ...withDomainErrors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await strategy.requestPlan(request.ctx, request.params.missionId, request.body)),
  );

  app.post(
    '/api/missions/:missionId/strategy/plan/approve',
    {
      config: update,
      schema: {
        tags,
        summary: 'Approve the projects the latest plan places (the plan must be computed and up to date)',
        params: MissionParams,
        response: { 200: StrategyState, ...withDomainErrors },
      },
    },
    async (request) => strategy.approvePlan(request.ctx, request.params.missionId),
  );

  app.get(
    '/api/missions/:missionId/strategy/plan',
    {
      config: read,
      schema: {
        tags,
        summary: 'The latest plan (running, done or failed), and whether the data changed since',
        params: MissionParams,
        response: { 200: PlanState, ...errorResponses },
      },
    },
    async (request) => strategy.plan(request.actor, request.params.missionId),
  );

  // ── objectives ───────────────────────────────────────────────────────────────────────────────────────────────
  app.post(
    '/api/missions/:missionId/strategy/objectives',
    {
      config: create,
      schema: {
        tags,
        summary: 'Add a strategic objective, or an operational one under a strategic one (PST)',
        params: MissionParams,
        body: ObjectiveCreateInput,
        response: { 201: z.array(Objective), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await strategy.createObjective(request.ctx, request.params.missionId, request.body)),
  );

  app.patch(
    '/api/strategy/objectives/:id',
    {
      config: update,
      schema: {
        tags,
        summary: 'Rename, describe or move an objective',
        params: IdParams,
        body: ObjectiveUpdateInput,
        response: { 200: z.array(Objective), ...errorResponses },
      },
    },
    async (request) => strategy.updateObjective(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/strategy/objectives/:id',
    {
      config: remove,
      schema: {
        tags,
        summary: 'Delete an objective (a strategic one with its operational ones); its projects keep no objective',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await strategy.deleteObjective(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  // ── the strategy document ────────────────────────────────────────────────────────────────────────────────────
  for (const format of ['pdf', 'xlsx'] as const satisfies readonly DocumentFormat[]) {
    app.get(
      `/api/missions/:missionId/strategy/document.${format}`,
      {
        config: read,
        schema: {
          tags,
          summary:
            format === 'pdf'
              ? 'The strategy document (PDF): PST structure, plan by horizon, roadmap, criteria'
              : 'The strategy in the PST structure as a spreadsheet (XLSX) the commune can paste into its own PST',
          params: MissionParams,
          querystring: z.object({ lang: z.enum(['fr', 'en']).optional() }),
          produces: [
            format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const data = await strategy.documentData(request.actor, request.params.missionId);
        const lang = request.query.lang ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr');
        const file = await renderStrategyDocument(format, data, lang);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body as never);
      },
    );
  }
}
