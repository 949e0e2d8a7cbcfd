import { z } from 'zod';
import { IsoDateTime } from '../shared/schemas.ts';
import { GuideRef, MaturityModel, ModelKey } from './model.ts';
import type { GuideChange } from './versioning.ts';

/**
 * The interview guide as the API serves it: one record per (key, version), a draft until an agency admin
 * publishes it, immutable afterwards (versioning.ts).
 */
export const GUIDE_STATUSES = ['draft', 'published'] as const;
export const GuideStatus = z.enum(GUIDE_STATUSES);

export const GuideVersionSummary = z
  .object({
    key: ModelKey,
    version: z.number().int().positive(),
    title: z.string(),
    status: GuideStatus,
    publishedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    dimensions: z.number().int(),
    factors: z.number().int(),
    questions: z.number().int(),
    interviews: z.number().int().describe('interviews recorded with this version'),
  })
  .meta({ id: 'GuideVersionSummary' });
export type GuideVersionSummary = z.infer<typeof GuideVersionSummary>;

export const GuideVersion = GuideVersionSummary.extend({
  model: MaturityModel,
  permissions: z
    .object({ edit: z.boolean(), createDraft: z.boolean() })
    .describe('may the caller edit this version (an admin, a draft), or start the next version'),
}).meta({ id: 'GuideVersion' });
export type GuideVersion = z.infer<typeof GuideVersion>;

export const GuideParams = z.object({ key: ModelKey, version: z.coerce.number().int().positive() });
export const GuideKeyParams = z.object({ key: ModelKey });

/** A change as versioning.ts words it (a tagged union); the document describes it as an object. */
const GuideChangeShape = z.record(z.string(), z.unknown()) as unknown as z.ZodType<GuideChange>;

export const GuideDiffResponse = z
  .object({
    from: GuideRef.nullable(),
    to: GuideRef,
    changes: z.array(GuideChangeShape),
    comparableQuestions: z.number().int(),
  })
  .meta({ id: 'GuideDiff' });
export type GuideDiffResponse = z.infer<typeof GuideDiffResponse>;

/** A new guide (issue 3): its key and title; version 1 starts as a draft copy of a published guide to edit. */
export const GuideCreateInput = z
  .strictObject({
    key: ModelKey.describe('lower-case letters, digits, - or _; never changes'),
    title: z.string().trim().min(1).max(200),
    from: GuideRef.optional().describe('the published version to start from (default: the reference guide)'),
  })
  .meta({ id: 'GuideCreateInput' });
export type GuideCreateInput = z.infer<typeof GuideCreateInput>;

/** The guide a mission's diagnostic uses, and whether it may still change (before the first interview). */
export const MissionGuide = z
  .object({
    key: ModelKey,
    version: z.number().int().positive(),
    title: z.string(),
    chosen: z.boolean().describe('false: the default guide, nothing stored for the mission yet'),
    changeable: z.boolean().describe('no interview recorded yet, and the caller may run the diagnostic'),
  })
  .meta({ id: 'MissionGuide' });
export type MissionGuide = z.infer<typeof MissionGuide>;

export const MissionGuideChoice = z.strictObject({ key: ModelKey }).meta({ id: 'MissionGuideChoice' });
export type MissionGuideChoice = z.infer<typeof MissionGuideChoice>;

/** Counts shown beside a guide version. */
export function guideSize(model: MaturityModel): { dimensions: number; factors: number; questions: number } {
  const factors = model.dimensions.flatMap((d) => d.factors);
  return {
    dimensions: model.dimensions.length,
    factors: factors.length,
    questions: factors.reduce((n, f) => n + f.questions.length, 0),
  };
}

/** Every question of a guide, in guide order, with where it sits: what capture screens and exports walk through. */
export function questionsInOrder(model: MaturityModel) {
  return model.dimensions.flatMap((dimension) =>
    dimension.factors.flatMap((factor) =>
      factor.questions.map((question) => ({ dimension: dimension.key, factor, question })),
    ),
  );
}
