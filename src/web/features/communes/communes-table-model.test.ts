import { describe, expect, it } from 'vitest';
import type { CommuneSummary } from '../../../domain/communes/commune.ts';
import { filterCommunes, foldText, nextSort, sortCommunes, totalsOf } from './communes-table-model.ts';

function commune(partial: Partial<CommuneSummary> & Pick<CommuneSummary, 'nisCode' | 'name'>): CommuneSummary {
  return {
    nameNl: null,
    arrondissement: 'Arlon',
    population: 1000,
    populationYear: 2020,
    areaKm2: 10,
    densityPerKm2: 100,
    current: true,
    mergedInto: null,
    mergedOn: null,
    mergedFrom: [],
    officialName: null,
    officialNameVerified: false,
    ...partial,
  };
}

const communes = [
  commune({ nisCode: '81001', name: 'Arlon', nameNl: 'Aarlen', population: 30081, densityPerKm2: 252.7 }),
  commune({ nisCode: '81004', name: 'Aubange', population: 17146, densityPerKm2: 371.8 }),
  commune({
    nisCode: '84043',
    name: 'Neufchâteau',
    arrondissement: 'Neufchâteau',
    population: 7600,
    densityPerKm2: null,
  }),
  commune({ nisCode: '82003', name: 'Bastogne', arrondissement: 'Bastogne', population: 19932, mergedFrom: ['82005'] }),
  commune({
    nisCode: '82005',
    name: 'Bertogne',
    arrondissement: 'Bastogne',
    population: 3300,
    current: false,
    mergedInto: '82003',
    mergedOn: '2025-01-01',
  }),
];

describe('communes table', () => {
  it('sorts figures largest first on the first click, then reverses', () => {
    const sort = nextSort({ key: 'name', direction: 'ascending' }, 'population');
    expect(sort).toEqual({ key: 'population', direction: 'descending' });
    expect(sortCommunes(communes, sort)[0]!.name).toBe('Arlon');
    const reversed = nextSort(sort, 'population');
    expect(reversed.direction).toBe('ascending');
    expect(sortCommunes(communes, reversed)[0]!.name).toBe('Bertogne');
  });

  it('puts missing figures last in both directions', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      const sorted = sortCommunes(communes, { key: 'densityPerKm2', direction });
      expect(sorted[sorted.length - 1]!.name).toBe('Neufchâteau');
    }
  });

  it('sorts names in French order', () => {
    const names = sortCommunes(communes, { key: 'name', direction: 'ascending' }).map((c) => c.name);
    expect(names).toEqual(['Arlon', 'Aubange', 'Bastogne', 'Bertogne', 'Neufchâteau']);
  });

  it('filters by name without accents or case, and by arrondissement', () => {
    expect(foldText(' NeufChâteau ')).toBe('neufchateau');
    expect(filterCommunes(communes, { name: 'neufchat', arrondissement: null }).map((c) => c.nisCode)).toEqual([
      '84043',
    ]);
    expect(filterCommunes(communes, { name: 'aarl', arrondissement: null }).map((c) => c.name)).toEqual(['Arlon']);
    expect(filterCommunes(communes, { name: '', arrondissement: 'Bastogne' })).toHaveLength(2);
    expect(filterCommunes(communes, { name: 'a', arrondissement: 'Arlon' })).toHaveLength(2);
  });

  it('counts only current communes in the totals', () => {
    expect(totalsOf(communes)).toEqual({ communes: 4, population: 30081 + 17146 + 7600 + 19932, areaKm2: 40 });
  });
});
