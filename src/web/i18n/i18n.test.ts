import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in French and English', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it('leave no string empty', () => {
    const empty = (value: unknown): boolean =>
      typeof value === 'string'
        ? value.trim() === ''
        : Array.isArray(value)
          ? value.some(empty)
          : typeof value === 'object' && value !== null && Object.values(value).some(empty);
    expect(empty(fr)).toBe(false);
    expect(empty(en)).toBe(false);
  });

  it('name every area of the product in the navigation', () => {
    expect(Object.values(fr.nav)).toEqual(
      expect.arrayContaining([
        'Communes',
        'Diagnostic',
        'Stratégie',
        'Mise en œuvre',
        'Besoins & mutualisation',
        'Catalogue',
        'Veille',
        'Utilisateurs',
        'Journal d’audit',
      ]),
    );
  });
});
