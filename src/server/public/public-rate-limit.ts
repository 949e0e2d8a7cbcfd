import type { FastifyInstance, FastifyRequest } from 'fastify';
import { API_KEY_HEADER, PUBLIC_RATE_LIMIT_PER_MINUTE } from '../../domain/public/api-keys.ts';
import { RateLimitedError, UnauthenticatedError } from '../errors.ts';
import type { ApiKeysService } from './api-keys.service.ts';

/** The OpenAPI tag of every route a visitor or a partner may call without an account (declared with the contract). */
export { PUBLIC_TAG } from '../../domain/public/public.contract.ts';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: { id: string; rateLimitPerMinute: number } | null;
  }
}

/**
 * The public routes' rate: per address for the public, per key for a partner with an API key (its own limit). A key
 * that is unknown or revoked is refused rather than silently treated as the public.
 */
export function resolveApiKeys(app: FastifyInstance, apiKeys: ApiKeysService) {
  app.addHook('onRequest', async (request) => {
    const given = request.headers[API_KEY_HEADER];
    const key = Array.isArray(given) ? given[0] : given;
    if (!key) return;
    request.apiKey = await apiKeys.resolve(key);
    if (!request.apiKey) throw new UnauthenticatedError('API_KEY_INVALID');
  });
}

export const publicRateLimit = {
  timeWindow: 60_000,
  max: (request: FastifyRequest) => request.apiKey?.rateLimitPerMinute ?? PUBLIC_RATE_LIMIT_PER_MINUTE,
  keyGenerator: (request: FastifyRequest) =>
    request.apiKey ? `public|key|${request.apiKey.id}` : `public|ip|${request.ip}`,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
    new RateLimitedError(Math.ceil(context.ttl / 1000)),
};
