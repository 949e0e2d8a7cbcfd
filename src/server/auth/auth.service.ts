import { createHash, randomBytes } from 'node:crypto';
import type { LoginInput } from '../../domain/auth/users.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, InvalidFieldsError, UnauthenticatedError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from './password.ts';
import { assertStrongPassword } from './password-policy.ts';
import type { UserActor } from './policy.ts';
import { presentUser } from './users.presenter.ts';

export type SessionSettings = {
  ttlHours: number;
  /** At most `max` failed sign-ins per account, and per address, within `windowMinutes` (decision 006). */
  loginLimit: { max: number; windowMinutes: number };
};

/** Too many failed sign-ins for the account or from the address: 429, with when to try again. */
export class LoginRateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    // "minute" and "minutes" are the same words in French and English.
    super(429, 'LOGIN_RATE_LIMITED', {
      seconds: retryAfterSeconds,
      wait: minutes === 1 ? '1 minute' : `${minutes} minutes`,
    });
  }
}

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
    await this.assertLoginAllowed(email, meta.ip);
    const user = await this.uow.read((repos) => repos.users.findByEmail(email));
    // Hash even when the account is unknown, so timing tells nothing about which e-mails exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? UNUSABLE_HASH);
    if (!user || !valid) {
      const now = this.now();
      await this.uow.write(async (repos) => {
        await repos.loginFailures.record(email, meta.ip, now);
        await repos.loginFailures.deleteBefore(this.loginWindowStart(now));
        await repos.audit.record({
          actorId: user?.id ?? null,
          actorEmail: email,
          action: 'auth.login_failed',
          entityType: 'session',
          ip: meta.ip,
        });
      });
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
      await repos.loginFailures.clear(email, meta.ip);
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

  private loginWindowStart(now: Date): Date {
    return new Date(now.getTime() - this.settings.loginLimit.windowMinutes * 60_000);
  }

  /**
   * Refuses a sign-in, before any password is checked, while the account or the address has reached its number of
   * failures in the window. Counted in the database, so every instance of the app applies the same limit.
   */
  private async assertLoginAllowed(email: string, ip: string | null): Promise<void> {
    const now = this.now();
    const since = this.loginWindowStart(now);
    const { max, windowMinutes } = this.settings.loginLimit;
    const limiting = await this.uow.read(async (repos) => [
      await repos.loginFailures.limitingFailure({ email }, since, max),
      ...(ip ? [await repos.loginFailures.limitingFailure({ ip }, since, max)] : []),
    ]);
    const latest = Math.max(...limiting.map((at) => at?.getTime() ?? 0));
    if (latest === 0) return;
    const retryAt = latest + windowMinutes * 60_000;
    throw new LoginRateLimitedError(Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)));
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

  /**
   * Changes one's own password: the current one must be given, the new one must pass the password policy, and every
   * other session of the account ends (a password changed because it leaked must lock out whoever used it).
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const actor = ctx.actor;
    if (actor.kind !== 'user') throw new UnauthenticatedError();
    const { user, agency } = await this.uow.read(async (repos) => ({
      user: await repos.users.findById(actor.id),
      agency: await repos.users.getAgency(),
    }));
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ValidationError('WRONG_PASSWORD');
    }
    if (newPassword === currentPassword) {
      throw new InvalidFieldsError([{ field: 'newPassword', code: 'PASSWORD_UNCHANGED', params: {} }]);
    }
    assertStrongPassword('newPassword', newPassword, {
      email: user.email,
      displayName: user.displayName,
      agencyName: agency?.name ?? null,
    });
    const passwordHash = await hashPassword(newPassword);
    await this.uow.write(async (repos) => {
      await repos.users.update(user.id, { passwordHash });
      const ended = await repos.sessions.deleteForUserExcept(user.id, actor.sessionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'user.password_change',
          entityType: 'user',
          entityId: user.id,
          communeNis: user.communeNis,
          after: { otherSessionsEnded: ended },
        }),
      );
    });
  }
}
