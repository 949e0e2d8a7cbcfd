import type { FastifyRequest } from 'fastify';
import { diagnosticContract as c } from '../../domain/diagnostic/diagnostic.contract.ts';
import { RateLimitedError } from '../errors.ts';
import { registerContract } from '../http/contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';

// Public: the token is the authorisation, checked by the service; rate-limited per address.
const tokenRoute = {
  access: { public: true, csrf: false },
  rateLimit: {
    max: 30,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new RateLimitedError(Math.ceil(context.ttl / 1000)),
  },
} as const;

/**
 * Self-assessment links: the consultant's side through the contract; the two public routes of the person who fills
 * it are declared in the contract too but registered here by hand, since the contract layer carries no rate limit.
 */
export function registerSelfAssessmentRoutes(app: ApiInstance, { selfAssessment }: DiagnosticServices) {
  registerContract(app, c.listLinks, { action: 'read', resource: 'self_assessment' }, (request) =>
    selfAssessment.list(request.actor, request.params.id),
  );
  registerContract(app, c.createLink, { action: 'create', resource: 'self_assessment' }, (request) =>
    selfAssessment.create(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.revokeLink, { action: 'delete', resource: 'self_assessment' }, async (request) => {
    await selfAssessment.revoke(request.ctx, request.params.id, request.params.linkId);
    return null;
  });

  const open = c.openSelfAssessment;
  app.get(
    open.path,
    {
      config: tokenRoute,
      schema: {
        tags: [open.tag],
        summary: open.summary,
        params: open.params,
        response: { 200: open.response, ...errorResponses },
      },
    },
    async (request) => selfAssessment.open(request.params.token),
  );

  const submit = c.submitSelfAssessment;
  app.post(
    submit.path,
    {
      config: tokenRoute,
      schema: {
        tags: [submit.tag],
        summary: submit.summary,
        params: submit.params,
        body: submit.body,
        response: { 201: submit.response, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await selfAssessment.submit(request.ctx, request.params.token, request.body)),
  );
}
