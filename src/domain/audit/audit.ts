import { z } from 'zod';
import { IsoDate, IsoDateTime, NisCode } from '../shared/schemas.ts';

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: IsoDateTime,
    actorId: z.uuid().nullable(),
    actorEmail: z.string().nullable(),
    action: z.string().describe('e.g. user.create, commune.update, auth.login'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    communeNis: NisCode.nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  actor: z.string().max(254).optional().describe('e-mail (or part of it) of who acted'),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  communeNis: NisCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The actions and entity types present in the log, for the filters. */
export const AuditFacets = z.object({ actions: z.array(z.string()), entityTypes: z.array(z.string()) });
export type AuditFacets = z.infer<typeof AuditFacets>;
