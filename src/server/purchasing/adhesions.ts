import { type Adhesion, AdhesionInput } from '../../domain/purchasing/api.ts';
import { type Actor, authorize, readScope } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';

/** The communes' adhesions to the agency as central purchasing body: the date and reference of their council's decision. */
export class AdhesionService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(actor: Actor): Promise<Adhesion[]> {
    authorize(actor, 'read', { type: 'central_purchasing_adhesion' });
    const scope = readScope(actor, 'central_purchasing_adhesion');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    return this.uow.read(async (repos) =>
      (await repos.purchasing.adhesions(scope.kind === 'commune' ? scope.communeNis : undefined)).map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        decisionDate: a.decisionDate,
        councilDecisionRef: a.councilDecisionRef,
        recordedAt: a.recordedAt.toISOString(),
      })),
    );
  }

  async adhere(ctx: RequestContext, body: AdhesionInput): Promise<Adhesion[]> {
    const input = AdhesionInput.parse(body);
    const communeNis = input.communeNis ?? (ctx.actor.kind === 'user' ? ctx.actor.communeNis : null);
    if (!communeNis) throw new ValidationError('COMMUNE_REQUIRED', { field: 'communeNis' }, { field: 'communeNis' });
    authorize(ctx.actor, 'create', { type: 'central_purchasing_adhesion', communeNis });
    await this.uow.write(async (repos) => {
      const names = await repos.purchasing.communeNames([communeNis]);
      if (!names.has(communeNis)) {
        const field = 'communeNis';
        throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: communeNis, field }, { field });
      }
      const [before] = await repos.purchasing.adhesions(communeNis);
      await repos.purchasing.upsertAdhesion({
        communeNis,
        decisionDate: input.decisionDate,
        councilDecisionRef: input.councilDecisionRef,
        recordedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.adhesion',
          entityType: 'central_purchasing_adhesion',
          entityId: communeNis,
          communeNis,
          before: before ? { decisionDate: before.decisionDate, councilDecisionRef: before.councilDecisionRef } : null,
          after: { decisionDate: input.decisionDate, councilDecisionRef: input.councilDecisionRef },
        }),
      );
    });
    return this.list(ctx.actor);
  }
}
