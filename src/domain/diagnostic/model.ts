import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { IsoDate } from '../shared/schemas.ts';

/**
 * The maturity model is a versioned interview guide: six dimensions → factors → questions, each question scored on
 * a maturity scale with a descriptor per level. Interviews of resource persons are recorded against one version of
 * it and are always scored with that version (see versioning.ts).
 */

/** Stable identifiers: snake_case or kebab-case, so they survive in URLs, exports and spreadsheets unchanged. */
export const ModelKey = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/, { message: 'KEY_FORMAT' })
  .max(80)
  .describe('stable identifier in snake_case or kebab-case, never shown to users');

const Text = z.string().trim().min(1);

/**
 * One level of the maturity scale. The scale starts at 0 because level 0 means "nothing exists": a natural zero
 * lets a score read as a share of the way to the top (2 of 4 = half-way) and a mean of 0 mean "nothing anywhere".
 */
export const ScaleLevel = z.object({
  level: z.number().int().min(0),
  label: Text,
  description: Text,
});
export type ScaleLevel = z.infer<typeof ScaleLevel>;

export const MaturityScale = z.object({ levels: z.array(ScaleLevel).min(2).max(10) }).superRefine((scale, ctx) => {
  scale.levels.forEach((l, index) => {
    if (l.level !== index) {
      ctx.addIssue({
        code: 'custom',
        message: 'SCALE_LEVELS_CONSECUTIVE_FROM_ZERO',
        path: ['levels', index, 'level'],
      });
    }
  });
});
export type MaturityScale = z.infer<typeof MaturityScale>;

/**
 * A band is a range of the scale shown with results, with a French label and an interpretation text. Ranges are
 * half-open [from, to), the last one closed, so every score of the scale falls in exactly one band.
 */
export const Band = z.object({
  key: ModelKey,
  label: Text,
  from: z.number(),
  to: z.number(),
  interpretation: Text,
});
export type Band = z.infer<typeof Band>;

export const LevelDescriptor = z.object({
  level: z.number().int().min(0),
  descriptor: Text.describe('what the commune looks like at this level, concretely'),
});
export type LevelDescriptor = z.infer<typeof LevelDescriptor>;

export const Question = z.object({
  key: ModelKey,
  text: Text,
  help: Text.optional().describe('hint for the interviewer: what to look at, examples'),
  levels: z.array(LevelDescriptor),
});
export type Question = z.infer<typeof Question>;

export const Factor = z.object({
  key: ModelKey,
  label: Text,
  description: Text,
  rural: z.boolean().describe('added or reshaped for rural territories (not one of Giffinger’s urban factors)'),
  questions: z.array(Question).min(1),
});
export type Factor = z.infer<typeof Factor>;

export const DimensionKey = z.enum(DIMENSIONS);

export const ModelDimension = z.object({
  key: DimensionKey,
  label: Text,
  description: Text,
  factors: z.array(Factor).min(1),
});
export type ModelDimension = z.infer<typeof ModelDimension>;

/** Identifies the guide version an interview was recorded with. */
export const GuideRef = z.object({
  key: ModelKey,
  version: z.number().int().positive(),
});
export type GuideRef = z.infer<typeof GuideRef>;

const MaturityModelShape = GuideRef.extend({
  title: Text,
  scale: MaturityScale,
  bands: z.array(Band).min(1),
  dimensions: z.array(ModelDimension),
});

export const MaturityModel = MaturityModelShape.superRefine((model, ctx) => {
  for (const issue of findModelIssues(model)) ctx.addIssue({ code: 'custom', ...issue });
}).meta({ id: 'MaturityModel' });
export type MaturityModel = z.infer<typeof MaturityModel>;

type ModelIssue = { message: string; path: (string | number)[] };

/**
 * Rules a guide must follow beyond its shape: the six dimensions once each (the radar needs all six), keys unique
 * across the whole guide (an answer names its question alone), a descriptor for every level of the scale, and
 * bands that tile the scale without gaps or overlaps.
 */
function findModelIssues(model: z.infer<typeof MaturityModelShape>): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const dimensionKeys = model.dimensions.map((d) => d.key);
  for (const key of DIMENSIONS) {
    if (!dimensionKeys.includes(key)) issues.push({ message: `DIMENSION_MISSING:${key}`, path: ['dimensions'] });
  }
  const seenDimensions = new Set<string>();
  const seenFactors = new Set<string>();
  const seenQuestions = new Set<string>();
  const levels = model.scale.levels.map((l) => l.level);
  model.dimensions.forEach((dimension, d) => {
    if (seenDimensions.has(dimension.key)) issues.push({ message: 'DIMENSION_DUPLICATE', path: ['dimensions', d] });
    seenDimensions.add(dimension.key);
    dimension.factors.forEach((factor, f) => {
      const factorPath = ['dimensions', d, 'factors', f];
      if (seenFactors.has(factor.key)) issues.push({ message: 'FACTOR_KEY_DUPLICATE', path: [...factorPath, 'key'] });
      seenFactors.add(factor.key);
      factor.questions.forEach((question, q) => {
        const questionPath = [...factorPath, 'questions', q];
        if (seenQuestions.has(question.key)) {
          issues.push({ message: 'QUESTION_KEY_DUPLICATE', path: [...questionPath, 'key'] });
        }
        seenQuestions.add(question.key);
        const described = question.levels.map((l) => l.level);
        if (described.length !== levels.length || levels.some((level, i) => described[i] !== level)) {
          issues.push({ message: 'DESCRIPTOR_PER_LEVEL_REQUIRED', path: [...questionPath, 'levels'] });
        }
      });
    });
  });
  issues.push(...findBandIssues(model.bands, levels));
  return issues;
}

function findBandIssues(bands: readonly Band[], levels: readonly number[]): ModelIssue[] {
  const issues: ModelIssue[] = [];
  const min = levels[0] ?? 0;
  const max = levels[levels.length - 1] ?? 0;
  if (bands[0]?.from !== min) issues.push({ message: 'BANDS_START_AT_SCALE_MIN', path: ['bands', 0, 'from'] });
  if (bands[bands.length - 1]?.to !== max) {
    issues.push({ message: 'BANDS_END_AT_SCALE_MAX', path: ['bands', bands.length - 1, 'to'] });
  }
  bands.forEach((band, i) => {
    if (!(band.from < band.to)) issues.push({ message: 'BAND_EMPTY', path: ['bands', i] });
    const next = bands[i + 1];
    if (next && next.from !== band.to) issues.push({ message: 'BANDS_CONTIGUOUS', path: ['bands', i + 1, 'from'] });
  });
  const keys = new Set(bands.map((b) => b.key));
  if (keys.size !== bands.length) issues.push({ message: 'BAND_KEY_DUPLICATE', path: ['bands'] });
  return issues;
}

/** Lowest and highest level of a guide's scale. */
export function scaleRange(model: Pick<MaturityModel, 'scale'>): { min: number; max: number } {
  const levels = model.scale.levels;
  return { min: levels[0]?.level ?? 0, max: levels[levels.length - 1]?.level ?? 0 };
}

// ---------------------------------------------------------------------------------------------------------------
// Interviews of resource persons (personnes ressources)

export const INTERVIEWEE_TYPES = [
  'elected_official',
  'commune_staff',
  'business',
  'association',
  'citizen',
  'other',
] as const;
export const IntervieweeType = z.enum(INTERVIEWEE_TYPES);
export type IntervieweeType = z.infer<typeof IntervieweeType>;

/**
 * Who was heard. Personal data is kept minimal: the type is what the analysis needs; role and name are optional
 * (a role such as "bourgmestre" can identify someone in a small commune, so it is erased with the name).
 */
export const ResourcePerson = z.object({
  type: IntervieweeType,
  role: z.string().trim().min(1).max(200).optional().describe('e.g. "directrice générale", "échevin de la mobilité"'),
  name: z.string().trim().min(1).max(200).optional(),
});
export type ResourcePerson = z.infer<typeof ResourcePerson>;

export const Answer = z.object({
  questionKey: ModelKey,
  level: z.number().int().min(0).nullable().describe('null when the person does not know'),
  comment: z.string().trim().max(4000).optional(),
});
export type Answer = z.infer<typeof Answer>;

export const InterviewInput = z
  .object({
    guide: GuideRef.describe('the guide version the interview was conducted with'),
    resourcePerson: ResourcePerson,
    date: IsoDate,
    interviewer: z.string().trim().min(1).max(200).describe('who conducted the interview'),
    answers: z.array(Answer).max(1000),
    notes: z.string().trim().max(20_000).optional(),
  })
  .meta({ id: 'InterviewInput' });
export type InterviewInput = z.infer<typeof InterviewInput>;

/** What scoring needs from an interview; the server may pass richer records. */
export type Interview = Pick<InterviewInput, 'guide' | 'answers'> & { resourcePerson: Pick<ResourcePerson, 'type'> };

export type InterviewIssueCode =
  | 'GUIDE_VERSION_MISMATCH'
  | 'UNKNOWN_QUESTION'
  | 'LEVEL_OUT_OF_SCALE'
  | 'DUPLICATE_ANSWER';
export type InterviewIssue = { code: InterviewIssueCode; message: string; path: (string | number)[] };

/**
 * Checks an interview against the guide version it claims: answers must name questions of that version, once each,
 * with a level on its scale. Returns every issue (empty when valid) so a form can show them all at once.
 */
export function checkInterview(
  guide: MaturityModel,
  interview: Pick<InterviewInput, 'guide' | 'answers'>,
): InterviewIssue[] {
  const issues: InterviewIssue[] = [];
  if (interview.guide.key !== guide.key || interview.guide.version !== guide.version) {
    issues.push({
      code: 'GUIDE_VERSION_MISMATCH',
      message: `interview uses ${interview.guide.key} v${interview.guide.version}, not ${guide.key} v${guide.version}`,
      path: ['guide'],
    });
    return issues;
  }
  const questionKeys = new Set(
    guide.dimensions.flatMap((d) => d.factors.flatMap((f) => f.questions.map((q) => q.key))),
  );
  const { min, max } = scaleRange(guide);
  const answered = new Set<string>();
  interview.answers.forEach((answer, i) => {
    if (!questionKeys.has(answer.questionKey)) {
      issues.push({
        code: 'UNKNOWN_QUESTION',
        message: `${answer.questionKey} is not a question of this guide version`,
        path: ['answers', i, 'questionKey'],
      });
    }
    if (answered.has(answer.questionKey)) {
      issues.push({
        code: 'DUPLICATE_ANSWER',
        message: `${answer.questionKey} is answered twice`,
        path: ['answers', i, 'questionKey'],
      });
    }
    answered.add(answer.questionKey);
    if (answer.level !== null && (answer.level < min || answer.level > max || !Number.isInteger(answer.level))) {
      issues.push({
        code: 'LEVEL_OUT_OF_SCALE',
        message: `level ${answer.level} is outside the scale ${min}–${max}`,
        path: ['answers', i, 'level'],
      });
    }
  });
  return issues;
}

/** The interview schema bound to one guide version, so the API's validation errors name the offending field. */
export function interviewSchemaFor(guide: MaturityModel) {
  return InterviewInput.superRefine((interview, ctx) => {
    for (const issue of checkInterview(guide, interview)) {
      ctx.addIssue({ code: 'custom', message: issue.code, path: issue.path, params: { detail: issue.message } });
    }
  });
}

/** Erasure on request (GDPR): keeps what the analysis needs, the type, and drops what identifies the person. */
export function eraseIdentity(person: ResourcePerson): ResourcePerson {
  return { type: person.type };
}
