import { type Alert, computeAlerts, isMilestoneLate } from '../../domain/implementation/alerts.ts';
import { allowedNextStatuses, type BudgetLine, type FollowUpStatus } from '../../domain/implementation/follow-up.ts';
import { historyEventOf } from '../../domain/implementation/history.ts';
import type {
  BudgetTotals,
  ProcurementState,
  ProjectFollowUp,
  ProjectSummary,
  PublicProgress,
  ThresholdPeriodRecord,
} from '../../domain/implementation/implementation-api.ts';
import { type PlanAgainstActualProject, PlanBaseline } from '../../domain/implementation/plan-baseline.ts';
import {
  nextStep,
  type ProcurementFile,
  stepsFor,
  validateProcurementFile,
} from '../../domain/implementation/procurement-file.ts';
import type { ThresholdTable } from '../../domain/implementation/thresholds.ts';
import type {
  DocumentMetaRow,
  FollowedProject,
  HistoryRow,
  IndicatorRow,
  MeasurementRow,
  MilestoneRow,
  ProcurementRow,
  ThresholdRow,
} from './implementation.repository.ts';

/** How the implementation feature shows its rows: pure functions from rows to the API's shapes. */

/** A followed project with what its summary, alerts and dashboard need. */
export type Loaded = FollowedProject & {
  status: FollowUpStatus;
  progress: number;
  budget: BudgetLine[];
  milestones: MilestoneRow[];
  procurement: ProcurementRow | null;
};

export type IndicatorWithMeasurements = IndicatorRow & { measurements: MeasurementRow[] };

/** The mission is in its implementation phase (or closed): its follow-up may change. */
export const implementationStarted = (missionPhase: string) => ['implementation', 'closed'].includes(missionPhase);

export function budgetTotals(lines: BudgetLine[]): BudgetTotals {
  return lines.reduce(
    (t, l) => ({ planned: t.planned + l.planned, committed: t.committed + l.committed, spent: t.spent + l.spent }),
    { planned: 0, committed: 0, spent: 0 },
  );
}

export function procurementFileOf(row: ProcurementRow): ProcurementFile | null {
  if (!row.procedure) return null;
  return {
    procedure: row.procedure,
    steps: row.steps,
    ...(row.awardAmount === null ? {} : { awardAmountExclVat: row.awardAmount }),
  };
}

export function alertsOf(p: Loaded, today: string): Alert[] {
  return computeAlerts(
    {
      projectId: p.id,
      projectTitle: p.title,
      missionId: p.missionId,
      communeNis: p.communeNis,
      communeName: p.communeName,
      status: p.status,
      milestones: p.milestones,
      budget: p.budget,
      procurement: p.procurement ? procurementFileOf(p.procurement) : null,
    },
    today,
  );
}

export function summaryOf(p: Loaded, today: string): ProjectSummary {
  const next = p.milestones.find((m) => m.doneDate === null);
  return {
    id: p.id,
    title: p.title,
    dimensions: p.dimensions,
    missionId: p.missionId,
    communeNis: p.communeNis,
    communeName: p.communeName,
    status: p.status,
    statusReason: p.followUp?.statusReason ?? null,
    progress: p.progress,
    budget: budgetTotals(p.budget),
    published: p.followUp?.published ?? false,
    alertCount: alertsOf(p, today).length,
    nextMilestone: next ? { title: next.title, dueDate: next.dueDate } : null,
  };
}

export function procurementStateOf(row: ProcurementRow, today: string): ProcurementState {
  const file = procurementFileOf(row);
  const validation = file ? validateProcurementFile(file, today) : { valid: true, problems: [] };
  return {
    nature: row.nature,
    estimatedAmountExclVat: row.estimatedAmount,
    launchDate: row.launchDate,
    procedure: row.procedure,
    framework:
      row.frameworkSolutionId && row.frameworkLotId
        ? { solutionId: row.frameworkSolutionId, lotId: row.frameworkLotId, callOffId: row.callOffId }
        : null,
    frameworkLabel: row.frameworkReference,
    reference: row.reference,
    steps: row.steps,
    vendorName: row.vendorName,
    vendorEnterpriseNumber: row.vendorEnterpriseNumber,
    awardAmountExclVat: row.awardAmount,
    validation: {
      valid: validation.valid,
      problems: validation.problems.map((p) => ({ code: p.code, severity: p.severity, messageFr: p.messageFr })),
    },
    nextStep: file ? nextStep(file) : null,
    applicableSteps: file ? [...stepsFor(file.procedure)] : [],
  };
}

export const indicatorOf = (i: IndicatorWithMeasurements) => ({
  id: i.id,
  name: i.name,
  unit: i.unit,
  baseline: i.baseline,
  target: i.target,
  measurements: i.measurements.map((m) => ({ id: m.id, date: m.date, value: m.value })),
});

const documentOf = (d: DocumentMetaRow) => ({
  id: d.id,
  kind: d.kind,
  name: d.name,
  url: d.url,
  mimeType: d.mimeType,
  sizeBytes: d.sizeBytes,
  createdAt: d.createdAt.toISOString(),
});

const historyOf = (h: HistoryRow) => ({
  id: h.id,
  at: h.at.toISOString(),
  actor: h.actorName,
  action: h.action,
  summary: h.summary,
  params: (h.params as Record<string, unknown> | null) ?? null,
  event: historyEventOf(h.action, h.params),
});

/** What the follow-up page needs beside the loaded project, read by the service. */
export type FollowUpParts = {
  indicators: IndicatorWithMeasurements[];
  documents: DocumentMetaRow[];
  history: HistoryRow[];
  planAgainstActual: PlanAgainstActualProject | null;
  permissions: ProjectFollowUp['permissions'];
  today: string;
};

export function followUpOf(p: Loaded, parts: FollowUpParts): ProjectFollowUp {
  const f = p.followUp;
  const { today } = parts;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    dimensions: p.dimensions,
    investmentCost: p.investmentCost,
    missionId: p.missionId,
    missionTitle: p.missionTitle,
    communeNis: p.communeNis,
    communeName: p.communeName,
    started: implementationStarted(p.missionPhase),
    status: p.status,
    statusReason: f?.statusReason ?? null,
    nextStatuses: [...allowedNextStatuses(p.status)],
    progress: p.progress,
    budget: p.budget,
    budgetTotals: budgetTotals(p.budget),
    funding: f?.funding ?? [],
    baseline: PlanBaseline.safeParse(f?.planBaseline).data ?? null,
    planAgainstActual: parts.planAgainstActual,
    risks: f?.risks ?? [],
    milestones: p.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueDate: m.dueDate,
      owner: m.owner,
      doneDate: m.doneDate,
      late: isMilestoneLate(m, today),
    })),
    indicators: parts.indicators.map(indicatorOf),
    documents: parts.documents.map(documentOf),
    procurement: p.procurement ? procurementStateOf(p.procurement, today) : null,
    published: f?.published ?? false,
    publishAmounts: f?.publishAmounts ?? false,
    history: parts.history.map(historyOf),
    alerts: alertsOf(p, today),
    today,
    permissions: parts.permissions,
  };
}

/** A published project as residents see it: no owner, no names, no amounts of the budget. */
export function publicProjectOf(
  p: Loaded,
  indicators: IndicatorWithMeasurements[],
): PublicProgress['projects'][number] {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    dimensions: p.dimensions,
    status: p.status,
    progress: p.progress,
    indicators: indicators.filter((i) => i.projectId === p.id).map(indicatorOf),
    milestones: p.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.doneDate !== null })),
  };
}

export function periodOf(row: ThresholdRow): ThresholdTable[number] {
  return {
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    values: row.values,
    evidence: row.evidence,
  };
}

/**
 * A period as the API shows it. Without `withNotes` (policy: `threshold_verification_note`), the admins' notes on
 * what remains to check are left out; the legal basis, the documents compared and the « verified » flag stay.
 */
export function thresholdRecordOf(row: ThresholdRow, withNotes = true): ThresholdPeriodRecord {
  const period = periodOf(row);
  const evidence = withNotes
    ? period.evidence
    : Object.fromEntries(Object.entries(period.evidence).map(([key, { note: _, ...rest }]) => [key, rest]));
  return { ...period, evidence, updatedAt: row.updatedAt.toISOString() };
}
