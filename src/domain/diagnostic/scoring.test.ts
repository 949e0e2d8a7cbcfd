import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { factor, question } from './guide-fr-v1/build.ts';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { type Answer, INTERVIEWEE_TYPES, type Interview, type IntervieweeType, type MaturityModel } from './model.ts';
import {
  aggregateInterviewScores,
  aggregateInterviews,
  bandOf,
  type DiagnosticResults,
  dimensionScoresOf,
  type InterviewScore,
  scoreInterview,
} from './scoring.ts';

const levels = ['zéro.', 'un.', 'deux.', 'trois.', 'quatre.'] as const;

/** A small guide: mobility has two factors (a: two questions, b: one), every other dimension one question. */
const SMALL: MaturityModel = {
  ...GUIDE_FR_V1,
  key: 'small',
  dimensions: DIMENSIONS.map((dimension) => ({
    key: dimension,
    label: dimension,
    description: dimension,
    factors:
      dimension === 'mobility'
        ? [
            factor('a', 'A', 'A', false, [question('a1', 'A1 ?', levels), question('a2', 'A2 ?', levels)]),
            factor('b', 'B', 'B', true, [question('b1', 'B1 ?', levels)]),
          ]
        : [factor(`${dimension}_f`, 'F', 'F', false, [question(`${dimension}_q`, 'Q ?', levels)])],
  })),
};

const interviewOf = (
  guide: MaturityModel,
  answers: Record<string, number | null>,
  type: IntervieweeType = 'citizen',
): Interview => ({
  guide: { key: guide.key, version: guide.version },
  resourcePerson: { type },
  answers: Object.entries(answers).map(([questionKey, level]) => ({ questionKey, level })),
});

const factorOf = (score: InterviewScore, key: string) => score.factors.find((f) => f.factorKey === key)!;
const dimensionOf = (score: InterviewScore | DiagnosticResults, key: Dimension) =>
  (score.dimensions as { dimension: Dimension }[]).find((d) => d.dimension === key)!;

describe('scoreInterview', () => {
  it('scores a factor as the mean of its answers and a dimension as the mean of its factors', () => {
    const score = scoreInterview(SMALL, interviewOf(SMALL, { a1: 4, a2: 3, b1: 1 }));
    expect(factorOf(score, 'a')).toMatchObject({ assessed: true, score: 3.5, answered: 2, questionCount: 2 });
    expect(factorOf(score, 'b')).toMatchObject({ assessed: true, score: 1, answered: 1 });
    // (3.5 + 1) / 2, not (4 + 3 + 1) / 3: every factor weighs the same in its dimension.
    expect(dimensionOf(score, 'mobility')).toMatchObject({ assessed: true, score: 2.25, factorsAssessed: 2 });
  });

  it('leaves out missing and "don’t know" answers instead of counting them as zero', () => {
    const score = scoreInterview(SMALL, interviewOf(SMALL, { a1: 4, a2: null }));
    expect(factorOf(score, 'a')).toMatchObject({ assessed: true, score: 4, answered: 1 });
    expect(factorOf(score, 'b')).toMatchObject({ assessed: false, answered: 0 });
    expect(dimensionOf(score, 'mobility')).toMatchObject({ assessed: true, score: 4, factorsAssessed: 1 });
    expect(score.questions.find((q) => q.questionKey === 'a2')).toMatchObject({ level: null, dontKnow: true });
    expect(score.questions.find((q) => q.questionKey === 'b1')).toMatchObject({ level: null, dontKnow: false });
  });

  it('says a dimension without answers is not assessed, not zero', () => {
    const score = scoreInterview(SMALL, interviewOf(SMALL, { a1: 2 }));
    expect(dimensionOf(score, 'economy')).toEqual({
      dimension: 'economy',
      factorCount: 1,
      assessed: false,
      factorsAssessed: 0,
    });
    expect(dimensionOf(score, 'economy')).not.toHaveProperty('score');
  });

  it('refuses an interview of another guide version, an unknown question or a level off the scale', () => {
    const otherVersion = { ...interviewOf(SMALL, {}), guide: { key: 'small', version: 2 } };
    expect(() => scoreInterview(SMALL, otherVersion)).toThrow(
      expect.objectContaining({ code: 'GUIDE_VERSION_MISMATCH' }),
    );
    expect(() => scoreInterview(SMALL, interviewOf(SMALL, { zz: 1 }))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_QUESTION' }),
    );
    expect(() => scoreInterview(SMALL, interviewOf(SMALL, { a1: 5 }))).toThrow(
      expect.objectContaining({ code: 'LEVEL_OUT_OF_SCALE' }),
    );
  });
});

describe('aggregateInterviews', () => {
  it('averages over the interviews that answered, with spread and agreement', () => {
    const results = aggregateInterviews(SMALL, [
      interviewOf(SMALL, { a1: 0, a2: 0 }, 'elected_official'),
      interviewOf(SMALL, { a1: 4, a2: 4, b1: 2 }, 'citizen'),
      interviewOf(SMALL, { living_q: 3 }, 'citizen'),
    ]);
    const a = results.factors.find((f) => f.factorKey === 'a')!;
    // Two interviews answered a: 0 and 4. The third did not, and does not count.
    expect(a).toMatchObject({ assessed: true, n: 2, mean: 2, sd: 2, min: 0, max: 4, agreement: 0 });
    const b = results.factors.find((f) => f.factorKey === 'b')!;
    expect(b).toMatchObject({ assessed: true, n: 1, mean: 2, agreement: null });
    expect(dimensionOf(results, 'living')).toMatchObject({ assessed: true, n: 1, mean: 3 });
    expect(dimensionOf(results, 'economy')).toEqual({
      dimension: 'economy',
      assessed: false,
      n: 0,
      agreement: null,
    });
    expect(results.interviews).toBe(3);
  });

  it('scores a dimension from the panel’s factor means, not from the interviews’ dimension scores', () => {
    const results = aggregateInterviews(SMALL, [
      interviewOf(SMALL, { a1: 4, b1: 0 }),
      interviewOf(SMALL, { a1: 2 }),
      interviewOf(SMALL, { a1: 0 }),
    ]);
    expect(results.factors.find((f) => f.factorKey === 'a')).toMatchObject({ mean: 2, n: 3 });
    expect(results.factors.find((f) => f.factorKey === 'b')).toMatchObject({ mean: 0, n: 1 });
    // Factors at 2 and 0 give 1; the interviews' dimension scores (2, 2, 0) would have given 4/3.
    const mobility = dimensionOf(results, 'mobility');
    expect(mobility).toMatchObject({ assessed: true, n: 3, mean: 1, min: 0, max: 2 });
    // Per type of interviewee, the same rule.
    expect(dimensionOf(results.byIntervieweeType[0] as unknown as DiagnosticResults, 'mobility')).toMatchObject({
      mean: 1,
    });
  });

  it('lists where the panel disagrees most, and leaves out what everybody agrees on', () => {
    const results = aggregateInterviews(SMALL, [
      interviewOf(SMALL, { a1: 0, a2: 2, b1: 3, people_q: 1 }),
      interviewOf(SMALL, { a1: 4, a2: 2, b1: 2, people_q: 1 }),
      interviewOf(SMALL, { a1: 3, a2: 2, b1: 3, people_q: 1 }),
    ]);
    expect(results.disagreements.questions.map((q) => q.questionKey)).toEqual(['a1', 'b1']);
    expect(results.disagreements.factors.map((f) => f.factorKey)).toEqual(['a', 'b']);
    const [first, second] = results.disagreements.questions;
    expect(first!.agreement!).toBeLessThan(second!.agreement!);
  });

  it('gives the results per type of interviewee, and counts "don’t know" answers', () => {
    const results = aggregateInterviews(SMALL, [
      interviewOf(SMALL, { a1: 4, a2: null }, 'elected_official'),
      interviewOf(SMALL, { a1: 3 }, 'elected_official'),
      interviewOf(SMALL, { a1: 1, a2: null }, 'citizen'),
    ]);
    expect(results.byIntervieweeType.map((t) => [t.type, t.interviews])).toEqual([
      ['elected_official', 2],
      ['citizen', 1],
    ]);
    const elected = results.byIntervieweeType[0]!;
    expect(dimensionOf(elected as unknown as DiagnosticResults, 'mobility')).toMatchObject({ mean: 3.5, n: 2 });
    expect(results.questions.find((q) => q.questionKey === 'a2')).toMatchObject({ assessed: false, dontKnow: 2 });
  });

  it('feeds the benchmark with one score per dimension, null when not assessed', () => {
    const results = aggregateInterviews(SMALL, [interviewOf(SMALL, { a1: 2, living_q: 4 })]);
    expect(dimensionScoresOf(results)).toEqual({
      living: 4,
      mobility: 2,
      environment: null,
      economy: null,
      people: null,
      governance: null,
    });
  });

  it('refuses scores made with another guide version', () => {
    const score = scoreInterview(SMALL, interviewOf(SMALL, { a1: 1 }));
    expect(() => aggregateInterviewScores(GUIDE_FR_V1, [score])).toThrow(
      expect.objectContaining({ code: 'GUIDE_VERSION_MISMATCH' }),
    );
  });
});

describe('bandOf', () => {
  const bands = GUIDE_FR_V1.bands;
  it('finds the band of a score, each band holding the scores that round to one level', () => {
    expect(bandOf(0, bands).label).toBe('Initiation');
    expect(bandOf(0.49, bands).label).toBe('Initiation');
    expect(bandOf(0.5, bands).label).toBe('Exploration');
    expect(bandOf(2.2, bands).label).toBe('Structuration');
    expect(bandOf(3.49, bands).label).toBe('Intégration');
    expect(bandOf(3.5, bands).label).toBe('Référence');
    expect(bandOf(4, bands)).toMatchObject({ key: 'reference', interpretation: expect.stringContaining('référence') });
  });

  it('refuses a score outside the scale', () => {
    for (const score of [-0.01, 4.01, Number.NaN]) {
      expect(() => bandOf(score, bands)).toThrow(expect.objectContaining({ code: 'SCORE_OUT_OF_SCALE' }));
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties, on the seeded guide

const GUIDE = GUIDE_FR_V1;
const QUESTION_KEYS = GUIDE.dimensions.flatMap((d) => d.factors.flatMap((f) => f.questions.map((q) => q.key)));
const QUESTIONS_BY_DIMENSION = new Map(
  GUIDE.dimensions.map((d) => [d.key, new Set(d.factors.flatMap((f) => f.questions.map((q) => q.key)))]),
);

/** Interviews as they come: many questions skipped, some "don't know", any type of interviewee. */
const anInterview: fc.Arbitrary<Interview> = fc
  .record({
    type: fc.constantFrom(...INTERVIEWEE_TYPES),
    given: fc.array(
      fc.oneof(
        { arbitrary: fc.constant<'skipped'>('skipped'), weight: 3 },
        { arbitrary: fc.constant(null), weight: 1 },
        { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 4 },
      ),
      { minLength: QUESTION_KEYS.length, maxLength: QUESTION_KEYS.length },
    ),
  })
  .map(({ type, given }) => ({
    guide: { key: GUIDE.key, version: GUIDE.version },
    resourcePerson: { type },
    answers: given.flatMap((level, i): Answer[] =>
      level === 'skipped' ? [] : [{ questionKey: QUESTION_KEYS[i]!, level }],
    ),
  }));
const aPanel = fc.array(anInterview, { minLength: 1, maxLength: 8 });
const RUNS = { numRuns: 60 };

/** Every number a result reports, with where it is, for range checks. */
function meansOf(results: DiagnosticResults) {
  return [...results.questions, ...results.factors, ...results.dimensions].flatMap((a) => (a.assessed ? [a] : []));
}

describe('scoring properties', () => {
  it('keeps every score within the scale and every agreement within [0, 1]', () => {
    const within = (x: number) => x >= 0 && x <= 4;
    fc.assert(
      fc.property(aPanel, (panel) => {
        const outside = panel.flatMap((interview) => {
          const score = scoreInterview(GUIDE, interview);
          return [...score.factors, ...score.dimensions].filter((item) => item.assessed && !within(item.score));
        });
        const results = aggregateInterviews(GUIDE, panel);
        const offAggregates = meansOf(results).filter(
          (item) =>
            !within(item.mean) ||
            !within(item.min) ||
            !within(item.max) ||
            (!('dimension' in item && !('factorKey' in item)) && (item.mean < item.min || item.mean > item.max)) ||
            (item.agreement !== null && (item.agreement < 0 || item.agreement > 1)),
        );
        // A dimension's mean comes from its factors' means (its range is the interviewees' dimension scores).
        const offDimensions = results.dimensions.filter((d) => {
          if (!d.assessed) return false;
          const factorMeans = results.factors.flatMap((f) =>
            f.dimension === d.dimension && f.assessed ? [f.mean] : [],
          );
          return d.mean < Math.min(...factorMeans) - 1e-12 || d.mean > Math.max(...factorMeans) + 1e-12;
        });
        expect([...outside, ...offAggregates, ...offDimensions]).toEqual([]);
      }),
      RUNS,
    );
  });

  it('does not let missing answers lower a score: a factor stays between its lowest and highest answer', () => {
    fc.assert(
      fc.property(anInterview, (interview) => {
        const score = scoreInterview(GUIDE, interview);
        const given = new Map(interview.answers.map((a) => [a.questionKey, a.level]));
        for (const dimension of GUIDE.dimensions) {
          for (const f of dimension.factors) {
            const values = f.questions.flatMap((q) => {
              const level = given.get(q.key);
              return level === undefined || level === null ? [] : [level];
            });
            const result = factorOf(score, f.key);
            if (values.length === 0) expect(result.assessed).toBe(false);
            else if (result.assessed) {
              expect(result.score).toBeGreaterThanOrEqual(Math.min(...values));
              expect(result.score).toBeLessThanOrEqual(Math.max(...values));
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same scores whether an unanswered question is skipped or answered "don’t know"', () => {
    fc.assert(
      fc.property(anInterview, (interview) => {
        const answered = new Set(interview.answers.map((a) => a.questionKey));
        const withDontKnow = {
          ...interview,
          answers: [
            ...interview.answers,
            ...QUESTION_KEYS.filter((k) => !answered.has(k)).map((questionKey) => ({ questionKey, level: null })),
          ],
        };
        const a = scoreInterview(GUIDE, interview);
        const b = scoreInterview(GUIDE, withDontKnow);
        expect(b.factors).toEqual(a.factors);
        expect(b.dimensions).toEqual(a.dimensions);
      }),
      RUNS,
    );
  });

  it('reports a dimension nobody answered as not assessed, never as zero', () => {
    fc.assert(
      fc.property(aPanel, fc.constantFrom(...DIMENSIONS), (panel, dimension) => {
        const silent = QUESTIONS_BY_DIMENSION.get(dimension)!;
        const withoutDimension = panel.map((i) => ({
          ...i,
          answers: i.answers.filter((a) => !silent.has(a.questionKey)),
        }));
        const results = aggregateInterviews(GUIDE, withoutDimension);
        expect(dimensionOf(results, dimension)).toEqual({ dimension, assessed: false, n: 0, agreement: null });
        for (const f of results.factors.filter((x) => x.dimension === dimension)) expect(f.assessed).toBe(false);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the interviews', () => {
    fc.assert(
      fc.property(
        aPanel.chain((panel) => fc.tuple(fc.constant(panel), fc.shuffledSubarray(panel, { minLength: panel.length }))),
        ([panel, shuffled]) => {
          expect(aggregateInterviews(GUIDE, shuffled)).toEqual(aggregateInterviews(GUIDE, panel));
        },
      ),
      RUNS,
    );
  });

  it('leaves every mean unchanged when an interview identical to the current mean is added', () => {
    fc.assert(
      fc.property(aPanel, (panel) => {
        const scores = panel.map((i) => scoreInterview(GUIDE, i));
        const before = aggregateInterviewScores(GUIDE, scores);
        const average: InterviewScore = {
          guide: scores[0]!.guide,
          intervieweeType: 'other',
          questions: before.questions.map((q) => ({
            questionKey: q.questionKey,
            factorKey: q.factorKey,
            level: q.assessed ? q.mean : null,
            dontKnow: false,
          })),
          factors: before.factors.map((f) => ({
            factorKey: f.factorKey,
            dimension: f.dimension,
            questionCount: 0,
            ...(f.assessed ? { assessed: true, score: f.mean, answered: 1 } : { assessed: false, answered: 0 }),
          })),
          dimensions: before.dimensions.map((d) => ({
            dimension: d.dimension,
            factorCount: 0,
            ...(d.assessed
              ? { assessed: true, score: d.mean, factorsAssessed: 1 }
              : { assessed: false, factorsAssessed: 0 }),
          })),
        };
        const after = aggregateInterviewScores(GUIDE, [...scores, average]);
        const changed = [
          ...before.questions.map((q, i) => [q, after.questions[i]!] as const),
          ...before.factors.map((f, i) => [f, after.factors[i]!] as const),
          ...before.dimensions.map((d, i) => [d, after.dimensions[i]!] as const),
        ].filter(([b, a]) =>
          a.assessed && b.assessed ? Math.abs(a.mean - b.mean) > 1e-10 || a.n !== b.n + 1 : a.assessed !== b.assessed,
        );
        expect(changed).toEqual([]);
      }),
      RUNS,
    );
  });

  it('leaves the means unchanged when a real interview answering the panel’s (whole) mean is added', () => {
    // A panel and its mirror image (level ↦ 4 − level) average exactly 2 on every question they answer.
    fc.assert(
      fc.property(aPanel, (panel) => {
        const mirrored = panel.flatMap((i) => [
          i,
          { ...i, answers: i.answers.map((a) => ({ ...a, level: a.level === null ? null : 4 - a.level })) },
        ]);
        const answered = new Set(
          panel.flatMap((i) => i.answers.filter((a) => a.level !== null)).map((a) => a.questionKey),
        );
        const atTheMean = interviewOf(GUIDE, Object.fromEntries([...answered].map((k) => [k, 2])));
        const before = aggregateInterviews(GUIDE, mirrored);
        const after = aggregateInterviews(GUIDE, [...mirrored, atTheMean]);
        const afterItems = [...after.factors, ...after.dimensions];
        const changed = [...before.factors, ...before.dimensions].filter((b, i) => {
          const a = afterItems[i]!;
          return a.assessed && b.assessed ? Math.abs(a.mean - b.mean) > 1e-10 : a.assessed !== b.assessed;
        });
        expect(changed).toEqual([]);
      }),
      RUNS,
    );
  });

  it('measures full agreement (1, no spread, no disagreement) when everybody answers the same', () => {
    fc.assert(
      fc.property(anInterview, fc.integer({ min: 2, max: 6 }), (interview, copies) => {
        const results = aggregateInterviews(
          GUIDE,
          Array.from({ length: copies }, () => interview),
        );
        expect(meansOf(results).filter((item) => item.agreement !== 1 || item.sd !== 0)).toEqual([]);
        expect(results.disagreements).toEqual({ factors: [], questions: [] });
      }),
      RUNS,
    );
  });
});
