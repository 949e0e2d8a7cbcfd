import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { authContract } from '../../domain/auth/auth.contract.ts';
import { usersContract } from '../../domain/auth/users.contract.ts';
import type { Me } from '../../domain/auth/users.ts';
import { ApiError, setCsrfToken } from './api.ts';
import { call, endpointKey } from './contract-client.ts';

/** Who is signed in: every feature may ask, so it lives here rather than in the auth feature. */
export type MeResponse = z.infer<typeof Me>;
export type Capability = keyof MeResponse['capabilities'];

export const authKeys = {
  me: endpointKey(authContract.me),
  users: usersContract.list.key,
};

/** The signed-in user, or null when signed out (401). */
async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await call(authContract.me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
