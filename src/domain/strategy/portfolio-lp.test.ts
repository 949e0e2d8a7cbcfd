import { describe, expect, it } from 'vitest';
import { buildPortfolioLp, readPortfolioSolution } from './portfolio-lp.ts';
import type { PortfolioProblem } from './schemas.ts';
import { domainErrorOf, portfolioHorizons } from './strategy-fixtures.test-support.ts';

describe('buildPortfolioLp', () => {
  it('names variables by position, so ids with spaces, quotes or LP keywords are harmless', () => {
    const lp = buildPortfolioLp({
      horizons: [{ id: 'Subject To', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'x0_0 <= 1', value: 3, cost: 2, excludes: ['End \\ "quoted"'] },
        { id: 'End \\ "quoted"', value: 2, cost: 2, mandatory: true },
      ],
    });
    expect(lp).not.toContain('quoted');
    expect(lp).toContain(' once1: + 1 x1_0 = 1');
    expect(lp).toContain(' excl0_1: + 1 x0_0 + 1 x1_0 <= 1');
    expect(lp.trimEnd().endsWith('End')).toBe(true);
  });

  it('creates no variable before a project can start, and ties a requirement to the same or an earlier horizon', () => {
    const lp = buildPortfolioLp({
      horizons: portfolioHorizons,
      projects: [
        { id: 'fibre', value: 10, cost: 60, earliest: 'medium' },
        { id: 'sensors', value: 6, cost: 30, requires: ['fibre'] },
      ],
    });
    expect(lp).not.toMatch(/x0_0\b/);
    expect(lp).toContain(' req1_0_0: - 1 x1_0 >= 0');
    expect(lp).toContain(' req1_0_2: + 1 x0_1 + 1 x0_2 - 1 x1_2 >= 0');
  });
});

describe('readPortfolioSolution', () => {
  const problem: PortfolioProblem = {
    horizons: [
      { id: 'short', budget: 10, valueFactor: 1 },
      { id: 'long', budget: 10, valueFactor: 0.5 },
    ],
    projects: [
      { id: 'a', value: 6, cost: 5 },
      { id: 'b', value: 4, cost: 10 },
    ],
  };
  const columns = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([name, Primal]) => [name, { Primal }]));

  it('maps variables back to ids and recomputes the objective', () => {
    const result = readPortfolioSolution(problem, {
      Status: 'Optimal',
      ObjectiveValue: 8.0000001,
      Columns: columns({ x0_0: 1, x0_1: 0, x1_0: 1e-9, x1_1: 0.9999999 }),
    });
    expect(result).toEqual({
      status: 'optimal',
      objective: 8,
      plan: [
        { id: 'a', horizon: 'short' },
        { id: 'b', horizon: 'long' },
      ],
      greedyObjective: 8,
    });
  });

  it('reports infeasibility', () => {
    expect(readPortfolioSolution(problem, { Status: 'Infeasible' })).toMatchObject({
      status: 'infeasible',
      objective: null,
    });
  });

  describe('after a time limit, returns the better of the solver incumbent and the greedy plan', () => {
    const flagship: PortfolioProblem = {
      horizons: [{ id: 'only', budget: 10, valueFactor: 1 }],
      projects: [
        { id: 'flagship', value: 10, cost: 10 },
        { id: 'a', value: 6, cost: 5 },
        { id: 'b', value: 6, cost: 5 },
      ],
    };
    it('the incumbent when it beats greedy', () => {
      expect(
        readPortfolioSolution(flagship, {
          Status: 'Time limit reached',
          Columns: columns({ x0_0: 0, x1_0: 1, x2_0: 1 }),
        }),
      ).toEqual({
        status: 'time_limit',
        objective: 12,
        plan: [
          { id: 'a', horizon: 'only' },
          { id: 'b', horizon: 'only' },
        ],
        greedyObjective: 10,
      });
    });
    it('the greedy plan when the incumbent is worse, or missing', () => {
      const greedy = { status: 'time_limit', objective: 10, plan: [{ id: 'flagship', horizon: 'only' }] };
      expect(
        readPortfolioSolution(flagship, {
          Status: 'Time limit reached',
          Columns: columns({ x0_0: 0, x1_0: 1, x2_0: 0 }),
        }),
      ).toMatchObject(greedy);
      expect(readPortfolioSolution(flagship, { Status: 'Time limit reached', Columns: {} })).toMatchObject(greedy);
    });
    it('no plan when neither keeps the rules', () => {
      const mandatory: PortfolioProblem = {
        ...flagship,
        projects: [...flagship.projects, { id: 'must', value: 1, cost: 11, mandatory: true }],
      };
      expect(readPortfolioSolution(mandatory, { Status: 'Time limit reached', Columns: {} })).toMatchObject({
        status: 'time_limit',
        objective: null,
        plan: [],
      });
    });
  });

  it('turns a solver failure into a DomainError', () => {
    expect(domainErrorOf(() => readPortfolioSolution(problem, { Status: 'Solve error' }))?.code).toBe(
      'PORTFOLIO_SOLVER_FAILED',
    );
  });
});
