import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { DomainError } from '../shared/errors.ts';
import { IsoDateTime } from '../shared/schemas.ts';
import { DimensionKey } from './model.ts';

/**
 * The SWOT (AFOM in French: atouts/forces, faiblesses, opportunités, menaces) of a diagnostic. Each item is tagged
 * with the dimensions it concerns and linked to the interviews that raised it; the strategy feature links its
 * project sheets to these items (GET /api/missions/:id/swot).
 */
export const SWOT_CATEGORIES = ['strength', 'weakness', 'opportunity', 'threat'] as const;
export const SwotCategory = z.enum(SWOT_CATEGORIES);
export type SwotCategory = z.infer<typeof SwotCategory>;

const ItemText = z.string().trim().min(1).max(2000);
const Dimensions = z
  .array(DimensionKey)
  .max(DIMENSIONS.length)
  .refine((list) => new Set(list).size === list.length, { message: 'DUPLICATE_DIMENSION' });
const InterviewIds = z.array(z.uuid()).max(200);

export const SwotItemInput = z
  .strictObject({
    category: SwotCategory,
    text: ItemText,
    dimensions: Dimensions.default([]),
    interviewIds: InterviewIds.default([]).describe('the interviews of this mission that raised the item'),
  })
  .meta({ id: 'SwotItemInput' });
export type SwotItemInput = z.infer<typeof SwotItemInput>;

export const SwotItemUpdateInput = z
  .strictObject({
    category: SwotCategory.optional(),
    text: ItemText.optional(),
    dimensions: Dimensions.optional(),
    interviewIds: InterviewIds.optional(),
  })
  .meta({ id: 'SwotItemUpdateInput' });
export type SwotItemUpdateInput = z.infer<typeof SwotItemUpdateInput>;

export const SwotItem = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    category: SwotCategory,
    text: z.string(),
    position: z.number().int().describe('order within its category, from 0'),
    dimensions: z.array(DimensionKey),
    interviewIds: z.array(z.uuid()),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'SwotItemRecord' });
export type SwotItem = z.infer<typeof SwotItem>;

export const SwotResponse = z
  .object({
    missionId: z.uuid(),
    communeNis: z.string(),
    items: z.array(SwotItem).describe('by category (strengths, weaknesses, opportunities, threats), then position'),
    permissions: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'Swot' });
export type SwotResponse = z.infer<typeof SwotResponse>;

export const SwotReorderInput = z
  .strictObject({
    category: SwotCategory,
    itemIds: z.array(z.uuid()).min(1).max(500).describe('every item of the category, in the new order'),
  })
  .meta({ id: 'SwotReorderInput' });
export type SwotReorderInput = z.infer<typeof SwotReorderInput>;

export const SwotMergeInput = z
  .strictObject({
    itemIds: z.array(z.uuid()).min(2).max(50).describe('items to merge; the first one is kept, the others removed'),
    text: ItemText.optional().describe('the merged wording; by default the texts joined'),
  })
  .meta({ id: 'SwotMergeInput' });
export type SwotMergeInput = z.infer<typeof SwotMergeInput>;

type Mergeable = { id: string; category: SwotCategory; text: string; dimensions: Dimension[]; interviewIds: string[] };

/**
 * Merges SWOT items: the first survives at its place, with the union of the dimensions (in the canonical order)
 * and of the interviews, and the given text or the texts joined. Items of different categories are not merged: a
 * strength and a threat are different findings even when worded alike.
 */
export function mergeSwotItems<T extends Mergeable>(items: readonly T[], text?: string): T {
  const [first] = items;
  if (!first || items.length < 2) throw new DomainError('SWOT_MERGE_NEEDS_TWO', 'merge needs two items or more');
  if (items.some((item) => item.category !== first.category)) {
    throw new DomainError('SWOT_MERGE_CATEGORIES', 'items of different categories cannot be merged');
  }
  const dimensions = DIMENSIONS.filter((d) => items.some((item) => item.dimensions.includes(d)));
  const interviewIds = [...new Set(items.flatMap((item) => item.interviewIds))];
  const joined = [...new Set(items.map((item) => item.text.trim()))].join(' ; ');
  return { ...first, text: text?.trim() || joined, dimensions, interviewIds };
}

/**
 * Checks a new order of a category: exactly the items it holds, each once. Returns the ids with their new position.
 */
export function reorderSwotCategory(current: readonly string[], proposed: readonly string[]): Map<string, number> {
  const same =
    proposed.length === current.length &&
    new Set(proposed).size === proposed.length &&
    proposed.every((id) => current.includes(id));
  if (!same) throw new DomainError('SWOT_REORDER_MISMATCH', 'the new order must list every item of the category once');
  return new Map(proposed.map((id, position) => [id, position]));
}

// ---------------------------------------------------------------------------------------------------------------
// Territory specificities

/**
 * The order of a category after dragging item `dragged` onto item `target`: the dragged item takes the target's
 * place (dragged downwards, it lands after the target; upwards, before it). Unknown ids leave the order unchanged.
 */
export function dropSwotItem(ids: readonly string[], dragged: string, target: string): string[] {
  const from = ids.indexOf(dragged);
  const to = ids.indexOf(target);
  if (from < 0 || to < 0 || from === to) return [...ids];
  const next = ids.filter((id) => id !== dragged);
  next.splice(to, 0, dragged);
  return next;
}

export const SPECIFICITY_TOPICS = ['geography', 'demography', 'economy', 'assets'] as const;
export type SpecificityTopic = (typeof SPECIFICITY_TOPICS)[number];

const Note = z.string().trim().max(10_000);

export const SpecificitiesInput = z
  .strictObject({
    geography: Note.default(''),
    demography: Note.default(''),
    economy: Note.default(''),
    assets: Note.default(''),
  })
  .meta({ id: 'SpecificitiesInput' });
export type SpecificitiesInput = z.infer<typeof SpecificitiesInput>;

export const Specificities = z
  .object({
    missionId: z.uuid(),
    geography: z.string(),
    demography: z.string(),
    economy: z.string(),
    assets: z.string(),
    updatedAt: IsoDateTime.nullable(),
    permissions: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'TerritorySpecificities' });
export type Specificities = z.infer<typeof Specificities>;
