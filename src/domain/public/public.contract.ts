import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { NisCode } from '../shared/schemas.ts';
import { ApiKey, ApiKeyCreated, ApiKeyInput } from './api-keys.ts';
import { PublicCategories, PublicCategoryAdoption, PublicOverview } from './overview.ts';
import { PublicProgramme } from './programme.ts';

/** The OpenAPI tag of everything a visitor or a partner may call without an account, and of the partners' keys. */
export const PUBLIC_TAG = 'public';

/**
 * The public side (issue 14): published data only, no account (decision 120). The front page calls `overview`
 * without this contract, to stay free of zod (`src/web/features/public/front-page-api.ts`, checked against it).
 */
export const publicContract = defineContract(
  'public',
  {
    overview: {
      method: 'GET',
      path: '/api/public/overview',
      summary: 'The front page: key figures and the published Smart projects by commune (dimensions and status)',
      response: PublicOverview,
    },
    programme: {
      method: 'GET',
      path: '/api/public/communes/:nisCode/programme',
      summary:
        'A commune’s published Smart programme: strategic and operational objectives, projects, progress rolled up',
      params: z.object({ nisCode: NisCode }),
      response: PublicProgramme,
    },
    categories: {
      method: 'GET',
      path: '/api/public/catalogue/categories',
      summary: 'The catalogue’s categories, with how many listed solutions and communes using them',
      response: PublicCategories,
    },
    category: {
      method: 'GET',
      path: '/api/public/catalogue/categories/:category',
      summary: 'Which communes use which listed solution of a category (the adoption map)',
      params: z.object({ category: z.string().trim().min(1).max(60) }),
      response: PublicCategoryAdoption,
    },
  },
  { tag: PUBLIC_TAG },
);

const IdParams = z.object({ id: z.uuid() });

/** The partners' API keys, issued and revoked by agency admins (issue 14). */
export const apiKeysContract = defineContract(
  'api-keys',
  {
    list: {
      method: 'GET',
      path: '/api/admin/api-keys',
      summary: 'The API keys issued to partners',
      response: z.array(ApiKey),
    },
    create: {
      method: 'POST',
      path: '/api/admin/api-keys',
      summary: 'Issue a named API key with its own rate limit (the key is shown once)',
      body: ApiKeyInput,
      response: ApiKeyCreated,
      status: 201,
    },
    revoke: {
      method: 'DELETE',
      path: '/api/admin/api-keys/:id',
      summary: 'Revoke an API key (it stops working within 30 seconds)',
      params: IdParams,
      response: ApiKey,
    },
  },
  { tag: PUBLIC_TAG },
);
