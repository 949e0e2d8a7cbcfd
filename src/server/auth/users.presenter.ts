import type { User } from '../../domain/auth/users.ts';
import type { UserWithCommune } from './users.repository.ts';

export function presentUser(row: UserWithCommune): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    communeNis: row.communeNis,
    communeName: row.communeName,
    disabled: row.disabledAt !== null,
    demo: row.demo,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function auditableUser(row: {
  email: string;
  displayName: string;
  role: string;
  communeNis: string | null;
  disabledAt: Date | null;
}) {
  return {
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    communeNis: row.communeNis,
    disabled: row.disabledAt !== null,
  };
}
