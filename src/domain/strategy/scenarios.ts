import { DomainError } from '../shared/errors.ts';
import { FLOW_TIE_TOLERANCE, rankAlternatives } from './promethee.ts';
import type { RankedAlternative, RankProblem, WeightScenario } from './schemas.ts';

/**
 * Prioritisation scenarios: the same evaluations ranked under several weight sets, side by side, with how much each
 * pair of scenarios agrees (Kendall's τ_b and Spearman's ρ on the net flows).
 */
export type ScenarioComparison = {
  scenarios: { id: string; ranking: RankedAlternative[] }[];
  /** One row per alternative, in input order: its rank in each scenario. */
  ranks: { id: string; ranks: Record<string, number> }[];
  /** One entry per pair of scenarios; null when a scenario ranks every alternative equal (no order to compare). */
  agreement: { first: string; second: string; kendallTau: number | null; spearmanRho: number | null }[];
};

export function compareScenarios(problem: RankProblem, scenarios: readonly WeightScenario[]): ScenarioComparison {
  const criterionIds = new Set(problem.criteria.map((c) => c.id));
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    if (seen.has(scenario.id)) {
      throw new DomainError('SCENARIO_DUPLICATE', `Scenario "${scenario.id}" is listed twice.`, {
        scenario: scenario.id,
      });
    }
    seen.add(scenario.id);
    for (const key of Object.keys(scenario.weights)) {
      if (!criterionIds.has(key)) {
        throw new DomainError(
          'SCENARIO_UNKNOWN_CRITERION',
          `Scenario "${scenario.id}" weighs "${key}", which is not a criterion.`,
          { scenario: scenario.id, criterion: key },
        );
      }
    }
    for (const id of criterionIds) {
      if (!Object.hasOwn(scenario.weights, id)) {
        throw new DomainError('SCENARIO_MISSING_WEIGHT', `Scenario "${scenario.id}" gives no weight to "${id}".`, {
          scenario: scenario.id,
          criterion: id,
        });
      }
    }
  }

  const ranked = scenarios.map((scenario) => ({
    id: scenario.id,
    ranking: rankAlternatives({
      ...problem,
      criteria: problem.criteria.map((c) => ({ ...c, weight: scenario.weights[c.id]! })),
    }).ranking,
  }));
  const lookups = ranked.map((s) => new Map(s.ranking.map((r) => [r.id, r])));
  const ranks = problem.alternatives.map((a) => ({
    id: a.id,
    ranks: Object.fromEntries(ranked.map((s, i) => [s.id, lookups[i]!.get(a.id)!.rank])),
  }));

  const netFlows = lookups.map((lookup) => problem.alternatives.map((a) => lookup.get(a.id)!.phi));
  const agreement: ScenarioComparison['agreement'] = [];
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      agreement.push({
        first: ranked[i]!.id,
        second: ranked[j]!.id,
        kendallTau: kendallTauB(netFlows[i]!, netFlows[j]!),
        spearmanRho: spearmanRho(netFlows[i]!, netFlows[j]!),
      });
    }
  }
  return { scenarios: ranked, ranks, agreement };
}

const sign = (x: number) => (Math.abs(x) <= FLOW_TIE_TOLERANCE ? 0 : x > 0 ? 1 : -1);

/** Kendall's τ_b (ties counted as in Kendall 1945): (C − D) / √((n0 − n1)(n0 − n2)). Quadratic in n. */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  let concordantMinusDiscordant = 0;
  let pairsUntiedX = 0;
  let pairsUntiedY = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const sx = sign(x[i]! - x[j]!);
      const sy = sign(y[i]! - y[j]!);
      concordantMinusDiscordant += sx * sy;
      if (sx !== 0) pairsUntiedX++;
      if (sy !== 0) pairsUntiedY++;
    }
  }
  const denominator = Math.sqrt(pairsUntiedX * pairsUntiedY);
  return denominator > 0 ? concordantMinusDiscordant / denominator : null;
}

/** Spearman's ρ: the Pearson correlation of the ranks, tied values taking the mean of the ranks they span. */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  const rx = fractionalRanks(x);
  const ry = fractionalRanks(y);
  const n = x.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mean) * (ry[i]! - mean);
    sxx += (rx[i]! - mean) ** 2;
    syy += (ry[i]! - mean) ** 2;
  }
  const denominator = Math.sqrt(sxx * syy);
  return denominator > 0 ? sxy / denominator : null;
}

function fractionalRanks(values: readonly number[]): number[] {
  const order = [...values.keys()].sort((i, j) => values[j]! - values[i]!);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && sign(values[order[start]!]! - values[order[end]!]!) === 0) end++;
    const shared = (start + 1 + end) / 2;
    for (let t = start; t < end; t++) ranks[order[t]!] = shared;
    start = end;
  }
  return ranks;
}
