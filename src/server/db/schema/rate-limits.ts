import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns.ts';

/**
 * The request limits' counters (issue 15: every limit holds across instances): one row per route and caller (user or
 * address) with the hits of its current window. Every instance counts in the same row, in one statement. Rows of
 * windows long over are deleted as new hits come. The login limit counts failures in `login_failures` instead.
 */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: instant('window_ends_at').notNull(),
  },
  (t) => [index('rate_limit_hits_window_idx').on(t.windowEndsAt)],
);
