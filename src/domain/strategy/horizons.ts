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

/**
 * Budgets start at 0: only the commune knows what it can invest. Value factors fall by 15 points per horizon, so a
 * project done sooner counts for more, as its benefits last longer within the legislature.
 */
export const DEFAULT_HORIZONS: readonly Horizon[] = [
  { key: 'short', budget: 0, valueFactor: 1, startYear: 2025, endYear: 2026 },
  { key: 'medium', budget: 0, valueFactor: 0.85, startYear: 2027, endYear: 2028 },
  { key: 'long', budget: 0, valueFactor: 0.7, startYear: 2029, endYear: 2030 },
];

export function horizonIndex(key: HorizonKey): number {
  return HORIZON_KEYS.indexOf(key);
}
