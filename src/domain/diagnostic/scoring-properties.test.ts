import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { type Answer, INTERVIEWEE_TYPES, type Interview } from './model.ts';
import { dimensionOf, factorOf, interviewOf } from './scoring.test-support.ts';
import {
  aggregateInterviewScores,
  aggregateInterviews,
  type DiagnosticResults,
  type InterviewScore,
  scoreInterview,
} from './scoring.ts';

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
