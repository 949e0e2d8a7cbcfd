import { index, integer, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { instantNow } from './columns.ts';

/**
 * The OCDS releases the platform has published (issue 12), one row per release, never updated: an export after a
 * change appends a new release with its own id and date, so a release id never names two different contents and a
 * reader who kept an old release still holds what was published. `seq` orders a process's releases (merge order);
 * `content_hash` is the SHA-256 of the release's content without its id, date and tag, to see whether anything changed.
 */
export const ocdsReleases = pgTable(
  'ocds_releases',
  {
    ocid: text('ocid').notNull(),
    releaseId: text('release_id').notNull(),
    seq: integer('seq').notNull(),
    date: text('date').notNull(),
    tag: jsonb('tag').$type<string[]>().notNull(),
    contentHash: text('content_hash').notNull(),
    /** The release exactly as published (JSON text, so it is served byte for byte). */
    json: text('json').notNull(),
    publishedAt: instantNow('published_at'),
  },
  (t) => [
    primaryKey({ columns: [t.ocid, t.releaseId] }),
    unique('ocds_releases_seq').on(t.ocid, t.seq),
    index('ocds_releases_published_idx').on(t.publishedAt),
  ],
);
