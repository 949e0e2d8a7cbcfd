import { type AgreementPermissions, cancellationRefusal } from '../../domain/catalogue/agreements.ts';
import { SOLUTION_STATUSES, type SolutionPermissions, type SolutionStatus } from '../../domain/catalogue/solutions.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { type Actor, can, permissionsOf, readScope } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { fromDomainError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';

/**
 * What the catalogue's use cases share: which statuses a caller sees, how a domain rule becomes the API's 422, the
 * audit entry of a write, and what the caller may do with each resource — asked of the one policy, once, here, so
 * the web only reads `permissions` (docs/decisions/130-typed-contract.md).
 */

/** Agency staff see every status; commune users do not see what is still under watch. */
export function visibleStatuses(actor: Actor): SolutionStatus[] {
  return can(actor, 'create', { type: 'catalogue' })
    ? [...SOLUTION_STATUSES]
    : SOLUTION_STATUSES.filter((s) => s !== 'watch');
}

/** Runs a domain rule and turns its error into the API's 422. */
export function rule<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}

export function recordAudit(
  repos: Repositories,
  ctx: RequestContext,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
    communeNis?: string | null;
  },
) {
  return repos.audit.record(auditOf(ctx, { ...entry, communeNis: entry.communeNis ?? null }));
}

export const userIdOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.id : null);

export function solutionPermissions(actor: Actor): SolutionPermissions {
  const allowed = permissionsOf(actor, {
    update: ['update', { type: 'catalogue' }],
    order: ['create', { type: 'call_off' }],
  });
  return { ...allowed, chooseCommune: allowed.order && readScope(actor, 'call_off').kind === 'all' };
}

/** `adherents`: the communes that adhered to the agreement. */
export function agreementPermissions(actor: Actor, adherents: string[]): AgreementPermissions {
  const own = actor.kind === 'user' ? actor.communeNis : null;
  return {
    update: can(actor, 'update', { type: 'catalogue' }),
    adhere:
      own !== null && !adherents.includes(own) && can(actor, 'create', { type: 'catalogue_adhesion', communeNis: own }),
  };
}

/** Agency staff cancel any call-off; a commune's editors their commune's, within CALL_OFF_CANCEL_DAYS days. */
export function callOffPermissions(
  actor: Actor,
  callOff: { communeNis: string; cancelledAt: Date | null; orderedAt: Date },
  now: Date,
): { cancel: boolean } {
  const allowed = can(actor, 'delete', { type: 'call_off', communeNis: callOff.communeNis });
  const refusal = cancellationRefusal({
    cancelledAt: callOff.cancelledAt,
    orderedAt: callOff.orderedAt,
    now,
    byAgency: can(actor, 'delete', { type: 'catalogue' }),
  });
  return { cancel: allowed && refusal === null };
}

export function shortlistPermissions(actor: Actor, communeNis: string | null): { update: boolean; delete: boolean } {
  return permissionsOf(actor, {
    update: ['update', { type: 'catalogue_shortlist', communeNis }],
    delete: ['delete', { type: 'catalogue_shortlist', communeNis }],
  });
}
