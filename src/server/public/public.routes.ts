import { z } from 'zod';
import { PublicCategories, PublicCategoryAdoption, PublicOverview } from '../../domain/public/overview.ts';
import { PublicProgramme } from '../../domain/public/programme.ts';
import { NisCode } from '../../domain/shared/schemas.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';
import type { PublicService } from './public.service.ts';
import { PUBLIC_TAG, publicRateLimit, resolveApiKeys } from './public-rate-limit.ts';

/** Routes anyone may call, signed in or not: they return published data only (decision 120). */
const publicRoute = { access: { public: true }, rateLimit: publicRateLimit } as const;
const tags = [PUBLIC_TAG];
const publicErrors = { 400: errorResponses[400], 404: errorResponses[404] } as const;

export async function publicRoutes(app: ApiInstance, options: { public: PublicService; apiKeys: ApiKeysService }) {
  const service = options.public;
  resolveApiKeys(app, options.apiKeys);

  app.get(
    '/api/public/overview',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'The front page: key figures and the published Smart projects by commune (dimensions and status)',
        response: { 200: PublicOverview },
      },
    },
    async () => service.overview(),
  );

  app.get(
    '/api/public/communes/:nisCode/programme',
    {
      config: publicRoute,
      schema: {
        tags,
        summary:
          'A commune’s published Smart programme: strategic and operational objectives, projects, progress rolled up',
        params: z.object({ nisCode: NisCode }),
        response: { 200: PublicProgramme, ...publicErrors },
      },
    },
    async (request) => service.programme(request.params.nisCode),
  );

  app.get(
    '/api/public/catalogue/categories',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'The catalogue’s categories, with how many listed solutions and communes using them',
        response: { 200: PublicCategories },
      },
    },
    async () => service.categories(),
  );

  app.get(
    '/api/public/catalogue/categories/:category',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Which communes use which listed solution of a category (the adoption map)',
        params: z.object({ category: z.string().trim().min(1).max(60) }),
        response: { 200: PublicCategoryAdoption, ...publicErrors },
      },
    },
    async (request) => service.categoryAdoption(request.params.category),
  );
}
