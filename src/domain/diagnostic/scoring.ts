import type { Dimension } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';
import {
  type Band,
  checkInterview,
  type GuideRef,
  INTERVIEWEE_TYPES,
  type Interview,
  type IntervieweeType,
  type MaturityModel,
  scaleRange,
} from './model.ts';
import { agreementIndex, type Summary, summarise } from './statistics.ts';

/** Bumped when the way a panel is aggregated changes: stored dimension means of an older method are scored again. */
export const SCORING_METHOD = 2;

/**
 * Scoring follows the European Smart Cities model: question → factor → dimension, each level the mean of the values
 * present below it. A missing answer (not asked, or "don't know") is left out, never counted as zero, so it cannot
 * sink a score; a factor or dimension with nothing below it is "not assessed".
 */

// ---------------------------------------------------------------------------------------------------------------
// One interview

/** level is null when the question was not asked or the person did not know; dontKnow tells the two apart. */
export type QuestionLevel = { questionKey: string; factorKey: string; level: number | null; dontKnow: boolean };

export type FactorScore = { factorKey: string; dimension: Dimension; questionCount: number } & (
  | { assessed: true; score: number; answered: number }
  | { assessed: false; answered: 0 }
);

export type DimensionScore = { dimension: Dimension; factorCount: number } & (
  | { assessed: true; score: number; factorsAssessed: number }
  | { assessed: false; factorsAssessed: 0 }
);

export interface InterviewScore {
  guide: GuideRef;
  intervieweeType: IntervieweeType;
  /** Every question of the guide, in guide order. */
  questions: QuestionLevel[];
  factors: FactorScore[];
  dimensions: DimensionScore[];
}

/** Scores one interview with the guide version it was recorded with; refuses an interview of another version. */
export function scoreInterview(guide: MaturityModel, interview: Interview): InterviewScore {
  const issue = checkInterview(guide, interview)[0];
  if (issue) throw new DomainError(issue.code, issue.message);
  const answers = new Map(interview.answers.map((a) => [a.questionKey, a.level]));
  const questions: QuestionLevel[] = [];
  const factors: FactorScore[] = [];
  const dimensions: DimensionScore[] = [];
  for (const dimension of guide.dimensions) {
    const factorScores: number[] = [];
    for (const factor of dimension.factors) {
      const answered: number[] = [];
      for (const question of factor.questions) {
        const level = answers.get(question.key) ?? null;
        const dontKnow = answers.has(question.key) && level === null;
        questions.push({ questionKey: question.key, factorKey: factor.key, level, dontKnow });
        if (level !== null) answered.push(level);
      }
      const base = { factorKey: factor.key, dimension: dimension.key, questionCount: factor.questions.length };
      const summary = summarise(answered);
      if (summary.assessed) {
        factors.push({ ...base, assessed: true, score: summary.mean, answered: summary.n });
        factorScores.push(summary.mean);
      } else {
        factors.push({ ...base, assessed: false, answered: 0 });
      }
    }
    const summary = summarise(factorScores);
    const base = { dimension: dimension.key, factorCount: dimension.factors.length };
    dimensions.push(
      summary.assessed
        ? { ...base, assessed: true, score: summary.mean, factorsAssessed: summary.n }
        : { ...base, assessed: false, factorsAssessed: 0 },
    );
  }
  return {
    guide: { key: guide.key, version: guide.version },
    intervieweeType: interview.resourcePerson.type,
    questions,
    factors,
    dimensions,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// A panel of interviews

/** Summary over the interviews that gave a value, with the agreement index (statistics.ts). */
export type Aggregate = Summary & { agreement: number | null };
export type QuestionAggregate = Aggregate & {
  questionKey: string;
  factorKey: string;
  dimension: Dimension;
  /** Interviewees who answered "don't know": many of them is a finding too (the topic is not known). */
  dontKnow: number;
};
export type FactorAggregate = Aggregate & { factorKey: string; dimension: Dimension };
export type DimensionAggregate = Aggregate & { dimension: Dimension };

export interface PanelResults {
  interviews: number;
  factors: FactorAggregate[];
  dimensions: DimensionAggregate[];
}

export interface DiagnosticResults extends PanelResults {
  guide: GuideRef;
  questions: QuestionAggregate[];
  /** The same results for each type of interviewee heard (elected officials vs citizens…), in a stable order. */
  byIntervieweeType: (PanelResults & { type: IntervieweeType })[];
  /** Where the panel disagrees most: lowest agreement first; only items with at least two differing values. */
  disagreements: { factors: FactorAggregate[]; questions: QuestionAggregate[] };
}

export type AggregateOptions = { /** how many items each disagreement list keeps; default 10 */ top?: number };

/**
 * Aggregates a panel: answers → factors → dimensions. A factor's mean is over the interviews that assessed it (each
 * interview's factor score being the mean of its answers), not over all interviews, so an interviewee who skipped a
 * theme does not pull it down; a dimension's mean is the mean of its factors' panel means (method 2; method 1
 * averaged the interviews' dimension scores, which let a factor answered by few weigh more or less than the others). Spread is reported as the population
 * standard deviation and the range (min–max): with the 2 to 40 interviews of a mission a range reads plainly
 * ("answers went from 1 to 4") where an inter-quartile range would be unstable and depend on the interpolation rule.
 */
export function aggregateInterviews(
  guide: MaturityModel,
  interviews: readonly Interview[],
  options: AggregateOptions = {},
): DiagnosticResults {
  return aggregateInterviewScores(
    guide,
    interviews.map((interview) => scoreInterview(guide, interview)),
    options,
  );
}

/** As aggregateInterviews, from interviews already scored (lets a caller score each interview once and cache it). */
export function aggregateInterviewScores(
  guide: MaturityModel,
  scores: readonly InterviewScore[],
  options: AggregateOptions = {},
): DiagnosticResults {
  for (const score of scores) {
    if (score.guide.key !== guide.key || score.guide.version !== guide.version) {
      throw new DomainError(
        'GUIDE_VERSION_MISMATCH',
        `a score of ${score.guide.key} v${score.guide.version} was given`,
      );
    }
  }
  const scale = scaleRange(guide);
  const aggregate = (values: number[]): Aggregate => {
    const summary = summarise(values);
    return { ...summary, agreement: agreementIndex(summary, scale) };
  };

  const indexed = scores.map(indexScore);
  const questions: QuestionAggregate[] = [];
  for (const dimension of guide.dimensions) {
    for (const factor of dimension.factors) {
      for (const question of factor.questions) {
        const given = indexed.flatMap((s) => s.questions.get(question.key) ?? []);
        questions.push({
          ...aggregate(given.flatMap((q) => (q.level === null ? [] : [q.level]))),
          questionKey: question.key,
          factorKey: factor.key,
          dimension: dimension.key,
          dontKnow: given.filter((q) => q.dontKnow).length,
        });
      }
    }
  }
  const panel = aggregatePanel(guide, indexed, aggregate);
  const top = options.top ?? 10;
  return {
    guide: { key: guide.key, version: guide.version },
    ...panel,
    questions,
    byIntervieweeType: INTERVIEWEE_TYPES.flatMap((type) => {
      const ofType = indexed.filter((s) => s.intervieweeType === type);
      return ofType.length === 0 ? [] : [{ type, ...aggregatePanel(guide, ofType, aggregate) }];
    }),
    disagreements: {
      factors: mostDisagreement(panel.factors, (f) => f.factorKey).slice(0, top),
      questions: mostDisagreement(questions, (q) => q.questionKey).slice(0, top),
    },
  };
}

type IndexedScore = {
  intervieweeType: IntervieweeType;
  questions: Map<string, QuestionLevel>;
  factors: Map<string, FactorScore>;
  dimensions: Map<Dimension, DimensionScore>;
};

function indexScore(score: InterviewScore): IndexedScore {
  return {
    intervieweeType: score.intervieweeType,
    questions: new Map(score.questions.map((q) => [q.questionKey, q])),
    factors: new Map(score.factors.map((f) => [f.factorKey, f])),
    dimensions: new Map(score.dimensions.map((d) => [d.dimension, d])),
  };
}

function aggregatePanel(
  guide: MaturityModel,
  scores: readonly IndexedScore[],
  aggregate: (values: number[]) => Aggregate,
): PanelResults {
  const factors: FactorAggregate[] = [];
  const dimensions: DimensionAggregate[] = [];
  for (const dimension of guide.dimensions) {
    for (const factor of dimension.factors) {
      const values = scores.flatMap((s) => {
        const found = s.factors.get(factor.key);
        return found?.assessed ? [found.score] : [];
      });
      factors.push({ ...aggregate(values), factorKey: factor.key, dimension: dimension.key });
    }
    // The dimension's score is the mean of the panel's factor means (dimensions from factors, as each interview is
    // scored), so factors at 2 and 0 give 1 whoever answered what. Its spread and agreement stay those of the
    // interviewees' own dimension scores: they tell how far the people heard disagree on the theme.
    const people = aggregate(
      scores.flatMap((s) => {
        const found = s.dimensions.get(dimension.key);
        return found?.assessed ? [found.score] : [];
      }),
    );
    const fromFactors = summarise(
      factors.flatMap((f) => (f.dimension === dimension.key && f.assessed ? [f.mean] : [])),
    );
    dimensions.push(
      people.assessed && fromFactors.assessed
        ? { ...people, mean: fromFactors.mean, dimension: dimension.key }
        : { ...people, dimension: dimension.key },
    );
  }
  return { interviews: scores.length, factors, dimensions };
}

function mostDisagreement<T extends Aggregate>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return items
    .filter((item) => item.assessed && item.n >= 2 && item.sd > 0)
    .sort((a, b) => {
      const sdA = a.assessed ? a.sd : 0;
      const sdB = b.assessed ? b.sd : 0;
      return sdB - sdA || b.n - a.n || keyOf(a).localeCompare(keyOf(b));
    });
}

// ---------------------------------------------------------------------------------------------------------------
// Bands

/** The band a score falls in: [from, to) and the last band closed, so the top of the scale has a band. */
export function bandOf(score: number, bands: readonly Band[]): Band {
  const last = bands[bands.length - 1];
  const band = bands.find((b) => score >= b.from && score < b.to) ?? (last && score === last.to ? last : undefined);
  if (!band || !Number.isFinite(score)) {
    throw new DomainError('SCORE_OUT_OF_SCALE', `score ${score} is outside the bands`, { score });
  }
  return band;
}

/** Mean per dimension of a diagnostic, null when not assessed: what benchmarks and the radar compare. */
export function dimensionScoresOf(results: Pick<PanelResults, 'dimensions'>): Record<Dimension, number | null> {
  const entries = results.dimensions.map((d) => [d.dimension, d.assessed ? d.mean : null] as const);
  return Object.fromEntries(entries) as Record<Dimension, number | null>;
}
