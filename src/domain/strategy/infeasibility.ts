import { BUDGET_TOLERANCE, checkPortfolioProblem } from './portfolio.ts';
import type { PortfolioProblem } from './schemas.ts';

/**
 * Why no plan keeps every rule: the solver only says "infeasible"; this names the likely cause from the projects
 * that must be placed (mandatory, locked, and everything they require, directly or not). The checks are simple
 * necessary conditions, so a cause found is a real one; when none is found, the message says the forced projects
 * cannot fit together.
 */
export type InfeasibilityCause =
  | { code: 'MANDATORY_TOO_EXPENSIVE'; project: string; cost: number; largestBudget: number }
  | { code: 'LOCKED_OVER_BUDGET'; horizon: string; cost: number; budget: number }
  | { code: 'FORCED_EXCLUDE_EACH_OTHER'; first: string; second: string }
  | { code: 'LOCK_BEFORE_REQUIREMENT'; project: string; horizon: string; requires: string }
  | { code: 'FORCED_OVER_TOTAL_BUDGET'; cost: number; budget: number }
  | { code: 'FORCED_DO_NOT_FIT' };

export function diagnoseInfeasibility(problem: PortfolioProblem): { causes: InfeasibilityCause[]; message: string } {
  const checked = checkPortfolioProblem(problem);
  const { projects, horizons } = problem;
  const over = (cost: number, budget: number) => cost > budget + BUDGET_TOLERANCE * Math.max(1, budget);

  const forced = new Set<number>();
  const force = (p: number): void => {
    if (forced.has(p)) return;
    forced.add(p);
    for (const q of checked.requires[p]!) force(q);
  };
  projects.forEach((project, p) => {
    if (project.mandatory || checked.lockedIn[p] !== undefined) force(p);
  });

  const causes: InfeasibilityCause[] = [];
  // The per-horizon causes below read a project's cost as landing whole in one horizon's own budget: with phasing or
  // carry-over they would be wrong, and the totals at the end say what holds instead.
  const oneHorizonCosts = !problem.carryOver && checked.shares.every((shares) => shares.length === 1);
  for (const p of oneHorizonCosts ? forced : []) {
    const budgets = horizons.slice(checked.earliest[p]!).map((h) => h.budget);
    const largest = budgets.length > 0 ? Math.max(...budgets) : 0;
    const lock = checked.lockedIn[p];
    if (lock === undefined && over(projects[p]!.cost, largest)) {
      causes.push({
        code: 'MANDATORY_TOO_EXPENSIVE',
        project: projects[p]!.id,
        cost: projects[p]!.cost,
        largestBudget: largest,
      });
    }
  }
  (oneHorizonCosts ? horizons : []).forEach((horizon, h) => {
    const cost = projects.reduce((sum, project, p) => sum + (checked.lockedIn[p] === h ? project.cost : 0), 0);
    if (cost > 0 && over(cost, horizon.budget)) {
      causes.push({ code: 'LOCKED_OVER_BUDGET', horizon: horizon.id, cost, budget: horizon.budget });
    }
  });
  for (const p of forced) {
    for (const q of checked.excludes[p]!) {
      if (q > p && forced.has(q)) {
        causes.push({ code: 'FORCED_EXCLUDE_EACH_OTHER', first: projects[p]!.id, second: projects[q]!.id });
      }
    }
  }
  // A locked project needs what it requires by its horizon: not possible if that starts later or is locked later.
  const earliestPossible = (q: number, seen = new Set<number>()): number => {
    if (seen.has(q)) return checked.earliest[q]!;
    seen.add(q);
    const own = checked.lockedIn[q] ?? checked.earliest[q]!;
    return Math.max(own, ...checked.requires[q]!.map((r) => earliestPossible(r, seen)));
  };
  projects.forEach((project, p) => {
    const h = checked.lockedIn[p];
    if (h === undefined) return;
    for (const q of checked.requires[p]!) {
      if (earliestPossible(q) > h) {
        causes.push({
          code: 'LOCK_BEFORE_REQUIREMENT',
          project: project.id,
          horizon: horizons[h]!.id,
          requires: projects[q]!.id,
        });
      }
    }
  });
  if (causes.length === 0) {
    const cost = [...forced].reduce((sum, p) => sum + projects[p]!.cost, 0);
    const budget = horizons.reduce((sum, h) => sum + h.budget, 0);
    causes.push(
      over(cost, budget) ? { code: 'FORCED_OVER_TOTAL_BUDGET', cost, budget } : { code: 'FORCED_DO_NOT_FIT' },
    );
  }
  return { causes, message: causes.map(describeCause).join(' ') };
}

export function describeCause(cause: InfeasibilityCause): string {
  switch (cause.code) {
    case 'MANDATORY_TOO_EXPENSIVE':
      return `Mandatory project "${cause.project}" costs ${cause.cost}, more than any budget it could use (at most ${cause.largestBudget}).`;
    case 'LOCKED_OVER_BUDGET':
      return `The projects locked in "${cause.horizon}" cost ${cause.cost}, more than its budget of ${cause.budget}.`;
    case 'FORCED_EXCLUDE_EACH_OTHER':
      return `"${cause.first}" and "${cause.second}" must both be placed (mandatory, locked or required) but exclude each other.`;
    case 'LOCK_BEFORE_REQUIREMENT':
      return `"${cause.project}" is locked in "${cause.horizon}" but requires "${cause.requires}", which cannot be placed by then.`;
    case 'FORCED_OVER_TOTAL_BUDGET':
      return `The mandatory and locked projects with what they require cost ${cause.cost}, more than all budgets together (${cause.budget}).`;
    case 'FORCED_DO_NOT_FIT':
      return 'The mandatory and locked projects, with what they require, cannot all fit in the budgets of the horizons they may use.';
  }
}
