import { useQuery } from '@tanstack/react-query';
import { communesContract } from '../../../domain/communes/communes.contract.ts';
import { endpointQuery } from '../../lib/contract-client.ts';

/** The sites of a commune that a mission can serve. */
export function useCommuneSites(communeNis: string | null) {
  return useQuery({
    ...endpointQuery(communesContract.sites, { params: { nisCode: communeNis ?? '' } }),
    enabled: Boolean(communeNis),
  });
}
