import type { NotificationSettings } from '../../domain/implementation/implementation-api.ts';
import { type Actor, authorize, type UserActor } from '../auth/policy.ts';
import { ForbiddenError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { ImplementationCore } from './implementation-core.ts';

function selfOf(actor: Actor): UserActor {
  authorize(actor, 'read', { type: 'account' });
  if (actor.kind !== 'user') throw new ForbiddenError();
  return actor;
}

/** Each user's alert e-mails and weekly digest settings. */
export class NotificationSettingsService {
  constructor(private readonly core: ImplementationCore) {}

  async settings(actor: Actor): Promise<NotificationSettings> {
    const user = selfOf(actor);
    return this.core.uow.read(async (repos) => {
      const row = await repos.implementation.settings(user.id);
      return { alertEmails: row?.alertEmails ?? true, weeklyDigest: row?.weeklyDigest ?? false };
    });
  }

  async updateSettings(ctx: RequestContext, input: NotificationSettings): Promise<NotificationSettings> {
    const user = selfOf(ctx.actor);
    return this.core.uow.write(async (repos) => {
      const before = await repos.implementation.settings(user.id);
      const row = await repos.implementation.upsertSettings(user.id, input);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'notification_settings.update',
          entityType: 'user',
          entityId: user.id,
          before: before ? { alertEmails: before.alertEmails, weeklyDigest: before.weeklyDigest } : null,
          after: input,
        }),
      );
      return { alertEmails: row.alertEmails, weeklyDigest: row.weeklyDigest };
    });
  }
}
