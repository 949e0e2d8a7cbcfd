import { publicContract as c } from '../../domain/public/public.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { ApiKeysService } from './api-keys.service.ts';
import type { PublicService } from './public.service.ts';
import { publicRateLimit, resolveApiKeys } from './public-rate-limit.ts';

/** Routes anyone may call, signed in or not: they return published data only (decision 120). */
const open = { public: true } as const;
const limited = { rateLimit: publicRateLimit };

export async function publicRoutes(app: ApiInstance, options: { public: PublicService; apiKeys: ApiKeysService }) {
  const service = options.public;
  resolveApiKeys(app, options.apiKeys);
  registerContract(app, c.overview, open, () => service.overview(), limited);
  registerContract(app, c.programme, open, (request) => service.programme(request.params.nisCode), limited);
  registerContract(app, c.categories, open, () => service.categories(), limited);
  registerContract(app, c.category, open, (request) => service.categoryAdoption(request.params.category), limited);
}
