import { z } from 'zod';
import { IsoDateTime, NisCode } from '../shared/schemas.ts';
import { isCommuneRole, Role } from './roles.ts';

export const PASSWORD_MIN_LENGTH = 12;

export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(200);
export const Email = z
  .email()
  .max(254)
  .transform((v) => v.toLowerCase());

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: Role,
    communeNis: NisCode.nullable(),
    communeName: z.string().nullable(),
    disabled: z.boolean(),
    demo: z.boolean(),
    createdAt: IsoDateTime,
    lastLoginAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

/** An account in the admins' list, with what the reader may do with it (decided by the server). */
export const UserListItem = User.extend({
  permissions: z
    .object({ disable: z.boolean().describe('false for one’s own account: an admin cannot lock themselves out') })
    .describe('what the caller may do with this account, decided by the server'),
}).meta({ id: 'UserListItem' });
export type UserListItem = z.infer<typeof UserListItem>;

/** A commune role needs its commune; an agency role must not have one. */
function roleMatchesCommune(
  v: { role?: Role | undefined; communeNis?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (v.role === undefined) return;
  if (isCommuneRole(v.role) && !v.communeNis) {
    ctx.addIssue({ code: 'custom', path: ['communeNis'], message: 'COMMUNE_REQUIRED_FOR_ROLE' });
  }
  if (!isCommuneRole(v.role) && v.communeNis) {
    ctx.addIssue({ code: 'custom', path: ['communeNis'], message: 'COMMUNE_FORBIDDEN_FOR_ROLE' });
  }
}

export const UserCreateInput = z
  .strictObject({
    email: Email,
    displayName: z.string().trim().min(1).max(120),
    role: Role,
    communeNis: NisCode.nullable().optional(),
    password: Password.optional().describe('leave out to generate one, shown once in the response'),
  })
  .superRefine(roleMatchesCommune);
export type UserCreateInput = z.infer<typeof UserCreateInput>;

export const UserUpdateInput = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: Role.optional(),
    communeNis: NisCode.nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .superRefine(roleMatchesCommune);
export type UserUpdateInput = z.infer<typeof UserUpdateInput>;

export const LoginInput = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const PasswordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: Password,
});

/**
 * The password change as the account page asks for it: the new password typed twice, so that a slip of the keyboard
 * does not lock its owner out. The web's form checks it; the API takes `PasswordChangeInput`, without the copy.
 */
export const PasswordChangeConfirmed = PasswordChangeInput.extend({ confirmation: z.string() }).refine(
  (input) => input.confirmation === input.newPassword,
  { path: ['confirmation'], message: 'PASSWORDS_DIFFER' },
);

export const Me = z
  .object({
    user: User,
    csrfToken: z.string().describe('send it back in the X-CSRF-Token header on every write'),
    capabilities: z
      .object({
        manageUsers: z.boolean(),
        readAudit: z.boolean(),
        runMissions: z.boolean(),
        readAllMissions: z.boolean().describe('missions of every commune, not only the user’s own'),
        enterNeeds: z.boolean().describe('may add needs to a register (their commune’s, or any for agency staff)'),
        readAllNeeds: z.boolean().describe('the needs of every commune, not only the user’s own'),
        runMutualisation: z.boolean().describe('may run the grouping of needs and manage groups, polls and purchases'),
        answerPolls: z.boolean().describe('may answer the interest polls put to the user’s commune'),
        runPurchasing: z
          .boolean()
          .describe('may build and run the agency’s procurement scenarios (central purchasing)'),
        recordAdhesion: z
          .boolean()
          .describe(
            'may record a commune’s adhesion to the central purchasing body (its own, or any for agency staff)',
          ),
        editCatalogue: z.boolean().describe('add and change catalogue solutions, agreements and lots'),
        keepShortlists: z.boolean().describe('save searches into shortlists and change them'),
        readWatch: z.boolean().describe('the technology watch (agency staff)'),
        confirmDesignations: z
          .boolean()
          .describe('may confirm the communes’ official designations, which the open contracting data publishes'),
      })
      .describe('the administration areas the user may open, decided by the server’s policy'),
  })
  .meta({ id: 'Me' });

/** POST /api/users: the account and, when no password was given, the generated one (shown once). */
export const UserCreated = z
  .object({ user: User, generatedPassword: z.string().optional() })
  .meta({ id: 'UserCreated' });
export type UserCreated = z.infer<typeof UserCreated>;
/** POST /api/users/:id/password-reset: the new password, shown once. */
export const PasswordReset = z.object({ generatedPassword: z.string() });
export type PasswordReset = z.infer<typeof PasswordReset>;
