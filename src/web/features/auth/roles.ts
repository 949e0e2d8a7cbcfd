import type { Role } from '../../../domain/auth/roles.ts';

/** i18n keys of the roles' names (fr: Administrateur de l’agence, Consultant, Éditeur communal, Lecteur communal). */
export const ROLE_LABEL_KEYS: Record<Role, string> = {
  agency_admin: 'roles.agency_admin',
  consultant: 'roles.consultant',
  commune_editor: 'roles.commune_editor',
  commune_viewer: 'roles.commune_viewer',
};
