import { DomainError } from '../shared/errors.ts';
import { type CheckedPreference, checkPreference, preferenceDegree } from './preference-functions.ts';
import type { RankProblem, RankResult } from './schemas.ts';
import { type FlowSums, pairwiseFlowSums, sortedFlowSums } from './unicriterion-flows.ts';

/**
 * PROMETHEE I and II (Brans 1982; Brans & Vincke 1985; Brans & Mareschal 2005): outranking flows from pairwise
 * preference degrees, the complete ranking by net flow, the partial order, and the single-criterion net flows that
 * GAIA and the weight stability intervals are built on.
 */

/** Net flows closer than this are a tie: they come from sums of weights and can differ in the last bits only. */
export const FLOW_TIE_TOLERANCE = 1e-9;

export type CheckedCriterion = {
  id: string;
  /** Normalised: the weights of a problem sum to 1. */
  weight: number;
  preference: CheckedPreference;
  /** Evaluations oriented so that more is better (a criterion to minimise is negated), in alternative order. */
  oriented: Float64Array;
};

export type CheckedRankProblem = { alternatives: string[]; criteria: CheckedCriterion[] };

export type AlternativeFlows = {
  id: string;
  phiPlus: number;
  phiMinus: number;
  phi: number;
  /** φ_j(a) = (Σ_b P_j(a,b) − P_j(b,a)) / (n − 1), unweighted, by criterion id: φ = Σ_j w_j φ_j. */
  criterionFlows: Record<string, number>;
};

export type PrometheeFlows = {
  /** Criterion ids and normalised weights, in input order. */
  criteria: { id: string; weight: number }[];
  /** In input order. */
  alternatives: AlternativeFlows[];
};

/** `pairwise` is the plain O(n²k) formulation; `sorted` is O(k n log n), Gaussian criteria excepted (pairwise). */
export type FlowMethod = 'pairwise' | 'sorted';

export function checkRankProblem(problem: RankProblem): CheckedRankProblem {
  if (problem.criteria.length === 0) {
    throw new DomainError('RANK_NO_CRITERIA', 'A ranking needs at least one criterion.');
  }
  const criterionIds = new Set<string>();
  for (const criterion of problem.criteria) {
    if (criterionIds.has(criterion.id)) {
      throw new DomainError('RANK_DUPLICATE_CRITERION', `Criterion "${criterion.id}" is listed twice.`, {
        criterion: criterion.id,
      });
    }
    criterionIds.add(criterion.id);
    if (!Number.isFinite(criterion.weight) || criterion.weight < 0) {
      throw new DomainError(
        'RANK_NEGATIVE_WEIGHT',
        `Criterion "${criterion.id}": the weight must be a finite number ≥ 0, got ${criterion.weight}.`,
        { criterion: criterion.id },
      );
    }
  }
  const totalWeight = problem.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (!(totalWeight > 0)) {
    throw new DomainError('RANK_WEIGHTS_ALL_ZERO', 'At least one criterion needs a weight above 0.');
  }

  const alternativeIds = new Set<string>();
  for (const alternative of problem.alternatives) {
    if (alternativeIds.has(alternative.id)) {
      throw new DomainError('RANK_DUPLICATE_ALTERNATIVE', `Alternative "${alternative.id}" is listed twice.`, {
        alternative: alternative.id,
      });
    }
    alternativeIds.add(alternative.id);
    for (const key of Object.keys(alternative.values)) {
      if (!criterionIds.has(key)) {
        throw new DomainError(
          'RANK_UNKNOWN_CRITERION',
          `Alternative "${alternative.id}" has a value for "${key}", which is not a criterion.`,
          { alternative: alternative.id, criterion: key },
        );
      }
    }
  }

  const criteria = problem.criteria.map((criterion): CheckedCriterion => {
    const preference = checkPreference(criterion.id, criterion.preference);
    const sign = criterion.direction === 'max' ? 1 : -1;
    const oriented = Float64Array.from(problem.alternatives, (alternative) => {
      const value = Object.hasOwn(alternative.values, criterion.id) ? alternative.values[criterion.id] : undefined;
      if (value === undefined) {
        throw new DomainError(
          'RANK_MISSING_VALUE',
          `Alternative "${alternative.id}" has no value for criterion "${criterion.id}".`,
          { alternative: alternative.id, criterion: criterion.id },
        );
      }
      if (!Number.isFinite(value)) {
        throw new DomainError(
          'RANK_VALUE_NOT_FINITE',
          `Alternative "${alternative.id}": the value for criterion "${criterion.id}" must be a finite number.`,
          { alternative: alternative.id, criterion: criterion.id },
        );
      }
      return sign * value;
    });
    return { id: criterion.id, weight: criterion.weight / totalWeight, preference, oriented };
  });
  return { alternatives: problem.alternatives.map((a) => a.id), criteria };
}

export function computeFlows(problem: RankProblem, options: { method?: FlowMethod } = {}): PrometheeFlows {
  return flowsOf(checkRankProblem(problem), options.method ?? 'sorted');
}

export function flowsOf(checked: CheckedRankProblem, method: FlowMethod): PrometheeFlows {
  const n = checked.alternatives.length;
  // With a single alternative there is nothing to outrank: every flow is 0 rather than 0/0.
  const scale = n > 1 ? 1 / (n - 1) : 0;
  // A Gaussian criterion has no sorted shortcut, and the pairwise loop visits each pair once instead of twice.
  const sums: FlowSums[] = checked.criteria.map((c) =>
    method === 'pairwise' || c.preference.type === 'gaussian'
      ? pairwiseFlowSums(c.oriented, c.preference)
      : sortedFlowSums(c.oriented, c.preference),
  );
  const alternatives = checked.alternatives.map((id, a): AlternativeFlows => {
    let phiPlus = 0;
    let phiMinus = 0;
    const criterionFlows: Record<string, number> = {};
    checked.criteria.forEach((criterion, j) => {
      const leaving = sums[j]!.leaving[a]! * scale;
      const entering = sums[j]!.entering[a]! * scale;
      phiPlus += criterion.weight * leaving;
      phiMinus += criterion.weight * entering;
      criterionFlows[criterion.id] = leaving - entering;
    });
    return { id, phiPlus, phiMinus, phi: phiPlus - phiMinus, criterionFlows };
  });
  return { criteria: checked.criteria.map(({ id, weight }) => ({ id, weight })), alternatives };
}

/** PROMETHEE II: the output of `smart-rural analyse rank`. */
export function rankAlternatives(problem: RankProblem, options: { method?: FlowMethod } = {}): RankResult {
  return { ranking: rankByNetFlow(computeFlows(problem, options).alternatives) };
}

/**
 * Sorted by decreasing φ, ties by id so the order is stable. Equal net flows share the rank of the first of them
 * (1, 2, 2, 4), as in a sports table.
 */
export function rankByNetFlow(flows: readonly Pick<AlternativeFlows, 'id' | 'phiPlus' | 'phiMinus' | 'phi'>[]) {
  const ordered = [...flows].sort((x, y) =>
    Math.abs(x.phi - y.phi) > FLOW_TIE_TOLERANCE ? y.phi - x.phi : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  );
  let rank = 0;
  return ordered.map((flow, index) => {
    const previous = ordered[index - 1];
    if (previous === undefined || Math.abs(previous.phi - flow.phi) > FLOW_TIE_TOLERANCE) rank = index + 1;
    return { id: flow.id, phiPlus: flow.phiPlus, phiMinus: flow.phiMinus, phi: flow.phi, rank };
  });
}

export type PrometheeIRelation = 'preferred' | 'indifferent' | 'incomparable';

/** One pair of the PROMETHEE I partial order; when `preferred`, `first` is the one preferred. */
export type PrometheeIPair = { first: string; second: string; relation: PrometheeIRelation };

/**
 * PROMETHEE I (Brans & Mareschal 2005, §3.3): a is preferred to b when its leaving flow is at least as large and its
 * entering flow at most as large, one of them strictly; indifferent when both are equal; incomparable when the two
 * flows disagree — a is better at outranking, b at not being outranked.
 */
export function comparePrometheeI(
  a: Pick<AlternativeFlows, 'phiPlus' | 'phiMinus'>,
  b: Pick<AlternativeFlows, 'phiPlus' | 'phiMinus'>,
): 'a' | 'b' | 'indifferent' | 'incomparable' {
  const plus = compareWithTolerance(a.phiPlus, b.phiPlus);
  const minus = compareWithTolerance(b.phiMinus, a.phiMinus);
  if (plus === 0 && minus === 0) return 'indifferent';
  if (plus >= 0 && minus >= 0) return 'a';
  if (plus <= 0 && minus <= 0) return 'b';
  return 'incomparable';
}

/** Every unordered pair once, in input order. Quadratic in the number of alternatives: meant for display. */
export function partialOrder(flows: PrometheeFlows): PrometheeIPair[] {
  const pairs: PrometheeIPair[] = [];
  const { alternatives } = flows;
  for (let i = 0; i < alternatives.length; i++) {
    for (let j = i + 1; j < alternatives.length; j++) {
      const a = alternatives[i]!;
      const b = alternatives[j]!;
      const outcome = comparePrometheeI(a, b);
      if (outcome === 'a') pairs.push({ first: a.id, second: b.id, relation: 'preferred' });
      else if (outcome === 'b') pairs.push({ first: b.id, second: a.id, relation: 'preferred' });
      else pairs.push({ first: a.id, second: b.id, relation: outcome });
    }
  }
  return pairs;
}

/** The aggregated preference indices π(a,b) = Σ_j w_j P_j(a,b), rows and columns in alternative order. */
export function preferenceIndices(problem: RankProblem): { alternatives: string[]; pi: number[][] } {
  const checked = checkRankProblem(problem);
  const n = checked.alternatives.length;
  const pi = Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) =>
      checked.criteria.reduce(
        (sum, c) => sum + c.weight * preferenceDegree(c.preference, c.oriented[a]! - c.oriented[b]!),
        0,
      ),
    ),
  );
  return { alternatives: checked.alternatives, pi };
}

function compareWithTolerance(x: number, y: number): number {
  return Math.abs(x - y) <= FLOW_TIE_TOLERANCE ? 0 : x > y ? 1 : -1;
}
