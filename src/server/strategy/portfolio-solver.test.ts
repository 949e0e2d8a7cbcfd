import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/errors.ts';
import { explainPlan } from '../../domain/strategy/portfolio-explain.ts';
import { greedyPlan } from '../../domain/strategy/portfolio-greedy.ts';
import type { PortfolioProblem } from '../../domain/strategy/schemas.ts';
import {
  assignmentOf,
  isFeasible,
  phasedPortfolio,
  planValue,
  smallPortfolio,
  solvedAgainstBruteForce,
} from './portfolio-solver.test-support.ts';
import { closePortfolioSolver, solvePortfolio } from './portfolio-solver.ts';

afterAll(async () => {
  await closePortfolioSolver();
});

describe('solvePortfolio (HiGHS in a worker thread)', () => {
  it('finds the exhaustive-search optimum with phased costs and carry-over, in plans that keep every rule', async () => {
    await fc.assert(
      fc.asyncProperty(phasedPortfolio, async (problem) => {
        const solved = await solvedAgainstBruteForce(problem);
        if (!solved) return;
        const { result, best } = solved;
        // The greedy plan keeps the same budget rules (it may miss a mandatory project, never overspend).
        const greedy = assignmentOf(problem, greedyPlan(problem));
        if (isFeasible(problem, greedy)) expect(result.greedyObjective).toBeLessThanOrEqual(best + 1e-9);
        const explained = explainPlan(problem, result.plan);
        for (const line of explained.budgets) expect(line.used).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 80 },
    );
  });

  it('a phased project spans two horizons: the issue’s evidence, 150 000 € in with 100 000 € per horizon', async () => {
    const horizons = [
      { id: 'short', budget: 100_000, valueFactor: 1 },
      { id: 'medium', budget: 100_000, valueFactor: 0.85 },
    ];
    const projects = [
      { id: 'flagship', value: 90, cost: 150_000 },
      { id: 'small', value: 20, cost: 10_000 },
    ];
    // Whole cost in its start horizon, no carry-over: the flagship never fits, 190 000 € stay unused.
    const plain = await solvePortfolio({ horizons, projects });
    expect(plain.plan.map((p) => p.id)).toEqual(['small']);
    // Spread over two horizons (18 months from the short term: 2/3 then 1/3), it fits.
    const phased = await solvePortfolio({
      horizons,
      projects: [{ ...projects[0]!, phasing: [2 / 3, 1 / 3] }, projects[1]!],
    });
    // 100 000 € of it fill the short term, so the small project moves to the medium term.
    expect(phased.plan).toEqual([
      { id: 'flagship', horizon: 'short' },
      { id: 'small', horizon: 'medium' },
    ]);
    // Or whole in the medium term, with what the short term left carried over.
    const carried = await solvePortfolio({ horizons, projects, carryOver: true });
    expect(carried.plan).toContainEqual({ id: 'flagship', horizon: 'medium' });
    // Carry-over off again: the same problem loses the flagship.
    expect((await solvePortfolio({ horizons, projects, carryOver: false })).plan.map((p) => p.id)).toEqual(['small']);
  });

  it('finds the same optimum as exhaustive search on small random portfolios, and a plan that keeps every rule', async () => {
    await fc.assert(
      fc.asyncProperty(smallPortfolio, async (problem) => {
        const solved = await solvedAgainstBruteForce(problem);
        if (!solved) return;
        const { result, at, best } = solved;
        expect(planValue(problem, at)).toBeCloseTo(result.objective!, 9);
        // The greedy plan can miss a mandatory project; when it keeps every rule it cannot beat the optimum.
        const greedy = assignmentOf(problem, greedyPlan(problem));
        if (isFeasible(problem, greedy)) expect(result.greedyObjective).toBeLessThanOrEqual(best + 1e-9);
      }),
      { numRuns: 80 },
    );
  });

  const twoHorizons = [
    { id: 'short', budget: 10, valueFactor: 1 },
    { id: 'medium', budget: 10, valueFactor: 0.8 },
  ];

  it('places a required project in the same or an earlier horizon', async () => {
    const result = await solvePortfolio({
      horizons: twoHorizons,
      projects: [
        { id: 'sensors', value: 10, cost: 10, requires: ['fibre'] },
        { id: 'fibre', value: 1, cost: 10 },
      ],
    });
    // Without the dependency, sensors would take the short term (10 + 0.8); with it, fibre must come first.
    expect(result).toEqual({
      status: 'optimal',
      objective: 9,
      plan: [
        { id: 'fibre', horizon: 'short' },
        { id: 'sensors', horizon: 'medium' },
      ],
      greedyObjective: 9,
    });
  });

  it('never selects two projects that exclude each other', async () => {
    const result = await solvePortfolio({
      horizons: twoHorizons,
      projects: [
        { id: 'app', value: 5, cost: 2, excludes: ['kiosk'] },
        { id: 'kiosk', value: 4, cost: 2 },
      ],
    });
    expect(result.plan).toEqual([{ id: 'app', horizon: 'short' }]);
    expect(
      explainPlan(
        {
          horizons: twoHorizons,
          projects: [
            { id: 'app', value: 5, cost: 2, excludes: ['kiosk'] },
            { id: 'kiosk', value: 4, cost: 2 },
          ],
        },
        result.plan,
      ).leftOut,
    ).toEqual([
      {
        id: 'kiosk',
        reasons: [{ code: 'EXCLUDED_BY', by: 'app' }],
        message: '"kiosk" is left out: excluded by "app", which is in the plan.',
      },
    ]);
  });

  it('reports a mandatory project that fits no budget as infeasible', async () => {
    const result = await solvePortfolio({
      horizons: twoHorizons,
      projects: [
        { id: 'town hall network', value: 3, cost: 15, mandatory: true },
        { id: 'app', value: 5, cost: 2 },
      ],
    });
    expect(result).toEqual({ status: 'infeasible', objective: null, plan: [], greedyObjective: 5 });
  });

  it('keeps a locked project where the consultant put it and re-plans the rest around it', async () => {
    const problem: PortfolioProblem = {
      horizons: twoHorizons,
      projects: [
        { id: 'museum app', value: 12, cost: 10 },
        { id: 'wifi', value: 6, cost: 6 },
        { id: 'bins', value: 4, cost: 4 },
      ],
    };
    // Free: the museum app takes the whole short-term budget (12 + 0.8 × 10 = 20). Locking wifi in the short term
    // pushes the museum app to the medium term (6 + 4 + 0.8 × 12 = 19.6).
    const free = await solvePortfolio(problem);
    expect(free.plan).toContainEqual({ id: 'museum app', horizon: 'short' });
    expect(free.objective).toBeCloseTo(20, 9);
    const locked = await solvePortfolio({ ...problem, locks: [{ projectId: 'wifi', horizonId: 'short' }] });
    expect(locked.plan).toContainEqual({ id: 'wifi', horizon: 'short' });
    expect(locked.plan).toContainEqual({ id: 'bins', horizon: 'short' });
    expect(locked.plan).toContainEqual({ id: 'museum app', horizon: 'medium' });
    expect(locked.objective).toBeCloseTo(19.6, 9);
    expect(locked.objective!).toBeLessThanOrEqual(free.objective!);
  });

  it('rejects a dependency cycle with a DomainError before starting the solver', async () => {
    const attempt = solvePortfolio({
      horizons: twoHorizons,
      projects: [
        { id: 'a', value: 1, cost: 1, requires: ['b'] },
        { id: 'b', value: 1, cost: 1, requires: ['a'] },
      ],
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'PROJECT_DEPENDENCY_CYCLE' });
  });

  it('stops at the time limit with status time_limit and the best plan found, never below greedy', async () => {
    // A strongly correlated knapsack over three horizons (value = cost + 10) is hard to close quickly.
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const projects = Array.from({ length: 300 }, (_, p) => {
      const cost = 10 + Math.floor(random() * 90);
      return { id: `p${p}`, value: cost + 10, cost };
    });
    const problem: PortfolioProblem = {
      horizons: [
        { id: 'short', budget: 3000, valueFactor: 1 },
        { id: 'medium', budget: 3000, valueFactor: 0.9 },
        { id: 'long', budget: 3000, valueFactor: 0.8 },
      ],
      projects,
    };
    const result = await solvePortfolio(problem, { timeLimitSeconds: 0.05 });
    expect(['time_limit', 'optimal']).toContain(result.status);
    expect(isFeasible(problem, assignmentOf(problem, result.plan))).toBe(true);
    // Never worse than the plan a commune would draw up by hand.
    expect(result.objective!).toBeGreaterThanOrEqual(result.greedyObjective - 1e-9);
  });
});
