import { z } from 'zod';

export const NisCode = z
  .string()
  .regex(/^\d{5}$/, { message: 'NIS_CODE_FORMAT' })
  .describe('Statbel NIS (REFNIS) code of a commune: five digits, e.g. 81001 for Arlon');
export type NisCode = z.infer<typeof NisCode>;

export const Uuid = z.uuid();
export const IsoDateTime = z.string().describe('ISO 8601 date-time, UTC');
/**
 * The dates the product deals with (mergers since 1977, missions, plans to 2030 and beyond, agreements) all fall
 * in this range; a date outside it is a typing slip (0202 for 2020), and year 0000 is one PostgreSQL cannot store.
 */
export const FIRST_DATE = '1900-01-01';
export const LAST_DATE = '2199-12-31';
export const IsoDate = z.iso
  .date({ abort: true })
  .refine((value) => value >= FIRST_DATE && value <= LAST_DATE, { message: 'FIELD_DATE_RANGE' })
  .describe('Calendar date, YYYY-MM-DD, from 1900-01-01 to 2199-12-31');

/** Boolean flags in query strings arrive as text. */
export const QueryFlag = z.enum(['true', 'false']).describe('"true" or "false"');

export const Page = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The error body every endpoint answers with on failure. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error');
