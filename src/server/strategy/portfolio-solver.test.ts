import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/shared/errors.ts';
import { explainPlan } from '../../domain/strategy/portfolio-explain.ts';
import { greedyPlan } from '../../domain/strategy/portfolio-greedy.ts';
import type { PortfolioPlacement, PortfolioProblem } from '../../domain/strategy/schemas.ts';
import { closePortfolioSolver, solvePortfolio } from './portfolio-solver.ts';

afterAll(async () => {
  await closePortfolioSolver();
});

/** Position of each project's horizon in the plan, −1 when left out. */
const assignmentOf = (problem: PortfolioProblem, plan: readonly PortfolioPlacement[]): number[] => {
  const horizonOf = new Map(plan.map((p) => [p.id, problem.horizons.findIndex((h) => h.id === p.horizon)]));
  return problem.projects.map((project) => horizonOf.get(project.id) ?? -1);
};

/** The rules of the model, written again from the text, independently of the domain code. */
const isFeasible = (problem: PortfolioProblem, at: number[]): boolean => {
  const index = new Map(problem.projects.map((p, i) => [p.id, i]));
  const horizon = new Map(problem.horizons.map((h, i) => [h.id, i]));
  const spent = problem.horizons.map(() => 0);
  for (const [p, project] of problem.projects.entries()) {
    const h = at[p]!;
    if (h < 0) {
      if (project.mandatory) return false;
      continue;
    }
    // Phasing: each share in the start horizon and the ones after it, what falls past the last in the last.
    for (const [offset, share] of (project.phasing ?? [1]).entries()) {
      const k = Math.min(problem.horizons.length - 1, h + offset);
      spent[k] = spent[k]! + project.cost * share;
    }
    if (project.earliest !== undefined && h < horizon.get(project.earliest)!) return false;
    for (const id of project.requires ?? []) {
      const hq = at[index.get(id)!]!;
      if (hq < 0 || hq > h) return false;
    }
    for (const id of project.excludes ?? []) if (at[index.get(id)!]! >= 0) return false;
  }
  for (const lock of problem.locks ?? [])
    if (at[index.get(lock.projectId)!] !== horizon.get(lock.horizonId)) return false;
  // Balance: the group's share of the plan's money (or of its projects) within min … max; an empty plan keeps it.
  for (const rule of problem.balance ?? []) {
    const placed = problem.projects.filter((_, p) => at[p]! >= 0);
    const weigh = (project: { cost: number }) => (rule.measure === 'budget' ? project.cost : 1);
    const total = placed.reduce((sum, project) => sum + weigh(project), 0);
    if (total === 0) continue;
    const share = placed.filter((q) => rule.projects.includes(q.id)).reduce((sum, q) => sum + weigh(q), 0) / total;
    if (rule.min !== undefined && share < rule.min - 1e-9) return false;
    if (rule.max !== undefined && share > rule.max + 1e-9) return false;
  }
  // Coverage: one project of the group at least.
  for (const rule of problem.cover ?? []) if (!rule.projects.some((id) => at[index.get(id)!]! >= 0)) return false;
  if (!problem.carryOver) return spent.every((s, h) => s <= problem.horizons[h]!.budget + 1e-9);
  // Carry-over: by every horizon, what was spent so far fits in what was given so far.
  let given = 0;
  let used = 0;
  return problem.horizons.every((horizon, h) => {
    given += horizon.budget;
    used += spent[h]!;
    return used <= given + 1e-9;
  });
};

const planValue = (problem: PortfolioProblem, at: number[]): number =>
  problem.projects.reduce(
    (sum, project, p) => (at[p]! < 0 ? sum : sum + project.value * problem.horizons[at[p]!]!.valueFactor),
    0,
  );

/** Every assignment of every project to "out" or one of the horizons: (H + 1)^P ≤ 4^7 plans. */
const bruteForce = (problem: PortfolioProblem): number | null => {
  const P = problem.projects.length;
  const H = problem.horizons.length;
  let best: number | null = null;
  const at = new Array<number>(P).fill(-1);
  const walk = (p: number): void => {
    if (p === P) {
      if (isFeasible(problem, at)) {
        const value = planValue(problem, at);
        if (best === null || value > best) best = value;
      }
      return;
    }
    for (let h = -1; h < H; h++) {
      at[p] = h;
      walk(p + 1);
    }
  };
  walk(0);
  return best;
};

const smallPortfolio: fc.Arbitrary<PortfolioProblem> = fc
  .record({
    horizonCount: fc.integer({ min: 1, max: 3 }),
    projectCount: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ horizonCount, projectCount }) =>
    fc.record({
      horizons: fc.tuple(
        ...Array.from({ length: horizonCount }, (_, h) =>
          fc.record({
            id: fc.constant(`h${h}`),
            budget: fc.integer({ min: 0, max: 20 }),
            valueFactor: fc.constantFrom(1, 0.8, 0.5, 0.25, 0),
          }),
        ),
      ),
      projects: fc.tuple(
        ...Array.from({ length: projectCount }, (_, p) =>
          fc.record(
            {
              id: fc.constant(`project ${p}`),
              value: fc.integer({ min: -2, max: 20 }),
              cost: fc.integer({ min: 0, max: 12 }),
              // Only earlier projects can be required, so the dependencies never form a cycle.
              requires: fc.subarray(
                Array.from({ length: p }, (_, q) => `project ${q}`),
                { maxLength: Math.min(2, p) },
              ),
              excludes: fc.subarray(
                Array.from({ length: projectCount }, (_, q) => `project ${q}`).filter((id) => id !== `project ${p}`),
                { maxLength: Math.min(1, projectCount - 1) },
              ),
              earliest: fc.constantFrom(...Array.from({ length: horizonCount }, (_, h) => `h${h}`)),
              mandatory: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
            },
            { requiredKeys: ['id', 'value', 'cost'] },
          ),
        ),
      ),
      lock: fc.option(fc.tuple(fc.nat(projectCount - 1), fc.nat(horizonCount - 1)), { freq: 4 }),
    }),
  )
  .map(({ horizons, projects, lock }): PortfolioProblem => {
    const problem: PortfolioProblem = { horizons, projects };
    if (lock) {
      const [p, h] = lock;
      const earliest = projects[p]!.earliest;
      const from = earliest === undefined ? 0 : Number(earliest.slice(1));
      problem.locks = [{ projectId: `project ${p}`, horizonId: `h${Math.max(h, from)}` }];
    }
    return problem;
  });

/** The same small portfolios, some projects phased over two or three horizons, with or without carry-over. */
const phasedPortfolio: fc.Arbitrary<PortfolioProblem> = smallPortfolio.chain((problem) =>
  fc
    .record({
      carryOver: fc.boolean(),
      phasings: fc.array(fc.constantFrom(undefined, [0.5, 0.5], [0.25, 0.75], [0.5, 0.25, 0.25]), {
        minLength: problem.projects.length,
        maxLength: problem.projects.length,
      }),
    })
    .map(({ carryOver, phasings }) => ({
      ...problem,
      carryOver,
      projects: problem.projects.map((p, i) => (phasings[i] ? { ...p, phasing: [...phasings[i]] } : p)),
    })),
);

/** The same small portfolios with one or two balance rules on random groups, and sometimes a coverage rule. */
const balancedPortfolio: fc.Arbitrary<PortfolioProblem> = smallPortfolio.chain((problem) => {
  const ids = problem.projects.map((p) => p.id);
  const rule = fc.record({
    projects: fc.subarray(ids, { minLength: 1 }),
    measure: fc.constantFrom('budget' as const, 'projects' as const),
    min: fc.option(fc.constantFrom(0.2, 0.25, 0.4, 0.5), { nil: undefined }),
    max: fc.option(fc.constantFrom(0.5, 0.6, 0.75), { nil: undefined }),
  });
  return fc
    .record({
      balance: fc.array(rule, { minLength: 1, maxLength: 2 }),
      cover: fc.option(fc.subarray(ids, { minLength: 1, maxLength: Math.min(2, ids.length) }), {
        freq: 2,
        nil: undefined,
      }),
    })
    .map(({ balance, cover }) => ({
      ...problem,
      balance: balance.map((r, i) => {
        const { min, max, ...rest } = r;
        return {
          id: `group ${i}`,
          ...rest,
          ...(min !== undefined ? { min } : {}),
          ...(max !== undefined ? { max } : {}),
        };
      }),
      ...(cover ? { cover: [{ id: 'swot', projects: cover }] } : {}),
    }));
});

describe('solvePortfolio (HiGHS in a worker thread)', () => {
  it('finds the exhaustive-search optimum under balance and coverage rules, in plans that keep every rule', async () => {
    await fc.assert(
      fc.asyncProperty(balancedPortfolio, async (problem) => {
        const best = bruteForce(problem);
        const result = await solvePortfolio(problem, { timeLimitSeconds: 20 });
        if (best === null) {
          expect(result).toMatchObject({ status: 'infeasible', objective: null, plan: [] });
          return;
        }
        expect(result.status).toBe('optimal');
        expect(result.objective).toBeCloseTo(best, 9);
        expect(isFeasible(problem, assignmentOf(problem, result.plan))).toBe(true);
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

  it('finds the exhaustive-search optimum with phased costs and carry-over, in plans that keep every rule', async () => {
    await fc.assert(
      fc.asyncProperty(phasedPortfolio, async (problem) => {
        const best = bruteForce(problem);
        const result = await solvePortfolio(problem, { timeLimitSeconds: 20 });
        if (best === null) {
          expect(result).toMatchObject({ status: 'infeasible', objective: null, plan: [] });
          return;
        }
        expect(result.status).toBe('optimal');
        expect(result.objective).toBeCloseTo(best, 9);
        const at = assignmentOf(problem, result.plan);
        expect(isFeasible(problem, at)).toBe(true);
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
        const best = bruteForce(problem);
        const result = await solvePortfolio(problem, { timeLimitSeconds: 20 });
        if (best === null) {
          expect(result).toMatchObject({ status: 'infeasible', objective: null, plan: [] });
          return;
        }
        expect(result.status).toBe('optimal');
        expect(result.objective).toBeCloseTo(best, 9);
        const at = assignmentOf(problem, result.plan);
        expect(isFeasible(problem, at)).toBe(true);
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
