import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import {
  benchmarkByDimension,
  type CommuneMaturity,
  comparabilityOf,
  comparableWith,
  compareToPeers,
  MIN_COMPARABLE_COMMUNES,
} from './benchmark.ts';
import { Band, DimensionKey, GuideRef, IntervieweeType, type MaturityModel, scaleRange } from './model.ts';
import { type Aggregate, aggregateInterviewScores, bandOf, type InterviewScore } from './scoring.ts';
import { summarise } from './statistics.ts';

/**
 * The results of a diagnostic as screens and reports show them: each aggregate flattened (null when not assessed)
 * with its band, labels from the guide, the comparison with the province and similar communes, and z-scores.
 * One pure function builds it, so the web page, the PDF and the spreadsheet say the same thing.
 */

const Stat = {
  n: z.number().int().describe('interviews that gave a value'),
  mean: z.number().nullable().describe('null: not assessed'),
  sd: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  agreement: z.number().nullable().describe('1 = same answer from everybody, 0 = split between the extremes'),
};
const BandRef = z.object({ key: z.string(), label: z.string(), interpretation: z.string() }).nullable();

export const FactorResult = z.object({
  factorKey: z.string(),
  label: z.string(),
  dimension: DimensionKey,
  rural: z.boolean(),
  ...Stat,
  band: BandRef,
});
export type FactorResult = z.infer<typeof FactorResult>;

export const QuestionResult = z.object({
  questionKey: z.string(),
  text: z.string(),
  factorKey: z.string(),
  dimension: DimensionKey,
  ...Stat,
  dontKnow: z.number().int(),
});
export type QuestionResult = z.infer<typeof QuestionResult>;

export const DimensionResult = z.object({
  dimension: DimensionKey,
  label: z.string(),
  ...Stat,
  band: BandRef,
  factors: z.array(FactorResult),
});
export type DimensionResult = z.infer<typeof DimensionResult>;

const Average = z.object({ mean: z.number().nullable(), n: z.number().int() });
const BenchmarkMethod = z
  .enum(['z_scores', 'indicative'])
  .describe('z_scores: enough comparable communes; indicative: raw comparison with the province’s mean');

export const DiagnosticResultsView = z
  .object({
    missionId: z.uuid(),
    communeNis: z.string(),
    guide: GuideRef,
    guideTitle: z.string(),
    scale: z.array(z.object({ level: z.number().int(), label: z.string(), description: z.string() })),
    bands: z.array(Band),
    interviews: z.number().int(),
    overall: z.object({ mean: z.number().nullable(), band: BandRef, dimensionsAssessed: z.number().int() }),
    dimensions: z.array(DimensionResult),
    questions: z.array(QuestionResult),
    disagreements: z.object({ factors: z.array(FactorResult), questions: z.array(QuestionResult) }),
    byIntervieweeType: z.array(
      z.object({
        type: IntervieweeType,
        interviews: z.number().int(),
        dimensions: z.array(z.object({ dimension: DimensionKey, mean: z.number().nullable(), n: z.number().int() })),
      }),
    ),
    comparison: z.object({
      populationBand: z.object({ key: z.string(), label: z.string() }).nullable(),
      dimensions: z.array(
        z.object({ dimension: DimensionKey, own: z.number().nullable(), province: Average, peers: Average }),
      ),
    }),
    zScores: z
      .array(
        z.object({
          dimension: DimensionKey,
          z: z.number().nullable(),
          communes: z.number().int().describe('comparable communes with a value on this dimension, itself included'),
          method: BenchmarkMethod,
        }),
      )
      .describe(
        'this commune’s z-score per dimension among comparable communes; null (method indicative) below the minimum',
      ),
    benchmark: z
      .object({
        method: BenchmarkMethod.describe('z_scores when every assessed dimension has enough comparable communes'),
        minimum: z.number().int().describe('the fewest comparable communes a dimension needs for z-scores'),
        comparableCommunes: z
          .number()
          .int()
          .describe('diagnosed communes with the same guide and scale, itself included'),
        otherGuides: z.number().int().describe('diagnosed communes left out because their mission used another guide'),
      })
      .optional(),
  })
  .meta({ id: 'DiagnosticResults' });
export type DiagnosticResultsView = z.infer<typeof DiagnosticResultsView>;

function flat(aggregate: Aggregate) {
  return aggregate.assessed
    ? {
        n: aggregate.n,
        mean: aggregate.mean,
        sd: aggregate.sd,
        min: aggregate.min,
        max: aggregate.max,
        agreement: aggregate.agreement,
      }
    : { n: 0, mean: null, sd: null, min: null, max: null, agreement: null };
}

function bandRef(mean: number | null, bands: readonly Band[]) {
  if (mean === null) return null;
  const band = bandOf(mean, bands);
  return { key: band.key, label: band.label, interpretation: band.interpretation };
}

/** The overall maturity of a diagnostic: the mean of its assessed dimensions (each dimension weighs the same). */
export function overallMaturity(dimensions: Partial<Record<Dimension, number | null>>): number | null {
  const summary = summarise(DIMENSIONS.flatMap((d) => (typeof dimensions[d] === 'number' ? [dimensions[d]] : [])));
  return summary.assessed ? summary.mean : null;
}

export type ResultsInput = {
  missionId: string;
  commune: { nisCode: string; population: number | null };
  guide: MaturityModel;
  scores: readonly InterviewScore[];
  /** The latest diagnostic of every diagnosed commune of the province (this commune's own included or not). */
  province: readonly CommuneMaturity[];
};

export function buildResultsView(input: ResultsInput): DiagnosticResultsView {
  const { guide } = input;
  const results = aggregateInterviewScores(guide, input.scores);
  const factorInfo = new Map(guide.dimensions.flatMap((d) => d.factors.map((f) => [f.key, f] as const)));
  const questionText = new Map(
    guide.dimensions.flatMap((d) => d.factors.flatMap((f) => f.questions.map((q) => [q.key, q.text] as const))),
  );
  const factorView = (f: (typeof results.factors)[number]): FactorResult => {
    const stat = flat(f);
    const info = factorInfo.get(f.factorKey);
    return {
      factorKey: f.factorKey,
      label: info?.label ?? f.factorKey,
      dimension: f.dimension,
      rural: info?.rural ?? false,
      ...stat,
      band: bandRef(stat.mean, guide.bands),
    };
  };
  const questionView = (q: (typeof results.questions)[number]): QuestionResult => ({
    questionKey: q.questionKey,
    text: questionText.get(q.questionKey) ?? q.questionKey,
    factorKey: q.factorKey,
    dimension: q.dimension,
    ...flat(q),
    dontKnow: q.dontKnow,
  });
  const dimensions = guide.dimensions.map((d) => {
    const aggregate = results.dimensions.find((r) => r.dimension === d.key)!;
    const stat = flat(aggregate);
    return {
      dimension: d.key,
      label: d.label,
      ...stat,
      band: bandRef(stat.mean, guide.bands),
      factors: results.factors.filter((f) => f.dimension === d.key).map(factorView),
    };
  });
  const own = Object.fromEntries(dimensions.map((d) => [d.dimension, d.mean])) as Record<Dimension, number | null>;
  const overall = overallMaturity(own);
  return {
    missionId: input.missionId,
    communeNis: input.commune.nisCode,
    guide: results.guide,
    guideTitle: guide.title,
    scale: guide.scale.levels,
    bands: guide.bands,
    interviews: results.interviews,
    overall: {
      mean: overall,
      band: bandRef(overall, guide.bands),
      dimensionsAssessed: dimensions.filter((d) => d.mean !== null).length,
    },
    dimensions,
    questions: results.questions.map(questionView),
    disagreements: {
      factors: results.disagreements.factors.map(factorView),
      questions: results.disagreements.questions.map(questionView),
    },
    byIntervieweeType: results.byIntervieweeType.map((panel) => ({
      type: panel.type,
      interviews: panel.interviews,
      dimensions: panel.dimensions.map((d) => ({ dimension: d.dimension, mean: flat(d).mean, n: d.n })),
    })),
    ...benchmarkView(input, own, results.interviews > 0),
  };
}

/** The comparison with the province and similar communes, and the z-scores where enough communes are comparable. */
function benchmarkView(
  input: ResultsInput,
  own: Record<Dimension, number | null>,
  assessed: boolean,
): Pick<DiagnosticResultsView, 'comparison' | 'zScores' | 'benchmark'> {
  const self: CommuneMaturity = {
    nisCode: input.commune.nisCode,
    population: input.commune.population,
    dimensions: own,
    comparability: comparabilityOf({ key: input.guide.key, scale: scaleRange(input.guide) }),
  };
  const diagnosed = input.province.filter((c) => c.nisCode !== self.nisCode);
  const others = comparableWith(self, diagnosed);
  const comparison = compareToPeers(self, others);
  const bench = benchmarkByDimension(assessed ? [...others, self] : others);
  const assessedDimensions = DIMENSIONS.filter((d) => own[d] !== null);
  return {
    comparison: {
      populationBand: comparison.populationBand
        ? { key: comparison.populationBand.key, label: comparison.populationBand.label }
        : null,
      dimensions: comparison.dimensions,
    },
    zScores: DIMENSIONS.map((dimension) => {
      const { z: scores, communes, method } = bench[dimension];
      return { dimension, z: scores.computable ? (scores.scores[self.nisCode] ?? null) : null, communes, method };
    }),
    benchmark: {
      method:
        assessedDimensions.length > 0 && assessedDimensions.every((d) => bench[d].method === 'z_scores')
          ? 'z_scores'
          : 'indicative',
      minimum: MIN_COMPARABLE_COMMUNES,
      comparableCommunes: others.length + (assessed ? 1 : 0),
      otherGuides: diagnosed.length - others.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Province view

export const ProvinceDiagnostic = z
  .object({
    nisCode: z.string(),
    communeName: z.string(),
    population: z.number().nullable(),
    missionId: z.uuid(),
    missionTitle: z.string(),
    interviews: z.number().int(),
    dimensions: z.record(DimensionKey, z.number().nullable()),
    overall: z.number().nullable(),
    band: BandRef.describe('the band of the overall maturity in the bands of the guide this mission used'),
    bandPosition: z
      .object({ index: z.number().int(), of: z.number().int() })
      .nullable()
      .optional()
      .describe('where the band sits among its guide’s bands (0 = lowest), for a map colour that means the same'),
    guide: z.object({ key: z.string(), version: z.number().int(), title: z.string() }).optional(),
    zScores: z
      .record(DimensionKey, z.number().nullable())
      .describe('null where fewer comparable communes than the minimum have a value (see benchmark)'),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProvinceDiagnostic' });
export type ProvinceDiagnostic = z.infer<typeof ProvinceDiagnostic>;

export const ProvinceOverview = z
  .object({
    communes: z.array(ProvinceDiagnostic).describe('the latest diagnostic with interviews of each commune'),
    provinceAverage: z.record(DimensionKey, z.number().nullable()),
    benchmark: z
      .object({
        minimum: z.number().int(),
        groups: z
          .array(
            z.object({
              guideKey: z.string(),
              guideTitle: z.string(),
              communes: z.number().int(),
              method: BenchmarkMethod,
            }),
          )
          .describe('communes diagnosed with the same guide and scale: z-scores are computed within a group'),
      })
      .optional(),
  })
  .meta({ id: 'ProvinceDiagnosticOverview' });
export type ProvinceOverview = z.infer<typeof ProvinceOverview>;
