import { useQuery } from '@tanstack/react-query';
import { healthContract } from '../../domain/health/health.contract.ts';
import { endpointQuery } from './contract-client.ts';

/** The agency's name and the optional base map; read once per visit. */
export function usePublicConfig() {
  return useQuery({ ...endpointQuery(healthContract.config), staleTime: Number.POSITIVE_INFINITY });
}
