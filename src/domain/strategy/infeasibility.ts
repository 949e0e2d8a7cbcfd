import { formatEuro, formatPercent } from '../shared/format.ts';
import { BUDGET_TOLERANCE, balanceWeight, type CheckedPortfolio, SHARE_TOLERANCE } from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
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
  | { code: 'FORCED_DO_NOT_FIT' }
  /** A coverage rule whose group holds no project that can take part in the plan. */
  | { code: 'COVER_NO_PROJECT'; rule: string; label: string }
  /** The projects that must be placed already take the group past its maximum, whatever else is added. */
  | { code: 'BALANCE_MAX_FORCED'; rule: string; label: string; max: number; share: number }
  /** The projects that must be placed outside the group weigh so much that all of the group cannot reach its minimum. */
  | { code: 'BALANCE_MIN_UNREACHABLE'; rule: string; label: string; min: number; share: number }
  /** Without this balance or coverage rule a plan exists (found by solving again without it). */
  | { code: 'RULE_BLOCKS_PLAN'; rule: string; label: string };

export type InfeasibilityOptions = {
  /**
   * Ids of the balance and coverage rules without which, alone, a plan exists: the solver found them by solving the
   * problem again without each rule. The domain cannot solve, so the caller brings them.
   */
  blockingRules?: readonly string[];
};

/** The projects the plan must place: the mandatory and locked ones, and what they require. */
function forcedProjects(checked: CheckedPortfolio): Set<number> {
  const forced = new Set<number>();
  const force = (p: number): void => {
    if (forced.has(p)) return;
    forced.add(p);
    for (const q of checked.requires[p]!) force(q);
  };
  checked.problem.projects.forEach((project, p) => {
    if (project.mandatory || checked.lockedIn[p] !== undefined) force(p);
  });
  return forced;
}

const over = (cost: number, budget: number) => cost > budget + BUDGET_TOLERANCE * Math.max(1, budget);

/**
 * Forced projects over one horizon's money. These causes read a project's cost as landing whole in one horizon's own
 * budget: with phasing or carry-over they would be wrong, and the totals at the end say what holds instead.
 */
function moneyCauses(checked: CheckedPortfolio, forced: ReadonlySet<number>): InfeasibilityCause[] {
  const { problem } = checked;
  const { projects, horizons } = problem;
  const oneHorizonCosts = !problem.carryOver && checked.shares.every((shares) => shares.length === 1);
  if (!oneHorizonCosts) return [];
  const causes: InfeasibilityCause[] = [];
  for (const p of forced) {
    const budgets = horizons.slice(checked.earliest[p]!).map((h) => h.budget);
    const largest = budgets.length > 0 ? Math.max(...budgets) : 0;
    if (checked.lockedIn[p] === undefined && over(projects[p]!.cost, largest)) {
      causes.push({
        code: 'MANDATORY_TOO_EXPENSIVE',
        project: projects[p]!.id,
        cost: projects[p]!.cost,
        largestBudget: largest,
      });
    }
  }
  horizons.forEach((horizon, h) => {
    const cost = projects.reduce((sum, project, p) => sum + (checked.lockedIn[p] === h ? project.cost : 0), 0);
    if (cost > 0 && over(cost, horizon.budget)) {
      causes.push({ code: 'LOCKED_OVER_BUDGET', horizon: horizon.id, cost, budget: horizon.budget });
    }
  });
  return causes;
}

/** Forced projects excluding each other; a locked project whose requirement cannot start by its horizon. */
function linkCauses(checked: CheckedPortfolio, forced: ReadonlySet<number>): InfeasibilityCause[] {
  const { projects, horizons } = checked.problem;
  const causes: InfeasibilityCause[] = [];
  for (const p of forced) {
    for (const q of checked.excludes[p]!) {
      if (q > p && forced.has(q)) {
        causes.push({ code: 'FORCED_EXCLUDE_EACH_OTHER', first: projects[p]!.id, second: projects[q]!.id });
      }
    }
  }
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
  return causes;
}

/** Coverage groups no project answers; balance rules against the projects that must be placed, whatever the money. */
function ruleCauses(checked: CheckedPortfolio, forced: ReadonlySet<number>): InfeasibilityCause[] {
  const causes: InfeasibilityCause[] = [];
  for (const row of checked.cover) {
    if (row.members.length === 0) causes.push({ code: 'COVER_NO_PROJECT', rule: row.id, label: row.label });
  }
  const all = checked.problem.projects.map((_, p) => p);
  for (const row of checked.balance) {
    const weight = (p: number) => balanceWeight(checked, row, p);
    const forcedIn = [...forced].filter((p) => row.inGroup[p]).reduce((sum, p) => sum + weight(p), 0);
    const allOut = all.filter((p) => !row.inGroup[p]).reduce((sum, p) => sum + weight(p), 0);
    if (
      row.max !== undefined &&
      forcedIn > 0 &&
      forcedIn > row.max * (forcedIn + allOut) + SHARE_TOLERANCE * forcedIn
    ) {
      causes.push({
        code: 'BALANCE_MAX_FORCED',
        rule: row.id,
        label: row.label,
        max: row.max,
        share: forcedIn / (forcedIn + allOut),
      });
    }
    const forcedOut = [...forced].filter((p) => !row.inGroup[p]).reduce((sum, p) => sum + weight(p), 0);
    const allIn = all.filter((p) => row.inGroup[p]).reduce((sum, p) => sum + weight(p), 0);
    if (row.min !== undefined && forcedOut > 0 && allIn < row.min * (allIn + forcedOut) - SHARE_TOLERANCE * forcedOut) {
      causes.push({
        code: 'BALANCE_MIN_UNREACHABLE',
        rule: row.id,
        label: row.label,
        min: row.min,
        share: allIn / (allIn + forcedOut),
      });
    }
  }
  return causes;
}

export function diagnoseInfeasibility(
  problem: PortfolioProblem,
  options: InfeasibilityOptions = {},
): { causes: InfeasibilityCause[]; message: string; messageFr: string } {
  const checked = checkPortfolioProblem(problem);
  const forced = forcedProjects(checked);
  const causes = [...moneyCauses(checked, forced), ...linkCauses(checked, forced), ...ruleCauses(checked, forced)];
  const named = new Set(causes.flatMap((c) => ('rule' in c ? [c.rule] : [])));
  const labels = new Map([...checked.balance, ...checked.cover].map((row) => [row.id, row.label]));
  for (const rule of options.blockingRules ?? []) {
    if (!named.has(rule) && labels.has(rule)) {
      causes.push({ code: 'RULE_BLOCKS_PLAN', rule, label: labels.get(rule)! });
    }
  }
  if (causes.length === 0) {
    const cost = [...forced].reduce((sum, p) => sum + problem.projects[p]!.cost, 0);
    const budget = problem.horizons.reduce((sum, h) => sum + h.budget, 0);
    causes.push(
      over(cost, budget) ? { code: 'FORCED_OVER_TOTAL_BUDGET', cost, budget } : { code: 'FORCED_DO_NOT_FIT' },
    );
  }
  return {
    causes,
    message: causes.map((c) => describeCause(c)).join(' '),
    messageFr: causes.map((c) => describeCause(c, 'fr')).join(' '),
  };
}

/** The cause in words: English by default (the CLI's language), or French for the commune's documents. */
export function describeCause(cause: InfeasibilityCause, locale: 'en' | 'fr' = 'en'): string {
  return locale === 'fr' ? describeCauseFr(cause) : describeCauseEn(cause);
}

function describeCauseFr(cause: InfeasibilityCause): string {
  const euro = (x: number) => formatEuro(x, 'fr');
  const share = (x: number) => formatPercent(x, 'fr');
  switch (cause.code) {
    case 'MANDATORY_TOO_EXPENSIVE':
      return `Le projet obligatoire « ${cause.project} » coûte ${euro(cause.cost)}, plus que tout budget qu’il pourrait utiliser (au plus ${euro(cause.largestBudget)}).`;
    case 'LOCKED_OVER_BUDGET':
      return `Les projets verrouillés dans l’horizon « ${cause.horizon} » coûtent ${euro(cause.cost)}, plus que son budget de ${euro(cause.budget)}.`;
    case 'FORCED_EXCLUDE_EACH_OTHER':
      return `« ${cause.first} » et « ${cause.second} » doivent tous deux être retenus (obligatoires, verrouillés ou requis) mais s’excluent.`;
    case 'LOCK_BEFORE_REQUIREMENT':
      return `« ${cause.project} » est verrouillé dans l’horizon « ${cause.horizon} » mais dépend de « ${cause.requires} », qui ne peut pas être prêt à temps.`;
    case 'FORCED_OVER_TOTAL_BUDGET':
      return `Les projets obligatoires et verrouillés, avec ce dont ils dépendent, coûtent ${euro(cause.cost)}, plus que tous les budgets réunis (${euro(cause.budget)}).`;
    case 'FORCED_DO_NOT_FIT':
      return 'Les projets obligatoires et verrouillés, avec ce dont ils dépendent, ne tiennent pas ensemble dans les budgets des horizons possibles.';
    case 'COVER_NO_PROJECT':
      return `Aucun projet du plan ne répond à « ${cause.label} », que le plan doit couvrir : rattachez-y une fiche évaluée ou retirez cette exigence.`;
    case 'BALANCE_MAX_FORCED':
      return `Les projets obligatoires ou verrouillés donnent déjà au moins ${share(cause.share)} du plan à « ${cause.label} », plus que son maximum de ${share(cause.max)}.`;
    case 'BALANCE_MIN_UNREACHABLE':
      return `Même avec tous ses projets, « ${cause.label} » n’atteint que ${share(cause.share)} du plan face aux projets obligatoires ou verrouillés, moins que son minimum de ${share(cause.min)}.`;
    case 'RULE_BLOCKS_PLAN':
      return `La règle « ${cause.label} » rend le plan impossible avec ces budgets : sans elle, un plan existe. Assouplissez-la ou augmentez les budgets.`;
  }
}

function describeCauseEn(cause: InfeasibilityCause): string {
  switch (cause.code) {
    case 'COVER_NO_PROJECT':
      return `No project of the plan answers "${cause.label}", which the plan must cover.`;
    case 'BALANCE_MAX_FORCED':
      return `The mandatory and locked projects already give "${cause.label}" ${cause.share} of the plan, more than its maximum of ${cause.max}.`;
    case 'BALANCE_MIN_UNREACHABLE':
      return `Even with all its projects, "${cause.label}" reaches only ${cause.share} of the plan beside the mandatory and locked projects, less than its minimum of ${cause.min}.`;
    case 'RULE_BLOCKS_PLAN':
      return `The rule "${cause.label}" makes the plan impossible with these budgets: without it, a plan exists.`;
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
