import type { CommuneSummary } from '../../../domain/communes/commune.ts';
import type { SortDirection } from '../../components/sortable-header.tsx';

export type CommuneSortKey = 'name' | 'arrondissement' | 'population' | 'areaKm2' | 'densityPerKm2';
export type CommuneSort = { key: CommuneSortKey; direction: SortDirection };
export type CommuneFilter = { name: string; arrondissement: string | null };

const NUMERIC: ReadonlySet<CommuneSortKey> = new Set(['population', 'areaKm2', 'densityPerKm2']);

/** Figures are most often read largest first; names from A to Z. */
export function firstDirection(key: CommuneSortKey): SortDirection {
  return NUMERIC.has(key) ? 'descending' : 'ascending';
}

/** Clicking a header sorts by it; clicking the sorted header again reverses the order. */
export function nextSort(current: CommuneSort, key: CommuneSortKey): CommuneSort {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

/** Lower case without accents, so "neufchateau" finds Neufchâteau. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr').trim();
}

export function filterCommunes(communes: readonly CommuneSummary[], filter: CommuneFilter): CommuneSummary[] {
  const query = foldText(filter.name);
  return communes.filter(
    (c) =>
      (!filter.arrondissement || c.arrondissement === filter.arrondissement) &&
      (!query || foldText(c.name).includes(query) || (c.nameNl !== null && foldText(c.nameNl).includes(query))),
  );
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Sorts a copy; missing figures go last whatever the direction; ties keep French name order. */
export function sortCommunes(communes: readonly CommuneSummary[], sort: CommuneSort): CommuneSummary[] {
  const factor = sort.direction === 'ascending' ? 1 : -1;
  return [...communes].sort((a, b) => {
    const x = a[sort.key];
    const y = b[sort.key];
    if (x === null && y !== null) return 1;
    if (y === null && x !== null) return -1;
    let order = 0;
    if (typeof x === 'number' && typeof y === 'number') order = (x - y) * factor;
    else if (typeof x === 'string' && typeof y === 'string') order = collator.compare(x, y) * factor;
    return order !== 0 ? order : collator.compare(a.name, b.name);
  });
}

export type CommuneTotals = { communes: number; population: number; areaKm2: number };

/**
 * Totals over the current communes only: a merged commune's inhabitants and land are already counted in its
 * successor.
 */
export function totalsOf(communes: readonly CommuneSummary[]): CommuneTotals {
  const current = communes.filter((c) => c.current);
  return {
    communes: current.length,
    population: current.reduce((sum, c) => sum + (c.population ?? 0), 0),
    areaKm2: Math.round(current.reduce((sum, c) => sum + (c.areaKm2 ?? 0), 0) * 100) / 100,
  };
}
