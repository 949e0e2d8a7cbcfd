import type { PortfolioPlacement, PortfolioProblem } from './schemas.ts';

/**
 * The multi-year portfolio: which project goes in which horizon (short, medium, long term). Rules shared by the
 * mixed-integer model (`portfolio-lp.ts`), the greedy baseline (`portfolio-greedy.ts`) and the explanations
 * (`portfolio-explain.ts`): a project is placed at most once (exactly once if mandatory), its cost counts against the
 * budget of the horizon it starts in — or, with a phasing, spreads over that horizon and the next ones — and, with
 * carry-over, money a horizon leaves unspent is available to the next ones (the budget rows are cumulative); a required
 * project sits in the same or an earlier horizon, two excluding projects are never both placed, nothing starts before its earliest horizon, and a lock fixes
 * a project in a horizon. Optional balance rules bound the share of the plan (its spending or its number of projects)
 * that goes to a group of projects (a dimension, a strategic objective), and coverage rules ask for at least one
 * project of a group (the projects answering a high-priority SWOT item).
 */
export type CheckedPortfolio = {
  problem: PortfolioProblem;
  horizonIndex: Map<string, number>;
  projectIndex: Map<string, number>;
  /** Per project: index of the first horizon it may be placed in. */
  earliest: number[];
  /** Per project: indices of the projects it requires. */
  requires: number[][];
  /** Per project: indices of the projects it cannot be selected with, both directions, no repeats. */
  excludes: number[][];
  /** Per project: index of the horizon it is locked in, if any. */
  lockedIn: (number | undefined)[];
  /** Per project: shares of its cost by offset from its start horizon (phasing folded into the horizons left). */
  shares: number[][];
  /** The budget rows: each limits the spending of a set of horizons (one each, or cumulative with carry-over). */
  budgetRows: BudgetRow[];
  /** The balance rules, with their groups as project indices. */
  balance: BalanceRow[];
  /** The coverage rules: at least one project of each group is placed. */
  cover: CoverRow[];
};

/**
 * min ≤ Σ_{p ∈ group} w_p / Σ_p w_p ≤ max over the placed projects, with w_p the project's cost (measure "budget",
 * its whole cost whatever the phasing) or 1 (measure "projects"). Written linearly: Σ_p (in_p − min) w_p x_p ≥ 0 and
 * Σ_p (max − in_p) w_p x_p ≥ 0, so an empty plan keeps every balance rule.
 */
export type BalanceRow = {
  id: string;
  label: string;
  measure: 'budget' | 'projects';
  min: number | undefined;
  max: number | undefined;
  members: number[];
  inGroup: boolean[];
};

export type CoverRow = { id: string; label: string; members: number[] };

/** The weight of project p in a balance rule's measure. */
export function balanceWeight(checked: CheckedPortfolio, row: BalanceRow, p: number): number {
  return row.measure === 'budget' ? checked.problem.projects[p]!.cost : 1;
}

/** The group's share of the plan under a balance rule; null for a plan that holds nothing of the measure. */
export function balanceShare(
  checked: CheckedPortfolio,
  row: BalanceRow,
  placedIn: readonly (number | undefined)[],
): number | null {
  let group = 0;
  let total = 0;
  placedIn.forEach((h, p) => {
    if (h === undefined) return;
    const w = balanceWeight(checked, row, p);
    total += w;
    if (row.inGroup[p]) group += w;
  });
  return total > 0 ? group / total : null;
}

/** Balance shares are compared with a tolerance: costs are decimal amounts and shares come from divisions. */
export const SHARE_TOLERANCE = 1e-7;

/** The balance rules a plan breaks, by index: share below min or above max. */
export function brokenBalance(
  checked: CheckedPortfolio,
  placedIn: readonly (number | undefined)[],
): { row: number; bound: 'min' | 'max'; share: number }[] {
  const broken: { row: number; bound: 'min' | 'max'; share: number }[] = [];
  checked.balance.forEach((row, r) => {
    const share = balanceShare(checked, row, placedIn);
    if (share === null) return;
    if (row.min !== undefined && share < row.min - SHARE_TOLERANCE) broken.push({ row: r, bound: 'min', share });
    if (row.max !== undefined && share > row.max + SHARE_TOLERANCE) broken.push({ row: r, bound: 'max', share });
  });
  return broken;
}

/** Σ_{h ∈ horizons} spending ≤ limit. Without carry-over one row per horizon; with it, horizons 0…h for each h. */
export type BudgetRow = { horizon: number; horizons: number[]; limit: number };

/** What a project started in `start` spends in each horizon, as [horizon, amount] pairs (zero amounts left out). */
export function spendingOf(checked: CheckedPortfolio, p: number, start: number): [number, number][] {
  const cost = checked.problem.projects[p]!.cost;
  const last = checked.problem.horizons.length - 1;
  const out = new Map<number, number>();
  checked.shares[p]!.forEach((share, offset) => {
    if (share === 0) return;
    const h = Math.min(last, start + offset);
    out.set(h, (out.get(h) ?? 0) + cost * share);
  });
  return [...out.entries()].sort(([a], [b]) => a - b);
}

/** Spending by horizon of a plan given as the start horizon of each project (undefined: left out). */
export function spendingByHorizon(checked: CheckedPortfolio, placedIn: readonly (number | undefined)[]): number[] {
  const spent = checked.problem.horizons.map(() => 0);
  placedIn.forEach((h, p) => {
    if (h === undefined) return;
    for (const [k, amount] of spendingOf(checked, p, h)) spent[k] = spent[k]! + amount;
  });
  return spent;
}

/** Slack of each budget row for a spending by horizon (negative: over). */
export function rowSlacks(checked: CheckedPortfolio, spent: readonly number[]): number[] {
  return checked.budgetRows.map((row) => row.limit - row.horizons.reduce((sum, h) => sum + spent[h]!, 0));
}

/** True when every budget row holds, within the tolerance of decimal amounts. */
export function withinBudgets(checked: CheckedPortfolio, spent: readonly number[]): boolean {
  return rowSlacks(checked, spent).every(
    (slack, r) => slack >= -BUDGET_TOLERANCE * Math.max(1, checked.budgetRows[r]!.limit),
  );
}

/** Σ value × valueFactor over the placed projects. */
export function planObjective(problem: PortfolioProblem, plan: readonly PortfolioPlacement[]): number {
  const values = new Map(problem.projects.map((p) => [p.id, p.value]));
  const factors = new Map(problem.horizons.map((h) => [h.id, h.valueFactor]));
  return plan.reduce(
    (sum, placement) => sum + (values.get(placement.id) ?? 0) * (factors.get(placement.horizon) ?? 0),
    0,
  );
}

export type PlanViolation = { code: string; message: string };

/** Budgets are compared with a relative tolerance: costs arrive as decimal amounts and sum with rounding. */
export const BUDGET_TOLERANCE = 1e-9;

/** Every rule the plan breaks; empty for a feasible plan. */
export function planViolations(checked: CheckedPortfolio, plan: readonly PortfolioPlacement[]): PlanViolation[] {
  const { problem } = checked;
  const violations: PlanViolation[] = [];
  const placedIn = new Array<number | undefined>(problem.projects.length).fill(undefined);
  for (const placement of plan) {
    const p = checked.projectIndex.get(placement.id);
    const h = checked.horizonIndex.get(placement.horizon);
    if (p === undefined || h === undefined) {
      violations.push({
        code: 'UNKNOWN',
        message: `"${placement.id}" in "${placement.horizon}" is not in the problem.`,
      });
      continue;
    }
    if (placedIn[p] !== undefined) violations.push({ code: 'TWICE', message: `"${placement.id}" is placed twice.` });
    placedIn[p] = h;
  }
  const spent = spendingByHorizon(checked, placedIn);
  rowSlacks(checked, spent).forEach((slack, r) => {
    const row = checked.budgetRows[r]!;
    if (slack < -BUDGET_TOLERANCE * Math.max(1, row.limit)) {
      const horizon = problem.horizons[row.horizon]!;
      const what = row.horizons.length > 1 ? `up to "${horizon.id}" (money carried over)` : `"${horizon.id}"`;
      violations.push({ code: 'OVER_BUDGET', message: `${what} spends ${row.limit - slack} of ${row.limit}.` });
    }
  });
  for (const broken of brokenBalance(checked, placedIn)) {
    const row = checked.balance[broken.row]!;
    violations.push({
      code: broken.bound === 'min' ? 'BALANCE_MIN' : 'BALANCE_MAX',
      message: `"${row.label}" holds ${broken.share} of the plan's ${row.measure}, ${broken.bound === 'min' ? 'below' : 'above'} ${broken.bound === 'min' ? row.min : row.max}.`,
    });
  }
  for (const row of checked.cover) {
    if (!row.members.some((p) => placedIn[p] !== undefined)) {
      violations.push({ code: 'COVER', message: `No project of "${row.label}" is placed.` });
    }
  }
  problem.projects.forEach((project, p) => {
    const h = placedIn[p];
    if (h === undefined) {
      if (project.mandatory) violations.push({ code: 'MANDATORY', message: `Mandatory "${project.id}" is left out.` });
      if (checked.lockedIn[p] !== undefined) {
        violations.push({ code: 'LOCK', message: `Locked "${project.id}" is left out.` });
      }
      return;
    }
    if (h < checked.earliest[p]!) {
      violations.push({ code: 'EARLIEST', message: `"${project.id}" starts before its earliest horizon.` });
    }
    const lock = checked.lockedIn[p];
    if (lock !== undefined && lock !== h) {
      violations.push({ code: 'LOCK', message: `Locked "${project.id}" is not in its locked horizon.` });
    }
    for (const q of checked.requires[p]!) {
      const hq = placedIn[q];
      if (hq === undefined || hq > h) {
        violations.push({
          code: 'REQUIRES',
          message: `"${project.id}" needs "${problem.projects[q]!.id}" in the same or an earlier horizon.`,
        });
      }
    }
    for (const q of checked.excludes[p]!) {
      if (q > p && placedIn[q] !== undefined) {
        violations.push({
          code: 'EXCLUDES',
          message: `"${project.id}" and "${problem.projects[q]!.id}" exclude each other.`,
        });
      }
    }
  });
  return violations;
}

/** The plan in a stable order: by horizon, then by project order in the problem. */
export function sortPlan(checked: CheckedPortfolio, plan: PortfolioPlacement[]): PortfolioPlacement[] {
  return [...plan].sort(
    (x, y) =>
      checked.horizonIndex.get(x.horizon)! - checked.horizonIndex.get(y.horizon)! ||
      checked.projectIndex.get(x.id)! - checked.projectIndex.get(y.id)!,
  );
}
