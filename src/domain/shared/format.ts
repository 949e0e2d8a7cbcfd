/**
 * Belgian French conventions, in one place for the web app, the PDF reports and the spreadsheets, so a figure reads
 * the same on screen and on paper: « 22 500 € », « 1 234,56 € », « 2,4 », « 35 % », « 01/02/2027 », « janv. 2027 ».
 * Intl writes the thousands with a narrow no-break space (U+202F) and puts a no-break space before « € » and « % »:
 * kept as Intl gives them, so an amount never breaks across two lines.
 */
export type Locale = 'fr' | 'en';

export const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-BE' : 'en-GB');

/** Dates and times are read in Belgium's time zone, whatever the browser's or the server's. */
const TIME_ZONE = 'Europe/Brussels';
const DATE_ONLY = /^\d{4}-\d{2}(-\d{2})?$/;
const BELGIAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * Today's date in Belgium (YYYY-MM-DD), whatever the server's or the browser's time zone: the day mergers take
 * effect, a milestone falls late, a poll closes. Never `toISOString().slice(0, 10)`, which is the day in London.
 */
export function belgianToday(now: Date = new Date()): string {
  return BELGIAN_DAY.format(now);
}

/** « 286 752 », « 2,5 » (up to `maximumFractionDigits` decimals). */
export function formatNumber(value: number, locale: Locale = 'fr', maximumFractionDigits = 0): string {
  // `negative`: no « -0 » for a zero reached by subtraction or rounding (-0, -0,004).
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits, signDisplay: 'negative' }).format(value);
}

/**
 * The number someone meant by what they typed or pasted: « 1234.5 », « 1 234,50 », « 1.234,50 », « 22 500 € »,
 * « -3,5 % ». Spaces (also the no-break ones Intl writes), « € » and « % » are ignored. The language's decimal
 * separator (« , » in French, « . » in English) is a decimal separator when it appears once; the other one is the
 * thousands separator when it appears several times, when both appear (« 1.234,50 », « 1,234.50 »: the last is the
 * decimal one) or when it groups exactly three digits (« 1.234 » is 1234 in French); otherwise it is taken as a
 * decimal separator too (« 1234.5 »). Anything else (letters, two signs, a stray separator) gives null.
 */
export function parseNumber(text: string, locale: Locale = 'fr'): number | null {
  const compact = text.replace(/[\s\u00a0\u202f€%]/g, '').replace(/^\u2212/, '-');
  const match = /^([+-]?)([\d.,]*\d[\d.,]*)$/.exec(compact);
  if (!match) return null;
  const [, sign, body = ''] = match;
  const decimal = locale === 'fr' ? ',' : '.';
  const other = decimal === ',' ? '.' : ',';
  const count = (separator: string) => body.split(separator).length - 1;
  let digits: string;
  if (count(',') > 0 && count('.') > 0) {
    const last = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const thousands = last === ',' ? '.' : ',';
    if (count(last) > 1) return null;
    const [whole = '', fraction = ''] = body.split(last);
    if (!groupedByThousands(whole, thousands)) return null;
    digits = `${whole.replaceAll(thousands, '')}.${fraction}`;
  } else if (count(decimal) > 0) {
    if (count(decimal) > 1) return null;
    digits = body.replace(decimal, '.');
  } else if (count(other) > 1 || /^\d{1,3}[.,]\d{3}$/.test(body)) {
    if (!groupedByThousands(body, other)) return null;
    digits = body.replaceAll(other, '');
  } else {
    digits = body.replace(other, '.');
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(digits)) return null;
  const value = Number(`${sign}${digits}`);
  return Number.isFinite(value) ? value || 0 : null;
}

/** « 1.234.567 »: groups of three digits after the first group of one to three. */
function groupedByThousands(whole: string, separator: string): boolean {
  if (!whole.includes(separator)) return true;
  const [first = '', ...rest] = whole.split(separator);
  return /^\d{1,3}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
}

/** Exactly `digits` decimals: « 0,183 », « 2,40 »; -0,0 is written 0,0. */
export function formatDecimal(value: number, locale: Locale = 'fr', digits = 1): string {
  const rounded = Math.round(value * 10 ** digits) / 10 ** digits || 0;
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(rounded);
}

/**
 * « 22 500 € » for a whole amount, « 1 234,56 € » otherwise; `cents: 'always'` keeps « 4,50 € » and « 12,00 € »
 * for unit prices, where the cents matter.
 */
export function formatEuro(value: number, locale: Locale = 'fr', options: { cents?: 'auto' | 'always' } = {}): string {
  const cents = options.cents === 'always' || !Number.isInteger(value);
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
    // No « -0 € » for a fee of nothing shown as a deduction (-0), nor for a rounding to zero.
    signDisplay: 'negative',
  }).format(value);
}

/** A share between 0 and 1 as « 35 % » (`digits` decimals at most). */
export function formatPercent(share: number, locale: Locale = 'fr', digits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/**
 * A date-only value (« 2027-01-31 ») is a day in the calendar, not an instant: it is read as such, so no time zone
 * moves it to the day before. Anything else is an instant, read in Belgium's time zone.
 */
function toDate(value: Date | string | number): { date: Date; timeZone: string } {
  if (typeof value === 'string' && DATE_ONLY.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return { date: new Date(Date.UTC(y!, m! - 1, d ?? 1)), timeZone: 'UTC' };
  }
  return { date: value instanceof Date ? value : new Date(value), timeZone: TIME_ZONE };
}

/** « 31/01/2027 » in French (and in English too: dd/mm/yyyy is the Belgian way). */
export function formatDate(value: Date | string | number, locale: Locale = 'fr'): string {
  const { date, timeZone } = toDate(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** « 31/01/2027 14:05 ». */
export function formatDateTime(value: Date | string | number, locale: Locale = 'fr'): string {
  const { date, timeZone } = toDate(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/** « janv. 2027 » (`month: 'long'`: « janvier 2027 »); takes « 2027-01 », « 2027-01-31 », a Date or a timestamp. */
export function formatMonthYear(
  value: Date | string | number,
  locale: Locale = 'fr',
  month: 'short' | 'long' = 'short',
): string {
  const { date, timeZone } = toDate(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { month, year: 'numeric', timeZone }).format(date);
}

/**
 * What a person types in a date field, read the Belgian way: « 31/01/2027 », « 31-01-2027 », « 31.01.2027 »,
 * « 1/2/2027 », « 31012027 », or the ISO « 2027-01-31 » a browser or a script may send. Returns the ISO day, or null
 * when the text is not a whole, real date (« 31/02/2027 »).
 */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : belgian
      ? [Number(belgian[3]), Number(belgian[2]), Number(belgian[1])]
      : [0, 0, 0];
  if (!year || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
