import { z } from 'zod';
import { IsoDateTime } from '../shared/schemas.ts';
import { HorizonKey } from '../strategy/horizons.ts';
import type { BudgetLine, FundingLine } from './follow-up.ts';

/**
 * What the approved plan promised for a project, kept on its follow-up when the plan is approved: its horizon, the
 * months it should run, its cost spread over those years, and its funding. The follow-up then records what happens
 * (committed, spent, the actual start), and `planAgainstActual` sets one beside the other.
 */

const Money = z.number().min(0).max(1e10);
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const PlanBaseline = z
  .object({
    planRunId: z.uuid(),
    approvedAt: IsoDateTime,
    horizon: HorizonKey,
    startMonth: Month.describe('first month of work in the plan'),
    endMonth: Month.describe('last month of work in the plan'),
    investment: Money,
    funding: Money.describe('funding counted in the plan'),
    ownShare: Money.describe('investment − funding: what the commune’s budget pays'),
    byYear: z
      .array(z.object({ year: z.number().int(), planned: Money, ownShare: Money }))
      .describe('the investment (and the commune’s share) planned for each calendar year'),
  })
  .meta({ id: 'PlanBaseline' });
export type PlanBaseline = z.infer<typeof PlanBaseline>;

/**
 * Spreads an amount over the months from `startMonth` to `endMonth` (inclusive), evenly by month, and sums it by
 * calendar year: a project of 18 months from July 2026 puts 6/18 in 2026, 12/18 in 2027. Cents are kept exact: the
 * last year takes the rounding rest, so the years add up to the amount.
 */
export function spreadByYear(amount: number, startMonth: string, endMonth: string): { year: number; amount: number }[] {
  const [sy, sm] = startMonth.split('-').map(Number) as [number, number];
  const [ey, em] = endMonth.split('-').map(Number) as [number, number];
  const months = Math.max(1, (ey - sy) * 12 + (em - sm) + 1);
  const out: { year: number; amount: number }[] = [];
  let given = 0;
  for (let year = sy; year <= ey; year++) {
    const from = year === sy ? sm : 1;
    const to = year === ey ? em : 12;
    const share = year === ey ? round(amount - given) : round((amount * (to - from + 1)) / months);
    given = round(given + share);
    out.push({ year, amount: share });
  }
  return out;
}

export function baselineOf(input: {
  planRunId: string;
  approvedAt: string;
  horizon: HorizonKey;
  startMonth: string;
  endMonth: string;
  investment: number;
  funding: number;
}): PlanBaseline {
  const ownShare = round(Math.max(0, input.investment - input.funding));
  const gross = spreadByYear(input.investment, input.startMonth, input.endMonth);
  const own = spreadByYear(ownShare, input.startMonth, input.endMonth);
  return {
    ...input,
    ownShare,
    byYear: gross.map((g, i) => ({ year: g.year, planned: g.amount, ownShare: own[i]!.amount })),
  };
}

/** The follow-up's budget lines a plan starts it with: planned by year, nothing committed or spent yet. */
export function initialBudget(baseline: PlanBaseline): BudgetLine[] {
  return baseline.byYear.map((y) => ({ year: y.year, planned: y.planned, committed: 0, spent: 0 }));
}

/** The follow-up's funding lines from the sheet's: granted lines are secured; the kind is the consultant's to set. */
export function initialFunding(lines: readonly { name: string; amount: number; granted: boolean }[]): FundingLine[] {
  return lines
    .filter((l) => l.amount > 0)
    .map((l) => ({ kind: 'other', label: l.name.slice(0, 200), amount: l.amount, secured: l.granted }));
}

// ---------------------------------------------------------------------------------------------------------------
// Plan against actual

/** A cost drift is flagged beyond 10 % of the plan; a start drift beyond 3 months (a quarter, a college's rhythm). */
export const COST_DRIFT_THRESHOLD = 0.1;
export const START_DRIFT_MONTHS = 3;

export const PlanAgainstActualYear = z.object({
  year: z.number().int(),
  planned: z.number().describe('the approved plan’s investment for the year'),
  committed: z.number(),
  spent: z.number(),
  drift: z.boolean().describe('committed or spent beyond the plan by more than the threshold'),
});
export type PlanAgainstActualYear = z.infer<typeof PlanAgainstActualYear>;

export const PlanAgainstActualProject = z
  .object({
    projectId: z.uuid(),
    title: z.string(),
    horizon: HorizonKey,
    plannedStart: Month,
    actualStart: Month.nullable().describe('the month work or procurement began; null while planned'),
    startDriftMonths: z.number().int().nullable().describe('actual − planned start, in months; > 0 is late'),
    planned: z.number(),
    committed: z.number(),
    spent: z.number(),
    costDrift: z.number().nullable().describe('(max(committed, spent) − planned) / planned'),
    drift: z.array(z.enum(['late', 'over_cost'])),
    years: z.array(PlanAgainstActualYear),
  })
  .meta({ id: 'PlanAgainstActualProject' });
export type PlanAgainstActualProject = z.infer<typeof PlanAgainstActualProject>;

export const PlanAgainstActual = z
  .object({
    thresholds: z.object({ cost: z.number(), startMonths: z.number().int() }),
    years: z.array(PlanAgainstActualYear),
    projects: z.array(PlanAgainstActualProject),
    totals: z.object({ planned: z.number(), committed: z.number(), spent: z.number() }),
  })
  .meta({ id: 'PlanAgainstActual' });
export type PlanAgainstActual = z.infer<typeof PlanAgainstActual>;

export type ProjectActuals = {
  projectId: string;
  title: string;
  baseline: PlanBaseline;
  budget: readonly BudgetLine[];
  /** YYYY-MM of the first change to procurement or in progress; null while planned. */
  actualStart: string | null;
};

const monthIndex = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return y * 12 + (m - 1);
};

const over = (actual: number, planned: number) =>
  planned > 0 ? actual > planned * (1 + COST_DRIFT_THRESHOLD) + 1e-6 : actual > 0;

function yearsOf(baseline: PlanBaseline, budget: readonly BudgetLine[]): PlanAgainstActualYear[] {
  const years = new Map<number, { planned: number; committed: number; spent: number }>();
  for (const y of baseline.byYear) years.set(y.year, { planned: y.planned, committed: 0, spent: 0 });
  for (const line of budget) {
    const row = years.get(line.year) ?? { planned: 0, committed: 0, spent: 0 };
    years.set(line.year, { ...row, committed: row.committed + line.committed, spent: row.spent + line.spent });
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, v]) => ({ year, ...v, drift: over(Math.max(v.committed, v.spent), v.planned) }));
}

/** Plan against actual for a set of projects (a mission, the province): by project, by year, with the drifts. */
export function planAgainstActual(projects: readonly ProjectActuals[], today: string): PlanAgainstActual {
  const todayMonth = today.slice(0, 7);
  const rows = projects.map((p): PlanAgainstActualProject => {
    const years = yearsOf(p.baseline, p.budget);
    const committed = years.reduce((s, y) => s + y.committed, 0);
    const spent = years.reduce((s, y) => s + y.spent, 0);
    const planned = p.baseline.investment;
    // Not started yet: the drift runs from the planned start to today, once today is past it.
    const startDrift =
      p.actualStart !== null
        ? monthIndex(p.actualStart) - monthIndex(p.baseline.startMonth)
        : monthIndex(todayMonth) > monthIndex(p.baseline.startMonth)
          ? monthIndex(todayMonth) - monthIndex(p.baseline.startMonth)
          : null;
    const drift: ('late' | 'over_cost')[] = [];
    if (startDrift !== null && startDrift > START_DRIFT_MONTHS) drift.push('late');
    if (over(Math.max(committed, spent), planned)) drift.push('over_cost');
    return {
      projectId: p.projectId,
      title: p.title,
      horizon: p.baseline.horizon,
      plannedStart: p.baseline.startMonth,
      actualStart: p.actualStart,
      startDriftMonths: startDrift,
      planned,
      committed,
      spent,
      costDrift: planned > 0 ? (Math.max(committed, spent) - planned) / planned : null,
      drift,
      years,
    };
  });
  const byYear = new Map<number, { planned: number; committed: number; spent: number }>();
  for (const row of rows) {
    for (const y of row.years) {
      const t = byYear.get(y.year) ?? { planned: 0, committed: 0, spent: 0 };
      byYear.set(y.year, {
        planned: t.planned + y.planned,
        committed: t.committed + y.committed,
        spent: t.spent + y.spent,
      });
    }
  }
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, v]) => ({ year, ...v, drift: over(Math.max(v.committed, v.spent), v.planned) }));
  return {
    thresholds: { cost: COST_DRIFT_THRESHOLD, startMonths: START_DRIFT_MONTHS },
    years,
    projects: rows,
    totals: {
      planned: rows.reduce((s, r) => s + r.planned, 0),
      committed: rows.reduce((s, r) => s + r.committed, 0),
      spent: rows.reduce((s, r) => s + r.spent, 0),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
