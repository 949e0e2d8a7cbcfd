import { z } from 'zod';
import { ApiKey, ApiKeyCreated, ApiKeyInput } from '../../domain/public/api-keys.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';

const tags = ['public'];

/** Agency admins issue and revoke the partners' API keys (issue 14). */
export async function apiKeysRoutes(app: ApiInstance, options: { apiKeys: ApiKeysService }) {
  const { apiKeys } = options;
  app.get(
    '/api/admin/api-keys',
    {
      config: { access: { action: 'read', resource: 'api_key' } },
      schema: {
        tags,
        summary: 'The API keys issued to partners',
        response: { 200: z.array(ApiKey), ...errorResponses },
      },
    },
    async (request) => apiKeys.list(request.actor),
  );
  app.post(
    '/api/admin/api-keys',
    {
      config: { access: { action: 'create', resource: 'api_key' } },
      schema: {
        tags,
        summary: 'Issue a named API key with its own rate limit (the key is shown once)',
        body: ApiKeyInput,
        response: { 201: ApiKeyCreated, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await apiKeys.create(request.ctx, request.body)),
  );
  app.delete(
    '/api/admin/api-keys/:id',
    {
      config: { access: { action: 'delete', resource: 'api_key' } },
      schema: {
        tags,
        summary: 'Revoke an API key (it stops working within 30 seconds)',
        params: z.object({ id: z.uuid() }),
        response: { 200: ApiKey, ...errorResponses },
      },
    },
    async (request) => apiKeys.revoke(request.ctx, request.params.id),
  );
}
