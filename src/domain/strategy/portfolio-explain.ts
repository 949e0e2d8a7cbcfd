import {
  BUDGET_TOLERANCE,
  balanceShare,
  brokenBalance,
  type CheckedPortfolio,
  rowSlacks,
  SHARE_TOLERANCE,
  spendingByHorizon,
  spendingOf,
  withinBudgets,
} from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import type { PortfolioPlacement, PortfolioProblem } from './schemas.ts';

/**
 * Why a plan looks the way it does: how much of each budget line is used and whether it is what holds the plan
 * back, and for each project left out, what keeps it out.
 */
export type BudgetLine = {
  horizon: string;
  budget: number;
  used: number;
  remaining: number;
  /**
   * The line binds when its money is spent, or when some project left out could go in this horizon (earliest start
   * reached, no excluded partner placed, its prerequisites placed in time) but costs more than what remains.
   */
  binds: boolean;
};

export type LeftOutReason =
  | { code: 'EXCLUDED_BY'; by: string }
  | { code: 'REQUIRES_LEFT_OUT'; requires: string }
  /** Every horizon the project could go in lacks the money; `from` is the first of them. */
  | { code: 'DOES_NOT_FIT'; cost: number; from: string; remaining: { horizon: string; amount: number }[] }
  /** It would fit but adds nothing: value × valueFactor ≤ 0 wherever it could go. */
  | { code: 'NO_VALUE' }
  /** The money is there, but placing it would take a group's share past a balance rule's bound. */
  | { code: 'HELD_BY_BALANCE'; rule: string; label: string; bound: 'min' | 'max'; limit: number }
  /** It would fit and add value: only a plan that is not optimal (greedy, time limit) leaves such a project out. */
  | { code: 'FITS'; horizon: string };

export type LeftOutProject = { id: string; reasons: LeftOutReason[]; message: string };

/**
 * A balance rule against the plan: the group's share (null for an empty plan), and whether it binds — the share sits
 * on a bound, or some project the money would allow is held back by it (`holdsBack`).
 */
export type BalanceLine = {
  id: string;
  label: string;
  measure: 'budget' | 'projects';
  min: number | null;
  max: number | null;
  share: number | null;
  binds: boolean;
  holdsBack: string[];
};

/** A coverage rule against the plan: the projects of its group the plan places (at least one when it keeps it). */
export type CoverLine = { id: string; label: string; placed: string[] };

export type PlanExplanation = {
  budgets: BudgetLine[];
  leftOut: LeftOutProject[];
  balance: BalanceLine[];
  cover: CoverLine[];
};

/** A plan read against its checked problem: where each project starts, what each horizon spends and has left. */
function planReading(checked: CheckedPortfolio, plan: readonly PortfolioPlacement[]) {
  const { projects, horizons } = checked.problem;
  const placedIn = new Array<number | undefined>(projects.length).fill(undefined);
  for (const placement of plan) {
    const p = checked.projectIndex.get(placement.id);
    const h = checked.horizonIndex.get(placement.horizon);
    if (p !== undefined && h !== undefined) placedIn[p] = h;
  }
  const used = spendingByHorizon(checked, placedIn);
  const slacks = rowSlacks(checked, used);
  // The money a project starting in h could still use there: the tightest row that counts horizon h (with carry-over,
  // what this horizon and the earlier ones left, as long as no later cumulative row runs short).
  const remaining = horizons.map((_, h) =>
    Math.min(...checked.budgetRows.flatMap((row, r) => (row.horizons.includes(h) ? [slacks[r]!] : []))),
  );
  const fits = (p: number, h: number) => {
    const next = [...used];
    for (const [k, amount] of spendingOf(checked, p, h)) next[k] = next[k]! + amount;
    return withinBudgets(checked, next);
  };
  // Filled while the left-out projects are explained: the horizons whose money held one back, the projects each
  // balance rule held back.
  const moneyBound = new Set<number>();
  const heldBy: string[][] = checked.balance.map(() => []);
  return { checked, placedIn, used, remaining, fits, moneyBound, heldBy };
}
type PlanReading = ReturnType<typeof planReading>;

/** Why a project the plan leaves out is out: a link, the money, a balance rule, or nothing (it had no value). */
function whyLeftOut(reading: PlanReading, p: number): LeftOutReason[] {
  const { checked, placedIn, remaining, fits, moneyBound, heldBy } = reading;
  const { projects, horizons } = checked.problem;
  const project = projects[p]!;
  const reasons: LeftOutReason[] = [];
  for (const q of checked.excludes[p]!) {
    if (placedIn[q] !== undefined) reasons.push({ code: 'EXCLUDED_BY', by: projects[q]!.id });
  }
  for (const q of checked.requires[p]!) {
    if (placedIn[q] === undefined) reasons.push({ code: 'REQUIRES_LEFT_OUT', requires: projects[q]!.id });
  }
  if (reasons.length > 0) return reasons;
  const from = Math.max(checked.earliest[p]!, ...checked.requires[p]!.map((q) => placedIn[q]!));
  const candidates = horizons.map((_, h) => h).filter((h) => h >= from);
  const open = candidates.filter((h) => fits(p, h));
  if (open.length === 0) {
    for (const h of candidates) moneyBound.add(h);
    return [
      {
        code: 'DOES_NOT_FIT',
        cost: project.cost,
        from: horizons[from]!.id,
        remaining: candidates.map((h) => ({ horizon: horizons[h]!.id, amount: remaining[h]! })),
      },
    ];
  }
  // Balance rules do not depend on the horizon: placing the project anywhere changes the shares alike.
  const withIt = [...placedIn];
  withIt[p] = open[0]!;
  const already = new Set(brokenBalance(checked, placedIn).map((b) => `${b.row}:${b.bound}`));
  const broken = brokenBalance(checked, withIt).filter((b) => !already.has(`${b.row}:${b.bound}`));
  for (const b of broken) {
    const row = checked.balance[b.row]!;
    heldBy[b.row]!.push(project.id);
    reasons.push({
      code: 'HELD_BY_BALANCE',
      rule: row.id,
      label: row.label,
      bound: b.bound,
      limit: (b.bound === 'min' ? row.min : row.max) ?? 0,
    });
  }
  if (broken.length === 0) {
    const worth = open.find((h) => project.value * horizons[h]!.valueFactor > 0);
    reasons.push(worth === undefined ? { code: 'NO_VALUE' } : { code: 'FITS', horizon: horizons[worth]!.id });
  }
  return reasons;
}

/** Each balance rule against the plan: the share it reaches, whether it binds, what it held back. */
function balanceLines({ checked, placedIn, heldBy }: PlanReading): BalanceLine[] {
  return checked.balance.map((row, r): BalanceLine => {
    const share = balanceShare(checked, row, placedIn);
    const onBound = (bound: number | undefined) =>
      share !== null && bound !== undefined && Math.abs(share - bound) <= SHARE_TOLERANCE;
    return {
      id: row.id,
      label: row.label,
      measure: row.measure,
      min: row.min ?? null,
      max: row.max ?? null,
      share,
      binds: onBound(row.min) || onBound(row.max) || heldBy[r]!.length > 0,
      holdsBack: heldBy[r]!,
    };
  });
}

export function explainPlan(problem: PortfolioProblem, plan: readonly PortfolioPlacement[]): PlanExplanation {
  const checked = checkPortfolioProblem(problem);
  const reading = planReading(checked, plan);
  const { placedIn, used, remaining, moneyBound } = reading;
  const leftOut: LeftOutProject[] = [];
  problem.projects.forEach((project, p) => {
    if (placedIn[p] !== undefined) return;
    const reasons = whyLeftOut(reading, p);
    leftOut.push({ id: project.id, reasons, message: describe(project.id, reasons, problem, checked.earliest[p]!) });
  });
  const budgets = problem.horizons.map((horizon, h) => ({
    horizon: horizon.id,
    budget: horizon.budget,
    used: used[h]!,
    remaining: remaining[h]!,
    binds: remaining[h]! <= BUDGET_TOLERANCE * Math.max(1, horizon.budget) || moneyBound.has(h),
  }));
  const cover = checked.cover.map((row) => ({
    id: row.id,
    label: row.label,
    placed: row.members.filter((p) => placedIn[p] !== undefined).map((p) => problem.projects[p]!.id),
  }));
  return { budgets, leftOut, balance: balanceLines(reading), cover };
}

function describe(id: string, reasons: LeftOutReason[], problem: PortfolioProblem, earliest: number): string {
  return `"${id}" is left out: ${reasons.map((reason) => reasonText(reason, problem, earliest)).join('; ')}.`;
}

function reasonText(reason: LeftOutReason, problem: PortfolioProblem, earliest: number): string {
  switch (reason.code) {
    case 'EXCLUDED_BY':
      return `excluded by "${reason.by}", which is in the plan`;
    case 'REQUIRES_LEFT_OUT':
      return `requires "${reason.requires}", which is out`;
    case 'DOES_NOT_FIT': {
      const start = earliest > 0 ? `cannot start before "${problem.horizons[earliest]!.id}"; ` : '';
      const money = reason.remaining.map((r) => `${r.amount} left in "${r.horizon}"`).join(', ');
      return `${start}costs ${reason.cost}, more than any budget it could use (${money})`;
    }
    case 'NO_VALUE':
      return 'would fit but adds no value';
    case 'HELD_BY_BALANCE':
      return `would take the share of "${reason.label}" ${reason.bound === 'min' ? 'below its minimum' : 'above its maximum'} of ${reason.limit}`;
    case 'FITS':
      return `would fit in "${reason.horizon}" and add value (this plan is not optimal)`;
  }
}
