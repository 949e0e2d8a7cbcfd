import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  Endpoint,
  EndpointBody,
  EndpointParams,
  EndpointQuery,
  EndpointReply,
} from '../../domain/shared/contract.ts';
import { ApiError } from '../../domain/shared/schemas.ts';
import type { RouteAccess } from '../auth/access.plugin.ts';
import { errorResponses } from './responses.ts';
import type { SecurityHeaders } from './security-headers.ts';
import type { ApiInstance } from './types.ts';

/** The request a contract's handler receives: params, query and body already validated by the declared schemas. */
export type ContractRequest<E extends Endpoint> = FastifyRequest & {
  params: EndpointParams<E>;
  query: EndpointQuery<E>;
  body: EndpointBody<E>;
};

/** Returns the declared response (the status comes from the declaration), or the reply when it answered itself. */
export type ContractHandler<E extends Endpoint> = (
  request: ContractRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointReply<E> | FastifyReply> | EndpointReply<E>;

/**
 * Registers the Fastify route of one endpoint of a contract (`src/domain/<feature>/<feature>.contract.ts`): its
 * method and path, the zod schemas that validate the request and serialise the answer, the OpenAPI description, and
 * the access the policy decides on. The route answers the declared success status.
 */
export function registerContract<E extends Endpoint>(
  app: ApiInstance,
  endpoint: E,
  access: RouteAccess,
  handler: ContractHandler<E>,
  /**
   * Beyond the contract: a route's own set of security headers (src/server/http/security-headers.ts), its own
   * request limit (`@fastify/rate-limit`'s route options: the public routes' per-address or per-key rate, the
   * calculators').
   */
  options: { securityHeaders?: SecurityHeaders; rateLimit?: RateLimitOptions } = {},
): void {
  const status = endpoint.status ?? 200;
  const usualErrors: Record<number, z.ZodType> = endpoint.usualErrors === false ? {} : errorResponses;
  const response: Record<number, z.ZodType> = {
    [status]: endpoint.response,
    ...usualErrors,
    ...Object.fromEntries(
      Object.entries(endpoint.refusals ?? {}).map(([code, when]) => [Number(code), ApiError.describe(when)]),
    ),
    ...endpoint.otherResponses,
  };
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: {
      access,
      ...(options.securityHeaders ? { securityHeaders: options.securityHeaders } : {}),
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    },
    schema: {
      tags: [endpoint.tag],
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response,
    },
    handler: async (request, reply) => {
      if (status !== 200) reply.status(status);
      return handler(request as ContractRequest<E>, reply);
    },
  });
}
