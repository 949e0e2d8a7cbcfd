import { describe, expect, it } from 'vitest';
import { MISSION_PHASE_LABELS } from '../../domain/missions/mission.ts';
import { DIMENSION_LABELS } from '../../domain/shared/dimensions.ts';
import { en, fr } from './all-strings.test-support.ts';
import { i18next, i18nReady, loadLanguage, loadStrings } from './i18n.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  const files = {
    fr: import.meta.glob<{ default: object }>('./fr/*.json', { eager: true }),
    en: import.meta.glob<{ default: object }>('./en/*.json', { eager: true }),
  };

  it('keep each key in the same part in both languages, each part under its own name', () => {
    expect(Object.keys(files.en).map((f) => f.replace('/en/', '/'))).toEqual(
      Object.keys(files.fr).map((f) => f.replace('/fr/', '/')),
    );
    for (const [file, { default: strings }] of Object.entries(files.fr)) {
      const english = files.en[file.replace('/fr/', '/en/')]?.default;
      expect(keys(english).sort(), file).toEqual(keys(strings).sort());
      // A key `strategy.…` is found in `strategy.json` (or in the core, loaded first): that is how a missing key
      // finds its part.
      const part = file.replace(/^\.\/fr\/|\.json$/g, '');
      if (part !== 'core') expect(Object.keys(strings), file).toEqual([part]);
    }
  });

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

type Tree = { [key: string]: string | string[] | Tree };
/** Every string of a catalogue with its dotted key. */
function entries(value: Tree, prefix = ''): [string, string][] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof inner === 'string') return [[path, inner] as [string, string]];
    if (Array.isArray(inner)) return inner.map((s, i) => [`${path}.${i}`, s] as [string, string]);
    return entries(inner, path);
  });
}
/** Every object of the catalogue found under a key of that name, e.g. all the `dimensions` maps. */
function mapsNamed(value: Tree, names: string[]): Record<string, string>[] {
  return Object.entries(value).flatMap(([key, inner]) => {
    if (typeof inner !== 'object' || Array.isArray(inner)) return [];
    return names.includes(key) ? [inner as Record<string, string>] : mapsNamed(inner, names);
  });
}

describe('French as a Belgian civil servant reads it', () => {
  const catalogues = { fr: fr as Tree, en: en as Tree };

  it('never writes « (s) »: counts go through the plural rules', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const offenders = entries(catalogue).filter(([, text]) => /\((s|e|es|x)\)/.test(text));
      expect(offenders, language).toEqual([]);
    }
  });

  it('gives every count followed by a word its singular and plural forms', () => {
    for (const [language, catalogue] of Object.entries(catalogues)) {
      const offenders = entries(catalogue).filter(
        ([key, text]) => /\{\{count(, number)?\}\} \p{L}/u.test(text) && !/_(one|other)$/.test(key),
      );
      expect(offenders, language).toEqual([]);
    }
  });

  it('names each dimension and each phase the same way everywhere, as the reports do', () => {
    for (const language of ['fr', 'en'] as const) {
      const dimensions = mapsNamed(catalogues[language], ['dimensions', 'dimension']).filter((m) => 'living' in m);
      expect(dimensions.length).toBeGreaterThanOrEqual(5);
      for (const map of dimensions) expect(map).toEqual(DIMENSION_LABELS[language]);
      const phases = mapsNamed(catalogues[language], ['phases']).filter((m) => 'planning' in m);
      expect(phases.length).toBeGreaterThanOrEqual(2);
      for (const map of phases) expect(map).toEqual(MISSION_PHASE_LABELS[language]);
    }
  });

  it('elides « de » before a vowel and agrees counts, through i18next itself', async () => {
    await i18nReady;
    await loadStrings('implementation', 'needs');
    const t = i18next.getFixedT('fr');
    expect(t('implementation.project.lead', { commune: 'Arlon' })).toBe('Suivi du projet de la commune d’Arlon.');
    expect(t('implementation.project.lead', { commune: 'Bastogne' })).toBe(
      'Suivi du projet de la commune de Bastogne.',
    );
    expect(t('needs.groupSize', { needs: 1, communes: 1 })).toBe('1 besoin, 1 commune');
    expect(t('needs.groupSize', { needs: 6, communes: 2 })).toBe('6 besoins, 2 communes');
    expect(t('implementation.alertCount', { count: 1 })).toBe('1 alerte');
    expect(t('counts.need', { count: 1500 })).toBe('1\u202f500 besoins');
    await loadLanguage('en');
    expect(i18next.getFixedT('en')('needs.groupSize', { needs: 1, communes: 3 })).toBe('1 need, 3 communes');
  });
});

describe('strings loaded by parts', () => {
  it('start with the core only, and load a part when one of its keys is asked for', async () => {
    await i18nReady;
    expect(i18next.exists('layout.skipToContent')).toBe(true);
    expect(i18next.exists('purchasing.title')).toBe(false);
    // A component showing a key of a part not loaded yet gets the part, then renders again (bindI18nStore 'added').
    const added = new Promise<void>((resolve) => i18next.store.on('added', () => resolve()));
    i18next.t('purchasing.title');
    await added;
    expect(i18next.t('purchasing.title')).toBe(fr.purchasing.title);
  });
});
