import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belgianToday,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatEuro,
  formatMonthYear,
  formatNumber,
  formatPercent,
  parseDate,
  parseNumber,
} from './format.ts';

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

describe('Belgian French formats', () => {
  it('writes thousands with the narrow no-break space and « € » after a no-break space, as Intl gives them', () => {
    expect(formatNumber(286752)).toBe(`286${NARROW_NBSP}752`);
    expect(formatNumber(60000)).toBe(`60${NARROW_NBSP}000`);
    expect(formatEuro(22500)).toBe(`22${NARROW_NBSP}500${NBSP}€`);
    expect(formatEuro(1234.56)).toBe(`1${NARROW_NBSP}234,56${NBSP}€`);
    expect(formatNumber(286752, 'en')).toBe('286,752');
    expect(formatEuro(22500, 'en')).toBe('€22,500');
  });

  it('writes a zero as « 0 », never « -0 » (a deduction of nothing, a rounding to zero), and keeps real minus signs', () => {
    expect(formatEuro(-0)).toBe(`0${NBSP}€`);
    expect(formatEuro(-0.004)).toBe(`0,00${NBSP}€`);
    expect(formatNumber(-0)).toBe('0');
    expect(formatEuro(-5000)).toMatch(/^-5\u202f000\u00a0€$/);
  });

  it('drops the cents of a whole amount unless asked to keep them (unit prices)', () => {
    expect(formatEuro(4.5)).toBe(`4,50${NBSP}€`);
    expect(formatEuro(12, 'fr', { cents: 'always' })).toBe(`12,00${NBSP}€`);
    expect(formatEuro(0)).toBe(`0${NBSP}€`);
  });

  it('writes decimals with a comma, percentages with a space', () => {
    expect(formatNumber(2.456, 'fr', 1)).toBe('2,5');
    expect(formatDecimal(0.18349, 'fr', 3)).toBe('0,183');
    expect(formatDecimal(-0.04, 'fr', 1)).toBe('0,0');
    expect(formatPercent(0.35)).toBe(`35${NBSP}%`);
  });

  it('writes dates dd/mm/yyyy and months « janv. 2027 », a calendar day never shifted by a time zone', () => {
    expect(formatDate('2025-01-01')).toBe('01/01/2025');
    expect(formatDate('2027-01-31', 'en')).toBe('31/01/2027');
    expect(formatDate('2025-06-30T23:30:00Z')).toBe('01/07/2025'); // an instant, in Brussels
    expect(formatDateTime('2027-01-31T13:05:00Z')).toBe('31/01/2027 14:05');
    expect(formatMonthYear('2027-01')).toBe('janv. 2027');
    expect(formatMonthYear('2027-06-15', 'fr', 'long')).toBe('juin 2027');
    expect(formatMonthYear('2027-01', 'en')).toBe('Jan 2027');
  });
});

describe('reading a typed date', () => {
  it('reads dd/mm/yyyy and its usual variants, and the ISO form', () => {
    expect(parseDate('31/01/2027')).toBe('2027-01-31');
    expect(parseDate(' 1/2/2027 ')).toBe('2027-02-01');
    expect(parseDate('31.01.2027')).toBe('2027-01-31');
    expect(parseDate('31-01-2027')).toBe('2027-01-31');
    expect(parseDate('31012027')).toBe('2027-01-31');
    expect(parseDate('2027-01-31')).toBe('2027-01-31');
  });

  it('refuses what is not a whole, real date', () => {
    for (const text of ['', '31/02/2027', '01/13/2027', '12/31/2027', '31/01/27', '2027', 'demain', '00/01/2027']) {
      expect(parseDate(text), text).toBeNull();
    }
  });
});

describe('today in Belgium', () => {
  it('uses the Brussels date, not the server’s or London’s', () => {
    expect(belgianToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(belgianToday(new Date('2026-01-01T22:30:00Z'))).toBe('2026-01-01');
    expect(belgianToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('reading a number someone typed or pasted', () => {
  it('reads Belgian French numbers and amounts as meant', () => {
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1 234,50')).toBe(1234.5);
    expect(parseNumber('1.234,50')).toBe(1234.5);
    expect(parseNumber('22 500 €')).toBe(22500);
    expect(parseNumber(`22${NARROW_NBSP}500${NBSP}€`)).toBe(22500);
    expect(parseNumber('1.234')).toBe(1234);
    expect(parseNumber('1.234.567,89')).toBe(1234567.89);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('-3,25')).toBe(-3.25);
    expect(parseNumber('35 %')).toBe(35);
    expect(parseNumber('12.5')).toBe(12.5);
  });

  it('reads English numbers with the English separators', () => {
    expect(parseNumber('1,234.50', 'en')).toBe(1234.5);
    expect(parseNumber('1,234', 'en')).toBe(1234);
    expect(parseNumber('1234,5', 'en')).toBe(1234.5);
    expect(parseNumber('£1', 'en')).toBeNull();
  });

  it('refuses what is not a number rather than guessing', () => {
    for (const text of ['', ' ', 'abc', '12a', '1,2,3', '1.234,5,6', '12.34,5', '--1', '1-2', ',', '€']) {
      expect(parseNumber(text), text).toBeNull();
    }
  });

  it('reads back every number and amount the app writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('fr' as const, 'en' as const),
        (units, digits, locale) => {
          const value = units / 10 ** digits;
          expect(parseNumber(formatNumber(value, locale, 3), locale)).toBe(value);
          // + 0: a cent rounded to zero from below is -0, which reads back as 0.
          const cents = Math.round(value * 100) / 100 + 0;
          expect(parseNumber(formatEuro(cents, locale), locale)).toBe(cents);
        },
      ),
    );
  });
});
