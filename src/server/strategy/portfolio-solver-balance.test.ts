import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { explainPlan } from '../../domain/strategy/portfolio-explain.ts';
import type { PortfolioPlacement, PortfolioProblem } from '../../domain/strategy/schemas.ts';
import {
  assignmentOf,
  balancedPortfolio,
  bruteForce,
  isFeasible,
  solvedAgainstBruteForce,
} from './portfolio-solver.test-support.ts';
import { closePortfolioSolver, solvePortfolio } from './portfolio-solver.ts';

afterAll(async () => {
  await closePortfolioSolver();
});

describe('solvePortfolio (HiGHS in a worker thread)', () => {
  it('finds the exhaustive-search optimum under balance and coverage rules, in plans that keep every rule', async () => {
    await fc.assert(
      fc.asyncProperty(balancedPortfolio, async (problem) => {
        const solved = await solvedAgainstBruteForce(problem);
        if (!solved) return;
        const { result } = solved;
        // Every project the explanation says a balance rule holds back would indeed break that rule if added.
        const explained = explainPlan(problem, result.plan);
        for (const line of explained.balance) {
          for (const id of line.holdsBack) {
            const at = assignmentOf(problem, result.plan);
            const p = problem.projects.findIndex((x) => x.id === id);
            at[p] = problem.horizons.length - 1;
            expect(
              isFeasible({ ...problem, cover: [], balance: problem.balance!.filter((r) => r.id === line.id) }, at),
            ).toBe(false);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  describe('each balance rule on a small case solved by hand', () => {
    // Four projects, one horizon of 100: unconstrained, the two valuable mobility projects fill the budget.
    const horizons = [{ id: 'only', budget: 100, valueFactor: 1 }];
    const projects = [
      { id: 'bus', value: 10, cost: 50 },
      { id: 'bikes', value: 9, cost: 50 },
      { id: 'portal', value: 6, cost: 40 },
      { id: 'library', value: 2, cost: 10 },
    ];
    const mobility = ['bus', 'bikes'];
    const ids = (plan: readonly PortfolioPlacement[]) => plan.map((p) => p.id).sort();

    it('without rules: bus and bikes (value 19)', async () => {
      const result = await solvePortfolio({ horizons, projects });
      expect(ids(result.plan)).toEqual(['bikes', 'bus']);
      expect(bruteForce({ horizons, projects })).toBe(19);
    });

    it('mobility at most 60 % of the budget: bus, portal and library, the bikes held back (value 18)', async () => {
      const problem: PortfolioProblem = {
        horizons: [{ id: 'only', budget: 150, valueFactor: 1 }],
        projects,
        balance: [{ id: 'mobility', projects: mobility, measure: 'budget', max: 0.6 }],
      };
      // Unconstrained: bus + bikes + portal (140, value 25) gives mobility 100/140 = 71 %. Any plan with both mobility
      // projects stays above 60 % (100 of at most 150), so one goes: bus + portal + library, 50 of 100 = 50 %.
      const result = await solvePortfolio(problem);
      expect(ids(result.plan)).toEqual(['bus', 'library', 'portal']);
      expect(result.objective).toBe(18);
      expect(bruteForce(problem)).toBe(18);
      const explained = explainPlan(problem, result.plan);
      // 50 € are left: the money would take the bikes, the balance rule does not.
      expect(explained.balance[0]).toMatchObject({ share: 0.5, binds: true, holdsBack: ['bikes'] });
      expect(explained.leftOut).toEqual([
        expect.objectContaining({
          id: 'bikes',
          reasons: [{ code: 'HELD_BY_BALANCE', rule: 'mobility', label: 'mobility', bound: 'max', limit: 0.6 }],
        }),
      ]);
    });

    it('mobility at most half of the projects: one mobility project per other project placed', async () => {
      const problem: PortfolioProblem = {
        horizons,
        projects,
        balance: [{ id: 'mobility', projects: mobility, measure: 'projects', max: 0.5 }],
      };
      const result = await solvePortfolio(problem);
      expect(ids(result.plan)).toEqual(['bus', 'library', 'portal']);
      expect(result.objective).toBe(bruteForce(problem));
    });

    it('the rest at least 50 % of the budget: the portal and the library go in, one mobility project only', async () => {
      const problem: PortfolioProblem = {
        horizons: [{ id: 'only', budget: 150, valueFactor: 1 }],
        projects,
        balance: [{ id: 'others', projects: ['portal', 'library'], measure: 'budget', min: 0.5 }],
      };
      const result = await solvePortfolio(problem);
      // Unconstrained: bus + bikes + portal (140, value 25), others 40/140 = 29 %. With the minimum: bus + portal +
      // library (100, value 18), others 50 %.
      expect(ids(result.plan)).toEqual(['bus', 'library', 'portal']);
      expect(result.objective).toBe(18);
      expect(bruteForce(problem)).toBe(18);
    });

    it('a high-priority SWOT item answered only by the library: the library is in', async () => {
      const problem: PortfolioProblem = { horizons, projects, cover: [{ id: 'swot', projects: ['library'] }] };
      const result = await solvePortfolio(problem);
      expect(ids(result.plan)).toContain('library');
      expect(result.objective).toBe(bruteForce(problem));
      expect(explainPlan(problem, result.plan).cover).toEqual([{ id: 'swot', label: 'swot', placed: ['library'] }]);
    });

    it('a SWOT item no project answers: infeasible, and said so', async () => {
      const problem: PortfolioProblem = {
        horizons,
        projects,
        cover: [{ id: 'swot', label: 'AFOM : pas de bus le soir', projects: [] }],
      };
      const result = await solvePortfolio(problem);
      expect(result.status).toBe('infeasible');
      expect(bruteForce(problem)).toBeNull();
    });
  });
});
