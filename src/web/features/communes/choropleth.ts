/**
 * Classes for a choropleth map: quantile breaks (each class holds about the same number of communes, which
 * suits skewed figures such as population density), the class of a value, and the legend.
 */

/** Five steps of a colour-blind-safe sequential scheme (ColorBrewer YlGnBu), light = low. */
export const SEQUENTIAL_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
export const NO_DATA_COLOUR = '#d9d9d9';

/**
 * The boundaries of `classes` quantile classes: an ascending list that starts at the minimum and ends at the
 * maximum. Equal values never straddle a break, so ties can give fewer classes than asked.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  if (!Number.isInteger(classes) || classes < 1) throw new RangeError('classes must be a positive integer');
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  if (min === max) return [min, max];
  const breaks = [min];
  for (let i = 1; i < classes; i++) {
    const position = (i * sorted.length) / classes;
    // The break sits between the last value of class i-1 and the first of class i.
    const below = sorted[Math.max(0, Math.ceil(position) - 1)]!;
    const above = sorted[Math.min(sorted.length - 1, Math.ceil(position))]!;
    const value = (below + above) / 2;
    if (value > breaks[breaks.length - 1]! && value < max) breaks.push(value);
  }
  breaks.push(max);
  return breaks;
}

/** The class (0-based) that `value` falls in; a value on a break belongs to the upper class, the maximum to the last. */
export function classOf(value: number, breaks: readonly number[]): number {
  const classes = Math.max(1, breaks.length - 1);
  for (let i = 1; i < breaks.length - 1; i++) {
    if (value < breaks[i]!) return i - 1;
  }
  return classes - 1;
}

/** Spreads a palette over fewer classes so the darkest colour always marks the top class. */
export function paletteFor(classes: number, palette: readonly string[] = SEQUENTIAL_PALETTE): string[] {
  if (classes <= 0) return [];
  if (classes === 1) return [palette[Math.floor(palette.length / 2)]!];
  return Array.from({ length: classes }, (_, i) => palette[Math.round((i * (palette.length - 1)) / (classes - 1))]!);
}

export type LegendEntry = { from: number; to: number; colour: string; label: string };

export function legendEntries(
  breaks: readonly number[],
  format: (value: number) => string,
  palette: readonly string[] = SEQUENTIAL_PALETTE,
): LegendEntry[] {
  const classes = breaks.length - 1;
  if (classes < 1) return [];
  const colours = paletteFor(classes, palette);
  return colours.map((colour, i) => {
    const from = breaks[i]!;
    const to = breaks[i + 1]!;
    return { from, to, colour, label: `${format(from)} – ${format(to)}` };
  });
}

export type Choropleth = {
  breaks: number[];
  colourOf(value: number | null | undefined): string;
  legend: LegendEntry[];
};

/** Everything a map layer needs to colour its shapes from their values. */
export function buildChoropleth(
  values: readonly (number | null | undefined)[],
  format: (value: number) => string,
  classes = SEQUENTIAL_PALETTE.length,
): Choropleth {
  const breaks = quantileBreaks(
    values.filter((v): v is number => typeof v === 'number'),
    classes,
  );
  const colours = paletteFor(Math.max(0, breaks.length - 1));
  return {
    breaks,
    colourOf: (value) =>
      typeof value === 'number' && colours.length > 0 ? colours[classOf(value, breaks)]! : NO_DATA_COLOUR,
    legend: legendEntries(breaks, format),
  };
}
