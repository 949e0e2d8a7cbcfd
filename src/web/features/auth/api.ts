import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  LoginInput,
  Me,
  PasswordReset,
  User,
  UserCreated,
  UserCreateInput,
  UserUpdateInput,
} from '../../../domain/auth/users.ts';
import { ApiError, api, setCsrfToken } from '../../lib/api.ts';

export type MeResponse = z.infer<typeof Me>;
export type Capability = keyof MeResponse['capabilities'];
export type UserCreateBody = z.input<typeof UserCreateInput>;
export type UserUpdateBody = z.input<typeof UserUpdateInput>;

export const authKeys = {
  me: ['auth', 'me'] as const,
  users: ['users'] as const,
};

/** The signed-in user, or null when signed out (401). */
export async function fetchMe(): Promise<MeResponse | null> {
  try {
    const me = await api.get<MeResponse>('/api/auth/me');
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

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof LoginInput>) => api.post<MeResponse>('/api/auth/login', input),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // What the public saw (e.g. a commune's permissions) is not what this user may do.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, null);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<null>('/api/auth/password', input),
  });
}

export function useUsers() {
  return useQuery({ queryKey: authKeys.users, queryFn: () => api.get<User[]>('/api/users') });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateBody) => api.post<UserCreated>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateBody }) => api.patch<User>(`/api/users/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.users }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) => api.post<PasswordReset>(`/api/users/${id}/password-reset`),
  });
}
