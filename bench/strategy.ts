/**
 * The strategy engines at the sizes of issue 4, each against a baseline measured in the same run:
 *
 * 1. PROMETHEE II on 2,000 alternatives × 12 criteria: the sorted O(k n log n) flows against the plain O(n² k)
 *    pairwise formulation (the reference implementation), and the largest difference between their net flows.
 * 2. The portfolio on 400 projects × 3 horizons: HiGHS (mixed-integer program, in its worker thread) against the
 *    greedy "fund in rank order until the money runs out" plan, in time and in objective.
 *
 * 3. Issue 13: the same 400 × 3 instance with phased costs (a third of the projects spread over two or three
 *    horizons) and carry-over of unspent budgets, solved by the app (its LP, HiGHS in the worker thread, the
 *    solution read back and checked) against plain HiGHS on the same model written as an LP file and solved by the
 *    `highs` package directly in the main thread, gap 1e-4 both.
 *
 *   npx tsx bench/strategy.ts [--repeat 3] [--time-limit 60] [--only phased]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import highsLoader from 'highs';
import { planObjective, planViolations } from '../src/domain/strategy/portfolio.ts';
import { checkPortfolioProblem } from '../src/domain/strategy/portfolio-check.ts';
import { greedyPlan } from '../src/domain/strategy/portfolio-greedy.ts';
import { buildPortfolioLp, readPortfolioSolution } from '../src/domain/strategy/portfolio-lp.ts';
import { computeFlows, type FlowMethod, rankByNetFlow } from '../src/domain/strategy/promethee.ts';
import type { PortfolioProblem, PreferenceFunction, RankProblem } from '../src/domain/strategy/schemas.ts';
import { closePortfolioSolver, solvePortfolio } from '../src/server/strategy/portfolio-solver.ts';

const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '3' },
    'time-limit': { type: 'string', default: '60' },
    only: { type: 'string' },
  },
});
const repeat = Number(values.repeat);
const timeLimitSeconds = Number(values['time-limit']);

/** Park–Miller: the same instances on every run and every machine. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

// ── 1. PROMETHEE II ─────────────────────────────────────────────────────────────────────────────────────────────
function rankingProblem(alternatives: number, functions: PreferenceFunction[]): RankProblem {
  const random = generator(20_241);
  const criteria = functions.map((preference, j) => ({
    id: `c${j}`,
    direction: j % 3 === 0 ? ('min' as const) : ('max' as const),
    weight: 1 + Math.floor(random() * 9),
    preference,
  }));
  return {
    criteria,
    alternatives: Array.from({ length: alternatives }, (_, i) => ({
      id: `a${i}`,
      // Scores on 0–100 with one decimal, as a consultant's grid would hold: plenty of ties and threshold hits.
      values: Object.fromEntries(criteria.map((c) => [c.id, Math.round(random() * 1000) / 10])),
    })),
  };
}

function benchPromethee(label: string, problem: RankProblem) {
  const run = (method: FlowMethod) => {
    const runs = Array.from({ length: repeat }, () => time(() => computeFlows(problem, { method })));
    return { flows: runs[0]!.result, ms: median(runs.map((r) => r.ms)) };
  };
  const plain = run('pairwise');
  const sorted = run('sorted');
  const maxDifference = Math.max(
    ...plain.flows.alternatives.map((a, i) => Math.abs(a.phi - sorted.flows.alternatives[i]!.phi)),
  );
  const sameRanking =
    rankByNetFlow(plain.flows.alternatives)
      .map((r) => `${r.id}:${r.rank}`)
      .join() ===
    rankByNetFlow(sorted.flows.alternatives)
      .map((r) => `${r.id}:${r.rank}`)
      .join();
  console.log(
    `PROMETHEE II, ${problem.alternatives.length} alternatives × ${problem.criteria.length} criteria, ${label}`,
  );
  console.log(`  plain pairwise O(n²k) (baseline)  ${plain.ms.toFixed(0).padStart(7)} ms`);
  console.log(`  sorted O(k n log n)               ${sorted.ms.toFixed(0).padStart(7)} ms`);
  console.log(
    `  speed-up ×${(plain.ms / sorted.ms).toFixed(1)}; max |Δφ| ${maxDifference.toExponential(1)}; same ranking: ${sameRanking}`,
  );
}

const linearFamily: PreferenceFunction[] = [
  { type: 'usual' },
  { type: 'u-shape', q: 5 },
  { type: 'v-shape', p: 30 },
  { type: 'level', q: 5, p: 20 },
  { type: 'linear', q: 2, p: 25 },
  { type: 'linear', q: 0, p: 50 },
];
if (values.only !== 'phased') {
  benchPromethee(
    'usual, U-shape, V-shape, level and linear criteria',
    rankingProblem(2000, [...linearFamily, ...linearFamily]),
  );
  benchPromethee(
    'two of the twelve Gaussian (no sorted shortcut for those)',
    rankingProblem(2000, [
      ...linearFamily,
      ...linearFamily.slice(0, 4),
      { type: 'gaussian', s: 10 },
      { type: 'gaussian', s: 20 },
    ]),
  );
}

// ── 2. Portfolio ────────────────────────────────────────────────────────────────────────────────────────────────
function portfolioProblem(projects: number): PortfolioProblem {
  const random = generator(4_242);
  const horizons = [
    { id: 'short', valueFactor: 1 },
    { id: 'medium', valueFactor: 0.85 },
    { id: 'long', valueFactor: 0.7 },
  ];
  const list = Array.from({ length: projects }, (_, p) => {
    const cost = 20 + Math.floor(random() * 480);
    // Value loosely tied to cost, as a PROMETHEE score scaled by the size of the project would be.
    const value = Math.round(cost * (0.6 + random() * 0.8) + random() * 100);
    const project: PortfolioProblem['projects'][number] = { id: `project-${p}`, value, cost };
    if (p > 0 && random() < 0.15) project.requires = [`project-${Math.floor(random() * p)}`];
    if (random() < 0.05)
      project.excludes = [`project-${Math.floor(random() * projects)}`].filter((id) => id !== `project-${p}`);
    if (random() < 0.2) project.earliest = random() < 0.5 ? 'medium' : 'long';
    if (random() < 0.02 && project.requires === undefined && project.excludes === undefined) {
      project.mandatory = true;
      project.cost = Math.min(project.cost, 60);
    }
    return project;
  });
  const total = list.reduce((s, p) => s + p.cost, 0);
  // About a third of the wish list can be funded over the three horizons.
  return { horizons: horizons.map((h) => ({ ...h, budget: Math.round(total / 9) })), projects: list };
}

async function benchPortfolio(problem: PortfolioProblem) {
  // Start the worker and load the WebAssembly module first, so the timing below is the solve itself.
  await solvePortfolio({
    horizons: problem.horizons,
    projects: problem.projects.slice(0, 1).map(({ id, value, cost }) => ({ id, value, cost })),
  });
  const greedy = time(() => greedyPlan(problem));
  const greedyObjective = planObjective(problem, greedy.result);
  const lp = time(() => buildPortfolioLp(problem));
  console.log(
    `Portfolio, ${problem.projects.length} projects × ${problem.horizons.length} horizons (${problem.projects.length * problem.horizons.length} binaries, LP text ${(lp.result.length / 1024).toFixed(0)} kB built in ${lp.ms.toFixed(0)} ms), time limit ${timeLimitSeconds} s`,
  );
  console.log(
    `  greedy, fund in rank order (baseline)  ${greedy.ms.toFixed(1).padStart(8)} ms   objective ${greedyObjective.toFixed(1)}`,
  );
  // What a consultant gets in the app (a mission's plan: gap 1e-4, 20 s), then the HiGHS default gap (1e-4) with the
  // bench's limit, then proven optimality (gap 0, the solver's default in solvePortfolio and the CLI's).
  const runs = [
    { label: 'app settings, gap 1e-4, 20 s', relativeGap: 1e-4, limit: 20 },
    { label: `gap 1e-4, ${timeLimitSeconds} s`, relativeGap: 1e-4, limit: timeLimitSeconds },
    { label: `gap 0, ${timeLimitSeconds} s`, relativeGap: 0, limit: timeLimitSeconds },
  ];
  for (const run of runs) {
    const start = performance.now();
    const result = await solvePortfolio(problem, { timeLimitSeconds: run.limit, relativeGap: run.relativeGap });
    const solveMs = performance.now() - start;
    const gained = result.objective === null ? Number.NaN : (result.objective - greedyObjective) / greedyObjective;
    console.log(
      `  HiGHS MIP, ${run.label.padEnd(28)} ${solveMs.toFixed(0).padStart(8)} ms   objective ${result.objective?.toFixed(1)} (${result.status}, ${result.plan.length} projects funded): +${(gained * 100).toFixed(2)} % over greedy`,
    );
  }
}

/** The issue 13 instance: a third of the projects phased over two or three horizons, unspent money carried over. */
function phasedProblem(projects: number): PortfolioProblem {
  const base = portfolioProblem(projects);
  const random = generator(1_313);
  const shapes = [
    [0.5, 0.5],
    [2 / 3, 1 / 3],
    [0.4, 0.3, 0.3],
  ];
  return {
    ...base,
    carryOver: true,
    projects: base.projects.map((p) =>
      random() < 1 / 3 ? { ...p, phasing: shapes[Math.floor(random() * shapes.length)]! } : p,
    ),
  };
}

async function benchPhased(problem: PortfolioProblem) {
  const relativeGap = 1e-4;
  const lp = buildPortfolioLp(problem);
  const file = join(tmpdir(), `portfolio-phased-${process.pid}.lp`);
  writeFileSync(file, lp);
  console.log(
    `Portfolio with phasing and carry-over, ${problem.projects.length} × ${problem.horizons.length} (${problem.projects.filter((p) => p.phasing).length} phased), gap ${relativeGap}, limit ${timeLimitSeconds} s`,
  );
  // Baseline: plain HiGHS on the LP file, in this thread (module loaded before the clock starts).
  const highs = await highsLoader();
  const text = readFileSync(file, 'utf8');
  const plainStart = performance.now();
  const plain = highs.solve(text, { output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: relativeGap });
  const plainMs = performance.now() - plainStart;
  console.log(
    `  plain HiGHS on ${file} (baseline)  ${plainMs.toFixed(0).padStart(8)} ms   objective ${plain.ObjectiveValue?.toFixed(1)} (${plain.Status})`,
  );
  // The app: the problem checked, the LP built, solved in the worker thread, the plan read back.
  await solvePortfolio({
    horizons: problem.horizons,
    projects: problem.projects.slice(0, 1).map(({ id, value, cost }) => ({ id, value, cost })),
  });
  const appStart = performance.now();
  const result = await solvePortfolio(problem, { timeLimitSeconds, relativeGap });
  const appMs = performance.now() - appStart;
  const violations = planViolations(checkPortfolioProblem(problem), result.plan);
  console.log(
    `  Smart Rural solvePortfolio              ${appMs.toFixed(0).padStart(8)} ms   objective ${result.objective?.toFixed(1)} (${result.status}, ${result.plan.length} projects, ${violations.length} rule broken)   ratio app/plain ${(appMs / plainMs).toFixed(2)}`,
  );
  const plainPlan = readPortfolioSolution(problem, {
    Status: plain.Status,
    ObjectiveValue: plain.ObjectiveValue,
    Columns: Object.fromEntries(
      Object.entries(plain.Columns ?? {}).map(([name, c]) => [name, { Primal: 'Primal' in c ? c.Primal : undefined }]),
    ),
  });
  console.log(
    `  same optimum within the gap: ${Math.abs((result.objective ?? 0) - (plainPlan.objective ?? 0)) <= relativeGap * Math.abs(plainPlan.objective ?? 1) ? 'yes' : 'no'} (plain ${plainPlan.objective?.toFixed(1)}, app ${result.objective?.toFixed(1)})`,
  );
}

if (values.only !== 'phased') await benchPortfolio(portfolioProblem(400));
await benchPhased(phasedProblem(400));
await closePortfolioSolver();
