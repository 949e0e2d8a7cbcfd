import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { authContract } from '../../../domain/auth/auth.contract.ts';
import { usersContract } from '../../../domain/auth/users.contract.ts';
import type { LoginInput, PasswordChangeInput, UserCreateInput, UserUpdateInput } from '../../../domain/auth/users.ts';
import { setCsrfToken } from '../../lib/api.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';
import { authKeys } from '../../lib/session.ts';

export type UserCreateBody = z.input<typeof UserCreateInput>;
export type UserUpdateBody = z.input<typeof UserUpdateInput>;

export { type Capability, useLogout, useMe } from '../../lib/session.ts';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof LoginInput>) => call(authContract.login, { body: input }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      // What the public saw (e.g. a commune's permissions) is not what this user may do.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.me[0] });
      queryClient.setQueryData(authKeys.me, me);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordChangeInput>) => call(authContract.changePassword, { body: input }),
  });
}

export function useUsers() {
  return useQuery(endpointQuery(usersContract.list));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateBody) => call(usersContract.create, { body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.users }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UserUpdateBody }) =>
      call(usersContract.update, { params: { id }, body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.users }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (id: string) => call(usersContract.resetPassword, { params: { id } }),
  });
}
