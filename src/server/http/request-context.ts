import type { AuditRecord } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/policy.ts';

/** Who is asking, as services need it: for the policy and for the audit log. */
export type RequestContext = { actor: Actor; ip: string | null };

export const CLI_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'cli' }, ip: null };
export const BOOTSTRAP_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'bootstrap' }, ip: null };

/** The audit entry of a write, stamped with who made it. */
export function auditOf(ctx: RequestContext, entry: Omit<AuditRecord, 'actorId' | 'actorEmail' | 'ip'>): AuditRecord {
  return {
    ...entry,
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    actorEmail:
      ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.kind === 'system' ? `(${ctx.actor.label})` : null,
    ip: ctx.ip,
  };
}
