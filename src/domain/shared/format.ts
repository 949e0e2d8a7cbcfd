/**
 * Belgian French conventions: dd/mm/yyyy, `1 234,56 €`. Used by the web app and by the server's reports so a
 * figure reads the same on screen and on paper.
 */
export type Locale = 'fr' | 'en';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-BE' : 'en-GB');

export function formatNumber(value: number, locale: Locale = 'fr', maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }).format(value);
}

export function formatEuro(value: number, locale: Locale = 'fr'): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'EUR' }).format(value);
}

export function formatDate(value: Date | string, locale: Locale = 'fr'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    date,
  );
}

export function formatDateTime(value: Date | string, locale: Locale = 'fr'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
