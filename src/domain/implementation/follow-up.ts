import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { IsoDate, IsoDateTime } from '../shared/schemas.ts';
import { ProcurementNature, ProcurementProcedure } from './procurement.ts';
import { ProcurementStepRecord } from './procurement-file.ts';

/**
 * The follow-up (*suivi*) of an approved project sheet once its mission is in the implementation phase: status,
 * milestones, progress, budget by year, funding, risks, documents and indicators. The rules are pure.
 */

export const FOLLOW_UP_STATUSES = [
  'planned',
  'procurement',
  'in-progress',
  'delivered',
  'evaluated',
  'suspended',
  'abandoned',
] as const;
export const FollowUpStatus = z
  .enum(FOLLOW_UP_STATUSES)
  .describe('planned → procurement → in progress → delivered → evaluated; or suspended, abandoned (with a reason)');
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/**
 * Which status may follow which. A project may skip procurement (done in house, or bought on an existing contract);
 * a suspended project resumes where it can; evaluated and abandoned are final.
 */
export const STATUS_TRANSITIONS: Record<FollowUpStatus, readonly FollowUpStatus[]> = {
  planned: ['procurement', 'in-progress', 'suspended', 'abandoned'],
  procurement: ['planned', 'in-progress', 'suspended', 'abandoned'],
  'in-progress': ['delivered', 'suspended', 'abandoned'],
  delivered: ['evaluated', 'in-progress'],
  evaluated: [],
  suspended: ['planned', 'procurement', 'in-progress', 'abandoned'],
  abandoned: [],
};

/** Statuses that need a reason, said in the history and on the page. */
export const STATUSES_NEEDING_REASON: ReadonlySet<FollowUpStatus> = new Set(['suspended', 'abandoned']);

export function allowedNextStatuses(from: FollowUpStatus): readonly FollowUpStatus[] {
  return STATUS_TRANSITIONS[from];
}

/** Throws when the change is not allowed, or lacks its reason. Returns the progress the new status implies. */
export function checkStatusChange(
  from: FollowUpStatus,
  to: FollowUpStatus,
  reason: string | null | undefined,
): { progressAtLeast: number | null } {
  if (from === to) {
    throw new DomainError('STATUS_UNCHANGED', `Le projet a déjà le statut « ${to} ».`, { status: to });
  }
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    throw new DomainError('STATUS_TRANSITION_NOT_ALLOWED', `Passage de « ${from} » à « ${to} » impossible.`, {
      from,
      to,
    });
  }
  if (STATUSES_NEEDING_REASON.has(to) && !reason?.trim()) {
    throw new DomainError('STATUS_REASON_REQUIRED', 'Indiquez la raison de la suspension ou de l’abandon.', {
      status: to,
    });
  }
  return { progressAtLeast: to === 'delivered' || to === 'evaluated' ? 100 : null };
}

export const StatusChangeInput = z.strictObject({
  status: FollowUpStatus,
  reason: z.string().trim().max(2000).nullable().optional().describe('required to suspend or abandon'),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

const Money = z.number().min(0).max(1e10);

export const BudgetLine = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  planned: Money.describe('euros planned for this year'),
  committed: Money.describe('euros committed (orders, contracts) this year'),
  spent: Money.describe('euros paid this year'),
});
export type BudgetLine = z.infer<typeof BudgetLine>;

export const FUNDING_KINDS = ['own', 'regional', 'federal', 'european', 'province', 'other'] as const;
export const FundingLine = z.strictObject({
  kind: z.enum(FUNDING_KINDS).describe('own funds, a regional call, European funds…'),
  label: z.string().trim().max(200).nullable().describe('e.g. "Appel Smart Région 2026", "FEDER"'),
  amount: Money,
  secured: z.boolean().describe('granted (true) or only applied for'),
});
export type FundingLine = z.infer<typeof FundingLine>;

export const LEVELS = ['low', 'medium', 'high'] as const;
export const Risk = z.strictObject({
  description: z.string().trim().min(1).max(1000),
  likelihood: z.enum(LEVELS),
  impact: z.enum(LEVELS),
  mitigation: z.string().trim().max(1000).nullable(),
});
export type Risk = z.infer<typeof Risk>;

export const FollowUpUpdateInput = z
  .strictObject({
    progress: z.number().int().min(0).max(100).describe('% done'),
    budget: z.array(BudgetLine).max(30),
    funding: z.array(FundingLine).max(30),
    risks: z.array(Risk).max(50),
  })
  .partial()
  .superRefine((v, ctx) => {
    const years = new Set<number>();
    for (const [i, line] of (v.budget ?? []).entries()) {
      if (years.has(line.year)) ctx.addIssue({ code: 'custom', path: ['budget', i, 'year'], message: 'YEAR_TWICE' });
      years.add(line.year);
    }
  });
export type FollowUpUpdateInput = z.infer<typeof FollowUpUpdateInput>;

export const MilestoneInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  dueDate: IsoDate,
  owner: z.string().trim().max(200).nullable().describe('who answers for it (a person or a service)'),
  doneDate: IsoDate.nullable().describe('the day it was done; null while it is not'),
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;
export const Milestone = MilestoneInput.extend({ id: z.uuid(), late: z.boolean() });
export type Milestone = z.infer<typeof Milestone>;

export const IndicatorInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(50),
  baseline: z.number().finite(),
  target: z.number().finite(),
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;
export const MeasurementInput = z.strictObject({ date: IsoDate, value: z.number().finite() });
export type MeasurementInput = z.infer<typeof MeasurementInput>;
export const Indicator = IndicatorInput.extend({
  id: z.uuid(),
  measurements: z.array(MeasurementInput.extend({ id: z.uuid() })),
});
export type Indicator = z.infer<typeof Indicator>;

/** Largest file kept in the database: documents are deliverables and decisions, not archives. */
export const MAX_DOCUMENT_BYTES = 512 * 1024;
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'text/plain',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export const DOCUMENT_KINDS = ['link', 'file'] as const;
export const DocumentInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('link'),
    name: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }),
  }),
  z.strictObject({
    kind: z.literal('file'),
    name: z.string().trim().min(1).max(200),
    mimeType: z.enum(DOCUMENT_MIME_TYPES),
    contentBase64: z.base64().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4, { message: 'DOCUMENT_TOO_LARGE' }),
  }),
]);
export type DocumentInput = z.infer<typeof DocumentInput>;
export const ProjectDocument = z.object({
  id: z.uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string(),
  url: z.string().nullable(),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  createdAt: IsoDateTime,
});
export type ProjectDocument = z.infer<typeof ProjectDocument>;

// ---- procurement file of a project ----------------------------------------------------------------------------

export const EnterpriseNumber = z
  .string()
  .regex(/^[01]\d{3}\.?\d{3}\.?\d{3}$/, { message: 'ENTERPRISE_NUMBER_FORMAT' })
  .describe('Belgian enterprise number (BCE/KBO), e.g. 0712.345.678');

/** A call-off's source: a listed solution of the catalogue and the lot of the agency's framework agreement offering it. */
export const FrameworkChoice = z.strictObject({
  solutionId: z.uuid().describe('a listed solution of the catalogue'),
  lotId: z.uuid().describe('the lot of the agency’s framework agreement that offers it'),
  callOffId: z
    .uuid()
    .nullable()
    .default(null)
    .describe('the order the commune placed in the catalogue under that lot, once placed'),
});
export type FrameworkChoice = z.infer<typeof FrameworkChoice>;

export const ProcurementInput = z.strictObject({
  nature: ProcurementNature,
  estimatedAmountExclVat: z.number().min(0).max(1e10),
  launchDate: IsoDate,
  procedure: ProcurementProcedure.nullable().describe('the procedure chosen among the proposed ones'),
  framework: FrameworkChoice.nullable().describe('for a call-off under the agency’s framework agreement'),
  reference: z.string().trim().max(100).nullable().describe('the commune’s own file reference'),
  steps: z.array(ProcurementStepRecord).max(20),
  vendorName: z.string().trim().min(1).max(200).nullable(),
  vendorEnterpriseNumber: EnterpriseNumber.nullable(),
  awardAmountExclVat: z.number().positive().max(1e10).nullable(),
});
export type ProcurementInput = z.infer<typeof ProcurementInput>;

export const ProcedureAdviceQuery = z.strictObject({
  nature: ProcurementNature,
  estimatedAmountExclVat: z.coerce.number().min(0).max(1e10),
  launchDate: IsoDate,
  frameworkSolutionId: z.uuid().optional().describe('a listed catalogue solution that fits the need'),
  frameworkLotId: z.uuid().optional().describe('the lot of the framework agreement offering it (with the solution)'),
});
export type ProcedureAdviceQuery = z.infer<typeof ProcedureAdviceQuery>;
