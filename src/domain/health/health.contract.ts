import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { PublicConfig } from '../shared/public-config.ts';

const DatabaseKind = z.enum(['pglite', 'postgres']);

const HealthStatus = z.object({ status: z.literal('ok'), database: DatabaseKind, version: z.string() });
const HealthUnavailable = z.object({
  status: z.literal('unavailable'),
  database: DatabaseKind,
  version: z.string(),
});

export const healthContract = defineContract(
  'health',
  {
    health: {
      method: 'GET',
      path: '/api/health',
      summary: 'Is the service up, and can it reach its database?',
      response: HealthStatus,
      otherResponses: { 503: HealthUnavailable },
      usualErrors: false,
    },
    config: {
      method: 'GET',
      path: '/api/config',
      summary: 'Public settings the web app needs (the agency, map tiles)',
      response: PublicConfig,
      usualErrors: false,
    },
  },
  { tag: 'system' },
);
