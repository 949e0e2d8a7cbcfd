import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import type { Criterion } from './criteria.ts';
import { type FundingBasis, projectFunding } from './funding.ts';
import { type GaiaPlane, gaiaPlane } from './gaia.ts';
import { HORIZON_KEYS, type Horizon, HorizonKey } from './horizons.ts';
import type { ProjectSheet } from './project-sheets.ts';
import { computeFlows, type PrometheeIPair, partialOrder, rankByNetFlow } from './promethee.ts';
import type { PortfolioProblem, PreferenceFunction, RankProblem } from './schemas.ts';
import { type WeightStabilityInterval, weightStabilityIntervals } from './stability.ts';
import { proposeThresholds } from './thresholds.ts';

/**
 * A mission's strategy as the engines see it: the evaluation grid becomes a PROMETHEE ranking problem, and the
 * ranked project sheets with the horizons' budgets become a portfolio problem.
 */
export const Evaluation = z
  .object({ projectId: z.uuid(), criterionId: z.uuid(), value: z.number() })
  .meta({ id: 'Evaluation' });
export type Evaluation = z.infer<typeof Evaluation>;

export const EvaluationsInput = z.strictObject({
  values: z
    .array(
      z.strictObject({
        projectId: z.uuid(),
        criterionId: z.uuid(),
        value: z.number().nullable().describe('null clears the cell'),
      }),
    )
    .min(1)
    .max(5000),
});
export type EvaluationsInput = z.infer<typeof EvaluationsInput>;

export const PortfolioLockEntry = z
  .object({ projectId: z.uuid(), horizon: HorizonKey })
  .meta({ id: 'PortfolioLockEntry' });
export type PortfolioLockEntry = z.infer<typeof PortfolioLockEntry>;

export const LocksInput = z.strictObject({ locks: z.array(PortfolioLockEntry.strict()).max(500) });
export type LocksInput = z.infer<typeof LocksInput>;

export type StrategyData = {
  criteria: readonly Pick<Criterion, 'id' | 'direction' | 'weight' | 'preference' | 'source'>[];
  projects: readonly (Pick<
    ProjectSheet,
    | 'id'
    | 'title'
    | 'status'
    | 'investmentCost'
    | 'runningCostPerYear'
    | 'requires'
    | 'excludes'
    | 'earliestHorizon'
    | 'mandatory'
  > &
    Partial<Pick<ProjectSheet, 'funding' | 'durationMonths' | 'phasing'>>)[];
  evaluations: readonly Evaluation[];
  horizons: readonly Horizon[];
  locks: readonly PortfolioLockEntry[];
};

export type IncompleteProject = { projectId: string; missingCriterionIds: string[] };

/**
 * The preference function a criterion ranks with: as typed, or — with the rule "pairwise-quartiles" — linear with q
 * and p the quartiles of the differences between the ranked projects' values (the typed thresholds while fewer than
 * two projects differ).
 */
export function preferenceFor(
  criterion: Pick<Criterion, 'id' | 'preference'> & { thresholdRule?: Criterion['thresholdRule'] },
  alternatives: readonly { values: Record<string, number> }[],
): PreferenceFunction {
  if (criterion.thresholdRule !== 'pairwise-quartiles') return criterion.preference;
  const proposal = proposeThresholds(
    alternatives.flatMap((a) => (a.values[criterion.id] === undefined ? [] : [a.values[criterion.id]!])),
  );
  return proposal ? { type: 'linear', q: proposal.q, p: proposal.p } : criterion.preference;
}

/**
 * The ranking problem of the mission: every project not rejected whose grid row is complete, on every criterion.
 * `weights` (by criterion id) replaces the criteria's own weights, for a scenario.
 */
export function buildRankProblem(
  data: StrategyData,
  weights?: Readonly<Record<string, number>>,
): { problem: RankProblem; incomplete: IncompleteProject[] } {
  const values = new Map<string, number>();
  for (const e of data.evaluations) values.set(`${e.projectId}|${e.criterionId}`, e.value);
  const cellOf = (project: StrategyData['projects'][number], criterion: StrategyData['criteria'][number]) => {
    switch (criterion.source) {
      case 'investmentCost':
        return project.investmentCost;
      case 'runningCost':
        return project.runningCostPerYear;
      case 'manual':
        return values.get(`${project.id}|${criterion.id}`);
    }
  };
  const incomplete: IncompleteProject[] = [];
  const alternatives: RankProblem['alternatives'] = [];
  for (const project of data.projects) {
    if (project.status === 'rejected') continue;
    const row: Record<string, number> = {};
    const missing: string[] = [];
    for (const criterion of data.criteria) {
      const value = cellOf(project, criterion);
      if (value === undefined) missing.push(criterion.id);
      else row[criterion.id] = value;
    }
    if (missing.length > 0) incomplete.push({ projectId: project.id, missingCriterionIds: missing });
    else alternatives.push({ id: project.id, values: row });
  }
  return {
    problem: {
      criteria: data.criteria.map((c) => ({
        id: c.id,
        direction: c.direction,
        weight: weights?.[c.id] ?? c.weight,
        preference: preferenceFor(c, alternatives),
      })),
      alternatives,
    },
    incomplete,
  };
}

export const RankedProject = z.object({
  id: z.uuid(),
  rank: z.number().int(),
  phi: z.number(),
  phiPlus: z.number(),
  phiMinus: z.number(),
  criterionFlows: z.record(z.string(), z.number()).describe('single-criterion net flows φ_j, by criterion id'),
  priority: z.number().describe('the value the portfolio gives the project: 50 × (φ + 1), from 0 to 100'),
});
export type RankedProject = z.infer<typeof RankedProject>;

const GaiaPointSchema = z.object({ id: z.string(), x: z.number(), y: z.number() });

export const RankingAnalysis = z
  .object({
    /** Why no ranking could be made (no criteria, every weight 0), or null. */
    blocked: z.object({ code: z.string(), message: z.string() }).nullable(),
    criteria: z.array(z.object({ id: z.uuid(), weight: z.number() })).describe('normalised weights used'),
    ranking: z.array(RankedProject),
    incomplete: z.array(z.object({ projectId: z.uuid(), missingCriterionIds: z.array(z.uuid()) })),
    partialOrder: z
      .array(
        z.object({
          first: z.string(),
          second: z.string(),
          relation: z.enum(['preferred', 'indifferent', 'incomparable']),
        }),
      )
      .describe('PROMETHEE I: every pair once; when preferred, first is the one preferred'),
    gaia: z
      .object({
        delta: z.number(),
        alternatives: z.array(GaiaPointSchema),
        criteria: z.array(GaiaPointSchema),
        decisionStick: z.object({ x: z.number(), y: z.number() }),
      })
      .nullable()
      .describe('null with fewer than 2 criteria or 3 ranked projects'),
    stability: z.object({
      topK: z.number().int().nullable().describe('null: the whole ranking'),
      intervals: z.array(z.object({ criterionId: z.string(), weight: z.number(), low: z.number(), high: z.number() })),
    }),
  })
  .meta({ id: 'RankingAnalysis' });
export type RankingAnalysis = z.infer<typeof RankingAnalysis>;

/** The value of a ranked project in the portfolio: its net flow moved from [−1, 1] to [0, 100]. */
export function priorityOf(phi: number): number {
  return Math.round(50 * (phi + 1) * 1e6) / 1e6;
}

export function analyseRanking(
  data: StrategyData,
  options: { weights?: Readonly<Record<string, number>>; topK?: number | null } = {},
): RankingAnalysis {
  const { problem, incomplete } = buildRankProblem(data, options.weights);
  const topK = options.topK === undefined ? 5 : options.topK;
  const empty = (blocked: RankingAnalysis['blocked']): RankingAnalysis => ({
    blocked,
    criteria: problem.criteria.map((c) => ({ id: c.id, weight: 0 })),
    ranking: [],
    incomplete,
    partialOrder: [],
    gaia: null,
    stability: { topK, intervals: [] },
  });
  if (problem.criteria.length === 0) {
    return empty({ code: 'RANK_NO_CRITERIA', message: 'The mission has no criteria yet.' });
  }
  let flows: ReturnType<typeof computeFlows>;
  try {
    flows = computeFlows(problem);
  } catch (error) {
    if (error instanceof DomainError) return empty({ code: error.code, message: error.message });
    throw error;
  }
  const byId = new Map(flows.alternatives.map((a) => [a.id, a]));
  const ranking = rankByNetFlow(flows.alternatives).map((r) => ({
    ...r,
    criterionFlows: byId.get(r.id)!.criterionFlows,
    priority: priorityOf(r.phi),
  }));
  const plane: GaiaPlane | null =
    flows.criteria.length >= 2 && flows.alternatives.length >= 3 ? gaiaPlane(flows) : null;
  const intervals: WeightStabilityInterval[] =
    flows.alternatives.length >= 2 ? weightStabilityIntervals(flows, topK === null ? {} : { topK }) : [];
  const pairs: PrometheeIPair[] = partialOrder(flows);
  return {
    blocked: null,
    criteria: flows.criteria,
    ranking,
    incomplete,
    partialOrder: pairs,
    gaia: plane
      ? {
          delta: plane.delta,
          alternatives: plane.alternatives,
          criteria: plane.criteria,
          decisionStick: plane.decisionStick,
        }
      : null,
    stability: { topK, intervals },
  };
}

export const OUTSIDE_REASONS = ['REJECTED', 'NOT_EVALUATED', 'REQUIRES_OUTSIDE'] as const;
export const OutsideProject = z.object({
  projectId: z.uuid(),
  reason: z.enum(OUTSIDE_REASONS),
  requires: z.uuid().optional().describe('REQUIRES_OUTSIDE: the required project that is outside'),
});
export type OutsideProject = z.infer<typeof OutsideProject>;

/**
 * The portfolio problem of the mission. A project takes part when it is not rejected and is ranked (its value is its
 * priority), or must be placed anyway — mandatory, locked, or required by such a project — with the value of its rank
 * if it has one, else 0. A project that requires one outside the problem cannot be placed and stays outside too.
 * Costs are the commune's own share of each investment (investment − funding counted on `fundingBasis`, requested
 * and granted by default): the horizons' budgets are the commune's investment budgets (its extraordinary budget).
 */
export function buildPortfolioProblem(
  data: StrategyData,
  ranking: readonly Pick<RankedProject, 'id' | 'priority'>[],
  options: { fundingBasis?: FundingBasis; carryOver?: boolean } = {},
): { problem: PortfolioProblem; outside: OutsideProject[] } {
  const basis = options.fundingBasis ?? 'requested';
  const priority = new Map(ranking.map((r) => [r.id, r.priority]));
  const byId = new Map(data.projects.map((p) => [p.id, p]));
  const locked = new Map(data.locks.map((l) => [l.projectId, l.horizon]));
  const forced = new Set<string>();
  const force = (id: string): void => {
    const project = byId.get(id);
    if (!project || project.status === 'rejected' || forced.has(id)) return;
    forced.add(id);
    for (const q of project.requires) force(q);
  };
  for (const project of data.projects) if (project.mandatory || locked.has(project.id)) force(project.id);

  const inside = new Set(
    data.projects.filter((p) => p.status !== 'rejected' && (priority.has(p.id) || forced.has(p.id))).map((p) => p.id),
  );
  const outside: OutsideProject[] = data.projects
    .filter((p) => !inside.has(p.id))
    .map((p) => ({ projectId: p.id, reason: p.status === 'rejected' ? 'REJECTED' : 'NOT_EVALUATED' }));
  // Drop, until none is left, every project that requires one outside.
  let changed = true;
  while (changed) {
    changed = false;
    for (const id of inside) {
      const missing = byId.get(id)!.requires.find((q) => !inside.has(q));
      if (missing !== undefined) {
        inside.delete(id);
        outside.push({ projectId: id, reason: 'REQUIRES_OUTSIDE', requires: missing });
        changed = true;
      }
    }
  }

  const projects = data.projects
    .filter((p) => inside.has(p.id))
    .map((p) => {
      const entry: PortfolioProblem['projects'][number] = {
        id: p.id,
        value: priority.get(p.id) ?? 0,
        // The commune's own share: the budgets are what the commune pays, funding is not its money.
        cost: projectFunding(p, basis).ownShare,
      };
      if (p.requires.length > 0) entry.requires = [...p.requires];
      const excludes = p.excludes.filter((q) => inside.has(q));
      if (excludes.length > 0) entry.excludes = excludes;
      if (p.earliestHorizon) entry.earliest = p.earliestHorizon;
      if (p.mandatory) entry.mandatory = true;
      const phasing = phasingOf(p, data.horizons);
      if (phasing) entry.phasing = phasing;
      return entry;
    });
  const horizons = HORIZON_KEYS.map((key) => {
    const h = data.horizons.find((x) => x.key === key);
    return { id: key, budget: h?.budget ?? 0, valueFactor: h?.valueFactor ?? 0 };
  });
  const locks = data.locks
    .filter((l) => inside.has(l.projectId))
    .map((l) => ({ projectId: l.projectId, horizonId: l.horizon }));
  return {
    problem: {
      horizons,
      projects,
      ...(locks.length > 0 ? { locks } : {}),
      ...(options.carryOver ? { carryOver: true } : {}),
    },
    outside,
  };
}

/**
 * How a project's cost spreads over the horizons from the one it starts in: the consultant's schedule when the sheet
 * has one (percentages), else by its duration, month by month, over the lengths of the horizons from its earliest
 * start (a project of 36 months starting with a horizon of 24 months puts 2/3 there and 1/3 in the next). Horizons
 * of a mission are of similar lengths, so the same shares serve a later start. A project that fits in its start
 * horizon gets no phasing: its problem stays what it was before phasing existed.
 */
export function phasingOf(
  project: { durationMonths?: number; phasing?: readonly number[] | null; earliestHorizon?: HorizonKey | null },
  horizons: readonly Pick<Horizon, 'key' | 'startYear' | 'endYear'>[],
): number[] | undefined {
  if (project.phasing && project.phasing.length > 0) {
    const total = project.phasing.reduce((a, b) => a + b, 0);
    return project.phasing.length > 1 && total > 0 ? project.phasing.map((x) => x / total) : undefined;
  }
  const duration = project.durationMonths;
  if (!duration) return undefined;
  const from = Math.max(0, HORIZON_KEYS.indexOf(project.earliestHorizon ?? 'short'));
  const lengths = HORIZON_KEYS.slice(from).map((key) => {
    const h = horizons.find((x) => x.key === key);
    return h ? (h.endYear - h.startYear + 1) * 12 : 24;
  });
  const shares: number[] = [];
  let left = duration;
  for (const length of lengths) {
    if (left <= 0) break;
    const months = Math.min(left, length);
    shares.push(months / duration);
    left -= months;
  }
  // Months past the last horizon count in the last one (the portfolio folds them there too).
  if (left > 0 && shares.length > 0) shares[shares.length - 1]! += left / duration;
  return shares.length > 1 ? shares : undefined;
}
