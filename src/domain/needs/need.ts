import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { NisCode } from '../shared/schemas.ts';
import { SMART_CATEGORY_KEYS } from '../shared/smart-categories.ts';

/**
 * A need a commune expressed (issue 5, line of work B.1): in a diagnostic, a project sheet, a meeting, or entered
 * directly. Free French text (title, description) is what the mutualisation groups on; the category, from the
 * shared taxonomy of Smart application categories, is optional.
 */
export const NEED_SOURCES = ['diagnostic', 'project_sheet', 'meeting', 'direct'] as const;
export const NeedSource = z.enum(NEED_SOURCES);
export type NeedSource = z.infer<typeof NeedSource>;

export const URGENCIES = ['low', 'medium', 'high'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

/** When the commune wants it: the strategy's horizons (short ≤ 2 years, medium 3–4, long 5–6). */
export const TIMEFRAMES = ['short', 'medium', 'long'] as const;
export const Timeframe = z.enum(TIMEFRAMES);
export type Timeframe = z.infer<typeof Timeframe>;

export const CategoryKey = z
  .string()
  .refine((key) => SMART_CATEGORY_KEYS.includes(key), { message: 'UNKNOWN_CATEGORY' })
  .describe(`a key of the Smart application categories: ${SMART_CATEGORY_KEYS.join(', ')}`);

const needFields = {
  communeNis: NisCode,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  dimensions: z.array(z.enum(DIMENSIONS)).max(6).default([]),
  category: CategoryKey.nullable().default(null),
  urgency: Urgency.default('medium'),
  estimatedBudget: z.number().finite().min(0).max(1e11).nullable().default(null).describe('euros excl. VAT'),
  timeframe: Timeframe.nullable().default(null),
  source: NeedSource.default('direct'),
  sourceRef: z.string().trim().max(200).nullable().default(null).describe('which diagnostic, sheet or meeting'),
};

export const NeedInput = z.strictObject(needFields);
export type NeedInput = z.infer<typeof NeedInput>;
export type NeedInputRaw = z.input<typeof NeedInput>;

export const NeedUpdateInput = z.strictObject({
  title: needFields.title.optional(),
  description: z.string().trim().max(4000).optional(),
  dimensions: z.array(z.enum(DIMENSIONS)).max(6).optional(),
  category: CategoryKey.nullable().optional(),
  urgency: Urgency.optional(),
  estimatedBudget: z.number().finite().min(0).max(1e11).nullable().optional(),
  timeframe: Timeframe.nullable().optional(),
  source: NeedSource.optional(),
  sourceRef: z.string().trim().max(200).nullable().optional(),
});
export type NeedUpdateInput = z.infer<typeof NeedUpdateInput>;

export const Need = z.object({
  id: z.uuid(),
  communeNis: NisCode,
  communeName: z.string(),
  title: z.string(),
  description: z.string(),
  dimensions: z.array(z.enum(DIMENSIONS)),
  category: z.string().nullable(),
  suggestedCategory: z
    .string()
    .nullable()
    .describe('for a need without a category: the category the latest grouping run recognised in its text'),
  urgency: Urgency,
  estimatedBudget: z.number().nullable(),
  timeframe: Timeframe.nullable(),
  source: NeedSource,
  sourceRef: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ edit: z.boolean() }),
});
export type Need = z.infer<typeof Need>;

export const NeedListQuery = z.strictObject({
  communeNis: NisCode.optional(),
  category: z.string().optional(),
  q: z.string().trim().max(200).optional().describe('French full-text search in title and description'),
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;
