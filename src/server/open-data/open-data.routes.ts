import { z } from 'zod';
import { DatasetFormat, DatasetId } from '../../domain/open-data/datasets.ts';
import { toJsonLd } from '../../domain/open-data/dcat.ts';
import { openDataContract } from '../../domain/open-data/open-data.contract.ts';
import { registerContract } from '../http/contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from '../public/api-keys.service.ts';
import { PUBLIC_TAG, publicRateLimit, resolveApiKeys } from '../public/public-rate-limit.ts';
import type { OpenDataService } from './open-data.service.ts';
import { toTurtle } from './turtle.ts';

const publicRoute = { access: { public: true }, rateLimit: publicRateLimit } as const;
const tags = [PUBLIC_TAG];

/** The open data (issue 14): the datasets and their downloads, without an account. */
export async function openDataRoutes(
  app: ApiInstance,
  options: { openData: OpenDataService; publicUrl: string; apiKeys: ApiKeysService },
) {
  const { openData, publicUrl } = options;
  resolveApiKeys(app, options.apiKeys);

  registerContract(
    app,
    openDataContract.datasets,
    { public: true },
    (request) => openData.list(publicUrl, request.headers['accept-language']?.startsWith('en') ? 'en' : 'fr'),
    { rateLimit: publicRateLimit },
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

  app.get(
    '/api/open-data/catalog',
    {
      config: publicRoute,
      schema: {
        tags,
        summary:
          'The DCAT-AP 3 catalogue of the open datasets, for open-data portals: JSON-LD, or Turtle with Accept: text/turtle',
        produces: ['application/ld+json', 'text/turtle'],
      },
    },
    async (request, reply) => {
      const triples = await openData.catalogue(publicUrl);
      const accept = request.headers.accept ?? '';
      reply
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .header('vary', 'accept');
      if (/text\/turtle/.test(accept) && !/application\/ld\+json/.test(accept)) {
        return reply.header('content-type', 'text/turtle; charset=utf-8').send((await toTurtle(triples)) as never);
      }
      return reply
        .header('content-type', 'application/ld+json; charset=utf-8')
        .send(JSON.stringify(toJsonLd(triples)) as never);
    },
  );
}
