import { z } from 'zod';
import { diagnosticContract as c, DIAGNOSTIC_REPORT_PATHS } from '../../domain/diagnostic/diagnostic.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';

const MissionParams = z.object({ id: z.uuid() });
const ReportQuery = z.object({
  names: z.enum(['true', 'false']).optional().describe('agency staff: print the names kept of the people heard'),
});
const read = { access: { action: 'read', resource: 'diagnostic' } } as const;

/** A file to download: its type, its name, never cached. */
function download(contentType: string, report: { buffer: Buffer; filename: string }) {
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${report.filename}"`,
    'cache-control': 'no-store',
  };
}

/**
 * Results of a mission's diagnostic, the province view, and the two reports; these stream a file, so they keep
 * plain routes (decision 130).
 */
export function registerResultsRoutes(app: ApiInstance, { results, reports }: DiagnosticServices) {
  registerContract(app, c.province, { action: 'read', resource: 'diagnostic' }, (request) =>
    results.province(request.actor),
  );
  registerContract(app, c.results, { action: 'read', resource: 'diagnostic' }, (request) =>
    results.results(request.actor, request.params.id),
  );

  app.get(
    DIAGNOSTIC_REPORT_PATHS.pdf,
    {
      config: read,
      schema: {
        tags: ['diagnostic'],
        summary: 'The diagnostic report, in French (PDF)',
        params: MissionParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      const report = await reports.pdf(request.actor, request.params.id, { names: request.query.names === 'true' });
      return reply.headers(download('application/pdf', report)).send(report.buffer);
    },
  );

  app.get(
    DIAGNOSTIC_REPORT_PATHS.xlsx,
    {
      config: read,
      schema: { tags: ['diagnostic'], summary: 'The raw data of the diagnostic (XLSX)', params: MissionParams },
    },
    async (request, reply) => {
      const report = await reports.xlsx(request.actor, request.params.id);
      const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply.headers(download(type, report)).send(report.buffer);
    },
  );
}
