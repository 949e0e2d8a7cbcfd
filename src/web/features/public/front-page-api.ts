import { useQuery } from '@tanstack/react-query';
import type { PublicOverview } from '../../../domain/public/overview.ts';
import { request } from '../../lib/api.ts';

/**
 * The front page's one call, named without its contract: a contract carries its zod schemas, which the first page
 * must not download (decision 105). `front-page-api.test.ts` checks it is `publicContract.overview`: same method,
 * path and query key.
 */
export const OVERVIEW_ENDPOINT = { method: 'GET', path: '/api/public/overview', key: ['public', 'overview'] } as const;

export function usePublicOverview() {
  return useQuery({
    queryKey: OVERVIEW_ENDPOINT.key,
    queryFn: () => request<PublicOverview>(OVERVIEW_ENDPOINT.method, OVERVIEW_ENDPOINT.path),
  });
}
