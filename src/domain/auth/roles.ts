import { z } from 'zod';

export const ROLES = ['agency_admin', 'consultant', 'commune_editor', 'commune_viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Agency staff work across communes; commune users are bound to exactly one commune. */
export function isCommuneRole(role: Role): role is 'commune_editor' | 'commune_viewer' {
  return role === 'commune_editor' || role === 'commune_viewer';
}

export function isAgencyRole(role: Role): role is 'agency_admin' | 'consultant' {
  return !isCommuneRole(role);
}
