import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { userRef } from './auth.ts';
import { createdAt, instant, uuidPk } from './columns.ts';

/**
 * API keys for partners who need more than the public rate (issue 14): named, revocable, with their own rate limit.
 * The table keeps only the key's SHA-256 and its first characters (to recognise it in the list), never the key.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuidPk(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull().unique(),
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
    revokedAt: instant('revoked_at'),
    lastUsedAt: instant('last_used_at'),
  },
  (t) => [
    index('api_keys_created_idx').on(t.createdAt),
    check('api_keys_rate_check', sql`${t.rateLimitPerMinute} between 1 and 100000`),
  ],
);
