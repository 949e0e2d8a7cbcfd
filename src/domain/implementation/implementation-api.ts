import { z } from 'zod';
import { DIMENSIONS } from '../shared/dimensions.ts';
import { IsoDate, IsoDateTime } from '../shared/schemas.ts';
import { Alert } from './alerts.ts';
import {
  BudgetLine,
  FollowUpStatus,
  FundingLine,
  Indicator,
  Milestone,
  ProcurementInput,
  ProjectDocument,
  Risk,
} from './follow-up.ts';
import { HistoryEntry } from './history.ts';
import { PlanAgainstActual, PlanAgainstActualProject, PlanBaseline } from './plan-baseline.ts';
import { ThresholdValues } from './thresholds.ts';

/** What the implementation API sends: one schema serves the route, the OpenAPI document and the web app. */

export const BudgetTotals = z.object({ planned: z.number(), committed: z.number(), spent: z.number() });
export type BudgetTotals = z.infer<typeof BudgetTotals>;

export const ProjectSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  dimensions: z.array(z.string()),
  missionId: z.uuid(),
  communeNis: z.string(),
  communeName: z.string(),
  status: FollowUpStatus,
  statusReason: z.string().nullable(),
  progress: z.number().int(),
  budget: BudgetTotals,
  published: z.boolean(),
  alertCount: z.number().int(),
  nextMilestone: z.object({ title: z.string(), dueDate: IsoDate }).nullable(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const MissionImplementation = z.object({
  missionId: z.uuid(),
  communeNis: z.string(),
  phase: z.string(),
  started: z.boolean().describe('the mission is in its implementation phase (or closed)'),
  projects: z.array(ProjectSummary),
  permissions: z.object({ edit: z.boolean() }),
  planAgainstActual: PlanAgainstActual.optional().describe(
    'the approved plan beside what was committed and spent, for the projects that came from a plan',
  ),
});
export type MissionImplementation = z.infer<typeof MissionImplementation>;

export const ProcurementState = ProcurementInput.extend({
  frameworkLabel: z.string().nullable().describe('the call-off’s solution, lot and agreement, in words'),
  validation: z.object({
    valid: z.boolean(),
    problems: z.array(z.object({ code: z.string(), severity: z.enum(['error', 'warning']), messageFr: z.string() })),
  }),
  nextStep: z.string().nullable(),
  applicableSteps: z.array(z.string()),
});
export type ProcurementState = z.infer<typeof ProcurementState>;

export const ProjectFollowUp = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  dimensions: z.array(z.string()),
  investmentCost: z.number(),
  missionId: z.uuid(),
  missionTitle: z.string(),
  communeNis: z.string(),
  communeName: z.string(),
  started: z.boolean(),
  status: FollowUpStatus,
  statusReason: z.string().nullable(),
  nextStatuses: z.array(FollowUpStatus),
  progress: z.number().int(),
  budget: z.array(BudgetLine),
  budgetTotals: BudgetTotals,
  funding: z.array(FundingLine),
  baseline: PlanBaseline.nullable().optional().describe('what the approved plan promised; null outside a plan'),
  planAgainstActual: PlanAgainstActualProject.nullable().optional(),
  risks: z.array(Risk),
  milestones: z.array(Milestone),
  indicators: z.array(Indicator),
  documents: z.array(ProjectDocument),
  procurement: ProcurementState.nullable(),
  published: z.boolean(),
  /** Whether the public pages show the budget planned and spent (the commune's choice, with `published`). */
  publishAmounts: z.boolean(),
  history: z.array(HistoryEntry),
  alerts: z.array(Alert),
  today: IsoDate,
  permissions: z.object({
    edit: z.boolean(),
    procurement: z.boolean(),
    publish: z.boolean(),
  }),
});
export type ProjectFollowUp = z.infer<typeof ProjectFollowUp>;

export const ThresholdPeriodRecord = z.object({
  validFrom: IsoDate,
  validTo: IsoDate,
  source: z.string(),
  values: ThresholdValues,
  evidence: z.record(z.string(), z.unknown()),
  updatedAt: IsoDateTime,
});
export type ThresholdPeriodRecord = z.infer<typeof ThresholdPeriodRecord>;

export const AlertList = z.object({ today: IsoDate, alerts: z.array(Alert) });
export type AlertList = z.infer<typeof AlertList>;

export const NotificationSettings = z.strictObject({
  alertEmails: z.boolean().describe('an e-mail when a new alert concerns me'),
  weeklyDigest: z.boolean().describe('a weekly summary of the open alerts'),
});
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** What a notice is about, and how it went out (by e-mail, or only logged without SMTP). */
export const NOTICE_KINDS = ['alert', 'digest', 'poll'] as const;
export const NOTICE_TRANSPORTS = ['smtp', 'log'] as const;
export const Notice = z.object({
  id: z.uuid(),
  email: z.string(),
  kind: z.enum(NOTICE_KINDS),
  subject: z.string(),
  body: z.string(),
  transport: z.enum(NOTICE_TRANSPORTS),
  error: z.string().nullable(),
  sentAt: IsoDateTime,
});
export type Notice = z.infer<typeof Notice>;

export const NoticeRunResult = z.object({
  alertNotices: z.number().int(),
  digests: z.number().int(),
  otherNotices: z.number().int().optional().describe('notices of other features, e.g. interest polls to answer'),
});
export type NoticeRunResult = z.infer<typeof NoticeRunResult>;

export const DashboardQuery = z.strictObject({
  arrondissement: z.string().trim().min(1).max(100).optional(),
  dimension: z.enum(DIMENSIONS).optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const Dashboard = z.object({
  today: IsoDate,
  arrondissements: z.array(z.string()),
  missionsByPhase: z.record(z.string(), z.number().int()),
  projectsByStatus: z.record(z.string(), z.number().int()),
  projectsByDimension: z.record(z.string(), z.number().int()),
  budget: BudgetTotals,
  budgetByYear: z.array(BudgetLine),
  planAgainstActual: PlanAgainstActual.optional().describe('the province’s approved plans beside what happened'),
  procurementsInProgress: z.array(
    z.object({
      projectId: z.uuid(),
      projectTitle: z.string(),
      communeName: z.string(),
      procedure: z.string().nullable(),
      nextStep: z.string().nullable(),
      estimatedAmountExclVat: z.number(),
    }),
  ),
  lateItems: z.array(Alert),
  communes: z.array(
    z.object({
      nisCode: z.string(),
      name: z.string(),
      arrondissement: z.string(),
      projects: z.number().int(),
      late: z.number().int(),
      budgetPlanned: z.number(),
    }),
  ),
  projects: z.array(ProjectSummary),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const PublicProgress = z.object({
  communeNis: z.string(),
  communeName: z.string(),
  projects: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      description: z.string().nullable(),
      dimensions: z.array(z.string()),
      status: FollowUpStatus,
      progress: z.number().int(),
      indicators: z.array(Indicator),
      milestones: z.array(z.object({ title: z.string(), dueDate: IsoDate, done: z.boolean() })),
    }),
  ),
});
export type PublicProgress = z.infer<typeof PublicProgress>;

/** Publish (or withdraw) a project; `publishAmounts` also shows its budget publicly (unchanged when left out). */
export const PublishInput = z.strictObject({ published: z.boolean(), publishAmounts: z.boolean().optional() });
export type PublishInput = z.infer<typeof PublishInput>;

const Publication = z.object({ bulletinDesAdjudications: z.boolean(), joue: z.boolean() });
/** The procedures proposed for a nature, an amount and a launch date (see `proposeProcedures`). */
export const ProcedureAdviceSchema = z.object({
  nature: z.string(),
  estimatedAmountExclVat: z.number(),
  launchDate: IsoDate,
  period: z.object({ validFrom: IsoDate, validTo: IsoDate, source: z.string() }),
  euThreshold: z.number(),
  europeanPublication: z.object({ required: z.boolean(), reasonFr: z.string() }),
  belgianPublication: z.object({ required: z.boolean(), reasonFr: z.string() }),
  proposals: z.array(
    z.object({
      procedure: z.string(),
      labelFr: z.string(),
      allowed: z.boolean(),
      conditional: z.boolean(),
      recommended: z.boolean(),
      reasonFr: z.string(),
      legalBasis: z.string(),
      publication: Publication,
    }),
  ),
  warningsFr: z.array(z.string()),
  verificationNotesFr: z
    .array(z.string())
    .describe(
      'figures of the thresholds in force not yet checked against their source: for agency admins only, empty for others',
    ),
});

export const PublishedCommunes = z.array(
  z.object({ nisCode: z.string(), name: z.string(), projects: z.number().int() }),
);
export type PublishedCommunes = z.infer<typeof PublishedCommunes>;

/** What the caller may open in the implementation area, decided by the server's policy (the web tests no role). */
export const ImplementationArea = z.object({
  permissions: z.object({
    dashboard: z.boolean().describe('the province dashboard, and with it the alerts and thresholds tabs'),
    editThresholds: z.boolean(),
    notices: z.boolean().describe('the log of the notices sent, and sending them now'),
  }),
});
export type ImplementationArea = z.infer<typeof ImplementationArea>;
