import {
  type CommuneMaturity,
  type DimensionBenchmark,
  MIN_COMPARABLE_COMMUNES,
} from '../../domain/diagnostic/benchmark.ts';
import type { MaturityModel } from '../../domain/diagnostic/model.ts';
import { overallMaturity, type ProvinceDiagnostic, type ProvinceOverview } from '../../domain/diagnostic/results.ts';
import { bandOf } from '../../domain/diagnostic/scoring.ts';
import { DIMENSIONS, type Dimension } from '../../domain/shared/dimensions.ts';

/** A diagnosed commune's stored means, with what it is comparable with and the guide its mission used. */
export type GuidedMaturity = CommuneMaturity & { guide: MaturityModel };

/** The latest diagnostic of a commune, as the repository reads it. */
export type LatestDiagnostic = {
  nisCode: string;
  communeName: string;
  population: number | null;
  missionId: string;
  missionTitle: string;
  interviews: number;
  dimensionScores: Record<string, number | null> | null;
  scoredAt: Date;
};

const perDimension = (value: (d: Dimension) => number | null) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, value(d)])) as Record<Dimension, number | null>;

/** The mean of each dimension over the diagnosed communes. */
export function provinceAverage(all: readonly CommuneMaturity[]): Record<Dimension, number | null> {
  return perDimension((d) => {
    const values = all.flatMap((c) => (typeof c.dimensions[d] === 'number' ? [c.dimensions[d] as number] : []));
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  });
}

/** One commune of the province view: its means, band (from its guide's bands) and z-scores within its group. */
export function presentProvinceCommune(
  row: LatestDiagnostic,
  maturity: GuidedMaturity,
  bench: Record<Dimension, DimensionBenchmark>,
): ProvinceDiagnostic {
  const { guide } = maturity;
  const dimensions = perDimension((d) => (row.dimensionScores?.[d] as number | null | undefined) ?? null);
  const overall = overallMaturity(dimensions);
  const band = overall === null ? null : bandOf(overall, guide.bands);
  return {
    nisCode: row.nisCode,
    communeName: row.communeName,
    population: row.population,
    missionId: row.missionId,
    missionTitle: row.missionTitle,
    interviews: row.interviews,
    dimensions,
    overall,
    band: band ? { key: band.key, label: band.label, interpretation: band.interpretation } : null,
    bandPosition: band ? { index: guide.bands.indexOf(band), of: guide.bands.length } : null,
    guide: { key: guide.key, version: guide.version, title: guide.title },
    zScores: perDimension((d) => {
      const s = bench[d].z;
      return s.computable ? (s.scores[row.nisCode] ?? null) : null;
    }),
    updatedAt: row.scoredAt.toISOString(),
  };
}

/** Which comparison each group of communes (same guide and scale) allows. */
export function presentBenchmark(
  groups: Map<string, GuidedMaturity[]>,
  benchmarks: Map<string, Record<Dimension, DimensionBenchmark>>,
): ProvinceOverview['benchmark'] {
  return {
    minimum: MIN_COMPARABLE_COMMUNES,
    groups: [...groups.values()].map((members) => {
      const { guide } = members[0]!;
      const bench = benchmarks.get(members[0]!.comparability ?? '')!;
      return {
        guideKey: guide.key,
        guideTitle: guide.title,
        communes: members.length,
        method: DIMENSIONS.some((d) => bench[d].method === 'z_scores') ? 'z_scores' : 'indicative',
      } as const;
    }),
  };
}

/** No province average for a caller who sees only their own commune. */
export const noAverage = () => perDimension(() => null);
