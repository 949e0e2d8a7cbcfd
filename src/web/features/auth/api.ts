import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  LoginInput,
  PasswordReset,
  User,
  UserCreated,
  UserCreateInput,
  UserUpdateInput,
} from '../../../domain/auth/users.ts';
import { api, setCsrfToken } from '../../lib/api.ts';
import { authKeys, type MeResponse } from '../../lib/session.ts';

export type UserCreateBody = z.input<typeof UserCreateInput>;
export type UserUpdateBody = z.input<typeof UserUpdateInput>;

export { authKeys, type Capability, fetchMe, type MeResponse, useMe } from '../../lib/session.ts';

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
