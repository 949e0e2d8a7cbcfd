import { z } from 'zod';
import type { InterviewSummary } from '../diagnostic/interviews.ts';
import type { DiagnosticResultsView } from '../diagnostic/results.ts';
import { SWOT_CATEGORIES, type SwotItem } from '../diagnostic/swot.ts';
import { FOLLOW_UP_STATUSES } from '../implementation/follow-up.ts';
import type { ProjectSummary } from '../implementation/implementation-api.ts';
import { IsoDate } from '../shared/schemas.ts';
import { PROJECT_STATUSES } from '../strategy/project-sheets.ts';

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber });

/**
 * Where a mission stands, on its *Aperçu* tab: the diagnostic's interviews, maturity and SWOT, the project sheets by
 * status, and the follow-up's projects by status, open alerts and next milestones. Each part is read with the
 * caller's own rights; a part they may not read is null.
 */
export const MissionOverview = z
  .object({
    missionId: z.uuid(),
    diagnostic: z
      .object({
        interviews: z.number().int().describe('interviews recorded, self-assessments included'),
        completeInterviews: z
          .number()
          .int()
          .describe('interviews with every question answered (a level or « ne sait pas »)'),
        selfAssessments: z.number().int(),
        maturity: z
          .object({
            mean: z.number(),
            scaleMax: z.number(),
            band: z.object({ key: z.string(), label: z.string() }).nullable(),
            dimensionsAssessed: z.number().int(),
          })
          .nullable()
          .describe('null until an interview gives a level'),
        swot: counts(SWOT_CATEGORIES),
      })
      .nullable(),
    strategy: z.object({ projects: z.number().int(), byStatus: counts(PROJECT_STATUSES) }).nullable(),
    implementation: z
      .object({
        started: z.boolean(),
        projects: z.number().int(),
        byStatus: counts(FOLLOW_UP_STATUSES),
        openAlerts: z.number().int(),
        budget: z.object({ planned: z.number(), spent: z.number() }),
        nextMilestones: z
          .array(z.object({ projectId: z.uuid(), projectTitle: z.string(), title: z.string(), dueDate: IsoDate }))
          .describe('the next milestone of each project, soonest first (at most five)'),
      })
      .nullable(),
  })
  .meta({ id: 'MissionOverview' });
export type MissionOverview = z.infer<typeof MissionOverview>;

const zeros = <T extends string>(keys: readonly T[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

/** The diagnostic part: what a reader checks first (how many interviews, how mature, how full the SWOT). */
export function summariseDiagnostic(
  interviews: readonly Pick<InterviewSummary, 'answered' | 'dontKnow' | 'questions' | 'source'>[],
  results: Pick<DiagnosticResultsView, 'overall' | 'scale'> | null,
  swot: readonly Pick<SwotItem, 'category'>[],
): NonNullable<MissionOverview['diagnostic']> {
  const byCategory = zeros(SWOT_CATEGORIES);
  for (const item of swot) byCategory[item.category] += 1;
  const mean = results?.overall.mean ?? null;
  return {
    interviews: interviews.length,
    completeInterviews: interviews.filter((i) => i.questions > 0 && i.answered + i.dontKnow >= i.questions).length,
    selfAssessments: interviews.filter((i) => i.source === 'self_assessment').length,
    maturity:
      results && mean !== null
        ? {
            mean,
            scaleMax: Math.max(...results.scale.map((s) => s.level)),
            band: results.overall.band ? { key: results.overall.band.key, label: results.overall.band.label } : null,
            dimensionsAssessed: results.overall.dimensionsAssessed,
          }
        : null,
    swot: byCategory,
  };
}

export function summariseStrategy(
  projects: readonly { status: (typeof PROJECT_STATUSES)[number] }[],
): NonNullable<MissionOverview['strategy']> {
  const byStatus = zeros(PROJECT_STATUSES);
  for (const p of projects) byStatus[p.status] += 1;
  return { projects: projects.length, byStatus };
}

export function summariseImplementation(
  started: boolean,
  projects: readonly Pick<ProjectSummary, 'id' | 'title' | 'status' | 'alertCount' | 'budget' | 'nextMilestone'>[],
): NonNullable<MissionOverview['implementation']> {
  const byStatus = zeros(FOLLOW_UP_STATUSES);
  for (const p of projects) byStatus[p.status] += 1;
  return {
    started,
    projects: projects.length,
    byStatus,
    openAlerts: projects.reduce((sum, p) => sum + p.alertCount, 0),
    budget: {
      planned: projects.reduce((sum, p) => sum + p.budget.planned, 0),
      spent: projects.reduce((sum, p) => sum + p.budget.spent, 0),
    },
    nextMilestones: projects
      .flatMap((p) => (p.nextMilestone ? [{ projectId: p.id, projectTitle: p.title, ...p.nextMilestone }] : []))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.projectTitle.localeCompare(b.projectTitle))
      .slice(0, 5),
  };
}
