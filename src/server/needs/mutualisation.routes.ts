import type { FastifyRequest } from 'fastify';
import { NeedsAnalysisInput, NeedsAnalysisResult } from '../../domain/mutualisation/api.ts';
import { mutualisationContract } from '../../domain/mutualisation/mutualisation.contract.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { RateLimitedError } from '../errors.ts';
import { registerContract } from '../http/contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { MutualisationService } from './mutualisation.service.ts';
import { analyseNeeds } from './needs-analysis.ts';

/** The HTTP calculator's size cap: larger registers go through the app's runs or the CLI. */
export const NEEDS_CALCULATOR_MAX = 5000;

export async function mutualisationRoutes(
  app: ApiInstance,
  options: { mutualisation: MutualisationService; uow: UnitOfWork },
) {
  const { mutualisation, uow } = options;
  const c = mutualisationContract;
  const run = { action: 'create', resource: 'mutualisation' } as const;
  const read = { action: 'read', resource: 'mutualisation' } as const;

  registerContract(app, c.startRun, run, (request) => mutualisation.startRun(request.ctx));
  registerContract(app, c.latestRun, run, (request) => mutualisation.latestRun(request.actor));
  registerContract(app, c.run, run, (request) => mutualisation.getRun(request.actor, request.params.id));
  registerContract(app, c.groups, read, (request) => mutualisation.listGroups(request.actor, request.query));
  registerContract(app, c.group, read, (request) => mutualisation.getGroup(request.actor, request.params.id));
  registerContract(app, c.act, { action: 'update', resource: 'mutualisation' }, (request) =>
    mutualisation.act(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.createPoll, run, (request) =>
    mutualisation.createPoll(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.purchaseDraft, run, (request) =>
    mutualisation.draftPurchase(request.actor, request.params.id, request.query),
  );
  registerContract(app, c.createPurchase, run, (request) =>
    mutualisation.createPurchase(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.myPolls, { action: 'read', resource: 'interest_answer' }, (request) =>
    mutualisation.myPolls(request.actor),
  );
  registerContract(app, c.answerPoll, { action: 'update', resource: 'interest_answer' }, (request) =>
    mutualisation.answer(request.ctx, request.params.id, request.body),
  );

  // A plain route: the contract layer does not carry a rate limit nor a long description (decision 130).
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
