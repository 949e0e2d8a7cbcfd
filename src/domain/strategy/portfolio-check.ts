import { DomainError } from '../shared/errors.ts';
import type { BalanceRow, BudgetRow, CheckedPortfolio, CoverRow } from './portfolio.ts';
import type { PortfolioProblem } from './schemas.ts';

/** Phasing shares must add up to 1, within rounding of the percentages a consultant types. */
const PHASING_TOLERANCE = 1e-6;

type Project = PortfolioProblem['projects'][number];
type Horizon = PortfolioProblem['horizons'][number];
/** A project's index from its id, or PORTFOLIO_UNKNOWN_PROJECT naming who referred to it. */
type ProjectRef = (from: string, id: string, field: string) => number;

/**
 * Checks a portfolio problem and indexes it for the solver and the explanations: ids known and unique, amounts
 * finite and ≥ 0, no dependency cycle, locks possible, phasing shares adding up to 1, balance rules well formed.
 */
export function checkPortfolioProblem(problem: PortfolioProblem): CheckedPortfolio {
  if (problem.horizons.length === 0) {
    throw new DomainError('PORTFOLIO_NO_HORIZONS', 'A portfolio needs at least one horizon.');
  }
  const horizonIndex = indexHorizons(problem.horizons);
  const projectIndex = indexProjects(problem.projects);
  const projectRef: ProjectRef = (from, id, field) => {
    const index = projectIndex.get(id);
    if (index === undefined) {
      throw new DomainError(
        'PORTFOLIO_UNKNOWN_PROJECT',
        `Project "${from}" ${field} "${id}", which is not a project.`,
        {
          project: from,
          unknown: id,
        },
      );
    }
    return index;
  };
  const earliest = problem.projects.map((project) => earliestOf(project, horizonIndex));
  const requires = problem.projects.map((project) => [
    ...new Set((project.requires ?? []).map((id) => projectRef(project.id, id, 'requires'))),
  ]);
  const excludes = exclusionsOf(problem, projectRef);
  rejectDependencyCycles(problem, requires);
  const { balance, cover } = balanceRowsOf(problem, projectRef);
  return {
    problem,
    horizonIndex,
    projectIndex,
    earliest,
    requires,
    excludes,
    lockedIn: locksOf(problem, projectIndex, horizonIndex, earliest),
    shares: problem.projects.map(phasingShares),
    budgetRows: budgetRowsOf(problem),
    balance,
    cover,
  };
}

function indexHorizons(horizons: readonly Horizon[]): Map<string, number> {
  const horizonIndex = new Map<string, number>();
  horizons.forEach((horizon, h) => {
    if (horizonIndex.has(horizon.id)) {
      throw new DomainError('PORTFOLIO_DUPLICATE_HORIZON', `Horizon "${horizon.id}" is listed twice.`, {
        horizon: horizon.id,
      });
    }
    if (!Number.isFinite(horizon.budget) || horizon.budget < 0) {
      throw new DomainError(
        'PORTFOLIO_NEGATIVE_BUDGET',
        `Horizon "${horizon.id}": the budget must be a finite amount ≥ 0, got ${horizon.budget}.`,
        { horizon: horizon.id },
      );
    }
    if (!Number.isFinite(horizon.valueFactor) || horizon.valueFactor < 0) {
      throw new DomainError(
        'PORTFOLIO_INVALID_VALUE_FACTOR',
        `Horizon "${horizon.id}": the value factor must be a finite number ≥ 0, got ${horizon.valueFactor}.`,
        { horizon: horizon.id },
      );
    }
    horizonIndex.set(horizon.id, h);
  });
  return horizonIndex;
}

function indexProjects(projects: readonly Project[]): Map<string, number> {
  const projectIndex = new Map<string, number>();
  projects.forEach((project, p) => {
    if (projectIndex.has(project.id)) {
      throw new DomainError('PORTFOLIO_DUPLICATE_PROJECT', `Project "${project.id}" is listed twice.`, {
        project: project.id,
      });
    }
    if (!Number.isFinite(project.cost) || project.cost < 0) {
      throw new DomainError(
        'PORTFOLIO_NEGATIVE_COST',
        `Project "${project.id}": the cost must be a finite amount ≥ 0, got ${project.cost}.`,
        { project: project.id },
      );
    }
    if (!Number.isFinite(project.value)) {
      throw new DomainError('PORTFOLIO_INVALID_VALUE', `Project "${project.id}": the value must be a finite number.`, {
        project: project.id,
      });
    }
    projectIndex.set(project.id, p);
  });
  return projectIndex;
}

function earliestOf(project: Project, horizonIndex: ReadonlyMap<string, number>): number {
  if (project.earliest === undefined) return 0;
  const h = horizonIndex.get(project.earliest);
  if (h === undefined) {
    throw new DomainError(
      'PORTFOLIO_UNKNOWN_HORIZON',
      `Project "${project.id}" starts at the earliest in "${project.earliest}", which is not a horizon.`,
      { project: project.id, unknown: project.earliest },
    );
  }
  return h;
}

/** Exclusions go both ways: each project's excluded others, sorted. */
function exclusionsOf(problem: PortfolioProblem, projectRef: ProjectRef): number[][] {
  const excludeSets = problem.projects.map(() => new Set<number>());
  problem.projects.forEach((project, p) => {
    for (const id of project.excludes ?? []) {
      const q = projectRef(project.id, id, 'excludes');
      if (q === p) {
        throw new DomainError('PORTFOLIO_SELF_EXCLUSION', `Project "${project.id}" excludes itself.`, {
          project: project.id,
        });
      }
      excludeSets[p]!.add(q);
      excludeSets[q]!.add(p);
    }
  });
  return excludeSets.map((set) => [...set].sort((a, b) => a - b));
}

/** The horizon each project is locked in (undefined: free). */
function locksOf(
  problem: PortfolioProblem,
  projectIndex: ReadonlyMap<string, number>,
  horizonIndex: ReadonlyMap<string, number>,
  earliest: readonly number[],
): (number | undefined)[] {
  const lockedIn: (number | undefined)[] = problem.projects.map(() => undefined);
  for (const lock of problem.locks ?? []) {
    const p = projectIndex.get(lock.projectId);
    if (p === undefined) {
      throw new DomainError('PORTFOLIO_UNKNOWN_PROJECT', `A lock names "${lock.projectId}", which is not a project.`, {
        unknown: lock.projectId,
      });
    }
    const h = horizonIndex.get(lock.horizonId);
    if (h === undefined) {
      throw new DomainError(
        'PORTFOLIO_UNKNOWN_HORIZON',
        `Project "${lock.projectId}" is locked in "${lock.horizonId}", which is not a horizon.`,
        { project: lock.projectId, unknown: lock.horizonId },
      );
    }
    if (lockedIn[p] !== undefined) {
      throw new DomainError('PORTFOLIO_DUPLICATE_LOCK', `Project "${lock.projectId}" is locked twice.`, {
        project: lock.projectId,
      });
    }
    if (h < earliest[p]!) {
      throw new DomainError(
        'PORTFOLIO_LOCK_BEFORE_EARLIEST',
        `Project "${lock.projectId}" is locked in "${lock.horizonId}", before its earliest horizon "${problem.projects[p]!.earliest}".`,
        { project: lock.projectId, horizon: lock.horizonId },
      );
    }
    lockedIn[p] = h;
  }
  return lockedIn;
}

/** The share of a project's cost spent in each horizon from its start: [1] when not phased. */
function phasingShares(project: Project): number[] {
  if (project.phasing === undefined) return [1];
  const total = project.phasing.reduce((a, b) => a + b, 0);
  if (project.phasing.some((x) => !Number.isFinite(x) || x < 0) || Math.abs(total - 1) > PHASING_TOLERANCE) {
    throw new DomainError(
      'PORTFOLIO_INVALID_PHASING',
      `Project "${project.id}": the phasing shares must be ≥ 0 and add up to 1, got ${total}.`,
      { project: project.id },
    );
  }
  return project.phasing.map((x) => x / total);
}

/** One budget row per horizon; with carry-over, a horizon's row holds everything spent up to it. */
function budgetRowsOf(problem: PortfolioProblem): BudgetRow[] {
  return problem.horizons.map((horizon, h) =>
    problem.carryOver
      ? {
          horizon: h,
          horizons: problem.horizons.slice(0, h + 1).map((_, k) => k),
          limit: problem.horizons.slice(0, h + 1).reduce((sum, x) => sum + x.budget, 0),
        }
      : { horizon: h, horizons: [h], limit: horizon.budget },
  );
}

/** The balance and coverage rules, their groups as project indexes. */
function balanceRowsOf(
  problem: PortfolioProblem,
  projectRef: ProjectRef,
): { balance: BalanceRow[]; cover: CoverRow[] } {
  const ruleIds = new Set<string>();
  const groupOf = (rule: { id: string; projects: string[] }, kind: string): number[] => {
    if (ruleIds.has(`${kind}:${rule.id}`)) {
      throw new DomainError('PORTFOLIO_INVALID_BALANCE', `The ${kind} rule "${rule.id}" is listed twice.`, {
        rule: rule.id,
      });
    }
    ruleIds.add(`${kind}:${rule.id}`);
    return [...new Set(rule.projects.map((id) => projectRef(`${kind} rule ${rule.id}`, id, 'names')))].sort(
      (a, b) => a - b,
    );
  };
  const balance: BalanceRow[] = (problem.balance ?? []).map((rule) => {
    const members = groupOf(rule, 'balance');
    const bad = (x: number | undefined) => x !== undefined && (!Number.isFinite(x) || x < 0 || x > 1);
    if (bad(rule.min) || bad(rule.max) || (rule.min ?? 0) > (rule.max ?? 1)) {
      throw new DomainError(
        'PORTFOLIO_INVALID_BALANCE',
        `Balance rule "${rule.id}": min and max are shares between 0 and 1 with min ≤ max, got ${rule.min ?? '—'} and ${rule.max ?? '—'}.`,
        { rule: rule.id },
      );
    }
    const inGroup = problem.projects.map(() => false);
    for (const p of members) inGroup[p] = true;
    return {
      id: rule.id,
      label: rule.label ?? rule.id,
      measure: rule.measure,
      min: rule.min,
      max: rule.max,
      members,
      inGroup,
    };
  });
  const cover: CoverRow[] = (problem.cover ?? []).map((rule) => ({
    id: rule.id,
    label: rule.label ?? rule.id,
    members: groupOf(rule, 'cover'),
  }));
  return { balance, cover };
}

/** Depth-first search; a grey node met again closes a cycle, reported as "a → b → a". */
function rejectDependencyCycles(problem: PortfolioProblem, requires: number[][]): void {
  const state = new Array<'new' | 'open' | 'done'>(requires.length).fill('new');
  const path: number[] = [];
  const visit = (p: number): void => {
    state[p] = 'open';
    path.push(p);
    for (const q of requires[p]!) {
      if (state[q] === 'open') {
        const cycle = [...path.slice(path.indexOf(q)), q].map((i) => problem.projects[i]!.id).join(' → ');
        throw new DomainError('PROJECT_DEPENDENCY_CYCLE', `Projects depend on each other in a circle: ${cycle}.`, {
          cycle,
        });
      }
      if (state[q] === 'new') visit(q);
    }
    path.pop();
    state[p] = 'done';
  };
  for (let p = 0; p < requires.length; p++) if (state[p] === 'new') visit(p);
}
