import { DocumentQuery, MissionParams, strategyFiles } from '../../domain/strategy/strategy.contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import { renderStrategyDocument } from './strategy-document.render.ts';
import type { StrategyStateService } from './strategy-state.service.ts';

const SUMMARIES = {
  pdf: 'The strategy document (PDF): PST structure, plan by horizon, roadmap, criteria',
  xlsx: 'The strategy in the PST structure as a spreadsheet (XLSX) the commune can paste into its own PST',
} as const;
const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The strategy document streams a file: plain routes, outside the contract (decision 130). */
export function strategyDocumentRoutes(app: ApiInstance, state: StrategyStateService) {
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(
      strategyFiles[format],
      {
        config: { access: { action: 'read', resource: 'strategy' } },
        schema: {
          tags: ['strategy'],
          summary: SUMMARIES[format],
          params: MissionParams,
          querystring: DocumentQuery,
          produces: [CONTENT_TYPES[format]],
          response: errorResponses,
        },
      },
      async (request, reply) => {
        const data = await state.documentData(request.actor, request.params.missionId);
        const lang = request.query.lang ?? (request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr');
        const file = await renderStrategyDocument(format, data, lang);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body as never);
      },
    );
  }
}
