import type { CommuneDetail, CommuneRef, CommuneSummary, Site } from '../../domain/communes/commune.ts';
import { densityPerKm2, isCurrentOn } from '../../domain/communes/commune.ts';
import type { CommuneRow, SiteRow } from './communes.repository.ts';

type CommuneColumns = Omit<CommuneRow, 'boundary'>;

export function presentCommune(row: CommuneColumns, mergedFrom: string[], today: string): CommuneSummary {
  return {
    nisCode: row.nisCode,
    name: row.name,
    nameNl: row.nameNl,
    arrondissement: row.arrondissement,
    population: row.population,
    populationYear: row.populationYear,
    areaKm2: row.areaKm2,
    densityPerKm2: densityPerKm2(row.population, row.areaKm2),
    current: isCurrentOn(row, today),
    mergedInto: row.mergedInto,
    mergedOn: row.mergedOn,
    mergedFrom,
    officialName: row.officialName,
    officialNameVerified: row.officialNameVerified,
  };
}

export function presentSite(row: SiteRow): Site {
  return { id: row.id, communeNis: row.communeNis, name: row.name, kind: row.kind, description: row.description };
}

export function presentCommuneDetail(
  row: CommuneRow,
  related: {
    absorbed: CommuneRef[];
    successor: CommuneRef | null;
    sites: SiteRow[];
    today: string;
    permissions: CommuneDetail['permissions'];
  },
): CommuneDetail {
  const { absorbed, successor, sites, today, permissions } = related;
  return {
    ...presentCommune(
      row,
      absorbed.map((c) => c.nisCode),
      today,
    ),
    mergedIntoCommune: successor,
    absorbedCommunes: absorbed,
    permissions,
    officialDesignation: {
      source: row.officialNameSource,
      checkedAt: row.officialNameCheckedAt?.toISOString() ?? null,
    },
    profile: { description: row.description, website: row.website, contactEmail: row.contactEmail },
    sites: sites.map(presentSite),
    boundary: row.boundary ?? null,
  };
}
