import { asc, inArray, sql } from 'drizzle-orm';
import type { PublishedRelease } from '../../domain/open-data/ocds-history.ts';
import type { Executor } from '../db/client.ts';
import { ocdsReleases } from '../db/schema/index.ts';

/** The OCDS releases published, append-only (decision 140). SQL only here. */
export class OcdsReleasesRepository {
  constructor(private readonly db: Executor) {}

  async ofProcesses(ocids: string[]): Promise<PublishedRelease[]> {
    if (ocids.length === 0) return [];
    const rows = await this.db
      .select()
      .from(ocdsReleases)
      .where(inArray(ocdsReleases.ocid, ocids))
      .orderBy(asc(ocdsReleases.ocid), asc(ocdsReleases.seq));
    return rows.map((r) => ({
      ocid: r.ocid,
      releaseId: r.releaseId,
      seq: r.seq,
      date: r.date,
      tag: r.tag,
      contentHash: r.contentHash,
      json: r.json,
    }));
  }

  /**
   * Publications wait for each other until their transaction ends (a staff export and the publishing job at the same
   * time, on two instances): each then plans from what the other appended, and no release number is taken twice.
   */
  async lockForPublication(): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext('ocds_releases'))`);
  }

  /** Appends; the primary key (ocid, release id) and the unique (ocid, seq) refuse any rewrite of a release. */
  async append(releases: PublishedRelease[]): Promise<void> {
    if (releases.length === 0) return;
    await this.db.insert(ocdsReleases).values(releases);
  }
}
