import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { ROW_PROBLEM_CODES } from './import-rows.ts';
import { Need, NeedInput, NeedListQuery, NeedUpdateInput } from './need.ts';

const IdParams = z.object({ id: z.uuid() });

/** A need with the mutualisation groups it is in. */
export const NeedWithGroups = Need.extend({
  groups: z.array(z.object({ id: z.uuid(), label: z.string(), status: z.string() })),
});
export type NeedWithGroups = z.infer<typeof NeedWithGroups>;

/** A CSV or XLSX file of needs, sent as JSON. */
export const ImportFile = z.strictObject({
  filename: z.string().min(1).max(200).describe('name of the file: .csv or .xlsx'),
  contentBase64: z.string().min(1).describe('the file, base64-encoded (at most ~700 kB)'),
});
export type ImportFile = z.infer<typeof ImportFile>;

/** What checking an import file found, row by row (import-rows.ts, ImportRowResult). */
export const ImportPreview = z.object({
  rows: z.array(
    z.union([
      z.object({
        line: z.number(),
        ok: z.literal(true),
        action: z.enum(['create', 'update', 'unchanged']).describe('what confirming does with the row'),
        id: z.uuid().nullable().describe('the need the row updates'),
        need: z
          .object({
            communeNis: z.string(),
            title: z.string(),
            description: z.string(),
            dimensions: z.array(z.string()),
            category: z.string().nullable(),
            urgency: z.string(),
            estimatedBudget: z.number().nullable(),
            timeframe: z.string().nullable(),
            source: z.string(),
            sourceRef: z.string().nullable(),
          })
          .describe('the need as the row reads (an update: with the columns the file lacks kept)'),
      }),
      z.object({
        line: z.number(),
        ok: z.literal(false),
        title: z.string().nullable(),
        problems: z.array(
          z.object({
            column: z.string(),
            code: z.enum(ROW_PROBLEM_CODES),
            value: z.string().optional(),
            accepted: z.array(z.string()).optional().describe('the values the column accepts, in French'),
          }),
        ),
      }),
    ]),
  ),
  valid: z.number(),
  invalid: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  columns: z.array(z.string()),
  missingColumns: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});

export const ImportOutcome = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
});

/**
 * The register side of the needs feature (decision 150): the needs of the communes and their import. Served by
 * src/server/needs/needs.routes.ts (the CSV/XLSX exports and templates stay plain routes: they stream files), called
 * by src/web/features/needs.
 */
export const needsContract = defineContract('needs', {
  list: {
    method: 'GET',
    path: '/api/needs',
    summary: 'Needs the caller may see (a commune user: their commune’s); q searches the French text',
    query: NeedListQuery,
    response: z.array(Need),
  },
  create: {
    method: 'POST',
    path: '/api/needs',
    summary: 'Record a need of a commune',
    body: NeedInput,
    response: NeedWithGroups,
    status: 201,
  },
  previewImport: {
    method: 'POST',
    path: '/api/needs/import/preview',
    summary: 'Check a CSV/XLSX file of needs row by row; writes nothing',
    body: ImportFile,
    response: ImportPreview,
  },
  confirmImport: {
    method: 'POST',
    path: '/api/needs/import',
    summary:
      'Import the valid rows of the file, all in one transaction: new needs, and the changes of the needs named by identifier; invalid rows are skipped',
    body: ImportFile,
    response: ImportOutcome,
    status: 201,
  },
  get: {
    method: 'GET',
    path: '/api/needs/:id',
    summary: 'One need, with the mutualisation groups it is in',
    params: IdParams,
    response: NeedWithGroups,
  },
  update: {
    method: 'PATCH',
    path: '/api/needs/:id',
    summary: 'Change a need',
    params: IdParams,
    body: NeedUpdateInput,
    response: NeedWithGroups,
  },
  delete: {
    method: 'DELETE',
    path: '/api/needs/:id',
    summary: 'Delete a need',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
});
