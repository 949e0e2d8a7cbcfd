import { z } from 'zod';

/**
 * API keys (issue 14, decision 120): agency admins issue them to partners who need more than the public rate. The
 * key is shown once, at creation; the server keeps its SHA-256. A caller sends it in the `X-API-Key` header.
 */
export const PUBLIC_RATE_LIMIT_PER_MINUTE = 300;
export const API_KEY_HEADER = 'x-api-key';

export const ApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('who the key is for, e.g. « Portail open data de Wallonie »'),
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(3_000),
});
export type ApiKeyInput = z.infer<typeof ApiKeyInput>;

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().describe('the first characters of the key, to recognise it'),
    rateLimitPerMinute: z.number().int(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyCreated = ApiKey.extend({ key: z.string().describe('shown once: store it now') }).meta({
  id: 'ApiKeyCreated',
});
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;
