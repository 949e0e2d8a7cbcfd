import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { SMART_CATEGORIES } from '../shared/smart-categories.ts';
import { NEED_SOURCES, type NeedSource, TIMEFRAMES, type Timeframe, URGENCIES, type Urgency } from './need.ts';

/**
 * The words of a need's coded fields as people write them (issue 10): the French labels the UI shows, the English
 * ones and the stable codes, so that a spreadsheet written by hand — « Élevée », « Court terme », « Réunion »,
 * « Gouvernance », « Éclairage public » — reads as well as an export. The French label comes first: it is what the
 * export and the template write, and what an error lists as accepted.
 *
 * A test (src/web/i18n/need-vocabulary.test.ts) keeps these labels equal to the UI's.
 */
type Vocabulary<K extends string> = Record<K, readonly [fr: string, en: string, ...aliases: string[]]>;

export const URGENCY_WORDS: Vocabulary<Urgency> = {
  low: ['Faible', 'Low', 'basse', 'peu urgent'],
  medium: ['Moyenne', 'Medium', 'normale', 'moyen'],
  high: ['Élevée', 'High', 'haute', 'urgent', 'urgente', 'forte', 'élevé'],
};

/** The UI adds the span in years in brackets (« Court terme (≤ 2 ans) »): the match ignores brackets. */
export const TIMEFRAME_WORDS: Vocabulary<Timeframe> = {
  short: ['Court terme', 'Short term', 'court'],
  medium: ['Moyen terme', 'Medium term', 'moyen'],
  long: ['Long terme', 'Long term', 'long'],
};

export const SOURCE_WORDS: Vocabulary<NeedSource> = {
  diagnostic: ['Diagnostic', 'Diagnostic', 'audit'],
  project_sheet: ['Fiche projet', 'Project sheet', 'fiche', 'projet', 'project-sheet'],
  meeting: ['Réunion', 'Meeting', 'rencontre'],
  direct: ['Saisie directe', 'Direct entry', 'directe', 'saisie', 'direct'],
};

/** The six dimensions under every name the product and the model use for them. */
export const DIMENSION_WORDS: Vocabulary<Dimension> = {
  living: ['Vie', 'Living', 'Qualité de vie', 'Smart Living', 'cadre de vie'],
  mobility: ['Mobilité', 'Mobility', 'Smart Mobility'],
  environment: ['Environnement', 'Environment', 'Smart Environment'],
  economy: ['Économie', 'Economy', 'Smart Economy'],
  people: ['Citoyens', 'People', 'Citoyen', 'Citizen', 'Smart People', 'Smart Citizen', 'Capital humain'],
  governance: ['Gouvernance', 'Governance', 'Smart Governance'],
};

/** Lower case, no accents, no bracketed part, single spaces, « _ » and « - » as spaces: how values are compared. */
export function normaliseWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function lookup<K extends string>(codes: readonly K[], words: Vocabulary<K>) {
  const index = new Map<string, K>();
  for (const code of codes) {
    for (const word of [code, ...words[code]]) {
      const key = normaliseWord(word);
      // A word shared by two codes (« moyen ») identifies neither: the first one keeps it, in code order.
      if (!index.has(key)) index.set(key, code);
    }
  }
  return (value: string): K | undefined => index.get(normaliseWord(value));
}

export const urgencyOf = lookup(URGENCIES, URGENCY_WORDS);
export const timeframeOf = lookup(TIMEFRAMES, TIMEFRAME_WORDS);
export const sourceOf = lookup(NEED_SOURCES, SOURCE_WORDS);
export const dimensionOf = lookup(DIMENSIONS, DIMENSION_WORDS);

const categoryIndex = (() => {
  const exact = new Map<string, string>();
  const byTerm = new Map<string, Set<string>>();
  for (const c of SMART_CATEGORIES) {
    for (const word of [c.key, c.fr, c.en]) exact.set(normaliseWord(word), c.key);
    for (const term of c.terms) {
      const key = normaliseWord(term);
      byTerm.set(key, new Set([...(byTerm.get(key) ?? []), c.key]));
    }
  }
  return { exact, byTerm };
})();

/**
 * A category from its key, its French or English name, or one of the taxonomy's terms when that term belongs to
 * one category only (« Éclairage public » → public-lighting).
 */
export function categoryOf(value: string): string | undefined {
  const key = normaliseWord(value);
  const exact = categoryIndex.exact.get(key);
  if (exact) return exact;
  const candidates = categoryIndex.byTerm.get(key);
  return candidates?.size === 1 ? [...candidates][0] : undefined;
}

export const frenchUrgency = (code: Urgency) => URGENCY_WORDS[code][0];
export const frenchTimeframe = (code: Timeframe) => TIMEFRAME_WORDS[code][0];
export const frenchSource = (code: NeedSource) => SOURCE_WORDS[code][0];
export const frenchDimension = (code: Dimension) => DIMENSION_WORDS[code][0];
export function frenchCategory(key: string): string {
  return SMART_CATEGORIES.find((c) => c.key === key)?.fr ?? key;
}

/** The French values each coded column accepts, as an error, the import dialog and the template list them. */
export const ACCEPTED_VALUES_FR = {
  urgency: URGENCIES.map(frenchUrgency),
  timeframe: TIMEFRAMES.map(frenchTimeframe),
  source: NEED_SOURCES.map(frenchSource),
  dimensions: DIMENSIONS.map(frenchDimension),
  category: SMART_CATEGORIES.map((c) => c.fr).sort((a, b) => a.localeCompare(b, 'fr')),
} as const;
export type CodedColumn = keyof typeof ACCEPTED_VALUES_FR;
