import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { belongsTo, createdAt, instant, instantNow, timestamps, uuidPk } from './columns.ts';
import { communeRef } from './communes.ts';

/** The agency that runs the platform (one row). */
export const agency = pgTable('agency', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull(),
  demo: boolean('demo').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuidPk(),
    email: text('email').notNull().unique(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ['agency_admin', 'consultant', 'commune_editor', 'commune_viewer'] }).notNull(),
    communeNis: communeRef(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: instant('disabled_at'),
    demo: boolean('demo').notNull().default(false),
    ...timestamps(),
    lastLoginAt: instant('last_login_at'),
  },
  (t) => [
    check('users_role_check', sql`${t.role} in ('agency_admin', 'consultant', 'commune_editor', 'commune_viewer')`),
    check(
      'users_commune_scope_check',
      sql`(${t.role} in ('commune_editor', 'commune_viewer')) = (${t.communeNis} is not null)`,
    ),
    index('users_commune_idx').on(t.communeNis),
  ],
);

/** A user who did something (created, answered, recorded...): the row stays, unsigned, when the user is deleted. */
export const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: belongsTo('user_id', () => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: instantNow('last_seen_at'),
    expiresAt: instant('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins, the login limit's memory: kept in the database so that every instance counts the same attempts
 * (decision 006). Only failures are counted; a success clears those of its account from its address. Rows older
 * than the limit's window are deleted as new failures come.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip'),
    failedAt: instantNow('failed_at'),
  },
  (t) => [
    index('login_failures_email_idx').on(t.email, t.failedAt),
    index('login_failures_ip_idx').on(t.ip, t.failedAt),
    index('login_failures_failed_at_idx').on(t.failedAt),
  ],
);
