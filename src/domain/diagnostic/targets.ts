import { z } from 'zod';
import { DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import { SMART_CATEGORIES } from '../shared/smart-categories.ts';
import { HORIZON_KEYS, HorizonKey } from '../strategy/horizons.ts';
import { DimensionKey } from './model.ts';

/**
 * Targets and gaps (issue 13, defect 8; docs/decisions/160-targets-and-gaps.md). With the commune, the consultant
 * sets the maturity each dimension should reach by the end of each horizon of the strategy (short, medium, long
 * term), on the scale of the mission's guide, as maturity models do. The gap of a factor is the target of its
 * dimension for a horizon minus the factor's current score (the mean of the panel's answers, as the results show
 * it). A gap of a whole level or more is large: it suggests a weakness for the SWOT. Project sheets say which gaps
 * they close; a gap points to the catalogue's solutions and the watch items of its dimension.
 */

/** Targets are levels or half-levels of the scale (« 2,5 »): finer would promise a precision the panel has not. */
export const TargetLevel = z.number().min(0).max(10).multipleOf(0.5).describe('a level or half-level of the scale');

export const MaturityTarget = z
  .strictObject({ dimension: DimensionKey, horizon: HorizonKey, level: TargetLevel })
  .meta({ id: 'MaturityTarget' });
export type MaturityTarget = z.infer<typeof MaturityTarget>;

/**
 * The targets of a mission, all at once (what the editor shows is what is kept). A dimension may have no target
 * for a horizon; a later horizon's target may not be below an earlier one's (maturity is built, not spent).
 */
export const TargetsInput = z
  .strictObject({
    targets: z.array(MaturityTarget).max(DIMENSIONS.length * HORIZON_KEYS.length),
  })
  .superRefine((input, ctx) => {
    for (const issue of targetOrderIssues(input.targets)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .meta({ id: 'TargetsInput' });
export type TargetsInput = z.infer<typeof TargetsInput>;

type Issue = { message: string; path: (string | number)[] };

/** Duplicates, and a later horizon's target below an earlier one's, each said on the offending entry. */
export function targetOrderIssues(targets: readonly MaturityTarget[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  targets.forEach((target, i) => {
    const key = `${target.dimension}/${target.horizon}`;
    if (seen.has(key)) issues.push({ message: 'TARGET_DUPLICATE', path: ['targets', i] });
    seen.set(key, target.level);
  });
  targets.forEach((target, i) => {
    const rank = HORIZON_KEYS.indexOf(target.horizon);
    const earlier = HORIZON_KEYS.slice(0, rank).map((h) => seen.get(`${target.dimension}/${h}`));
    if (earlier.some((level) => level !== undefined && level > target.level)) {
      issues.push({ message: 'TARGET_BELOW_EARLIER_HORIZON', path: ['targets', i, 'level'] });
    }
  });
  return issues;
}

/** Targets above the top of the mission's scale (the guide's last level). */
export function targetScaleIssues(targets: readonly MaturityTarget[], scaleMax: number): Issue[] {
  return targets.flatMap((target, i) =>
    target.level > scaleMax ? [{ message: 'TARGET_ABOVE_SCALE', path: ['targets', i, 'level'] }] : [],
  );
}

/** A gap of a whole level of the scale or more is large: it is worth a weakness in the SWOT. */
export const LARGE_GAP = 1;

export type HorizonGaps = Record<HorizonKey, number | null>;

/** The current score of a factor, as the results give it. */
export type FactorScore = { factorKey: string; label: string; dimension: Dimension; mean: number | null };

export type FactorGap = FactorScore & { gaps: HorizonGaps };

/** The target of a dimension for a horizon, if one was set. */
export function targetOf(targets: readonly MaturityTarget[], dimension: Dimension, horizon: HorizonKey) {
  return targets.find((t) => t.dimension === dimension && t.horizon === horizon)?.level ?? null;
}

/**
 * target − current, rounded to the hundredth (scores are shown with one decimal). null when there is no target or
 * the factor was not assessed; 0 or less when the target is already reached.
 */
export function gapOf(target: number | null, current: number | null): number | null {
  if (target === null || current === null) return null;
  return Math.round((target - current) * 100) / 100;
}

/** The gap of every factor for every horizon, in the order of the results. */
export function computeGaps(factors: readonly FactorScore[], targets: readonly MaturityTarget[]): FactorGap[] {
  return factors.map((factor) => ({
    ...factor,
    gaps: Object.fromEntries(
      HORIZON_KEYS.map((h) => [h, gapOf(targetOf(targets, factor.dimension, h), factor.mean)]),
    ) as HorizonGaps,
  }));
}

/** The factors whose gap for the horizon is large, largest first: the weaknesses the SWOT may take. */
export function largeGaps<F extends FactorGap>(gaps: readonly F[], horizon: HorizonKey): F[] {
  return gaps
    .filter((g) => (g.gaps[horizon] ?? 0) >= LARGE_GAP)
    .sort((a, b) => (b.gaps[horizon] ?? 0) - (a.gaps[horizon] ?? 0) || a.label.localeCompare(b.label));
}

/** The factors with a gap left for the horizon (above 0) that no project sheet says it closes. */
export function unclosedGaps<F extends FactorGap & { closedBy: readonly unknown[] }>(
  gaps: readonly F[],
  horizon: HorizonKey,
): F[] {
  return gaps.filter((g) => (g.gaps[horizon] ?? 0) > 0 && g.closedBy.length === 0);
}

/** The Smart categories (catalogue and watch taxonomy) that serve a dimension. */
export function categoriesOf(dimension: Dimension): string[] {
  return SMART_CATEGORIES.filter((c) => c.dimensions.includes(dimension)).map((c) => c.key);
}

/**
 * What may close a dimension's gaps: the catalogue's solutions tagged with the dimension or one of its categories
 * (listed ones first, then by name), and the watch items of its categories (most recent first), `limit` of each.
 */
export function pointersFor<
  S extends { name: string; status: string; dimensions: readonly string[]; categories: readonly string[] },
  W extends { categories: readonly string[] },
>(dimension: Dimension, solutions: readonly S[], watchItems: readonly W[], limit = 3): { solutions: S[]; watch: W[] } {
  const categories = new Set(categoriesOf(dimension));
  const matches = (s: { categories: readonly string[] }) => s.categories.some((c) => categories.has(c));
  const rank = (s: S) => (s.status === 'listed' ? 0 : 1);
  return {
    solutions: solutions
      .filter((s) => s.dimensions.includes(dimension) || matches(s))
      .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'fr'))
      .slice(0, limit),
    watch: watchItems.filter(matches).slice(0, limit),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// What the API answers

const HorizonGapsSchema = z.object({
  short: z.number().nullable(),
  medium: z.number().nullable(),
  long: z.number().nullable(),
});

export const FactorGapView = z.object({
  factorKey: z.string(),
  label: z.string(),
  dimension: DimensionKey,
  mean: z.number().nullable().describe('the factor’s current score; null: not assessed'),
  gaps: HorizonGapsSchema.describe('target of the dimension − current score, per horizon; null without a target'),
  closedBy: z
    .array(z.object({ projectId: z.uuid(), title: z.string() }))
    .describe('the project sheets that say they close this gap'),
});
export type FactorGapView = z.infer<typeof FactorGapView>;

export const GapPointers = z.object({
  dimension: DimensionKey,
  categories: z.array(z.string()).describe('the Smart categories of the dimension'),
  solutions: z.array(z.object({ id: z.uuid(), name: z.string(), vendor: z.string(), status: z.string() })),
  watch: z.array(z.object({ id: z.uuid(), title: z.string() })).describe('empty for who may not read the watch'),
});
export type GapPointers = z.infer<typeof GapPointers>;

export const TargetsView = z
  .object({
    missionId: z.uuid(),
    communeNis: z.string(),
    scaleMax: z.number().int().describe('the top level of the mission guide’s scale'),
    largeGap: z.number().describe('a gap at least this large suggests a weakness for the SWOT'),
    horizons: z
      .array(z.object({ key: HorizonKey, startYear: z.number().int(), endYear: z.number().int() }))
      .describe('the strategy’s horizons (its defaults from the mission’s start until the consultant sets them)'),
    targets: z.array(MaturityTarget),
    factors: z.array(FactorGapView),
    pointers: z.array(GapPointers).describe('per dimension with a gap: catalogue solutions and watch items'),
    permissions: z.object({ edit: z.boolean(), linkSheets: z.boolean() }),
  })
  .meta({ id: 'TargetsView' });
export type TargetsView = z.infer<typeof TargetsView>;

/** PUT the gaps (factors) a project sheet closes: all of them at once. */
export const SheetGapsInput = z
  .strictObject({
    factorKeys: z
      .array(z.string().trim().min(1).max(80))
      .max(200)
      .refine((keys) => new Set(keys).size === keys.length, { message: 'DUPLICATE_FACTOR' }),
  })
  .meta({ id: 'SheetGapsInput' });
export type SheetGapsInput = z.infer<typeof SheetGapsInput>;
