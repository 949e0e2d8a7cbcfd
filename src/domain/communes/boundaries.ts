import { Boundary } from './commune.ts';

const NIS_PROPERTIES = ['nis', 'nisCode', 'nis_code', 'NIS', 'code', 'niscode', 'AdMuKey'] as const;

/**
 * Reads any GeoJSON FeatureCollection whose features carry a commune's NIS code in their properties, so a
 * better boundary file (e.g. Statbel's) can replace the bundled one without code changes.
 */
export function boundariesByNis(geojson: unknown): Map<string, Boundary> {
  const collection = geojson as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('not a GeoJSON FeatureCollection');
  }
  const result = new Map<string, Boundary>();
  for (const [index, raw] of collection.features.entries()) {
    const feature = raw as { properties?: Record<string, unknown>; geometry?: unknown };
    const key = NIS_PROPERTIES.map((p) => feature.properties?.[p]).find((v) => v !== undefined && v !== null);
    const nis = key === undefined ? '' : String(key).padStart(5, '0');
    if (!/^\d{5}$/.test(nis)) throw new Error(`feature ${index} has no NIS code in its properties`);
    const geometry = Boundary.safeParse(feature.geometry);
    if (!geometry.success) throw new Error(`feature ${index} (${nis}) has no Polygon or MultiPolygon geometry`);
    result.set(nis, geometry.data);
  }
  return result;
}
