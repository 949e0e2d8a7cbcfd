import { formatDate, formatEuro, formatMonthYear, formatNumber, type Locale } from '../../domain/shared/format.ts';

/**
 * ECharts writes « 60,000 » and « Jan 2027 » whatever the page's language: these formatters make its axes and
 * tooltips read like the rest of the app (src/domain/shared/format.ts): « 60 000 », « 22 500 € », « janv. 2027 ».
 */
export type ChartUnit = 'count' | 'number' | 'euro';

export function chartValue(unit: ChartUnit, locale: Locale): (value: unknown) => string {
  return (value) => {
    const n = typeof value === 'number' ? value : Number(value);
    if (!Number.isFinite(n)) return '—';
    if (unit === 'euro') return formatEuro(n, locale);
    return formatNumber(n, locale, unit === 'count' ? 0 : 2);
  };
}

/** A time axis tick: « janv. 2027 » on the first of a month, the day otherwise (« 15/01/2027 »). */
export function chartTimeTick(locale: Locale): (value: number) => string {
  return (value) => {
    const day = new Date(value);
    // Ticks fall on midnight in the browser's zone; a first of the month is a month's label.
    return day.getDate() === 1 ? formatMonthYear(value, locale) : formatDate(value, locale);
  };
}
