import type { Role } from '../../domain/auth/roles.ts';
import { type Config, ConfigError } from '../config.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { auditOf, BOOTSTRAP_CONTEXT } from '../http/request-context.ts';
import { translate } from '../i18n/messages.ts';
import { passwordWeakness } from './password-policy.ts';
import type { UsersService } from './users.service.ts';

const DEFAULT_ADMIN_EMAIL = 'admin@localhost';
const ADMIN_DISPLAY_NAME = 'Administrateur';

export type CreatedAccount = { email: string; role: Role; password: string | null; demo: boolean };

export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; communeNis: string | null }[] = [
  {
    email: 'consultant@demo.smart-rural.local',
    displayName: 'Consultante (démo)',
    role: 'consultant',
    communeNis: null,
  },
  {
    email: 'arlon@demo.smart-rural.local',
    displayName: 'Éditeur Arlon (démo)',
    role: 'commune_editor',
    communeNis: '81001',
  },
  {
    email: 'arlon-lecture@demo.smart-rural.local',
    displayName: 'Lecteur Arlon (démo)',
    role: 'commune_viewer',
    communeNis: '81001',
  },
  {
    email: 'tintigny@demo.smart-rural.local',
    displayName: 'Éditrice Tintigny (démo)',
    role: 'commune_editor',
    communeNis: '85039',
  },
];

/**
 * First start: an agency admin must exist. From ADMIN_EMAIL / ADMIN_PASSWORD, or admin@localhost with a random
 * password printed once. On an empty database, a demo workspace too, unless SEED_DEMO=false.
 */
export async function bootstrapAccounts(
  uow: UnitOfWork,
  users: UsersService,
  config: Config,
): Promise<CreatedAccount[]> {
  const created: CreatedAccount[] = [];
  const emptyDatabase = (await uow.read((repos) => repos.users.countAll())) === 0;
  const hasAdmin = (await uow.read((repos) => repos.users.countActiveAdmins())) > 0;
  const demo = emptyDatabase && config.seedDemo;

  if (emptyDatabase) {
    const name = demo ? `${config.agencyName} — espace de démonstration` : config.agencyName;
    await uow.write(async (repos) => {
      await repos.users.upsertAgency(name, demo);
      await repos.audit.record(
        auditOf(BOOTSTRAP_CONTEXT, {
          action: 'agency.create',
          entityType: 'agency',
          entityId: '1',
          after: { name, demo },
        }),
      );
    });
  }

  if (!hasAdmin) {
    const email = config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    const existing = await uow.read((repos) => repos.users.findByEmail(email));
    if (existing) {
      throw new Error(
        `no active agency admin, and ${email} already exists with role ${existing.role}: fix it with "npx smart-rural users create"`,
      );
    }
    const result = await users.create(BOOTSTRAP_CONTEXT, {
      email,
      displayName: ADMIN_DISPLAY_NAME,
      role: 'agency_admin',
      communeNis: null,
      ...(config.adminPassword ? { password: config.adminPassword } : {}),
    });
    created.push({ email, role: 'agency_admin', password: result.generatedPassword ?? null, demo: false });
  }

  if (demo) {
    for (const account of DEMO_ACCOUNTS) {
      const result = await users.create(
        BOOTSTRAP_CONTEXT,
        { email: account.email, displayName: account.displayName, role: account.role, communeNis: account.communeNis },
        { demo: true },
      );
      created.push({
        email: account.email,
        role: account.role,
        password: result.generatedPassword ?? null,
        demo: true,
      });
    }
  }
  return created;
}

/**
 * ADMIN_PASSWORD follows the same password policy as every password a person chooses: a weak one stops the start
 * with the reason, before anything is written (in French, then English: a terminal has no language to ask).
 */
export function checkAdminPassword(config: Config): void {
  if (!config.adminPassword) return;
  const weakness = passwordWeakness(config.adminPassword, {
    email: config.adminEmail ?? DEFAULT_ADMIN_EMAIL,
    displayName: ADMIN_DISPLAY_NAME,
    agencyName: config.agencyName,
  });
  if (!weakness) return;
  const message = (lang: 'fr' | 'en') => translate('ADMIN_PASSWORD_WEAK', lang, { reason: translate(weakness, lang) });
  throw new ConfigError(`${message('fr')}\n${message('en')}`);
}

/** The one time these passwords are shown. */
export function formatCreatedAccounts(accounts: CreatedAccount[]): string {
  if (accounts.length === 0) return '';
  const lines = accounts.map(
    (a) =>
      `  ${(a.demo ? '[démo]' : '').padEnd(7)}${a.role.padEnd(15)} ${a.email.padEnd(37)} ${a.password ? `mot de passe : ${a.password}` : '(mot de passe de ADMIN_PASSWORD)'}`,
  );
  return ['', '┌ Comptes créés — notez ces mots de passe, ils ne seront plus affichés :', ...lines, '└', ''].join('\n');
}
