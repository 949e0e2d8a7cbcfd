import { formatNumber, intlLocale, type Locale } from './format.ts';

/**
 * French grammar around proper names, as a Belgian civil servant writes it: « la commune d’Arlon », « de Bastogne »,
 * « d’Herbeumont » but « de Habay », « du Rœulx ». Used by the web app (through an i18next formatter), the PDF
 * reports and the spreadsheets, so the same name reads the same everywhere.
 */

/** Names whose h is mute (elided like a vowel). Walloon place names mostly have an aspirated h: « de Houffalize ». */
const MUTE_H = new Set(['herbeumont', 'hastière', 'héron', 'hélécine', 'hensies']);

const VOWEL = /^[aeiouyàâäéèêëîïôöûüùœæ]/i;

/** True when « de » before this name becomes « d’ ». */
export function elidesDe(name: string): boolean {
  const word = name.trim();
  if (VOWEL.test(word)) return true;
  if (!/^h/i.test(word)) return false;
  const first = word.toLowerCase().split(/[\s-]/)[0]!;
  return MUTE_H.has(first);
}

/**
 * « de » and the name: « d’Arlon », « de Bastogne », « du Rœulx » (« de » + « Le »), « des Bons Villers »
 * (« de » + « Les »), « de La Roche-en-Ardenne ».
 */
export function deName(name: string): string {
  const trimmed = name.trim();
  const article = /^(Le|Les) (.+)$/.exec(trimmed);
  if (article) return `${article[1] === 'Le' ? 'du' : 'des'} ${article[2]}`;
  return elidesDe(trimmed) ? `d’${trimmed}` : `de ${trimmed}`;
}

/**
 * A count and its noun by the language's plural rules (the server's texts; the web uses i18next's `_one`/`_other`):
 * « 1 risque », « 0 alerte », « 3 risques », « 1 500 besoins », never « risque(s) ».
 */
export function countOf(count: number, one: string, other: string, locale: Locale = 'fr'): string {
  const form = new Intl.PluralRules(intlLocale(locale)).select(count) === 'one' ? one : other;
  return `${formatNumber(count, locale)} ${form}`;
}
