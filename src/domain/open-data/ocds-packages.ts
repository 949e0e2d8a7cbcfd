import type { OcdsRelease, OcdsReleasePackage } from '../implementation/ocds.ts';
import { compileReleases } from './ocds-history.ts';

/**
 * The open data's OCDS (issue 14): one release package of every published procurement, and the record package that
 * gathers each contracting process's releases (OCDS 1.1). Each release the builder makes already carries everything
 * known at its stage, so the latest release of a process serves as its compiled release.
 */
export type PackageMeta = {
  uri: string;
  publishedDate: string;
  publisher: string;
  license: string;
  /** The extensions the releases use (the framework agreements': techniques and lots). */
  extensions?: string[];
};

export function mergeReleasePackages(packages: readonly OcdsReleasePackage[], meta: PackageMeta): OcdsReleasePackage {
  return {
    uri: meta.uri,
    version: '1.1',
    ...(meta.extensions?.length ? { extensions: meta.extensions } : {}),
    publishedDate: meta.publishedDate,
    publisher: { name: meta.publisher },
    license: meta.license,
    releases: packages.flatMap((p) => p.releases),
  };
}

export type OcdsRecordPackage = {
  uri: string;
  version: '1.1';
  extensions?: string[];
  publishedDate: string;
  publisher: { name: string };
  license: string;
  packages: string[];
  records: { ocid: string; releases: OcdsRelease[]; compiledRelease: OcdsRelease }[];
};

export function buildRecordPackage(
  packages: readonly OcdsReleasePackage[],
  meta: PackageMeta & { packages: string[] },
): OcdsRecordPackage {
  const byOcid = new Map<string, OcdsRelease[]>();
  for (const release of packages.flatMap((p) => p.releases)) {
    byOcid.set(release.ocid, [...(byOcid.get(release.ocid) ?? []), release]);
  }
  return {
    uri: meta.uri,
    version: '1.1',
    ...(meta.extensions?.length ? { extensions: meta.extensions } : {}),
    publishedDate: meta.publishedDate,
    publisher: { name: meta.publisher },
    license: meta.license,
    packages: meta.packages,
    records: [...byOcid.entries()].map(([ocid, releases]) => {
      const sorted = [...releases].sort((a, b) => a.date.localeCompare(b.date));
      // Merged by the OCDS rules (decision 140): an update release changes what it names, the rest stays.
      return { ocid, releases: sorted, compiledRelease: compileReleases(sorted) };
    }),
  };
}
