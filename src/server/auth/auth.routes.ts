import type { FastifyRequest } from 'fastify';
import { authContract } from '../../domain/auth/auth.contract.ts';
import type { User } from '../../domain/auth/users.ts';
import type { Config } from '../config.ts';
import { UnauthenticatedError } from '../errors.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import { SESSION_COOKIE } from './access.plugin.ts';
import type { AuthService } from './auth.service.ts';
import { type Actor, can, permissionsOf, readScope } from './policy.ts';

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
    ...permissionsOf(actor, {
      manageUsers: ['update', { type: 'user' }],
      readAudit: ['read', { type: 'audit' }],
      runMissions: ['create', { type: 'mission' }],
      enterNeeds: ['create', { type: 'need', communeNis: user.communeNis ?? '' }],
      runMutualisation: ['create', { type: 'mutualisation' }],
      runPurchasing: ['create', { type: 'purchasing' }],
      recordAdhesion: ['create', { type: 'central_purchasing_adhesion', communeNis: user.communeNis ?? '' }],
      editCatalogue: ['create', { type: 'catalogue' }],
      keepShortlists: ['create', { type: 'catalogue_shortlist' }],
      readWatch: ['read', { type: 'watch' }],
      confirmDesignations: ['update', { type: 'commune_designation' }],
    }),
    readAllMissions: readScope(actor, 'mission').kind === 'all',
    readAllNeeds: readScope(actor, 'need').kind === 'all',
    // A commune's own polls: staff may record an answer for a commune, but the polls to answer are a commune's.
    answerPolls:
      user.communeNis !== null && can(actor, 'update', { type: 'interest_answer', communeNis: user.communeNis }),
  };
}

function secureCookie(config: Config, request: FastifyRequest): boolean {
  return config.cookieSecure === 'auto' ? request.protocol === 'https' : config.cookieSecure;
}

export async function authRoutes(app: ApiInstance, options: { auth: AuthService; config: Config }) {
  const { auth, config } = options;
  const c = authContract;

  // The login limit counts failed attempts in the database (AuthService.login), not requests in memory.
  registerContract(app, c.login, { public: true, csrf: false }, async (request, reply) => {
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
  });

  registerContract(app, c.logout, { public: true }, async (request, reply) => {
    await auth.logout(request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  });

  registerContract(app, c.me, { public: true }, async (request) => {
    if (request.actor.kind !== 'user') throw new UnauthenticatedError();
    const user = await auth.me(request.actor);
    return { user, csrfToken: request.csrfToken!, capabilities: capabilitiesOf(user) };
  });

  registerContract(app, c.changePassword, { action: 'update', resource: 'account' }, async (request) => {
    await auth.changePassword(request.ctx, request.body.currentPassword, request.body.newPassword);
    return null;
  });
}
