import { z } from 'zod';
import { DatasetFormat, DatasetId, DatasetSummary } from '../../domain/open-data/datasets.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import { PUBLIC_TAG } from '../public/public.routes.ts';
import type { OpenDataService } from './open-data.service.ts';

const publicRoute = { access: { public: true } } as const;
const tags = [PUBLIC_TAG];

/** The open data (issue 14): the datasets and their downloads, without an account. */
export async function openDataRoutes(app: ApiInstance, options: { openData: OpenDataService; publicUrl: string }) {
  const { openData, publicUrl } = options;

  app.get(
    '/api/open-data/datasets',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'The open datasets: licence, publisher, update date and download addresses',
        response: { 200: z.array(DatasetSummary) },
      },
    },
    async (request) => openData.list(publicUrl, request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr'),
  );

  app.get(
    '/api/open-data/datasets/:dataset/:format',
    {
      config: publicRoute,
      schema: {
        tags,
        summary:
          'Download a dataset: csv (« ; », decimal comma, UTF-8 with BOM), csv-comma, xlsx, json, geojson, ocds-releases, ocds-records',
        params: z.object({ dataset: DatasetId, format: DatasetFormat }),
        produces: ['text/csv', 'application/json', 'application/geo+json'],
        response: { 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const file = await openData.download(request.params.dataset, request.params.format, publicUrl);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send(file.body as never);
    },
  );
}
