import type { Command } from 'commander';
import { ROLES } from '../../domain/auth/roles.ts';
import { UserCreateInput } from '../../domain/auth/users.ts';
import { UsersService } from '../../server/auth/users.service.ts';
import type { DatabaseHandle } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { UnitOfWork } from '../../server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../server/http/request-context.ts';
import { hasMessage, translate } from '../../server/i18n/messages.ts';
import { CliError, type CliIo, print, withDatabase } from '../context.ts';

function services(db: DatabaseHandle) {
  const uow = new UnitOfWork(db.db);
  return { uow, users: new UsersService(uow) };
}

async function findUserId(uow: UnitOfWork, email: string): Promise<string> {
  const user = await uow.read((repos) => repos.users.findByEmail(email));
  if (!user) throw new CliError(`no account with the e-mail ${email}`);
  return user.id;
}

export function registerUserCommands(program: Command, io: CliIo): void {
  const users = program.command('users').description('manage accounts (create, list, disable, enable, reset-password)');

  users
    .command('create')
    .description('create an account; prints a generated password when --password is not given')
    .requiredOption('--email <email>', 'e-mail address, used to sign in')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--commune <nis>', 'NIS code of the commune (commune roles only), e.g. 81001 for Arlon')
    .option('--password <password>', 'at least 12 characters; prefer the generated one')
    .action((options: { email: string; name: string; role: string; commune?: string; password?: string }) =>
      withDatabase(io, async (db) => {
        await applyMigrations(db);
        const parsed = UserCreateInput.safeParse({
          email: options.email,
          displayName: options.name,
          role: options.role,
          communeNis: options.commune ?? null,
          ...(options.password ? { password: options.password } : {}),
        });
        if (!parsed.success) {
          const problems = parsed.error.issues.map((i) => {
            const field = i.path.join('.') || 'input';
            return `${field}: ${hasMessage(i.message) ? translate(i.message, 'en', { field }) : i.message}`;
          });
          throw new CliError(`invalid account:\n  ${problems.join('\n  ')}`, 2);
        }
        const { user, generatedPassword } = await services(db).users.create(CLI_CONTEXT, parsed.data);
        print(io, `created ${user.role} ${user.email}${user.communeName ? ` (${user.communeName})` : ''}`);
        if (generatedPassword) print(io, `password (shown once): ${generatedPassword}`);
      }),
    );

  users
    .command('list')
    .description('list the accounts')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) =>
      withDatabase(io, async (db) => {
        await applyMigrations(db);
        const list = await services(db).users.list(CLI_CONTEXT);
        if (options.json) return print(io, JSON.stringify(list, null, 2));
        if (list.length === 0) return print(io, 'no accounts');
        for (const u of list) {
          const flags = [u.disabled ? 'disabled' : 'active', u.demo ? 'demo' : ''].filter(Boolean).join(', ');
          print(io, `${u.email.padEnd(40)} ${u.role.padEnd(15)} ${(u.communeName ?? '—').padEnd(24)} ${flags}`);
        }
      }),
    );

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(`${name} <email>`)
      .description(disabled ? 'disable an account and close its sessions' : 'enable a disabled account')
      .action((email: string) =>
        withDatabase(io, async (db) => {
          await applyMigrations(db);
          const { uow, users: service } = services(db);
          await service.update(CLI_CONTEXT, await findUserId(uow, email), { disabled });
          print(io, `${email} ${disabled ? 'disabled' : 'enabled'}`);
        }),
      );
  }

  users
    .command('reset-password <email>')
    .description('give an account a new generated password, printed once')
    .action((email: string) =>
      withDatabase(io, async (db) => {
        await applyMigrations(db);
        const { uow, users: service } = services(db);
        const { generatedPassword } = await service.resetPassword(CLI_CONTEXT, await findUserId(uow, email));
        print(io, `new password for ${email} (shown once): ${generatedPassword}`);
      }),
    );
}
