import type { TFunction } from 'i18next';
import { comparisonRows } from '../../../domain/catalogue/shortlists.ts';
import type { Solution } from '../../../domain/catalogue/solutions.ts';
import { formatEuro, type Locale } from '../../../domain/shared/format.ts';
import { SMART_CATEGORIES, smartCategory } from '../../../domain/shared/smart-categories.ts';

/** Labels of the catalogue's facts in the UI's language: taxonomy names come from the shared taxonomy itself. */
export function categoryLabel(key: string, language: Locale): string {
  return smartCategory(key)?.[language] ?? key;
}

export function categoryOptions(language: Locale) {
  return [...SMART_CATEGORIES]
    .map((c) => ({ value: c.key, label: c[language] }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

export function facetLabel(t: TFunction, facet: string, value: string, language: Locale): string {
  switch (facet) {
    case 'category':
      return categoryLabel(value, language);
    case 'dimension':
      return t(`catalogue.dimension.${value}`);
    case 'hosting':
      return t(`catalogue.hosting.${value}`);
    case 'priceModel':
      return t(`catalogue.priceModel.${value}`);
    case 'status':
      return t(`catalogue.status.${value}`);
    default:
      return value;
  }
}

/** The same fact rows as the exports, labelled for the screen. */
export function comparisonTable(t: TFunction, solutions: Solution[], language: Locale) {
  return comparisonRows(solutions, {
    yes: t('common.yes'),
    no: t('common.no'),
    none: '—',
    category: (k) => categoryLabel(k, language),
    dimension: (k) => t(`catalogue.dimension.${k}`),
    hosting: (k) => t(`catalogue.hosting.${k}`),
    priceModel: (k) => t(`catalogue.priceModel.${k}`),
    status: (k) => t(`catalogue.status.${k}`),
    money: (n) => formatEuro(n, language),
  }).map((row) => ({ ...row, label: t(`catalogue.facts.${row.key}`) }));
}

export const STATUS_COLOURS: Record<string, string> = {
  watch: 'gray',
  evaluated: 'blue',
  listed: 'green',
  withdrawn: 'red',
};
