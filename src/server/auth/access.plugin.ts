import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ForbiddenError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import type { AuthService } from './auth.service.ts';
import { type Action, type Actor, ANONYMOUS, authorize, type ResourceType } from './policy.ts';

export const SESSION_COOKIE = 'sr_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * What a route serves, for the policy. Public routes say so; every other route names its action and resource,
 * and where the URL names a commune, how to read it. A route that declares nothing is refused.
 */
export type RouteAccess =
  | { public: true; csrf?: false }
  | { action: Action; resource: ResourceType; commune?: (request: FastifyRequest) => string | undefined };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor;
    csrfToken: string | null;
    ctx: RequestContext;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function tokensMatch(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function accessPlugin(app: FastifyInstance, options: { auth: AuthService }) {
  app.decorateRequest('actor', undefined as never);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', undefined as never);

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    // The routed path (the matched route's pattern), never the raw URL: `/%61pi/…` is routed to `/api/…` too.
    if (token && isApiRoute(request)) {
      const session = await options.auth.resolveSession(token);
      if (session) {
        request.actor = session.actor;
        request.csrfToken = session.csrfToken;
      }
    }
    request.ctx = { actor: request.actor, ip: request.ip ?? null };
  });

  // Before validation: a caller without the right learns nothing about the shape of the input. Every matched
  // route is decided by its own declaration, whatever the address it was reached by; the web app's files declare
  // themselves public (app.ts), and a route that declares nothing is refused.
  app.addHook('preValidation', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) throw new ForbiddenError('ROUTE_WITHOUT_POLICY');
    if ('public' in access) {
      if (access.csrf !== false) checkCsrf(request);
      return;
    }
    authorize(request.actor, access.action, {
      type: access.resource,
      ...(access.commune ? { communeNis: access.commune(request) } : {}),
    });
    checkCsrf(request);
  });
}

/** Whether the route the request was matched to is part of the API (decided on its pattern, not the raw URL). */
function isApiRoute(request: FastifyRequest): boolean {
  return !request.is404 && (request.routeOptions.url ?? '').startsWith('/api/');
}

/** Writes made with a session must carry the session's anti-forgery token. */
function checkCsrf(request: FastifyRequest): void {
  if (!UNSAFE_METHODS.has(request.method) || request.actor.kind !== 'user') return;
  const given = request.headers[CSRF_HEADER];
  if (!tokensMatch(request.csrfToken ?? '', Array.isArray(given) ? given[0] : given)) {
    throw new ForbiddenError('CSRF_INVALID');
  }
}

export default fp(accessPlugin, { name: 'access' });
