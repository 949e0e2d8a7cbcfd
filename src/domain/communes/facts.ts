/**
 * The communes' plain facts and calculations, without their zod schemas: the web pages that show the province
 * (the first page most visitors open) import these and so do not download zod (decision 105).
 */
export const ARRONDISSEMENTS = ['Arlon', 'Bastogne', 'Marche-en-Famenne', 'Neufchâteau', 'Virton'] as const;

export const SITE_KINDS = ['tourism', 'culture', 'sport', 'education', 'business-park', 'other'] as const;

export function densityPerKm2(population: number | null, areaKm2: number | null): number | null {
  if (population == null || areaKm2 == null || areaKm2 <= 0) return null;
  return Math.round((population / areaKm2) * 10) / 10;
}

/** A commune is current on `date` unless it merged into another on or before that date. */
export function isCurrentOn(commune: { mergedOn: string | null }, date: string): boolean {
  return commune.mergedOn == null || commune.mergedOn > date;
}
