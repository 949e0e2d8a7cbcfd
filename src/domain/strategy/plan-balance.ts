import { z } from 'zod';
import { DIMENSION_LABELS, DIMENSIONS, type Dimension } from '../shared/dimensions.ts';
import type { Objective } from './objectives.ts';
import type { PortfolioBalanceRule, PortfolioCoverRule, PortfolioProblem } from './schemas.ts';

/**
 * The balance a commune asks of its plan (issue 13, defect 3): for a Smart dimension or a strategic objective of the
 * PST, a minimum and/or a maximum share of the plan — of its budget (the commune's own share of the projects placed)
 * or of its number of projects — and a list of high-priority SWOT items each answered by at least one project.
 * Shares are typed in % (0 … 100); the portfolio model takes them as 0 … 1.
 */
const Share = z.number().min(0).max(100).nullable().optional();

export const BalanceMeasure = z
  .enum(['budget', 'projects'])
  .describe('budget: share of what the plan spends; projects: share of the projects placed');
export type BalanceMeasure = z.infer<typeof BalanceMeasure>;

const BalanceBounds = {
  measure: BalanceMeasure,
  min: Share.describe('at least this % of the plan (empty: no minimum)'),
  max: Share.describe('at most this % of the plan (empty: no maximum)'),
};

export const DimensionBalance = z.strictObject({ dimension: z.enum(DIMENSIONS), ...BalanceBounds });
export type DimensionBalance = z.infer<typeof DimensionBalance>;

export const ObjectiveBalance = z.strictObject({
  objectiveId: z.uuid().describe('a strategic objective (OS) of the mission; its operational objectives count in it'),
  ...BalanceBounds,
});
export type ObjectiveBalance = z.infer<typeof ObjectiveBalance>;

export const PlanBalance = z
  .strictObject({
    dimensions: z.array(DimensionBalance).max(12).default([]),
    objectives: z.array(ObjectiveBalance).max(40).default([]),
    swotItemIds: z
      .array(z.uuid())
      .max(100)
      .default([])
      .describe('high-priority SWOT items of the diagnostic: at least one project of the plan answers each'),
  })
  .meta({ id: 'PlanBalance' })
  .describe('optional balance of the plan; every rule is left out by default');
export type PlanBalance = z.infer<typeof PlanBalance>;

export const EMPTY_BALANCE: PlanBalance = { dimensions: [], objectives: [], swotItemIds: [] };

export function isEmptyBalance(balance: PlanBalance | undefined): boolean {
  return !balance || balance.dimensions.length + balance.objectives.length + balance.swotItemIds.length === 0;
}

type SheetLinks = {
  id: string;
  dimensions: readonly Dimension[];
  objectiveId: string | null;
  swotItemIds: readonly string[];
};

/**
 * The balance and coverage rules of the portfolio problem, over the projects that take part in it. Rule ids say
 * what they are ("dimension:mobility:budget", "objective:<id>:projects", "swot:<id>") and labels name them in French
 * for the explanations. A bound left empty, or a rule with neither bound, adds nothing. An objective or a SWOT item
 * the mission no longer has is dropped (the objectives tree and the SWOT can change after the balance was set).
 */
export function balanceRules(
  balance: PlanBalance,
  problem: Pick<PortfolioProblem, 'projects'>,
  context: {
    sheets: readonly SheetLinks[];
    objectives: readonly Pick<Objective, 'id' | 'parentId' | 'kind' | 'code' | 'title'>[];
    swotItems: readonly { id: string; text: string }[];
  },
): { balance: PortfolioBalanceRule[]; cover: PortfolioCoverRule[] } {
  const inside = new Set(problem.projects.map((p) => p.id));
  const sheets = context.sheets.filter((s) => inside.has(s.id));
  const objectives = new Map(context.objectives.map((o) => [o.id, o]));
  const strategicOf = (objectiveId: string | null): string | null => {
    const objective = objectiveId ? objectives.get(objectiveId) : undefined;
    if (!objective) return null;
    return objective.kind === 'strategic' ? objective.id : objective.parentId;
  };
  const bounds = (rule: { min?: number | null | undefined; max?: number | null | undefined }) => ({
    ...(rule.min !== null && rule.min !== undefined && rule.min > 0 ? { min: rule.min / 100 } : {}),
    ...(rule.max !== null && rule.max !== undefined && rule.max < 100 ? { max: rule.max / 100 } : {}),
  });
  const measureLabel = (measure: BalanceMeasure) => (measure === 'budget' ? 'budget' : 'projets');
  const rules: PortfolioBalanceRule[] = [];
  for (const rule of balance.dimensions) {
    const b = bounds(rule);
    if (b.min === undefined && b.max === undefined) continue;
    rules.push({
      id: `dimension:${rule.dimension}:${rule.measure}`,
      label: `${DIMENSION_LABELS.fr[rule.dimension]} (${measureLabel(rule.measure)})`,
      projects: sheets.filter((s) => s.dimensions.includes(rule.dimension)).map((s) => s.id),
      measure: rule.measure,
      ...b,
    });
  }
  for (const rule of balance.objectives) {
    const objective = objectives.get(rule.objectiveId);
    const b = bounds(rule);
    if (objective?.kind !== 'strategic' || (b.min === undefined && b.max === undefined)) continue;
    rules.push({
      id: `objective:${rule.objectiveId}:${rule.measure}`,
      label: `${objective.code} ${objective.title} (${measureLabel(rule.measure)})`,
      projects: sheets.filter((s) => strategicOf(s.objectiveId) === rule.objectiveId).map((s) => s.id),
      measure: rule.measure,
      ...b,
    });
  }
  const items = new Map(context.swotItems.map((item) => [item.id, item]));
  const cover: PortfolioCoverRule[] = [...new Set(balance.swotItemIds)].flatMap((id) => {
    const item = items.get(id);
    if (!item) return [];
    return [
      {
        id: `swot:${id}`,
        label: `AFOM : ${item.text.length > 120 ? `${item.text.slice(0, 119)}…` : item.text}`,
        projects: sheets.filter((s) => s.swotItemIds.includes(id)).map((s) => s.id),
      },
    ];
  });
  // Two rules on the same group and measure (typed twice): the later one wins, as in a form.
  const unique = new Map(rules.map((r) => [r.id, r]));
  return { balance: [...unique.values()], cover };
}
