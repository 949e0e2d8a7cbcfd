import { z } from 'zod';

/**
 * The three planning horizons of a mission's portfolio (short, medium and long term) over the communal legislature.
 * Walloon communes plan their PST over the legislature that began after the October 2024 elections and ends in 2030.
 */
export const HORIZON_KEYS = ['short', 'medium', 'long'] as const;
export const HorizonKey = z.enum(HORIZON_KEYS).describe('short, medium or long term');
export type HorizonKey = z.infer<typeof HorizonKey>;

export const LEGISLATURE = { startYear: 2024, endYear: 2030 } as const;
/** Years a horizon may span: the legislature, and a little beyond it for the long term. */
export const PLANNING_YEARS = { min: 2024, max: 2036 } as const;

const Year = z.number().int().min(PLANNING_YEARS.min).max(PLANNING_YEARS.max);

export const Horizon = z
  .object({
    key: HorizonKey,
    budget: z.number().min(0).max(1e10).describe('investment budget for the horizon, in euros; nothing carries over'),
    valueFactor: z
      .number()
      .min(0)
      .max(10)
      .describe('multiplies the value of a project placed in this horizon (earlier is usually worth more)'),
    startYear: Year,
    endYear: Year,
  })
  .meta({ id: 'StrategyHorizon' });
export type Horizon = z.infer<typeof Horizon>;

export const HorizonsInput = z
  .strictObject({
    horizons: z.array(Horizon.strict()).length(3).describe('the short, medium and long term, in that order'),
  })
  .superRefine((input, ctx) => {
    input.horizons.forEach((horizon, i) => {
      if (horizon.key !== HORIZON_KEYS[i]) {
        ctx.addIssue({ code: 'custom', path: ['horizons', i, 'key'], message: 'HORIZON_ORDER' });
      }
      if (horizon.endYear < horizon.startYear) {
        ctx.addIssue({ code: 'custom', path: ['horizons', i, 'endYear'], message: 'HORIZON_YEARS' });
      }
      const previous = input.horizons[i - 1];
      if (previous && horizon.startYear < previous.startYear) {
        ctx.addIssue({ code: 'custom', path: ['horizons', i, 'startYear'], message: 'HORIZON_YEARS_ORDER' });
      }
    });
  });
export type HorizonsInput = z.infer<typeof HorizonsInput>;

/** The value factors of the three horizons: 15 points less per horizon, so a project done sooner counts for more. */
const VALUE_FACTORS = [1, 0.85, 0.7] as const;

/**
 * The horizons a mission starts with, from its start date. Planning begins with the first budget year the commune
 * can still act on: the start year, or the next one when the mission starts in the last quarter (the next year's
 * budget is then being voted). Short and medium terms last two years each; the medium term stretches to the end of
 * the legislature (2030) when at most three years are left in it, and the long term takes what remains of the
 * legislature, or the two years after the medium term when the legislature is over by then. Budgets start at 0:
 * only the commune knows what it can invest, and the plan is not computed until it says so.
 */
export function defaultHorizons(missionStartDate: string): Horizon[] {
  const [year = LEGISLATURE.startYear, month = 1] = missionStartDate.split('-').map(Number);
  const lastStart = PLANNING_YEARS.max - 5;
  const first = Math.min(lastStart, Math.max(LEGISLATURE.startYear, month >= 10 ? year + 1 : year));
  const short = [first, first + 1] as const;
  const mediumStart = short[1] + 1;
  const left = LEGISLATURE.endYear - mediumStart + 1;
  const mediumEnd = left >= 1 && left <= 3 ? LEGISLATURE.endYear : mediumStart + 1;
  const longStart = mediumEnd + 1;
  const longEnd = Math.min(PLANNING_YEARS.max, Math.max(longStart + 1, LEGISLATURE.endYear));
  const spans = [short, [mediumStart, mediumEnd], [longStart, longEnd]] as const;
  return HORIZON_KEYS.map((key, i) => ({
    key,
    budget: 0,
    valueFactor: VALUE_FACTORS[i]!,
    startYear: spans[i]![0],
    endYear: spans[i]![1],
  }));
}

/** The horizons of a mission that starts at the beginning of 2025, the legislature's first full year. */
export const DEFAULT_HORIZONS: readonly Horizon[] = defaultHorizons('2025-01-01');

/** True when no horizon has money to spend: the plan would be empty, so it is not computed. */
export function hasNoBudget(horizons: readonly Pick<Horizon, 'budget'>[]): boolean {
  return horizons.every((h) => !(h.budget > 0));
}

export function horizonIndex(key: HorizonKey): number {
  return HORIZON_KEYS.indexOf(key);
}
