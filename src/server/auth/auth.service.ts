import { createHash, randomBytes } from 'node:crypto';
import type { LoginInput } from '../../domain/auth/users.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password.ts';
import type { UserActor } from './policy.ts';
import { presentUser } from './users.presenter.ts';

export type SessionSettings = { ttlHours: number };

/** The cookie carries the token; the database keeps only its hash, so a leaked table opens no session. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sliding expiry is refreshed at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly settings: SessionSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(input: LoginInput, meta: { ip: string | null; userAgent: string | null }) {
    const email = input.email.trim().toLowerCase();
    const user = await this.uow.read((repos) => repos.users.findByEmail(email));
    // Hash even when the account is unknown, so timing tells nothing about which e-mails exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
    if (!user || !valid) {
      await this.uow.write((repos) =>
        repos.audit.record({
          actorId: user?.id ?? null,
          actorEmail: email,
          action: 'auth.login_failed',
          entityType: 'session',
          ip: meta.ip,
        }),
      );
      throw new AppError(401, 'INVALID_CREDENTIALS');
    }
    if (user.disabledAt) throw new AppError(403, 'ACCOUNT_DISABLED');

    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now.getTime() + this.settings.ttlHours * 3_600_000);
    const sessionId = hashSessionToken(token);
    await this.uow.write(async (repos) => {
      await repos.sessions.create({
        id: sessionId,
        userId: user.id,
        csrfToken,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
      });
      await repos.users.update(user.id, { lastLoginAt: now });
      await repos.audit.record({
        actorId: user.id,
        actorEmail: user.email,
        action: 'auth.login',
        entityType: 'session',
        communeNis: user.communeNis,
        ip: meta.ip,
      });
      await repos.sessions.deleteExpired(now);
    });
    const full = await this.uow.read((repos) => repos.users.findById(user.id));
    return { token, expiresAt, csrfToken, user: presentUser(full!) };
  }

  /** The actor behind a session token, or null when it is unknown, expired or its user is disabled. */
  async resolveSession(token: string): Promise<{ actor: UserActor; csrfToken: string } | null> {
    const now = this.now();
    const id = hashSessionToken(token);
    const found = await this.uow.read((repos) => repos.sessions.findActive(id, now));
    if (!found) return null;
    if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      const expiresAt = new Date(now.getTime() + this.settings.ttlHours * 3_600_000);
      await this.uow.read((repos) => repos.sessions.touch(id, now, expiresAt));
    }
    return {
      actor: {
        kind: 'user',
        id: found.user.id,
        email: found.user.email,
        role: found.user.role,
        communeNis: found.user.communeNis,
        sessionId: id,
      },
      csrfToken: found.session.csrfToken,
    };
  }

  async logout(ctx: RequestContext): Promise<void> {
    const actor = ctx.actor;
    if (actor.kind !== 'user') return;
    await this.uow.write(async (repos) => {
      await repos.sessions.delete(actor.sessionId);
      await repos.audit.record(
        auditOf(ctx, { action: 'auth.logout', entityType: 'session', communeNis: actor.communeNis }),
      );
    });
  }

  async me(actor: UserActor) {
    const user = await this.uow.read((repos) => repos.users.findById(actor.id));
    if (!user) throw new UnauthenticatedError();
    return presentUser(user);
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw new UnauthenticatedError();
    const user = await this.uow.read((repos) => repos.users.findById(actor.id));
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ValidationError('WRONG_PASSWORD');
    }
    const passwordHash = await hashPassword(newPassword);
    await this.uow.write(async (repos) => {
      await repos.users.update(user.id, { passwordHash });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'user.password_change',
          entityType: 'user',
          entityId: user.id,
          communeNis: user.communeNis,
        }),
      );
    });
  }
}
