import { densityPerKm2 } from '../../../domain/communes/facts.ts';
import { formatNumber, type Locale } from '../../../domain/shared/format.ts';
import type { BoundaryProperties } from './api.ts';

/**
 * A thematic layer of the province map: how to read one figure from each commune and write it. Later issues
 * add layers (mission phase, maturity, catalogue adoption…) by adding entries to `provinceLayers`.
 */
export type ChoroplethLayer = {
  id: string;
  /** i18n key of the layer's name, shown in the layer switcher and the legend's title */
  labelKey: string;
  /** i18n key of the unit, e.g. "inhabitants/km²" */
  unitKey: string;
  valueOf(commune: BoundaryProperties): number | null;
  format(value: number, locale: Locale): string;
};

export const densityLayer: ChoroplethLayer = {
  id: 'density',
  labelKey: 'map.layers.density',
  unitKey: 'units.perKm2',
  valueOf: (c) => densityPerKm2(c.population, c.areaKm2),
  format: (value, locale) => formatNumber(value, locale, 0),
};

export const provinceLayers: readonly ChoroplethLayer[] = [densityLayer];
