import { defineContract } from '../shared/contract.ts';
import { AhpComparisons, PortfolioProblem, PortfolioResult, RankProblem, RankResult } from './schemas.ts';
import { AhpResultSchema, PortfolioCalculatorQuery } from './strategy-api.ts';

/** The calculators' size caps: larger problems go through the CLI. */
export const CALCULATOR_LIMITS = {
  rankAlternatives: 2000,
  rankCriteria: 30,
  portfolioProjects: 500,
  portfolioHorizons: 6,
  /** Requests waiting for the calculator's solver thread before new ones are turned away. */
  portfolioQueue: 4,
} as const;

const rules = {
  422: 'The problem breaks a rule (unknown id, dependency cycle, q > p…): the message names it',
  429: 'Too many requests: wait and retry',
} as const;

/**
 * The strategy engines as calculators for other tools (decision 040): the input and output of `smart-rural analyse
 * rank|ahp|portfolio`, unchanged (issue 13, « Contracts that stay »). They read and store nothing and answer at once.
 */
export const analysisContract = defineContract('analysis', {
  rank: {
    method: 'POST',
    path: '/api/analysis/rank',
    summary: 'PROMETHEE II ranking (the input and output of `smart-rural analyse rank`)',
    description:
      'Criteria with direction, weight (normalised) and preference function (usual, u-shape q, v-shape p, level q p, linear q p, gaussian s); alternatives with a value for every criterion. ' +
      `At most ${CALCULATOR_LIMITS.rankAlternatives} alternatives and ${CALCULATOR_LIMITS.rankCriteria} criteria; 60 calls a minute per user.`,
    body: RankProblem,
    response: RankResult,
    refusals: rules,
  },
  ahp: {
    method: 'POST',
    path: '/api/analysis/ahp',
    summary: 'AHP weights from pairwise comparisons (Saaty’s 1–9 scale), with the consistency ratio',
    description:
      'Send the whole reciprocal matrix ({ "matrix": [[1, 3], [1/3, 1]] }) or its upper triangle ({ "upperTriangle": [[3]] }). CR < 0.10 is acceptable.',
    body: AhpComparisons,
    response: AhpResultSchema,
    refusals: rules,
  },
  portfolio: {
    method: 'POST',
    path: '/api/analysis/portfolio',
    summary: 'The optimal multi-year portfolio (the input and output of `smart-rural analyse portfolio`)',
    description:
      'Horizons in time order with budget and value factor; projects with value, cost and optional requires, excludes, earliest horizon, mandatory flag; optional locks. ' +
      'objective = Σ value × valueFactor of the chosen horizons; greedyObjective is the same sum for "fund in value order until the money runs out". ' +
      `At most ${CALCULATOR_LIMITS.portfolioProjects} projects and ${CALCULATOR_LIMITS.portfolioHorizons} horizons; 10 calls a minute per user.`,
    query: PortfolioCalculatorQuery,
    body: PortfolioProblem,
    response: PortfolioResult,
    refusals: { ...rules, 503: 'The calculator is busy' },
  },
});
