import { bigint, index, jsonb, pgTable, text, varchar } from 'drizzle-orm/pg-core';
import { userRef } from './auth.ts';
import { instantNow } from './columns.ts';

/** Who did what, when, with the record before and after. Rows are only ever added. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: instantNow('at'),
    actorId: userRef('actor_id'),
    actorEmail: text('actor_email'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    communeNis: varchar('commune_nis', { length: 5 }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId),
    index('audit_commune_idx').on(t.communeNis),
  ],
);
