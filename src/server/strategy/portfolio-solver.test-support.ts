import fc from 'fast-check';
import { expect } from 'vitest';
import type { PortfolioPlacement, PortfolioProblem } from '../../domain/strategy/schemas.ts';
import { solvePortfolio } from './portfolio-solver.ts';

/**
 * Shared by the solver's tests: the model's rules written again from the text, an exhaustive search over
 * small portfolios, and generators of such portfolios (plain, phased, with balance and coverage rules).
 */
/** Position of each project's horizon in the plan, −1 when left out. */
export const assignmentOf = (problem: PortfolioProblem, plan: readonly PortfolioPlacement[]): number[] => {
  const horizonOf = new Map(plan.map((p) => [p.id, problem.horizons.findIndex((h) => h.id === p.horizon)]));
  return problem.projects.map((project) => horizonOf.get(project.id) ?? -1);
};

/** The rules of the model, written again from the text, independently of the domain code. */
export const isFeasible = (problem: PortfolioProblem, at: number[]): boolean => {
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

export const planValue = (problem: PortfolioProblem, at: number[]): number =>
  problem.projects.reduce(
    (sum, project, p) => (at[p]! < 0 ? sum : sum + project.value * problem.horizons[at[p]!]!.valueFactor),
    0,
  );

/** Every assignment of every project to "out" or one of the horizons: (H + 1)^P ≤ 4^7 plans. */
export const bruteForce = (problem: PortfolioProblem): number | null => {
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

export const smallPortfolio: fc.Arbitrary<PortfolioProblem> = fc
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
export const phasedPortfolio: fc.Arbitrary<PortfolioProblem> = smallPortfolio.chain((problem) =>
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
export const balancedPortfolio: fc.Arbitrary<PortfolioProblem> = smallPortfolio.chain((problem) => {
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

/**
 * Solves the problem with HiGHS and checks it against the exhaustive search: infeasible when no plan keeps the rules,
 * else the optimum's value with a plan that keeps every rule. The result and the plan's assignment, or null when
 * infeasible, for the checks a test adds.
 */
export async function solvedAgainstBruteForce(problem: PortfolioProblem) {
  const best = bruteForce(problem);
  const result = await solvePortfolio(problem, { timeLimitSeconds: 20 });
  if (best === null) {
    expect(result).toMatchObject({ status: 'infeasible', objective: null, plan: [] });
    return null;
  }
  expect(result.status).toBe('optimal');
  expect(result.objective).toBeCloseTo(best, 9);
  const at = assignmentOf(problem, result.plan);
  expect(isFeasible(problem, at)).toBe(true);
  return { result, at, best };
}
