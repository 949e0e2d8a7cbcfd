import { z } from 'zod';
import type { BudgetLine, FollowUpStatus } from './follow-up.ts';
import { findOverdueSteps, type ProcurementFile } from './procurement-file.ts';

/**
 * What needs someone's attention in a project's follow-up, computed from its data and today's date (Brussels):
 * milestones past their date and not done, budget lines where the committed or spent amount exceeds the plan, and
 * procurement steps planned before today and not done. Closed projects (evaluated, abandoned) raise nothing.
 */
export const ALERT_KINDS = ['milestone-late', 'budget-over-plan', 'procurement-step-overdue'] as const;
export const AlertKind = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof AlertKind>;

export const Alert = z.object({
  kind: AlertKind,
  /** Stable key of what the alert is about, so a digest or a bell can tell new alerts from known ones. */
  key: z.string(),
  projectId: z.uuid(),
  projectTitle: z.string(),
  missionId: z.uuid(),
  communeNis: z.string(),
  communeName: z.string(),
  subject: z.string().describe('the milestone, the budget year, or the procurement step'),
  date: z.string().nullable().describe('the date missed, when there is one'),
  daysLate: z.number().int().nullable(),
  amountOver: z.number().nullable().describe('euros above the plan'),
  procedure: z
    .string()
    .nullable()
    .describe(
      'for a procurement step, the procedure of the file: it names the step (a call-off has no specifications)',
    ),
});
export type Alert = z.infer<typeof Alert>;

export type AlertInput = {
  projectId: string;
  projectTitle: string;
  missionId: string;
  communeNis: string;
  communeName: string;
  status: FollowUpStatus;
  milestones: { id: string; title: string; dueDate: string; doneDate: string | null }[];
  budget: BudgetLine[];
  procurement: ProcurementFile | null;
};

const CLOSED: ReadonlySet<FollowUpStatus> = new Set(['evaluated', 'abandoned']);

export function isMilestoneLate(m: { dueDate: string; doneDate: string | null }, today: string): boolean {
  return m.doneDate === null && m.dueDate < today;
}

export function computeAlerts(project: AlertInput, today: string): Alert[] {
  if (CLOSED.has(project.status)) return [];
  const base = {
    projectId: project.projectId,
    projectTitle: project.projectTitle,
    missionId: project.missionId,
    communeNis: project.communeNis,
    communeName: project.communeName,
  };
  const alerts: Alert[] = [];
  for (const m of project.milestones) {
    if (!isMilestoneLate(m, today)) continue;
    alerts.push({
      ...base,
      kind: 'milestone-late',
      key: `milestone:${m.id}`,
      subject: m.title,
      date: m.dueDate,
      daysLate: daysBetween(m.dueDate, today),
      amountOver: null,
      procedure: null,
    });
  }
  for (const line of [...project.budget].sort((a, b) => a.year - b.year)) {
    const over = Math.max(line.committed, line.spent) - line.planned;
    if (over <= 0) continue;
    alerts.push({
      ...base,
      kind: 'budget-over-plan',
      key: `budget:${project.projectId}:${line.year}`,
      subject: String(line.year),
      date: null,
      daysLate: null,
      amountOver: Math.round(over * 100) / 100,
      procedure: null,
    });
  }
  if (project.procurement && project.status !== 'suspended') {
    for (const step of findOverdueSteps(project.procurement, today)) {
      alerts.push({
        ...base,
        kind: 'procurement-step-overdue',
        key: `procurement:${project.projectId}:${step.step}`,
        subject: step.step,
        date: step.plannedDate,
        daysLate: step.daysLate,
        amountOver: null,
        procedure: project.procurement.procedure,
      });
    }
  }
  return alerts;
}

/** A digest is due when none was sent, or the last one is at least seven days old. */
export function isDigestDue(lastSentAt: Date | null, now: Date): boolean {
  return lastSentAt === null || now.getTime() - lastSentAt.getTime() >= 7 * 86_400_000;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
