import { usersContract } from '../../domain/auth/users.contract.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import type { UsersService } from './users.service.ts';

export async function usersRoutes(app: ApiInstance, options: { users: UsersService }) {
  const { users } = options;
  const c = usersContract;

  registerContract(app, c.list, { action: 'read', resource: 'user' }, (request) => users.list(request.ctx));
  registerContract(app, c.create, { action: 'create', resource: 'user' }, (request) =>
    users.create(request.ctx, request.body),
  );
  registerContract(app, c.update, { action: 'update', resource: 'user' }, (request) =>
    users.update(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.resetPassword, { action: 'update', resource: 'user' }, (request) =>
    users.resetPassword(request.ctx, request.params.id),
  );
}
