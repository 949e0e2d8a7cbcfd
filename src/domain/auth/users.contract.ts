import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { PasswordReset, User, UserCreated, UserCreateInput, UserListItem, UserUpdateInput } from './users.ts';

const IdParams = z.object({ id: z.uuid() });

export const usersContract = defineContract('users', {
  list: { method: 'GET', path: '/api/users', summary: 'All accounts (agency admins)', response: z.array(UserListItem) },
  create: {
    method: 'POST',
    path: '/api/users',
    summary: 'Create an account; a generated password is returned once when none is given',
    body: UserCreateInput,
    response: UserCreated,
    status: 201,
    refusals: { 409: 'E-mail already used' },
  },
  update: {
    method: 'PATCH',
    path: '/api/users/:id',
    summary: 'Change an account’s name, role, commune, or disable it',
    params: IdParams,
    body: UserUpdateInput,
    response: User,
    refusals: { 409: 'Would leave no active admin' },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/users/:id/password-reset',
    summary: 'Give an account a new generated password, returned once',
    params: IdParams,
    response: PasswordReset,
  },
});
