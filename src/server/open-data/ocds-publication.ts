import { createHash } from 'node:crypto';
import { officialDesignation } from '../../domain/communes/official-name.ts';
import {
  compileRecord,
  type OcdsRecord,
  type OcdsReleaseLike,
  type PublishedRelease,
  planPublication,
} from '../../domain/open-data/ocds-history.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';

export { PLACEHOLDER_OCDS_PREFIX } from '../../domain/open-data/ocds-history.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Publishes what the data gives today for some contracting processes, inside the caller's transaction: for each
 * process, the releases not yet published (new stages, or one update release when the content changed) are appended
 * to `ocds_releases`, audited; nothing already published is rewritten. Returns every published release of these
 * processes, in publication order, as stored (byte for byte).
 */
export async function publishReleases(
  repos: Repositories,
  ctx: RequestContext,
  processes: OcdsReleaseLike[][],
  now: Date,
): Promise<PublishedRelease[]> {
  const ocids = [...new Set(processes.flatMap((releases) => releases.map((r) => r.ocid)))];
  await repos.ocdsReleases.lockForPublication();
  const published = await repos.ocdsReleases.ofProcesses(ocids);
  const nowIso = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const added: PublishedRelease[] = [];
  for (const current of processes) {
    if (current.length === 0) continue;
    const ocid = current[0]!.ocid;
    added.push(
      ...planPublication(
        published.filter((r) => r.ocid === ocid),
        current,
        nowIso,
        sha256,
      ),
    );
  }
  if (added.length) {
    await repos.ocdsReleases.append(added);
    for (const ocid of new Set(added.map((r) => r.ocid))) {
      const mine = added.filter((r) => r.ocid === ocid);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'ocds.release.publish',
          entityType: 'ocds_process',
          entityId: ocid,
          after: { releases: mine.map((r) => ({ id: r.releaseId, date: r.date, tag: r.tag, hash: r.contentHash })) },
        }),
      );
    }
  }
  return [...published, ...added].sort((a, b) => a.ocid.localeCompare(b.ocid) || a.seq - b.seq);
}

/** The published releases, parsed back, in publication order. */
export function releasesOf(published: readonly PublishedRelease[]): OcdsReleaseLike[] {
  return published.map((r) => JSON.parse(r.json) as OcdsReleaseLike);
}

/** One record per process: its releases and their compiled release. */
export function recordsOf(published: readonly PublishedRelease[]): OcdsRecord[] {
  const byOcid = new Map<string, PublishedRelease[]>();
  for (const r of published) byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  return [...byOcid.values()].map((releases) => compileRecord(releases));
}

/** A commune as it calls itself in procurement: its official designation from the reference data (decision 140). */
export async function buyerName(repos: Repositories, nisCode: string): Promise<string> {
  const commune = await repos.communes.find(nisCode);
  if (!commune) return `Commune ${nisCode}`;
  return commune.officialName ?? officialDesignation(commune.name, 'commune');
}
