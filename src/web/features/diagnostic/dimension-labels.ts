import type { MaturityModel } from '../../../domain/diagnostic/model.ts';
import type { Dimension } from '../../../domain/shared/dimensions.ts';
import { formatDecimal, formatPercent as formatShare } from '../../../domain/shared/format.ts';

/** The six dimensions' colours, the same on the radar, the badges and the SWOT tags (AA on white for text). */
export const DIMENSION_COLOURS: Record<Dimension, string> = {
  living: '#a61e4d',
  mobility: '#1864ab',
  environment: '#2b8a3e',
  economy: '#a84300',
  people: '#5f3dc4',
  governance: '#0b7285',
};

/** Bands from the lowest to the highest: a sequential palette, light = low (used by the map and the badges). */
export const BAND_COLOURS = ['#fde2e1', '#ffd8a8', '#ffec99', '#b2f2bb', '#63e6be'] as const;

export function bandColour(bandKey: string | null | undefined, model: Pick<MaturityModel, 'bands'> | null): string {
  if (!bandKey || !model) return '#e9ecef';
  const index = model.bands.findIndex((b) => b.key === bandKey);
  if (index < 0) return '#e9ecef';
  return bandColourAt(index, model.bands.length);
}

/** The colour of the index-th band of a guide with `of` bands: guides with other bands share one palette. */
export function bandColourAt(index: number, of: number): string {
  return BAND_COLOURS[Math.round((index * (BAND_COLOURS.length - 1)) / Math.max(1, of - 1))]!;
}

/** "+0,4" / "−0,3": a difference with its sign (U+2212 minus, as French typography writes it). */
export function formatDifference(value: number | null | undefined, locale: 'fr' | 'en', digits = 1): string {
  if (value === null || value === undefined) return '–';
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return formatDecimal(0, locale, digits);
  return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded), locale, digits)}`;
}

/** "2,4" — one decimal, Belgian comma; a dash when not assessed. */
export function formatScore(value: number | null | undefined, locale: 'fr' | 'en', digits = 1): string {
  if (value === null || value === undefined) return '–';
  return formatDecimal(value, locale, digits);
}

export function formatPercent(value: number | null | undefined, locale: 'fr' | 'en'): string {
  if (value === null || value === undefined) return '–';
  return formatShare(value, locale);
}
