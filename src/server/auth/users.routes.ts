import { z } from 'zod';
import { PasswordReset, User, UserCreated, UserCreateInput, UserUpdateInput } from '../../domain/auth/users.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { UsersService } from './users.service.ts';

const IdParams = z.object({ id: z.uuid() });

export async function usersRoutes(app: ApiInstance, options: { users: UsersService }) {
  const { users } = options;

  app.get(
    '/api/users',
    {
      config: { access: { action: 'read', resource: 'user' } },
      schema: {
        tags: ['users'],
        summary: 'All accounts (agency admins)',
        response: { 200: z.array(User), ...errorResponses },
      },
    },
    async (request) => users.list(request.ctx),
  );

  app.post(
    '/api/users',
    {
      config: { access: { action: 'create', resource: 'user' } },
      schema: {
        tags: ['users'],
        summary: 'Create an account; a generated password is returned once when none is given',
        body: UserCreateInput,
        response: {
          201: UserCreated,
          409: errorResponses[400].describe('E-mail already used'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(request.ctx, request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: { action: 'update', resource: 'user' } },
      schema: {
        tags: ['users'],
        summary: 'Change an account’s name, role, commune, or disable it',
        params: IdParams,
        body: UserUpdateInput,
        response: { 200: User, 409: errorResponses[400].describe('Would leave no active admin'), ...errorResponses },
      },
    },
    async (request) => users.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/password-reset',
    {
      config: { access: { action: 'update', resource: 'user' } },
      schema: {
        tags: ['users'],
        summary: 'Give an account a new generated password, returned once',
        params: IdParams,
        response: { 200: PasswordReset, ...errorResponses },
      },
    },
    async (request) => users.resetPassword(request.ctx, request.params.id),
  );
}
