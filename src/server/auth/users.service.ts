import { isCommuneRole } from '../../domain/auth/roles.ts';
import type { UserCreateInput, UserUpdateInput } from '../../domain/auth/users.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { generatePassword, hashPassword } from './password.ts';
import { assertStrongPassword } from './password-policy.ts';
import { authorize } from './policy.ts';
import { auditableUser, presentUser } from './users.presenter.ts';

export class UsersService {
  constructor(private readonly uow: UnitOfWork) {}

  async list(ctx: RequestContext) {
    authorize(ctx.actor, 'read', { type: 'user' });
    const self = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    return (await this.uow.read((repos) => repos.users.list())).map((row) => ({
      ...presentUser(row),
      permissions: { disable: row.id !== self },
    }));
  }

  /** Creates an account; when no password is given one is generated and returned once. */
  async create(ctx: RequestContext, input: UserCreateInput, options: { demo?: boolean } = {}) {
    authorize(ctx.actor, 'create', { type: 'user' });
    if (input.password) {
      const agency = await this.uow.read((repos) => repos.users.getAgency());
      assertStrongPassword('password', input.password, {
        email: input.email,
        displayName: input.displayName,
        agencyName: agency?.name ?? null,
      });
    }
    const password = input.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    const user = await this.uow.write(async (repos) => {
      await assertCommuneUsable(repos, input.communeNis ?? null);
      if (await repos.users.findByEmail(input.email)) throw new ConflictError('EMAIL_TAKEN', { email: input.email });
      const created = await repos.users.insert({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        communeNis: isCommuneRole(input.role) ? (input.communeNis ?? null) : null,
        passwordHash,
        demo: options.demo ?? false,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'user.create',
          entityType: 'user',
          entityId: created.id,
          communeNis: created.communeNis,
          after: auditableUser(created),
        }),
      );
      return (await repos.users.findById(created.id))!;
    });
    return { user: presentUser(user), ...(input.password ? {} : { generatedPassword: password }) };
  }

  async update(ctx: RequestContext, id: string, input: UserUpdateInput) {
    authorize(ctx.actor, 'update', { type: 'user' });
    const actor = ctx.actor;
    const user = await this.uow.write(async (repos) => {
      const before = await repos.users.findById(id);
      if (!before) throw new NotFoundError('USER_NOT_FOUND');
      const role = input.role ?? before.role;
      const communeNis = isCommuneRole(role)
        ? input.communeNis !== undefined
          ? input.communeNis
          : before.communeNis
        : null;
      if (isCommuneRole(role) && !communeNis) {
        throw new ValidationError('COMMUNE_REQUIRED_FOR_ROLE', { field: 'communeNis' });
      }
      await assertCommuneUsable(repos, input.communeNis ?? null);
      const disabling = input.disabled === true && before.disabledAt === null;
      const losingAdmin = before.role === 'agency_admin' && (role !== 'agency_admin' || disabling);
      if (disabling && actor.kind === 'user' && actor.id === id) throw new ValidationError('CANNOT_DISABLE_SELF');
      if (losingAdmin && before.disabledAt === null && (await repos.users.countActiveAdmins(id)) === 0) {
        throw new ConflictError('LAST_ADMIN');
      }
      const disabledAt =
        input.disabled === undefined ? before.disabledAt : input.disabled ? (before.disabledAt ?? new Date()) : null;
      const after = await repos.users.update(id, {
        ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
        role,
        communeNis,
        disabledAt,
      });
      // A disabled account, or one whose rights changed, starts again from a fresh login.
      if (disabledAt || role !== before.role || communeNis !== before.communeNis) {
        await repos.sessions.deleteForUser(id);
      }
      await repos.audit.record(
        auditOf(ctx, {
          action: disabling ? 'user.disable' : 'user.update',
          entityType: 'user',
          entityId: id,
          communeNis: after.communeNis ?? before.communeNis,
          before: auditableUser(before),
          after: auditableUser(after),
        }),
      );
      return (await repos.users.findById(id))!;
    });
    return presentUser(user);
  }

  /** Sets a new generated password, returned once, and closes the user's sessions. */
  async resetPassword(ctx: RequestContext, id: string) {
    authorize(ctx.actor, 'update', { type: 'user' });
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    await this.uow.write(async (repos) => {
      const user = await repos.users.findById(id);
      if (!user) throw new NotFoundError('USER_NOT_FOUND');
      await repos.users.update(id, { passwordHash });
      await repos.sessions.deleteForUser(id);
      await repos.audit.record(
        auditOf(ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, communeNis: user.communeNis }),
      );
    });
    return { generatedPassword: password };
  }
}

async function assertCommuneUsable(repos: Repositories, communeNis: string | null): Promise<void> {
  if (!communeNis) return;
  const commune = await repos.communes.find(communeNis);
  if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
  if (commune.mergedOn)
    throw new ValidationError('COMMUNE_MERGED', { nisCode: communeNis, mergedOn: commune.mergedOn });
}
