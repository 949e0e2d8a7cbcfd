import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  GroupAction,
  GroupDetail,
  GroupStatus,
  GroupSummary,
  InterestPoll,
  JointPurchase,
  MutualisationRun,
  NeedsAnalysisInput,
  NeedsAnalysisResult,
  PollAnswerInput,
  PollCreateInput,
  PurchaseDraft,
  PurchaseDraftQuery,
  PurchaseInput,
} from '../../domain/mutualisation/api.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { RateLimitedError } from '../errors.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { MutualisationService } from './mutualisation.service.ts';
import { analyseNeeds } from './needs-analysis.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['mutualisation'];
const withConflicts = { ...errorResponses, 409: ApiError.describe('Not possible in the current state') } as const;

/** The HTTP calculator's size cap: larger registers go through the app's runs or the CLI. */
export const NEEDS_CALCULATOR_MAX = 5000;

export async function mutualisationRoutes(
  app: ApiInstance,
  options: { mutualisation: MutualisationService; uow: UnitOfWork },
) {
  const { mutualisation, uow } = options;
  app.post(
    '/api/mutualisation/runs',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'Start grouping the register’s needs (a background job; poll the run for its progress)',
        response: { 202: MutualisationRun, ...withConflicts },
      },
    },
    async (request, reply) => reply.status(202).send(await mutualisation.startRun(request.ctx)),
  );

  app.get(
    '/api/mutualisation/runs/latest',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'The last grouping run, or null',
        response: { 200: MutualisationRun.nullable(), ...errorResponses },
      },
    },
    async (request) => mutualisation.latestRun(request.actor),
  );

  app.get(
    '/api/mutualisation/runs/:id',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'A grouping run: status and progress (0–1)',
        params: IdParams,
        response: { 200: MutualisationRun, ...errorResponses },
      },
    },
    async (request) => mutualisation.getRun(request.actor, request.params.id),
  );

  app.get(
    '/api/mutualisation/groups',
    {
      config: { access: { action: 'read', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'Groups of similar needs (a commune user: those with their commune)',
        querystring: z.strictObject({ status: GroupStatus.optional() }),
        response: { 200: z.array(GroupSummary), ...errorResponses },
      },
    },
    async (request) => mutualisation.listGroups(request.actor, request.query),
  );

  app.get(
    '/api/mutualisation/groups/:id',
    {
      config: { access: { action: 'read', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'A group: its needs, communes (population, budgets), polls and joint purchase',
        params: IdParams,
        response: { 200: GroupDetail, ...errorResponses },
      },
    },
    async (request) => mutualisation.getGroup(request.actor, request.params.id),
  );

  app.post(
    '/api/mutualisation/groups/:id/actions',
    {
      config: { access: { action: 'update', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'Confirm, dismiss, reopen, split, merge or rename a group, or set its price model',
        params: IdParams,
        body: GroupAction,
        response: { 200: GroupDetail, ...errorResponses, 422: ApiError.describe('Invalid price model') },
      },
    },
    async (request) => mutualisation.act(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/mutualisation/groups/:id/polls',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary: 'Ask the group’s communes (or all communes) whether they join, by a deadline',
        params: IdParams,
        body: PollCreateInput,
        response: { 201: InterestPoll, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await mutualisation.createPoll(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/mutualisation/groups/:id/purchase/draft',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary:
          'What the joint purchase would be: its lines, what the lot has left, and what to confirm and why; writes nothing',
        params: IdParams,
        querystring: PurchaseDraftQuery,
        response: { 200: PurchaseDraft, ...errorResponses },
      },
    },
    async (request) => mutualisation.draftPurchase(request.actor, request.params.id, request.query),
  );

  app.post(
    '/api/mutualisation/groups/:id/purchase',
    {
      config: { access: { action: 'create', resource: 'mutualisation' } },
      schema: {
        tags,
        summary:
          'Turn a confirmed group into a joint purchase of the communes that said yes; through a lot, one call-off per commune under its ceilings (409 PURCHASE_NEEDS_CONFIRMATION lists what to confirm)',
        params: IdParams,
        body: PurchaseInput,
        response: { 201: JointPurchase, ...withConflicts },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await mutualisation.createPurchase(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/mutualisation/polls/mine',
    {
      config: { access: { action: 'read', resource: 'interest_answer' } },
      schema: {
        tags,
        summary: 'The interest polls the caller’s commune is asked',
        response: { 200: z.array(InterestPoll), ...errorResponses },
      },
    },
    async (request) => mutualisation.myPolls(request.actor),
  );

  app.post(
    '/api/mutualisation/polls/:id/answers',
    {
      config: { access: { action: 'update', resource: 'interest_answer' } },
      schema: {
        tags,
        summary: 'Answer a poll for the caller’s commune (agency staff: for the commune named)',
        params: IdParams,
        body: PollAnswerInput,
        response: { 200: InterestPoll, ...withConflicts },
      },
    },
    async (request) => mutualisation.answer(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/analysis/needs',
    {
      config: {
        access: { action: 'read', resource: 'analysis' },
        rateLimit: {
          max: 10,
          timeWindow: 60_000,
          hook: 'preHandler' as const,
          keyGenerator: (request: FastifyRequest) =>
            request.actor.kind === 'user' ? `analysis|${request.actor.id}` : `analysis|${request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
            new RateLimitedError(Math.ceil(context.ttl / 1000)),
        },
      },
      schema: {
        tags: ['analysis'],
        summary: `Group similar needs (the engine of the mutualisation, at most ${NEEDS_CALCULATOR_MAX} needs); stores nothing`,
        description:
          'Input: {"needs":[{"id","nis_code","title","description","category"?}]} (the CSV columns of the CLI). ' +
          'Output: {"groups":[{"needs":[ids],"communes":[nis],"label","reason"}]}, groups of two or more needs.',
        body: NeedsAnalysisInput,
        response: {
          200: NeedsAnalysisResult,
          ...errorResponses,
          422: ApiError.describe('Unknown category or too many needs'),
          429: ApiError.describe('Too many requests: wait and retry'),
        },
      },
    },
    async (request) => analyseNeeds(uow.db, request.body.needs, NEEDS_CALCULATOR_MAX),
  );
}
