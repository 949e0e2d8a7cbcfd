import { apiKeysContract as c } from '../../domain/public/public.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';

/** Agency admins issue and revoke the partners' API keys (issue 14). */
export async function apiKeysRoutes(app: ApiInstance, options: { apiKeys: ApiKeysService }) {
  const { apiKeys } = options;
  registerContract(app, c.list, { action: 'read', resource: 'api_key' }, (request) => apiKeys.list(request.actor));
  registerContract(app, c.create, { action: 'create', resource: 'api_key' }, (request) =>
    apiKeys.create(request.ctx, request.body),
  );
  registerContract(app, c.revoke, { action: 'delete', resource: 'api_key' }, (request) =>
    apiKeys.revoke(request.ctx, request.params.id),
  );
}
