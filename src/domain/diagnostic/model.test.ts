import { describe, expect, it } from 'vitest';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { checkInterview, eraseIdentity, type InterviewInput, interviewSchemaFor, MaturityModel } from './model.ts';

const clone = () => structuredClone(GUIDE_FR_V1);
const firstFactor = (model: MaturityModel) => model.dimensions[0]!.factors[0]!;
const issueMessages = (value: unknown) => {
  const result = MaturityModel.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

const interview = (answers: InterviewInput['answers']): InterviewInput => ({
  guide: { key: GUIDE_FR_V1.key, version: GUIDE_FR_V1.version },
  resourcePerson: { type: 'elected_official', role: 'échevine de la mobilité', name: 'A. Dupont' },
  date: '2025-03-14',
  interviewer: 'chef de projets IDELUX',
  answers,
});

describe('MaturityModel schema', () => {
  it('refuses a question key used twice in the guide', () => {
    const model = clone();
    const factor = firstFactor(model);
    factor.questions[1]!.key = factor.questions[0]!.key;
    expect(issueMessages(model)).toContain('QUESTION_KEY_DUPLICATE');
  });

  it('refuses a question without a descriptor for every level of the scale', () => {
    const model = clone();
    firstFactor(model).questions[0]!.levels.pop();
    expect(issueMessages(model)).toContain('DESCRIPTOR_PER_LEVEL_REQUIRED');
  });

  it('refuses a guide without one of the six dimensions', () => {
    const model = clone();
    model.dimensions = model.dimensions.filter((d) => d.key !== 'mobility');
    expect(issueMessages(model)).toContain('DIMENSION_MISSING:mobility');
  });

  it('refuses bands that leave a gap in the scale or stop short of it', () => {
    const gap = clone();
    gap.bands[1]!.from = 0.6;
    expect(issueMessages(gap)).toContain('BANDS_CONTIGUOUS');
    const short = clone();
    short.bands[short.bands.length - 1]!.to = 3.9;
    expect(issueMessages(short)).toContain('BANDS_END_AT_SCALE_MAX');
  });

  it('refuses a scale that does not count from 0 in steps of 1', () => {
    const model = clone();
    model.scale.levels[2]!.level = 5;
    expect(issueMessages(model)).toContain('SCALE_LEVELS_CONSECUTIVE_FROM_ZERO');
  });

  it('refuses keys that are not snake_case or kebab-case', () => {
    const model = clone();
    firstFactor(model).key = 'Accès aux soins';
    expect(issueMessages(model)).toContain('KEY_FORMAT');
  });
});

describe('checkInterview', () => {
  it('accepts answers to questions of the guide version used, including "don’t know"', () => {
    const issues = checkInterview(
      GUIDE_FR_V1,
      interview([
        { questionKey: 'open_data_publication', level: 2, comment: 'quelques jeux sur ODWB' },
        { questionKey: 'health_gp_coverage', level: null },
      ]),
    );
    expect(issues).toEqual([]);
  });

  it('names each wrong answer: unknown question, level outside the scale, answered twice', () => {
    const issues = checkInterview(
      GUIDE_FR_V1,
      interview([
        { questionKey: 'no_such_question', level: 1 },
        { questionKey: 'open_data_publication', level: 5 },
        { questionKey: 'open_data_publication', level: 1 },
      ]),
    );
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_QUESTION', 'answers.0.questionKey'],
      ['LEVEL_OUT_OF_SCALE', 'answers.1.level'],
      ['DUPLICATE_ANSWER', 'answers.2.questionKey'],
    ]);
  });

  it('refuses an interview recorded with another version of the guide', () => {
    const issues = checkInterview(GUIDE_FR_V1, { ...interview([]), guide: { key: GUIDE_FR_V1.key, version: 2 } });
    expect(issues.map((i) => i.code)).toEqual(['GUIDE_VERSION_MISMATCH']);
  });
});

describe('interviewSchemaFor', () => {
  it('reports a level outside the scale on the field that holds it', () => {
    const result = interviewSchemaFor(GUIDE_FR_V1).safeParse(
      interview([{ questionKey: 'open_data_publication', level: 7 }]),
    );
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.message, i.path.join('.')])).toEqual([
      ['LEVEL_OUT_OF_SCALE', 'answers.0.level'],
    ]);
  });

  it('accepts an interview without a name: personal data is optional', () => {
    const input = interview([]);
    input.resourcePerson = { type: 'citizen' };
    expect(interviewSchemaFor(GUIDE_FR_V1).safeParse(input).success).toBe(true);
  });
});

describe('eraseIdentity', () => {
  it('keeps only the interviewee type, which the analysis needs', () => {
    expect(eraseIdentity({ type: 'business', role: 'gérante de la boulangerie', name: 'B. Martin' })).toEqual({
      type: 'business',
    });
  });
});
