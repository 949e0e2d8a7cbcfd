import type { Specificities, SwotItem } from '../../domain/diagnostic/swot.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import type { SpecificitiesRow, SwotRow } from './diagnostic.repository.ts';

export function presentSwotItem(row: SwotRow): SwotItem {
  return {
    id: row.id,
    missionId: row.missionId,
    category: row.category,
    text: row.text,
    position: row.position,
    dimensions: row.dimensions as Dimension[],
    interviewIds: row.interviewIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function auditableSwot(row: Pick<SwotRow, 'category' | 'text' | 'dimensions' | 'interviewIds' | 'position'>) {
  return {
    category: row.category,
    text: row.text,
    position: row.position,
    dimensions: row.dimensions,
    interviewIds: row.interviewIds,
  };
}

export function presentSpecificities(missionId: string, row: SpecificitiesRow | null, edit: boolean): Specificities {
  return {
    missionId,
    geography: row?.geography ?? '',
    demography: row?.demography ?? '',
    economy: row?.economy ?? '',
    assets: row?.assets ?? '',
    updatedAt: row?.updatedAt.toISOString() ?? null,
    permissions: { edit },
  };
}

export function auditableSpecificities(row: SpecificitiesRow | null) {
  return row
    ? { geography: row.geography, demography: row.demography, economy: row.economy, assets: row.assets }
    : null;
}
