import { DomainError } from '../shared/errors.ts';
import {
  balanceWeight,
  type CheckedPortfolio,
  planObjective,
  planViolations,
  sortPlan,
  spendingOf,
} from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import { greedyPlan } from './portfolio-greedy.ts';
import type { PortfolioPlacement, PortfolioProblem, PortfolioResult } from './schemas.ts';

/**
 * The portfolio as a mixed-integer program in CPLEX LP format, for HiGHS. Binary x{p}_{h} = 1 when project p (its
 * position in the input) is placed in horizon h: ids never reach the LP text, so any id is safe.
 *
 *   maximise  Σ value_p · valueFactor_h · x_{p,h}
 *   once_p:   Σ_h x_{p,h} ≤ 1               (= 1 when mandatory)
 *   budget_h: Σ_p cost_p · x_{p,h} ≤ budget_h
 *             with a phasing, a start in h' ≤ h counts its share of the cost that falls in h; with carry-over the row
 *             covers horizons 0 … h and its limit is Σ budget_0 … budget_h (unspent money moves forward only)
 *   req_p_q_h: Σ_{h' ≤ h} x_{q,h'} − x_{p,h} ≥ 0   (p requires q: q in the same or an earlier horizon)
 *   excl_p_q: Σ_h x_{p,h} + Σ_h x_{q,h} ≤ 1
 *   lock_p:   x_{p,h} = 1
 *   balmin_r: Σ_{p,h} (in_{r,p} − min_r) · w_{r,p} · x_{p,h} ≥ 0   (w: the cost, or 1 when the rule counts projects)
 *   balmax_r: Σ_{p,h} (max_r − in_{r,p}) · w_{r,p} · x_{p,h} ≥ 0
 *   cover_r:  Σ_{p ∈ group_r, h} x_{p,h} ≥ 1
 *
 * Variables before a project's earliest horizon are not created at all, which is the same as fixing them to 0.
 */
export function buildPortfolioLp(problem: PortfolioProblem): string {
  return buildLp(checkPortfolioProblem(problem));
}

const variable = (p: number, h: number) => `x${p}_${h}`;

function buildLp(checked: CheckedPortfolio): string {
  const { problem, earliest } = checked;
  const horizons = problem.horizons.map((_, h) => h);
  const allowed = (p: number) => horizons.filter((h) => h >= earliest[p]!);
  const lines: string[] = ['\\ Smart Rural portfolio: x<p>_<h> = 1 when project p is placed in horizon h', 'Maximize'];

  const objective = problem.projects.flatMap((project, p) =>
    allowed(p).map((h) => term(project.value * problem.horizons[h]!.valueFactor, variable(p, h))),
  );
  // An LP needs an objective row even for an empty portfolio; the constant 0 keeps it well-formed.
  lines.push(...wrap('value:', objective.length > 0 ? objective : ['0 x_empty']));

  lines.push('Subject To');
  problem.projects.forEach((project, p) => {
    lines.push(
      ...wrap(
        `once${p}:`,
        allowed(p).map((h) => term(1, variable(p, h))),
        project.mandatory ? '= 1' : '<= 1',
      ),
    );
  });
  // What each start costs in each horizon, once: spendingOf folds the phasing into the horizons left.
  const spending = problem.projects.map((_, p) =>
    horizons.map((h) => (h >= earliest[p]! ? new Map(spendingOf(checked, p, h)) : new Map<number, number>())),
  );
  for (const row of checked.budgetRows) {
    const terms = problem.projects.flatMap((_, p) =>
      allowed(p).flatMap((h) => {
        const amount = row.horizons.reduce((sum, k) => sum + (spending[p]![h]!.get(k) ?? 0), 0);
        return amount !== 0 ? [term(amount, variable(p, h))] : [];
      }),
    );
    if (terms.length > 0) lines.push(...wrap(`budget${row.horizon}:`, terms, `<= ${number(row.limit)}`));
  }
  lines.push(...linkLines(checked, allowed));
  const { lines: balanceRows, voidNeeded } = balanceLines(checked, allowed);
  lines.push(...balanceRows);

  const bounds = [...(objective.length === 0 ? [' x_empty = 0'] : []), ...(voidNeeded ? [' x_void = 0'] : [])];
  if (bounds.length > 0) lines.push('Bounds', ...bounds);
  const binaries = problem.projects.flatMap((_, p) => allowed(p).map((h) => variable(p, h)));
  if (binaries.length > 0) lines.push('Binary', ...chunk(binaries, 10).map((names) => ` ${names.join(' ')}`));
  lines.push('End', '');
  return lines.join('\n');
}

type Allowed = (p: number) => number[];

/** Dependencies (a project needs the one it requires in the same or an earlier horizon), exclusions and locks. */
function linkLines(checked: CheckedPortfolio, allowed: Allowed): string[] {
  const lines: string[] = [];
  checked.requires.forEach((required, p) => {
    for (const q of required) {
      for (const h of allowed(p)) {
        const before = allowed(q).filter((hq) => hq <= h);
        lines.push(
          ...wrap(
            `req${p}_${q}_${h}:`,
            [...before.map((hq) => term(1, variable(q, hq))), term(-1, variable(p, h))],
            '>= 0',
          ),
        );
      }
    }
  });
  checked.excludes.forEach((excluded, p) => {
    for (const q of excluded) {
      if (q < p) continue;
      const terms = [
        ...allowed(p).map((h) => term(1, variable(p, h))),
        ...allowed(q).map((h) => term(1, variable(q, h))),
      ];
      lines.push(...wrap(`excl${p}_${q}:`, terms, '<= 1'));
    }
  });
  checked.lockedIn.forEach((h, p) => {
    if (h !== undefined) lines.push(` lock${p}: ${term(1, variable(p, h))} = 1`);
  });
  return lines;
}

/** The balance and coverage rules; `voidNeeded` when a coverage group no project can fill needs its void variable. */
function balanceLines(checked: CheckedPortfolio, allowed: Allowed): { lines: string[]; voidNeeded: boolean } {
  const { problem } = checked;
  const lines: string[] = [];
  // Balance: Σ_p (in_p − min) w_p x_p ≥ 0 and Σ_p (max − in_p) w_p x_p ≥ 0, over every horizon a project may take.
  checked.balance.forEach((row, r) => {
    const bound = (name: string, coefficient: (p: number) => number) => {
      const terms = problem.projects.flatMap((_, p) => {
        const c = coefficient(p) * balanceWeight(checked, row, p);
        return c !== 0 ? allowed(p).map((h) => term(c, variable(p, h))) : [];
      });
      if (terms.length > 0) lines.push(...wrap(`${name}${r}:`, terms, '>= 0'));
    };
    const min = row.min;
    const max = row.max;
    if (min !== undefined && min > 0) bound('balmin', (p) => (row.inGroup[p] ? 1 : 0) - min);
    if (max !== undefined && max < 1) bound('balmax', (p) => max - (row.inGroup[p] ? 1 : 0));
  });
  // Coverage: at least one project of the group; a group no project can fill makes the model infeasible.
  let voidNeeded = false;
  checked.cover.forEach((row, r) => {
    const terms = row.members.flatMap((p) => allowed(p).map((h) => term(1, variable(p, h))));
    if (terms.length === 0) voidNeeded = true;
    lines.push(...wrap(`cover${r}:`, terms.length > 0 ? terms : ['+ 1 x_void'], '>= 1'));
  });

  return { lines, voidNeeded };
}

function term(coefficient: number, name: string): string {
  return `${coefficient < 0 ? '-' : '+'} ${number(Math.abs(coefficient))} ${name}`;
}

/** Plain decimal or exponent notation, both read by HiGHS; never "NaN" (inputs are checked finite). */
function number(value: number): string {
  return String(value);
}

/** Long rows are split over lines (continuations start with spaces) to stay under LP readers' line limits. */
function wrap(label: string, terms: string[], tail = ''): string[] {
  const chunks = chunk(terms, 8);
  return chunks.map((part, i) => {
    const head = i === 0 ? ` ${label} ` : '   ';
    const end = i === chunks.length - 1 && tail ? ` ${tail}` : '';
    return `${head}${part.join(' ')}${end}`;
  });
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** What `highs.solve()` returns, as far as the portfolio needs it (the domain does not depend on the solver package). */
export type SolverOutput = {
  Status: string;
  ObjectiveValue?: number;
  Columns?: Record<string, { Primal?: number }>;
};

/**
 * Turns the solver's answer into the CLI/API result. The objective is recomputed from the plan rather than read from
 * the solver, so it is exactly Σ value × valueFactor.
 *
 * After a time limit the best plan found is returned. The one-shot solver API takes no starting plan, so HiGHS may
 * stop with an incumbent worse than the greedy plan (even the empty plan): the better of the two that keeps every
 * rule is returned. When neither does, the plan is empty and the objective null.
 */
export function readPortfolioSolution(problem: PortfolioProblem, output: SolverOutput): PortfolioResult {
  const checked = checkPortfolioProblem(problem);
  const greedy = greedyPlan(problem);
  const greedyObjective = planObjective(problem, greedy);
  const status = statusOf(output.Status);
  if (status === 'infeasible') return { status, objective: null, plan: [], greedyObjective };

  const plan = sortPlan(checked, placementsOf(checked, output));
  if (status === 'optimal') return { status, objective: planObjective(problem, plan), plan, greedyObjective };

  const best = (hasPrimal(output) ? [plan, greedy] : [greedy])
    .filter((candidate) => planViolations(checked, candidate).length === 0)
    .map((candidate) => ({ plan: candidate, objective: planObjective(problem, candidate) }))
    .sort((x, y) => y.objective - x.objective)[0];
  return best
    ? { status, objective: best.objective, plan: best.plan, greedyObjective }
    : { status, objective: null, plan: [], greedyObjective };
}

function statusOf(status: string): PortfolioResult['status'] {
  switch (status) {
    case 'Optimal':
    case 'Empty':
      return 'optimal';
    case 'Infeasible':
    case 'Primal infeasible or unbounded':
      return 'infeasible';
    case 'Time limit reached':
      return 'time_limit';
    default:
      throw new DomainError('PORTFOLIO_SOLVER_FAILED', `The solver stopped without a plan (status "${status}").`, {
        status,
      });
  }
}

function hasPrimal(output: SolverOutput): boolean {
  const columns = Object.values(output.Columns ?? {});
  return columns.length > 0 && columns.every((c) => typeof c.Primal === 'number' && Number.isFinite(c.Primal));
}

function placementsOf(checked: CheckedPortfolio, output: SolverOutput): PortfolioPlacement[] {
  const { projects, horizons } = checked.problem;
  const plan: PortfolioPlacement[] = [];
  for (const [name, column] of Object.entries(output.Columns ?? {})) {
    const match = /^x(\d+)_(\d+)$/.exec(name);
    if (!match || !((column.Primal ?? 0) > 0.5)) continue;
    const project = projects[Number(match[1])];
    const horizon = horizons[Number(match[2])];
    if (project && horizon) plan.push({ id: project.id, horizon: horizon.id });
  }
  return plan;
}
