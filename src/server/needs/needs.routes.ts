import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Need, NeedInput, NeedListQuery, NeedUpdateInput } from '../../domain/needs/need.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { NeedsService } from './needs.service.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['needs'];
const communeInQuery = (request: FastifyRequest) => (request.query as { communeNis?: string }).communeNis;

const NeedWithGroups = Need.extend({
  groups: z.array(z.object({ id: z.uuid(), label: z.string(), status: z.string() })),
});

const ImportFile = z.strictObject({
  filename: z.string().min(1).max(200).describe('name of the file: .csv or .xlsx'),
  contentBase64: z.string().min(1).describe('the file, base64-encoded (at most ~700 kB)'),
});

const ImportPreviewResponse = z.object({
  rows: z.array(
    z.union([
      z.object({
        line: z.number(),
        ok: z.literal(true),
        action: z.enum(['create', 'update', 'unchanged']).describe('what confirming does with the row'),
        id: z.uuid().nullable().describe('the need the row updates'),
        need: z.unknown(),
      }),
      z.object({
        line: z.number(),
        ok: z.literal(false),
        title: z.string().nullable(),
        problems: z.array(
          z.object({
            column: z.string(),
            code: z.string(),
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

export async function needsRoutes(app: ApiInstance, options: { needs: NeedsService }) {
  const { needs } = options;

  app.get(
    '/api/needs',
    {
      config: { access: { action: 'read', resource: 'need', commune: communeInQuery } },
      schema: {
        tags,
        summary: 'Needs the caller may see (a commune user: their commune’s); q searches the French text',
        querystring: NeedListQuery,
        response: { 200: z.array(Need), ...errorResponses },
      },
    },
    async (request) => needs.list(request.actor, request.query),
  );

  app.post(
    '/api/needs',
    {
      config: { access: { action: 'create', resource: 'need' } },
      schema: {
        tags,
        summary: 'Record a need of a commune',
        body: NeedInput,
        response: { 201: NeedWithGroups, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await needs.create(request.ctx, request.body)),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/needs/export.${format}`,
      {
        config: { access: { action: 'read', resource: 'need', commune: communeInQuery } },
        schema: {
          tags,
          summary: `The needs as ${format.toUpperCase()} (the columns import reads)`,
          querystring: NeedListQuery,
        },
      },
      async (request, reply) => {
        const file = await needs.export(request.actor, request.query, format);
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/needs/template.${format}`,
      {
        config: { access: { action: 'create', resource: 'need' } },
        schema: {
          tags,
          summary: `The empty ${format.toUpperCase()} file to import needs: the columns and the values they accept`,
        },
      },
      async (_request, reply) => {
        const file = await needs.template(format);
        return reply
          .header('content-type', file.type)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .send(file.body);
      },
    );
  }

  app.post(
    '/api/needs/import/preview',
    {
      config: { access: { action: 'create', resource: 'need' } },
      schema: {
        tags,
        summary: 'Check a CSV/XLSX file of needs row by row; writes nothing',
        body: ImportFile,
        response: { 200: ImportPreviewResponse, ...errorResponses },
      },
    },
    async (request) => needs.previewImport(request.actor, request.body),
  );

  app.post(
    '/api/needs/import',
    {
      config: { access: { action: 'create', resource: 'need' } },
      schema: {
        tags,
        summary:
          'Import the valid rows of the file, all in one transaction: new needs, and the changes of the needs named by identifier; invalid rows are skipped',
        body: ImportFile,
        response: {
          201: z.object({ created: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await needs.confirmImport(request.ctx, request.body)),
  );

  app.get(
    '/api/needs/:id',
    {
      config: { access: { action: 'read', resource: 'need' } },
      schema: {
        tags,
        summary: 'One need, with the mutualisation groups it is in',
        params: IdParams,
        response: { 200: NeedWithGroups, ...errorResponses },
      },
    },
    async (request) => needs.get(request.actor, request.params.id),
  );

  app.patch(
    '/api/needs/:id',
    {
      config: { access: { action: 'update', resource: 'need' } },
      schema: {
        tags,
        summary: 'Change a need',
        params: IdParams,
        body: NeedUpdateInput,
        response: { 200: NeedWithGroups, ...errorResponses },
      },
    },
    async (request) => needs.update(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/needs/:id',
    {
      config: { access: { action: 'delete', resource: 'need' } },
      schema: { tags, summary: 'Delete a need', params: IdParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await needs.delete(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
