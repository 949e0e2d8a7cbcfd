import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../domain/shared/schemas.ts';
import { deriveAhpWeights } from '../../domain/strategy/ahp.ts';
import { rankAlternatives } from '../../domain/strategy/promethee.ts';
import {
  AhpComparisons,
  PortfolioProblem,
  PortfolioResult,
  RankProblem,
  RankResult,
} from '../../domain/strategy/schemas.ts';
import { AhpResultSchema, PortfolioCalculatorQuery } from '../../domain/strategy/strategy-api.ts';
import { AppError, RateLimitedError, ValidationError } from '../errors.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { PortfolioSolver } from './portfolio-solver.ts';

/**
 * The strategy engines as calculators for other tools: the same PROMETHEE, AHP and portfolio code as the missions',
 * with the CLI's input and output formats. Any signed-in user may call them (they read and store nothing); each user
 * is rate-limited, the sizes are capped, and the portfolio runs in its own solver thread with a short queue, so the
 * calculators never slow the missions' plans (decision 040).
 */
export const CALCULATOR_LIMITS = {
  rankAlternatives: 2000,
  rankCriteria: 30,
  portfolioProjects: 500,
  portfolioHorizons: 6,
  /** Requests waiting for the calculator's solver thread before new ones are turned away. */
  portfolioQueue: 4,
} as const;

const tags = ['analysis'];
const access = { action: 'read', resource: 'analysis' } as const;
const withDomainErrors = {
  ...errorResponses,
  422: ApiError.describe('The problem breaks a rule (unknown id, dependency cycle, q > p…): the message names it'),
  429: ApiError.describe('Too many requests: wait and retry'),
} as const;

function rateLimit(max: number) {
  return {
    max,
    timeWindow: 60_000,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) =>
      request.actor.kind === 'user' ? `analysis|${request.actor.id}` : `analysis|${request.ip}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new RateLimitedError(Math.ceil(context.ttl / 1000)),
  };
}

export async function analysisRoutes(app: ApiInstance, options: { solver: PortfolioSolver }) {
  const { solver } = options;
  app.addHook('onClose', async () => {
    await solver.close();
  });

  app.post(
    '/api/analysis/rank',
    {
      config: { access, rateLimit: rateLimit(60) },
      schema: {
        tags,
        summary: 'PROMETHEE II ranking (the input and output of `smart-rural analyse rank`)',
        description:
          'Criteria with direction, weight (normalised) and preference function (usual, u-shape q, v-shape p, level q p, linear q p, gaussian s); alternatives with a value for every criterion. ' +
          `At most ${CALCULATOR_LIMITS.rankAlternatives} alternatives and ${CALCULATOR_LIMITS.rankCriteria} criteria; 60 calls a minute per user.`,
        body: RankProblem,
        response: { 200: RankResult, ...withDomainErrors },
      },
    },
    async (request) => {
      const { criteria, alternatives } = request.body;
      if (criteria.length > CALCULATOR_LIMITS.rankCriteria) {
        throw new ValidationError('CALCULATOR_TOO_LARGE', { field: 'criteria', max: CALCULATOR_LIMITS.rankCriteria });
      }
      if (alternatives.length > CALCULATOR_LIMITS.rankAlternatives) {
        throw new ValidationError('CALCULATOR_TOO_LARGE', {
          field: 'alternatives',
          max: CALCULATOR_LIMITS.rankAlternatives,
        });
      }
      return rankAlternatives(request.body);
    },
  );

  app.post(
    '/api/analysis/ahp',
    {
      config: { access, rateLimit: rateLimit(60) },
      schema: {
        tags,
        summary: 'AHP weights from pairwise comparisons (Saaty’s 1–9 scale), with the consistency ratio',
        description:
          'Send the whole reciprocal matrix ({ "matrix": [[1, 3], [1/3, 1]] }) or its upper triangle ({ "upperTriangle": [[3]] }). CR < 0.10 is acceptable.',
        body: AhpComparisons,
        response: { 200: AhpResultSchema, ...withDomainErrors },
      },
    },
    async (request) => deriveAhpWeights(request.body),
  );

  app.post(
    '/api/analysis/portfolio',
    {
      config: { access, rateLimit: rateLimit(10) },
      schema: {
        tags,
        summary: 'The optimal multi-year portfolio (the input and output of `smart-rural analyse portfolio`)',
        description:
          'Horizons in time order with budget and value factor; projects with value, cost and optional requires, excludes, earliest horizon, mandatory flag; optional locks. ' +
          'objective = Σ value × valueFactor of the chosen horizons; greedyObjective is the same sum for "fund in value order until the money runs out". ' +
          `At most ${CALCULATOR_LIMITS.portfolioProjects} projects and ${CALCULATOR_LIMITS.portfolioHorizons} horizons; 10 calls a minute per user.`,
        querystring: PortfolioCalculatorQuery,
        body: PortfolioProblem,
        response: { 200: PortfolioResult, ...withDomainErrors, 503: ApiError.describe('The calculator is busy') },
      },
    },
    async (request) => {
      const { projects, horizons } = request.body;
      if (projects.length > CALCULATOR_LIMITS.portfolioProjects) {
        throw new ValidationError('CALCULATOR_TOO_LARGE', {
          field: 'projects',
          max: CALCULATOR_LIMITS.portfolioProjects,
        });
      }
      if (horizons.length > CALCULATOR_LIMITS.portfolioHorizons) {
        throw new ValidationError('CALCULATOR_TOO_LARGE', {
          field: 'horizons',
          max: CALCULATOR_LIMITS.portfolioHorizons,
        });
      }
      if (solver.pending >= CALCULATOR_LIMITS.portfolioQueue) throw new AppError(503, 'CALCULATOR_BUSY');
      return solver.solve(request.body, {
        timeLimitSeconds: request.query.timeLimitSeconds,
        relativeGap: request.query.relativeGap,
      });
    },
  );
}
