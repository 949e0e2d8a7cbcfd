/**
 * The published history of OCDS contracting processes (issue 12): a release, once published, is never changed and
 * its id never names another content. An export builds the releases the data gives today (one per stage reached,
 * each complete as of its stage: `implementation/ocds.ts`, `purchasing/ocds-framework.ts`); `planPublication`
 * compares them with what was already published for the process and returns only the releases to add:
 * - a stage never published before: its release, with the builder's id (`<ocid>-tender`…);
 * - a process whose current state differs from its last published release: one update release carrying the whole
 *   current state, tagged `<stage>Update`, with a new id (`<ocid>-update-<n>`) and the export's date.
 * Releases keep a strictly increasing date within a process, so the date order (OCDS merge order) is the order of
 * publication. `compileRecord` merges them by the OCDS merging rules into the record's compiled release.
 */

/** The placeholder publisher prefix, until the agency registers its own with the OCDS Helpdesk (decision 140). */
export const PLACEHOLDER_OCDS_PREFIX = 'ocds-sr0001';

export type OcdsReleaseLike = {
  ocid: string;
  id: string;
  date: string;
  tag: string[];
  [field: string]: unknown;
};

export type PublishedRelease = {
  ocid: string;
  releaseId: string;
  seq: number;
  date: string;
  tag: string[];
  contentHash: string;
  /** The release as published, byte for byte. */
  json: string;
};

/** JSON with the object keys sorted, so one content always gives one text (and one hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** What a release says, without what names and dates the publication (id, date, tag). */
export function releaseContent(release: OcdsReleaseLike): string {
  const { id: _id, date: _date, tag: _tag, ...content } = release;
  return canonicalJson(content);
}

const STAGE_ORDER = ['planning', 'tender', 'award', 'contract', 'implementation'];

/**
 * The releases to publish now for one process, given what is already published (`published`, any order) and what the
 * data gives today (`current`, in stage order). `hash` is the SHA-256 of a content (the caller's: the domain has no
 * crypto); `now` the export's ISO date-time.
 */
export function planPublication(
  published: readonly PublishedRelease[],
  current: readonly OcdsReleaseLike[],
  now: string,
  hash: (text: string) => string,
): PublishedRelease[] {
  if (current.length === 0) return [];
  const ocid = current[0]!.ocid;
  const history = [...published].sort((a, b) => a.seq - b.seq);
  const ids = new Set(history.map((r) => r.releaseId));
  const added: PublishedRelease[] = [];
  let seq = history.at(-1)?.seq ?? 0;
  let lastDate = history.at(-1)?.date;
  let lastHash = history.at(-1)?.contentHash;

  const append = (release: OcdsReleaseLike) => {
    // A date at or before the last published one would reorder the history: the export's time then.
    const date = lastDate && release.date <= lastDate ? later(now, lastDate) : release.date;
    const stored = { ...release, date };
    const contentHash = hash(releaseContent(stored));
    seq += 1;
    const row: PublishedRelease = {
      ocid,
      releaseId: stored.id,
      seq,
      date,
      tag: stored.tag,
      contentHash,
      json: JSON.stringify(stored),
    };
    added.push(row);
    ids.add(row.releaseId);
    lastDate = date;
    lastHash = contentHash;
  };

  for (const release of current) {
    if (!ids.has(release.id)) append(release);
  }
  const latest = current.at(-1)!;
  if (hash(releaseContent(latest)) !== lastHash) {
    const stage = latestStage(latest.tag);
    let n = history.filter((r) => r.releaseId.startsWith(`${ocid}-update-`)).length + 1;
    while (ids.has(`${ocid}-update-${n}`)) n += 1;
    append({ ...latest, id: `${ocid}-update-${n}`, date: now, tag: [`${stage}Update`] });
  }
  return added;
}

function latestStage(tags: readonly string[]): string {
  const stages = tags.map((t) => t.replace(/Update$/, '')).filter((t) => STAGE_ORDER.includes(t));
  return stages.sort((a, b) => STAGE_ORDER.indexOf(a) - STAGE_ORDER.indexOf(b)).at(-1) ?? 'tender';
}

/** `now` if it is after `after`, else one second after `after` (clock skew, or two exports in the same second). */
function later(now: string, after: string): string {
  if (now > after) return now;
  const next = new Date(Date.parse(after) + 1000);
  return next.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type OcdsRecord = { ocid: string; releases: OcdsReleaseLike[]; compiledRelease: OcdsReleaseLike };

/**
 * A record: the process's releases in publication order and the compiled release, their merge by the OCDS 1.1
 * merging rules (objects merged field by field; arrays of objects with an `id` merged by id; other arrays and values
 * replaced by the later release; a null removes the field). The compiled release is tagged `compiled`.
 */
export function compileRecord(published: readonly PublishedRelease[]): OcdsRecord {
  const ordered = [...published].sort((a, b) => a.seq - b.seq);
  const releases = ordered.map((r) => JSON.parse(r.json) as OcdsReleaseLike);
  return { ocid: releases[0]!.ocid, releases, compiledRelease: compileReleases(releases) };
}

/** The compiled release of one process's releases, given in publication (date) order. */
export function compileReleases<T extends OcdsReleaseLike>(releases: readonly T[]): T {
  let merged: Record<string, unknown> = {};
  for (const release of releases) merged = mergeObject(merged, release);
  const last = releases.at(-1)!;
  return {
    ...merged,
    ocid: last.ocid,
    id: `${last.id}-compiled`,
    date: last.date,
    tag: ['compiled'],
  } as unknown as T;
}

function mergeObject(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergeValue(out[key], value);
  }
  return out;
}

function mergeValue(base: unknown, patch: unknown): unknown {
  if (isObject(patch)) return mergeObject(isObject(base) ? base : {}, patch);
  if (Array.isArray(patch) && patch.length > 0 && patch.every((item) => isObject(item) && 'id' in item)) {
    const byId = new Map<string, Record<string, unknown>>();
    if (Array.isArray(base)) {
      for (const item of base) if (isObject(item) && 'id' in item) byId.set(String(item.id), item);
    }
    for (const item of patch as Record<string, unknown>[]) {
      const key = String(item.id);
      byId.set(key, mergeObject(byId.get(key) ?? {}, item));
    }
    return [...byId.values()];
  }
  return patch;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
