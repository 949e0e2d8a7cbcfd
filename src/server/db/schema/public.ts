import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';

/**
 * API keys for partners who need more than the public rate (issue 14): named, revocable, with their own rate limit.
 * The table keeps only the key's SHA-256 and its first characters (to recognise it in the list), never the key.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_created_idx').on(t.createdAt),
    check('api_keys_rate_check', sql`${t.rateLimitPerMinute} between 1 and 100000`),
  ],
);
