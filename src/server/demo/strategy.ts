import type { Dimension } from '../../domain/shared/dimensions.ts';
import { DEFAULT_CRITERIA, WeightsInput } from '../../domain/strategy/criteria.ts';
import { HorizonsInput } from '../../domain/strategy/horizons.ts';
import { EvaluationsInput } from '../../domain/strategy/mission-model.ts';
import { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';
import { DEMO_CONTEXT, type DemoServices } from './context.ts';

/** Scores (1–5) on the default criteria a consultant scores by hand, by their key. */
export type Scores = Record<'impact' | 'alignment' | 'feasibility' | 'risk' | 'pooling' | 'openness', number>;

export type SheetSpec = {
  title: string;
  description: string;
  dimensions: Dimension[];
  owner: string;
  investmentCost: number;
  runningCostPerYear: number;
  durationMonths: number;
  scores: Scores;
};

export type StrategySpec = {
  sheets: SheetSpec[];
  /** Weights of the default criteria, by key (the consultant's and the college's choice). */
  weights: Partial<Record<(typeof DEFAULT_CRITERIA)[number]['key'], number>>;
  /** Investment budgets of the short, medium and long term. */
  budgets: [number, number, number];
  /**
   * approve: compute the plan and approve it (the mission then goes into implementation); compute: leave the plan for
   * the college to discuss; decided: the sheets were approved one by one, without a computed plan (older missions:
   * it spares the first start a solver run).
   */
  plan: 'approve' | 'compute' | 'decided';
};

/**
 * Project sheets scored on the criteria, the weights, the horizons' budgets and a plan computed by the same solver as
 * a consultant's request (HiGHS in its thread); returns the sheets' ids in the spec's order.
 */
export async function seedStrategy(s: DemoServices, missionId: string, spec: StrategySpec): Promise<string[]> {
  const ids: string[] = [];
  for (const sheet of spec.sheets) {
    const { title, description, dimensions, owner, investmentCost, runningCostPerYear, durationMonths } = sheet;
    const created = await s.strategy.sheets.createProject(
      DEMO_CONTEXT,
      missionId,
      ProjectSheetCreateInput.parse({
        ...{ title, description, dimensions, owner, investmentCost, runningCostPerYear, durationMonths },
        status: spec.plan === 'decided' ? 'approved' : 'proposed',
      }),
    );
    ids.push(created.id);
  }
  const state = await s.strategy.state.state(DEMO_CONTEXT.actor, missionId);
  const keyOf = new Map(DEFAULT_CRITERIA.map((c) => [c.name, c.key]));
  const criteria = state.criteria.map((c) => ({ ...c, key: keyOf.get(c.name) }));
  await s.strategy.criteria.setWeights(
    DEMO_CONTEXT,
    missionId,
    WeightsInput.parse({
      weights: Object.fromEntries(
        criteria.map((c) => [c.id, spec.weights[c.key as keyof StrategySpec['weights']] ?? c.weight]),
      ),
    }),
  );
  const values = spec.sheets.flatMap((sheet, i) =>
    criteria
      .filter((c) => c.source === 'manual' && c.key && c.key in sheet.scores)
      .map((c) => ({ projectId: ids[i]!, criterionId: c.id, value: sheet.scores[c.key as keyof Scores] })),
  );
  await s.strategy.evaluations.setEvaluations(DEMO_CONTEXT, missionId, EvaluationsInput.parse({ values }));
  await s.strategy.plan.setHorizons(
    DEMO_CONTEXT,
    missionId,
    HorizonsInput.parse({
      horizons: state.horizons.map(({ key, valueFactor, startYear, endYear }, i) => ({
        key,
        valueFactor,
        startYear,
        endYear,
        budget: spec.budgets[i] ?? 0,
      })),
    }),
  );
  if (spec.plan === 'decided') return ids;
  await s.strategy.plan.requestPlan(DEMO_CONTEXT, missionId, { timeLimitSeconds: 10, relativeGap: 1e-4 });
  await s.planner.idle();
  if (spec.plan === 'approve') await s.strategy.plan.approvePlan(DEMO_CONTEXT, missionId);
  return ids;
}
