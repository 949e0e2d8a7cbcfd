import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { checkPreference } from './preference-functions.ts';
import { PreferenceFunction } from './schemas.ts';
import { THRESHOLD_RULE } from './thresholds.ts';

export const ThresholdRule = z
  .enum([THRESHOLD_RULE])
  .nullable()
  .describe(
    'pairwise-quartiles: a linear preference whose q and p are the quartiles of the differences between the projects, recomputed at each ranking; null: the thresholds typed',
  );

/**
 * The criteria a mission ranks its projects on. Each has a direction, a weight and a PROMETHEE preference function.
 * Most are scored by hand in the evaluation grid (1 to 5 by default); a criterion may instead read a figure of the
 * project sheet (its investment or yearly running cost), which then needs no scoring.
 */
export const CRITERION_SOURCES = ['manual', 'investmentCost', 'runningCost'] as const;
export const CriterionSource = z
  .enum(CRITERION_SOURCES)
  .describe('manual: scored in the grid; investmentCost, runningCost: read from the project sheet');
export type CriterionSource = z.infer<typeof CriterionSource>;

export const CriterionScale = z
  .strictObject({ min: z.number(), max: z.number() })
  .refine((s) => s.min < s.max, { message: 'SCALE_ORDER', path: ['max'] })
  .describe('the values the grid accepts, e.g. 1 to 5');
export type CriterionScale = z.infer<typeof CriterionScale>;

export const Criterion = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    name: z.string(),
    description: z.string().nullable(),
    direction: z.enum(['max', 'min']),
    weight: z.number().min(0).describe('as set; normalisedWeight divides by the sum'),
    normalisedWeight: z.number().min(0).max(1),
    preference: PreferenceFunction,
    source: CriterionSource,
    scale: CriterionScale.nullable(),
    thresholdRule: ThresholdRule,
  })
  .meta({ id: 'Criterion' });
export type Criterion = z.infer<typeof Criterion>;

/** Zod issues for a preference function whose parameters do not fit its type (q ≤ p, p > 0, s > 0). */
function refinePreference(value: { preference?: PreferenceFunction | undefined }, ctx: z.RefinementCtx) {
  if (!value.preference) return;
  try {
    checkPreference('criterion', value.preference);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const parameter = String(error.params.parameter ?? (error.code === 'RANK_PREFERENCE_THRESHOLDS_ORDER' ? 'q' : ''));
    // The same rule as the engine's, worded for the field: RANK_PREFERENCE_X becomes PREFERENCE_X.
    ctx.addIssue({
      code: 'custom',
      path: parameter ? ['preference', parameter] : ['preference'],
      message: error.code.replace(/^RANK_/, ''),
    });
  }
}

const criterionFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).nullable(),
  direction: z.enum(['max', 'min']),
  weight: z.number().min(0).max(1000),
  preference: PreferenceFunction,
  source: CriterionSource,
  scale: CriterionScale.nullable(),
};

export const CriterionCreateInput = z
  .strictObject({
    name: criterionFields.name,
    description: criterionFields.description.optional(),
    direction: criterionFields.direction,
    weight: criterionFields.weight.default(1),
    preference: criterionFields.preference.default({ type: 'v-shape', p: 2 }),
    source: criterionFields.source.default('manual'),
    scale: criterionFields.scale.default({ min: 1, max: 5 }),
    thresholdRule: ThresholdRule.optional(),
  })
  .superRefine(refinePreference);
export type CriterionCreateInput = z.infer<typeof CriterionCreateInput>;

export const CriterionUpdateInput = z
  .strictObject({
    name: criterionFields.name.optional(),
    description: criterionFields.description.optional(),
    direction: criterionFields.direction.optional(),
    weight: criterionFields.weight.optional(),
    preference: criterionFields.preference.optional(),
    source: criterionFields.source.optional(),
    scale: criterionFields.scale.optional(),
    position: z.number().int().min(0).max(100).optional().describe('move the criterion to this place in the list'),
    thresholdRule: ThresholdRule.optional().describe(
      'set to read the thresholds from the data; a preference typed without it goes back to the typed thresholds',
    ),
  })
  .superRefine(refinePreference);
export type CriterionUpdateInput = z.infer<typeof CriterionUpdateInput>;

export const WeightsInput = z.strictObject({
  weights: z
    .record(z.uuid(), z.number().min(0).max(1000))
    .describe('a weight for every criterion of the mission, by criterion id; normalised to sum to 1'),
});
export type WeightsInput = z.infer<typeof WeightsInput>;

export type DefaultCriterion = Omit<CriterionCreateInput, 'description' | 'thresholdRule'> & {
  key: string;
  description: string;
  thresholdRule?: CriterionCreateInput['thresholdRule'];
};

/**
 * A sensible starting set, from what Walloon Smart Région calls and the agency's practice weigh: the impact for
 * citizens first, then the fit with the diagnostic, cost, feasibility, risk, pooling with other communes, openness.
 * Scores run from 1 (very low) to 5 (very high); a V-shape with p = 2 makes a two-point difference a full preference.
 * The investment cost is read from the sheet, with linear thresholds read from the spread of the projects' costs
 * (quartiles of their differences, `thresholds.ts`) rather than one amount whatever the commune's scale.
 */
export const DEFAULT_CRITERIA: readonly DefaultCriterion[] = [
  {
    key: 'impact',
    name: 'Impact pour les citoyens',
    description: 'Nombre de citoyens touchés et ampleur du bénéfice (1 = faible, 5 = très fort).',
    direction: 'max',
    weight: 25,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
  {
    key: 'alignment',
    name: 'Alignement avec le diagnostic',
    description: 'Le projet répond-il aux faiblesses, menaces et opportunités relevées par le diagnostic ?',
    direction: 'max',
    weight: 20,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
  {
    key: 'cost',
    name: 'Coût d’investissement',
    description: 'Repris de la fiche projet (€ TVAC) : moins cher est préférable.',
    direction: 'min',
    weight: 15,
    // Used only while fewer than two projects have a cost: the rule reads the thresholds from the data.
    preference: { type: 'linear', q: 0, p: 100_000 },
    source: 'investmentCost',
    scale: null,
    thresholdRule: 'pairwise-quartiles',
  },
  {
    key: 'feasibility',
    name: 'Faisabilité',
    description: 'Capacités techniques, humaines et juridiques de la commune pour le mener (1 = difficile, 5 = aisé).',
    direction: 'max',
    weight: 15,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
  {
    key: 'risk',
    name: 'Risque',
    description: 'Risques de retard, de surcoût ou de rejet par les usagers (1 = faible, 5 = élevé).',
    direction: 'min',
    weight: 10,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
  {
    key: 'pooling',
    name: 'Potentiel de mutualisation',
    description: 'D’autres communes ont-elles le même besoin, pour un achat ou une solution en commun ?',
    direction: 'max',
    weight: 10,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
  {
    key: 'openness',
    name: 'Ouverture et interopérabilité',
    description: 'Standards ouverts, données réutilisables, réplicabilité (critères des appels Smart Région).',
    direction: 'max',
    weight: 5,
    preference: { type: 'v-shape', p: 2 },
    source: 'manual',
    scale: { min: 1, max: 5 },
  },
];
