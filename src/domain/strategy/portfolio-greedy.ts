import { sortPlan, spendingOf, withinBudgets } from './portfolio.ts';
import { checkPortfolioProblem } from './portfolio-check.ts';
import type { PortfolioPlacement, PortfolioProblem } from './schemas.ts';

/**
 * The baseline a commune would draw up by hand, "fund in rank order until the money runs out":
 *
 * 1. Locked projects go first, into their locked horizon, whatever they cost (the consultant decided).
 * 2. Then the mandatory projects together with everything they require, directly or not; then the others. Within
 *    each group by decreasing value, equal values by id.
 * 3. Each project goes into the earliest horizon that is not before its earliest start, is not before any horizon
 *    holding a project it requires (all of which must already be placed), and still has the money for its cost
 *    (its phased shares in the horizons they fall in; with carry-over, counting what earlier horizons left);
 *    a project whose excluded partner is already placed is skipped.
 * 4. Passes over a group's projects not yet placed repeat until one pass places nothing, so a project waiting for a
 *    prerequisite of lower value gets its chance once that prerequisite is funded; then the next group starts.
 *
 * Mandatory projects that find no money stay out: the plan then breaks a rule, which the optimal plan never does,
 * and its value may even exceed the optimum.
 */
export function greedyPlan(problem: PortfolioProblem): PortfolioPlacement[] {
  const checked = checkPortfolioProblem(problem);
  const { projects, horizons } = problem;
  const spent = horizons.map(() => 0);
  const placedIn = new Array<number | undefined>(projects.length).fill(undefined);
  const place = (p: number, h: number) => {
    placedIn[p] = h;
    for (const [k, amount] of spendingOf(checked, p, h)) spent[k] = spent[k]! + amount;
  };
  /** Whether the money is there: every budget row still holds with the project started in h. */
  const fits = (p: number, h: number) => {
    const next = [...spent];
    for (const [k, amount] of spendingOf(checked, p, h)) next[k] = next[k]! + amount;
    return withinBudgets(checked, next);
  };

  checked.lockedIn.forEach((h, p) => {
    if (h !== undefined) place(p, h);
  });

  const needed = new Set<number>();
  const need = (p: number): void => {
    if (needed.has(p)) return;
    needed.add(p);
    for (const q of checked.requires[p]!) need(q);
  };
  projects.forEach((project, p) => {
    if (project.mandatory) need(p);
  });
  const byValue = (p: number, q: number) => {
    const a = projects[p]!;
    const b = projects[q]!;
    return b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
  const unplaced = projects.map((_, p) => p).filter((p) => placedIn[p] === undefined);
  const groups = [unplaced.filter((p) => needed.has(p)), unplaced.filter((p) => !needed.has(p))];

  for (const group of groups) {
    const order = group.sort(byValue);
    let placedSomething = true;
    while (placedSomething) {
      placedSomething = false;
      for (const p of order) {
        if (placedIn[p] !== undefined) continue;
        if (checked.excludes[p]!.some((q) => placedIn[q] !== undefined)) continue;
        const required = checked.requires[p]!.map((q) => placedIn[q]);
        if (required.some((h) => h === undefined)) continue;
        const from = Math.max(checked.earliest[p]!, ...(required as number[]));
        for (let h = from; h < horizons.length; h++) {
          if (fits(p, h)) {
            place(p, h);
            placedSomething = true;
            break;
          }
        }
      }
    }
  }

  const plan = projects.flatMap((project, p) => {
    const h = placedIn[p];
    return h === undefined ? [] : [{ id: project.id, horizon: horizons[h]!.id }];
  });
  return sortPlan(checked, plan);
}
