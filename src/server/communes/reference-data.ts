import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { boundariesByNis } from '../../domain/communes/boundaries.ts';
import { applyMergers, type ReferenceCommune } from '../../domain/communes/mergers.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { seedReferenceGuide } from '../diagnostic/guides.service.ts';
import { seedProcurementThresholds } from '../implementation/thresholds.service.ts';

export const REFERENCE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'reference');

function readCsv(file: string): Record<string, string>[] {
  return parse(readFileSync(join(REFERENCE_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

const numberOrNull = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

export function readReferenceCommunes(): ReferenceCommune[] {
  return readCsv('communes.csv').map((r) => ({
    nisCode: r.nis_code!,
    name: r.name_fr!,
    nameNl: r.name_nl || null,
    arrondissementNis: r.arrondissement_nis!,
    arrondissement: r.arrondissement!,
    population: numberOrNull(r.population),
    populationYear: numberOrNull(r.population_year),
    areaKm2: numberOrNull(r.area_km2),
  }));
}

export function readReferenceMergers() {
  return readCsv('mergers.csv').map((r) => ({
    absorbedNis: r.absorbed_nis!,
    successorNis: r.successor_nis!,
    mergedOn: r.merged_on!,
  }));
}

export type ReferenceDesignation = { officialName: string; officialNameVerified: boolean; officialNameSource: string };

/** Each commune's official designation (« Ville d'Arlon », « Commune de Tintigny »), with its source or « à vérifier ». */
export function readOfficialNames(): Map<string, ReferenceDesignation> {
  return new Map(
    readCsv('official-names.csv').map((r) => [
      r.nis_code!,
      { officialName: r.official_name!, officialNameVerified: r.verified === 'oui', officialNameSource: r.source! },
    ]),
  );
}

export type SeedReport = { communes: number; boundaries: number; sites: number; guides: number };

/**
 * Loads the communes, their boundaries and the reference sites. Idempotent: a second run changes nothing but
 * reference columns, never what users edited (profile, user-created sites).
 */
export async function seedReferenceData(
  uow: UnitOfWork,
  options: { boundariesFile?: string } = {},
): Promise<SeedReport> {
  const communes = applyMergers(readReferenceCommunes(), readReferenceMergers());
  const boundariesPath = options.boundariesFile ?? join(REFERENCE_DIR, 'boundaries.geojson');
  const boundaries = boundariesByNis(JSON.parse(readFileSync(boundariesPath, 'utf8')));
  const sites = readCsv('sites.csv');
  const officialNames = readOfficialNames();
  const report = await uow.write(async (repos) => {
    await repos.communes.upsertReference(
      communes.map((c) => ({
        ...c,
        ...(officialNames.get(c.nisCode) ?? { officialName: null }),
        boundary: boundaries.get(c.nisCode) ?? null,
      })),
    );
    for (const s of sites) {
      await repos.communes.upsertReferenceSite({
        referenceKey: s.key!,
        communeNis: s.commune_nis!,
        name: s.name!,
        kind: s.kind!,
      });
    }
    return {
      communes: communes.length,
      boundaries: communes.filter((c) => boundaries.has(c.nisCode)).length,
      sites: sites.length,
    };
  });
  // The seeded interview guide is reference data too: published once, never changed afterwards.
  const guides = await seedReferenceGuide(uow);
  // So are the procurement thresholds (implementation): seeded periods are added, an admin's edits kept.
  await seedProcurementThresholds(uow);
  return { ...report, guides };
}
