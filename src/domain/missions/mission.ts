import { z } from 'zod';
import { IsoDate, IsoDateTime, NisCode } from '../shared/schemas.ts';

/**
 * A mission of individual support (accompagnement individualisé): the agency's consultants take one beneficiary — a
 * commune, or a site inside it such as the Bastogne War Museum — through diagnostic, planning and implementation.
 */
export const MISSION_PHASES = ['diagnostic', 'planning', 'implementation', 'closed'] as const;
export const MissionPhase = z.enum(MISSION_PHASES);
export type MissionPhase = z.infer<typeof MissionPhase>;

/**
 * One name per phase everywhere (screens, reports, spreadsheets): the phases are named like the mission's tabs,
 * « Stratégie » rather than « Planification » (the web's i18n files repeat these words; a test holds them equal).
 */
export const MISSION_PHASE_LABELS: Record<'fr' | 'en', Record<MissionPhase, string>> = {
  fr: { diagnostic: 'Diagnostic', planning: 'Stratégie', implementation: 'Mise en œuvre', closed: 'Clôturée' },
  en: { diagnostic: 'Diagnostic', planning: 'Strategy', implementation: 'Implementation', closed: 'Closed' },
};

export const MissionBeneficiary = z.object({
  kind: z.enum(['commune', 'site']),
  communeNis: NisCode,
  communeName: z.string(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
});
export type MissionBeneficiary = z.infer<typeof MissionBeneficiary>;

export const StaffMember = z
  .object({ id: z.uuid(), displayName: z.string(), email: z.string() })
  .meta({ id: 'StaffMember' });
export type StaffMember = z.infer<typeof StaffMember>;

export const Mission = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    beneficiary: MissionBeneficiary,
    consultants: z.array(StaffMember),
    phase: MissionPhase,
    startDate: IsoDate,
    endDate: IsoDate.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    permissions: z.object({ edit: z.boolean() }).describe('what the caller may do, decided by the server’s policy'),
  })
  .meta({ id: 'Mission' });
export type Mission = z.infer<typeof Mission>;

const missionFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).nullable().optional(),
  consultantIds: z.array(z.uuid()).min(1).max(10).describe('agency staff in charge: at least one'),
  phase: MissionPhase.optional(),
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
};

function endAfterStart(v: { startDate?: string; endDate?: string | null }, ctx: z.RefinementCtx) {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'END_BEFORE_START' });
  }
}

export const MissionCreateInput = z
  .strictObject({
    ...missionFields,
    communeNis: NisCode,
    siteId: z.uuid().nullable().optional().describe('a site inside the commune, when the mission serves the site'),
  })
  .superRefine(endAfterStart);
export type MissionCreateInput = z.infer<typeof MissionCreateInput>;

export const MissionUpdateInput = z
  .strictObject({
    title: missionFields.title.optional(),
    description: missionFields.description,
    consultantIds: missionFields.consultantIds.optional(),
    phase: MissionPhase.optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.nullable().optional(),
  })
  .superRefine(endAfterStart);
export type MissionUpdateInput = z.infer<typeof MissionUpdateInput>;

export const MissionListQuery = z.object({
  communeNis: NisCode.optional(),
  phase: MissionPhase.optional(),
});
