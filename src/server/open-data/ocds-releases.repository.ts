import { asc, inArray } from 'drizzle-orm';
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

  /** Appends; the primary key (ocid, release id) and the unique (ocid, seq) refuse any rewrite of a release. */
  async append(releases: PublishedRelease[]): Promise<void> {
    if (releases.length === 0) return;
    await this.db.insert(ocdsReleases).values(releases);
  }
}
