import { describe, expect, it } from 'vitest';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { factor, question } from './guide-fr-v1/build.ts';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import type { MaturityModel } from './model.ts';
import { dimensionOf, factorOf, interviewOf } from './scoring.test-support.ts';
import {
  aggregateInterviewScores,
  aggregateInterviews,
  bandOf,
  type DiagnosticResults,
  dimensionScoresOf,
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
