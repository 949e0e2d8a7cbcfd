import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';

/**
 * Comparing communes: z-scores across the communes diagnosed (as the European Smart Cities model does), and the
 * province and peer averages drawn on the radar. Peers are communes of similar size, as in LORDIMAS.
 */

// ---------------------------------------------------------------------------------------------------------------
// z-scores

export type ZScores =
  | { computable: true; mean: number; sd: number; scores: Record<string, number> }
  | { computable: false; reason: 'FEWER_THAN_TWO_VALUES' | 'TOO_FEW_COMPARABLE'; scores: Record<string, never> };

/**
 * z = (value − mean) / sd over the communes that have a value (null = not assessed, left out). sd is the
 * population standard deviation, so the z-scores have mean 0 and standard deviation 1 by that same definition.
 * When every commune has the same value nobody stands out: all z-scores are 0. Fewer than two values: not computable.
 */
export function zScores(valuesByCommune: Readonly<Record<string, number | null | undefined>>): ZScores {
  const present = Object.entries(valuesByCommune)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b));
  if (present.length < 2) return { computable: false, reason: 'FEWER_THAN_TWO_VALUES', scores: {} };
  const values = present.map(([, v]) => v);
  const mean = sortedSum(values) / values.length;
  const sd = Math.sqrt(sortedSum(values.map((v) => (v - mean) ** 2)) / values.length);
  const allEqual = values.every((v) => v === values[0]);
  const scores = Object.fromEntries(present.map(([nis, v]) => [nis, allEqual || sd === 0 ? 0 : (v - mean) / sd]));
  return { computable: true, mean: allEqual ? values[0]! : mean, sd: allEqual ? 0 : sd, scores };
}

/** z-scores of each dimension across communes. */
export function zScoresByDimension(communes: readonly CommuneMaturity[]): Record<Dimension, ZScores> {
  const entries = DIMENSIONS.map((dimension) => {
    const values = Object.fromEntries(communes.map((c) => [c.nisCode, c.dimensions[dimension] ?? null]));
    return [dimension, zScores(values)] as const;
  });
  return Object.fromEntries(entries) as Record<Dimension, ZScores>;
}

// ---------------------------------------------------------------------------------------------------------------
// When z-scores mean something

/**
 * The fewest comparable communes with a value on a dimension for its z-scores to be shown: 10. Two reasons.
 * (1) With n values and the population standard deviation, no z-score can exceed √(n − 1) in absolute value
 * (Shiffler 1988): with 2 communes every z-score is ±1, with 4 none can reach 2, so the score says more about how
 * many communes there are than about the commune. (2) The standard deviation itself is estimated from those n
 * values; its relative standard error is about 1/√(2(n − 1)), 50 % with 3 communes and under 25 % from 10 on.
 * Ten is also about a quarter of the province's 43 communes. Below it, the comparison is the raw one (the commune
 * beside the province's mean), said to be indicative.
 */
export const MIN_COMPARABLE_COMMUNES = 10;

/**
 * Communes are comparable when their diagnostics used the same guide (key) and scale: the same questions' themes and
 * the same bands. Scores from another guide are perceptions gathered with other questions, so they are neither in
 * the z-scores nor in the averages a commune is set beside.
 */
export function comparabilityOf(guide: { key: string; scale: { min: number; max: number } }): string {
  return `${guide.key}:${guide.scale.min}-${guide.scale.max}`;
}

export type BenchmarkMethod = 'z_scores' | 'indicative';

export interface DimensionBenchmark {
  method: BenchmarkMethod;
  /** Comparable communes with a value on this dimension (the commune itself included when it has one). */
  communes: number;
  z: ZScores;
}

/**
 * z-scores of each dimension among comparable communes, only where at least `minimum` of them have a value; other
 * dimensions are marked indicative with their count, so a reader can be told why no z-score is shown.
 */
export function benchmarkByDimension(
  comparable: readonly CommuneMaturity[],
  minimum: number = MIN_COMPARABLE_COMMUNES,
): Record<Dimension, DimensionBenchmark> {
  const z = zScoresByDimension(comparable);
  const entries = DIMENSIONS.map((dimension) => {
    const communes = comparable.filter((c) => typeof c.dimensions[dimension] === 'number').length;
    const enough = communes >= minimum && z[dimension].computable;
    const benchmark: DimensionBenchmark = enough
      ? { method: 'z_scores', communes, z: z[dimension] }
      : { method: 'indicative', communes, z: { computable: false, reason: 'TOO_FEW_COMPARABLE', scores: {} } };
    return [dimension, benchmark] as const;
  });
  return Object.fromEntries(entries) as Record<Dimension, DimensionBenchmark>;
}

/** The communes comparable with `self` (same comparability key; communes without one are comparable together). */
export function comparableWith<T extends Pick<CommuneMaturity, 'comparability'>>(
  self: Pick<CommuneMaturity, 'comparability'>,
  communes: readonly T[],
): T[] {
  return communes.filter((c) => (c.comparability ?? null) === (self.comparability ?? null));
}

function sortedSum(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b).reduce((total, v) => total + v, 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Population bands

export type PopulationBand = { key: string; label: string; min: number; max: number | null };

/**
 * Size bands for the Province of Luxembourg (Statbel, 1 January 2020): 18 communes under 5 000 inhabitants,
 * 19 from 5 000 to 9 999, 7 from 10 000 (Arlon, the largest, has about 30 000). A "more than 20 000" band would hold
 * Arlon alone, leaving it no peers, so the province has three bands. Labels are French: they are shown as they are.
 */
export const POPULATION_BANDS: readonly PopulationBand[] = [
  { key: 'under_5000', label: 'moins de 5 000 habitants', min: 0, max: 5_000 },
  { key: 'from_5000_to_9999', label: '5 000 à 9 999 habitants', min: 5_000, max: 10_000 },
  { key: 'from_10000', label: '10 000 habitants et plus', min: 10_000, max: null },
];

/** The band of a population: min inclusive, max exclusive. */
export function populationBand(
  population: number,
  bands: readonly PopulationBand[] = POPULATION_BANDS,
): PopulationBand {
  const band = bands.find((b) => population >= b.min && (b.max === null || population < b.max));
  if (!band || !Number.isFinite(population)) {
    throw new DomainError('POPULATION_OUT_OF_BANDS', `no population band for ${population}`, { population });
  }
  return band;
}

// ---------------------------------------------------------------------------------------------------------------
// Province and peers

/** A diagnosed commune's maturity per dimension (null: not assessed). */
export interface CommuneMaturity {
  nisCode: string;
  population: number | null;
  dimensions: Partial<Record<Dimension, number | null>>;
  /** comparabilityOf(its guide); absent: comparable with every other commune without one. */
  comparability?: string;
}

export type Average = { mean: number | null; n: number };

export interface PeerComparison {
  nisCode: string;
  populationBand: PopulationBand | null;
  dimensions: { dimension: Dimension; own: number | null; province: Average; peers: Average }[];
}

/**
 * For the radar: this commune's score per dimension beside the average of the other diagnosed communes of the
 * province and of the others in its population band. The commune is left out of both averages, so with few
 * communes diagnosed it is not compared with itself; n tells the reader how many communes an average rests on.
 * Communes without a known population count for the province, not for any peer group.
 */
export function compareToPeers(
  commune: CommuneMaturity,
  communes: readonly CommuneMaturity[],
  bands: readonly PopulationBand[] = POPULATION_BANDS,
): PeerComparison {
  const band = commune.population === null ? null : populationBand(commune.population, bands);
  const others = communes.filter((c) => c.nisCode !== commune.nisCode);
  const peers =
    band === null
      ? []
      : others.filter((c) => c.population !== null && populationBand(c.population, bands).key === band.key);
  return {
    nisCode: commune.nisCode,
    populationBand: band,
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      own: commune.dimensions[dimension] ?? null,
      province: averageOf(others, dimension),
      peers: averageOf(peers, dimension),
    })),
  };
}

function averageOf(communes: readonly CommuneMaturity[], dimension: Dimension): Average {
  const values = communes.flatMap((c) => {
    const value = c.dimensions[dimension];
    return typeof value === 'number' ? [value] : [];
  });
  return { mean: values.length === 0 ? null : sortedSum(values) / values.length, n: values.length };
}
