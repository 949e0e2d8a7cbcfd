import { z } from 'zod';

/**
 * Input and output shapes of the strategy calculators (issue 4): the ranking of alternatives by PROMETHEE and the
 * multi-year portfolio. One schema serves the CLI (`smart-rural analyse rank|portfolio`), the HTTP API and the web
 * forms; the domain functions re-check what a schema cannot (unknown ids, q ≤ p, cycles) with DomainErrors.
 */

const Id = z.string().min(1);

export const PreferenceFunctionType = z
  .enum(['usual', 'u-shape', 'v-shape', 'level', 'linear', 'gaussian'])
  .describe('PROMETHEE generalised criterion (Brans & Vincke 1985, types I to VI)');
export type PreferenceFunctionType = z.infer<typeof PreferenceFunctionType>;

export const PreferenceFunction = z
  .strictObject({
    type: PreferenceFunctionType,
    q: z.number().min(0).optional().describe('indifference threshold, in the criterion unit (u-shape, level, linear)'),
    p: z.number().min(0).optional().describe('preference threshold, in the criterion unit (v-shape, level, linear)'),
    s: z.number().positive().optional().describe('Gaussian parameter, in the criterion unit (gaussian)'),
  })
  .describe('How a difference d on one criterion becomes a degree of preference between 0 and 1');
export type PreferenceFunction = z.infer<typeof PreferenceFunction>;

export const RankCriterion = z.strictObject({
  id: Id,
  direction: z.enum(['max', 'min']),
  weight: z.number().min(0).describe('relative importance; weights are normalised to sum to 1'),
  preference: PreferenceFunction,
});
export type RankCriterion = z.infer<typeof RankCriterion>;

export const RankAlternative = z.strictObject({
  id: Id,
  values: z.record(z.string(), z.number()).describe('evaluation on each criterion, keyed by criterion id'),
});
export type RankAlternative = z.infer<typeof RankAlternative>;

export const RankProblem = z
  .strictObject({
    criteria: z.array(RankCriterion).min(1),
    alternatives: z.array(RankAlternative),
  })
  .describe('A PROMETHEE ranking problem');
export type RankProblem = z.infer<typeof RankProblem>;

export const RankedAlternative = z.strictObject({
  id: z.string(),
  phiPlus: z.number().describe('leaving flow φ⁺: how much this alternative outranks the others'),
  phiMinus: z.number().describe('entering flow φ⁻: how much the others outrank it'),
  phi: z.number().describe('net flow φ = φ⁺ − φ⁻, between −1 and 1'),
  rank: z.number().int().min(1).describe('PROMETHEE II rank; equal net flows share a rank'),
});
export type RankedAlternative = z.infer<typeof RankedAlternative>;

export const RankResult = z.strictObject({ ranking: z.array(RankedAlternative) }).describe('PROMETHEE II ranking');
export type RankResult = z.infer<typeof RankResult>;

const Judgement = z
  .number()
  .positive()
  .describe("Saaty's scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme");

export const AhpComparisons = z
  .union([
    z.strictObject({ matrix: z.array(z.array(Judgement)).min(1).max(15) }),
    z.strictObject({
      upperTriangle: z
        .array(z.array(Judgement))
        .max(15)
        .describe('row i holds the comparisons of criterion i with criteria i+1 … n'),
    }),
  ])
  .describe('AHP pairwise comparisons, as a whole reciprocal matrix or as its upper triangle');
export type AhpComparisons = z.infer<typeof AhpComparisons>;

export const WeightScenario = z
  .strictObject({ id: Id, weights: z.record(z.string(), z.number().min(0)).describe('weight by criterion id') })
  .describe('A prioritisation scenario: one weight set');
export type WeightScenario = z.infer<typeof WeightScenario>;

export const PortfolioHorizon = z.strictObject({
  id: Id,
  budget: z.number().min(0).describe('money available in this horizon; nothing carries over unless `carryOver`'),
  valueFactor: z.number().min(0).describe('multiplies the value of a project placed in this horizon'),
});
export type PortfolioHorizon = z.infer<typeof PortfolioHorizon>;

export const PortfolioProject = z.strictObject({
  id: Id,
  value: z.number(),
  cost: z
    .number()
    .min(0)
    .describe('counted in the horizon the project is placed in, or spread over the next ones by `phasing`'),
  phasing: z
    .array(z.number().min(0).max(1))
    .min(1)
    .max(12)
    .optional()
    .describe(
      'optional: shares of the cost in the start horizon and the ones after it (sum 1); shares past the last horizon count in the last',
    ),
  requires: z.array(Id).optional().describe('projects that must be placed in the same or an earlier horizon'),
  excludes: z.array(Id).optional().describe('projects that cannot be selected together with this one'),
  earliest: Id.optional().describe('id of the first horizon this project may start in'),
  mandatory: z.boolean().optional(),
});
export type PortfolioProject = z.infer<typeof PortfolioProject>;

export const PortfolioLock = z
  .strictObject({ projectId: Id, horizonId: Id })
  .describe('a consultant fixes this project in this horizon');
export type PortfolioLock = z.infer<typeof PortfolioLock>;

export const PortfolioBalanceMeasure = z
  .enum(['budget', 'projects'])
  .describe('budget: share of what the plan spends (the projects’ costs); projects: share of the projects placed');
export type PortfolioBalanceMeasure = z.infer<typeof PortfolioBalanceMeasure>;

export const PortfolioBalanceRule = z
  .strictObject({
    id: Id,
    label: z.string().max(300).optional().describe('how the explanations name the group (a dimension, an objective)'),
    projects: z.array(Id).describe('the projects of the group; a project may be in several groups'),
    measure: PortfolioBalanceMeasure,
    min: z.number().min(0).max(1).optional().describe('the group’s share of the plan is at least this (0 … 1)'),
    max: z.number().min(0).max(1).optional().describe('the group’s share of the plan is at most this (0 … 1)'),
  })
  .describe('optional balance: the share of the plan that goes to a group of projects stays within min … max');
export type PortfolioBalanceRule = z.infer<typeof PortfolioBalanceRule>;

export const PortfolioCoverRule = z
  .strictObject({
    id: Id,
    label: z.string().max(300).optional(),
    projects: z.array(Id).describe('the projects answering the item; at least one of them is placed'),
  })
  .describe('optional coverage: at least one project of the group is in the plan (e.g. a high-priority SWOT item)');
export type PortfolioCoverRule = z.infer<typeof PortfolioCoverRule>;

export const PortfolioProblem = z
  .strictObject({
    horizons: z.array(PortfolioHorizon).min(1).describe('in time order'),
    projects: z.array(PortfolioProject),
    locks: z.array(PortfolioLock).optional(),
    balance: z
      .array(PortfolioBalanceRule)
      .max(200)
      .optional()
      .describe('optional: min/max share of the budget or of the projects per group (dimension, objective)'),
    cover: z
      .array(PortfolioCoverRule)
      .max(200)
      .optional()
      .describe('optional: groups of which at least one project must be placed'),
    carryOver: z
      .boolean()
      .optional()
      .describe('optional: money a horizon leaves unspent carries to the next ones (reserve funds); default false'),
  })
  .describe('Which project in which horizon: a multi-year portfolio problem');
export type PortfolioProblem = z.infer<typeof PortfolioProblem>;

export const PortfolioStatus = z.enum(['optimal', 'infeasible', 'time_limit']);
export type PortfolioStatus = z.infer<typeof PortfolioStatus>;

export const PortfolioPlacement = z.strictObject({ id: z.string(), horizon: z.string() });
export type PortfolioPlacement = z.infer<typeof PortfolioPlacement>;

export const PortfolioResult = z
  .strictObject({
    status: PortfolioStatus,
    objective: z.number().nullable().describe('Σ value × valueFactor of the chosen horizons; null when infeasible'),
    plan: z.array(PortfolioPlacement),
    greedyObjective: z.number().describe('the same sum for the "fund in rank order" plan'),
  })
  .describe('The optimal plan, or the best found within the time limit');
export type PortfolioResult = z.infer<typeof PortfolioResult>;
