import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LoginInput, Me, PasswordChangeInput, type User } from '../../domain/auth/users.ts';
import type { Config } from '../config.ts';
import { UnauthenticatedError } from '../errors.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import { SESSION_COOKIE } from './access.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { type Actor, can } from './policy.ts';

function capabilitiesOf(user: User) {
  const actor: Actor = {
    kind: 'user',
    id: user.id,
    email: user.email,
    role: user.role,
    communeNis: user.communeNis,
    sessionId: '',
  };
  return {
    manageUsers: can(actor, 'update', { type: 'user' }),
    readAudit: can(actor, 'read', { type: 'audit' }),
    runMissions: can(actor, 'create', { type: 'mission' }),
  };
}

function secureCookie(config: Config, request: FastifyRequest): boolean {
  return config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
}

export async function authRoutes(app: ApiInstance, options: { auth: AuthService; config: Config }) {
  const { auth, config } = options;

  app.post(
    '/api/auth/login',
    {
      config: {
        // The login limit counts failed attempts in the database (AuthService.login), not requests in memory.
        access: { public: true, csrf: false },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in: sets the session cookie and returns the CSRF token for later writes',
        body: LoginInput,
        response: {
          200: Me,
          ...errorResponses,
          429: errorResponses[400].describe('Too many failed attempts for this account or from this address'),
        },
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookie(config, request),
        path: '/',
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken, capabilities: capabilitiesOf(result.user) };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { public: true } },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply: FastifyReply) => {
      await auth.logout(request.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, with the CSRF token to send on writes; 401 when signed out',
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      if (request.actor.kind !== 'user') throw new UnauthenticatedError();
      const user = await auth.me(request.actor);
      return { user, csrfToken: request.csrfToken!, capabilities: capabilitiesOf(user) };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { action: 'update', resource: 'account' } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password',
        body: PasswordChangeInput,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
