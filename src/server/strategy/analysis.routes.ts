import type { RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { deriveAhpWeights } from '../../domain/strategy/ahp.ts';
import { analysisContract, CALCULATOR_LIMITS } from '../../domain/strategy/analysis.contract.ts';
import { rankAlternatives } from '../../domain/strategy/promethee.ts';
import { AppError, RateLimitedError, ValidationError } from '../errors.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { PortfolioSolver } from './portfolio-solver.ts';

const access = { action: 'read', resource: 'analysis' } as const;

function rateLimit(max: number): RateLimitOptions {
  return {
    max,
    timeWindow: 60_000,
    hook: 'preHandler',
    keyGenerator: (request: FastifyRequest) =>
      request.actor.kind === 'user' ? `analysis|${request.actor.id}` : `analysis|${request.ip}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new RateLimitedError(Math.ceil(context.ttl / 1000)),
  };
}

/** Refuses a list longer than the calculator's cap, naming the field. */
function capped(field: string, length: number, max: number): void {
  if (length > max) throw new ValidationError('CALCULATOR_TOO_LARGE', { field, max });
}

/**
 * The strategy engines as calculators for other tools, registered from their contract
 * (src/domain/strategy/analysis.contract.ts): the same PROMETHEE, AHP and portfolio code as the missions', with the
 * CLI's input and output formats. Any signed-in user may call them (they read and store nothing); each user is
 * rate-limited, the sizes are capped, and the portfolio runs in its own solver thread with a short queue, so the
 * calculators never slow the missions' plans (decision 040). They answer at once: no job, no stored run.
 */
export async function analysisRoutes(app: ApiInstance, options: { solver: PortfolioSolver }) {
  const { solver } = options;
  const c = analysisContract;
  app.addHook('onClose', async () => {
    await solver.close();
  });

  registerContract(
    app,
    c.rank,
    access,
    (request) => {
      const { criteria, alternatives } = request.body;
      capped('criteria', criteria.length, CALCULATOR_LIMITS.rankCriteria);
      capped('alternatives', alternatives.length, CALCULATOR_LIMITS.rankAlternatives);
      return rankAlternatives(request.body);
    },
    { rateLimit: rateLimit(60) },
  );

  registerContract(app, c.ahp, access, (request) => deriveAhpWeights(request.body), { rateLimit: rateLimit(60) });

  registerContract(
    app,
    c.portfolio,
    access,
    (request) => {
      const { projects, horizons } = request.body;
      capped('projects', projects.length, CALCULATOR_LIMITS.portfolioProjects);
      capped('horizons', horizons.length, CALCULATOR_LIMITS.portfolioHorizons);
      if (solver.pending >= CALCULATOR_LIMITS.portfolioQueue) throw new AppError(503, 'CALCULATOR_BUSY');
      return solver.solve(request.body, {
        timeLimitSeconds: request.query.timeLimitSeconds,
        relativeGap: request.query.relativeGap,
      });
    },
    { rateLimit: rateLimit(10) },
  );
}
