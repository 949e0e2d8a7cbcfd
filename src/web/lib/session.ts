import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Me } from '../../domain/auth/users.ts';
import { ApiError, request, setCsrfToken } from './api.ts';

/** Who is signed in: every feature may ask, so it lives here rather than in the auth feature. */
export type MeResponse = z.infer<typeof Me>;
export type Capability = keyof MeResponse['capabilities'];

/**
 * The endpoints the frame calls on every page, named without their contracts: a contract carries its zod schemas,
 * and the first page must not download zod (~22 kB compressed, decision 105). `session.test.ts` checks that each
 * matches its contract (`authContract`, `usersContract`, `healthContract`, `implementationContract`,
 * `mutualisationContract`).
 */
export const FRAME_ENDPOINTS = {
  me: { method: 'GET', path: '/api/auth/me', key: ['auth', 'me'] },
  logout: { method: 'POST', path: '/api/auth/logout', key: ['auth', 'logout'] },
  users: { method: 'GET', path: '/api/users', key: ['users', 'list'] },
  config: { method: 'GET', path: '/api/config', key: ['health', 'config'] },
  /** The bell's: the follow-up alerts and the interest polls the signed-in commune is asked. */
  alerts: { method: 'GET', path: '/api/implementation/alerts', key: ['implementation', 'alerts'] },
  myPolls: { method: 'GET', path: '/api/mutualisation/polls/mine', key: ['mutualisation', 'myPolls'] },
} as const;

export const authKeys = {
  me: FRAME_ENDPOINTS.me.key,
  users: FRAME_ENDPOINTS.users.key,
};

/** The signed-in user, or null when signed out (401). */
async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await request<MeResponse>(FRAME_ENDPOINTS.me.method, FRAME_ENDPOINTS.me.path);
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

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => request<null>(FRAME_ENDPOINTS.logout.method, FRAME_ENDPOINTS.logout.path),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}
