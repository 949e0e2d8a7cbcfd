import { z } from 'zod';
import { type Horizon, HorizonKey, LEGISLATURE } from './horizons.ts';

/**
 * The roadmap: the planned projects on a month timeline over the legislature. A project starts when its horizon
 * starts, or later when a project it requires is still running (required work comes first), and lasts its duration.
 */
export const RoadmapRow = z.object({
  projectId: z.uuid(),
  horizon: HorizonKey,
  /** Months since January of the legislature's first year: 0 is January 2024. */
  start: z.number().int(),
  /** Exclusive: the project runs in months start … end − 1. */
  end: z.number().int(),
  startMonth: z.string().describe('YYYY-MM'),
  endMonth: z.string().describe('YYYY-MM, the last month of work'),
  /** Waiting for a required project pushed the start past the end of its horizon. */
  startsAfterHorizon: z.boolean(),
  endsAfterLegislature: z.boolean(),
});
export type RoadmapRow = z.infer<typeof RoadmapRow>;

export const Roadmap = z
  .object({
    firstYear: z.number().int(),
    lastYear: z.number().int().describe('the legislature’s last year, or later when the plan runs past it'),
    rows: z.array(RoadmapRow),
  })
  .meta({ id: 'Roadmap' });
export type Roadmap = z.infer<typeof Roadmap>;

export type RoadmapInput = {
  placements: readonly { projectId: string; horizon: HorizonKey }[];
  projects: readonly { id: string; durationMonths: number; requires: readonly string[] }[];
  horizons: readonly Pick<Horizon, 'key' | 'startYear' | 'endYear'>[];
};

export function monthLabel(index: number, firstYear: number = LEGISLATURE.startYear): string {
  const year = firstYear + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function buildRoadmap(input: RoadmapInput): Roadmap {
  const firstYear = LEGISLATURE.startYear;
  const project = new Map(input.projects.map((p) => [p.id, p]));
  const horizon = new Map(input.horizons.map((h) => [h.key, h]));
  const placedIn = new Map(input.placements.map((p) => [p.projectId, p.horizon]));
  const spans = new Map<string, { start: number; end: number }>();

  // Requirements form no cycle (checked when they are saved), so the recursion ends.
  const spanOf = (id: string, guard: Set<string>): { start: number; end: number } => {
    const known = spans.get(id);
    if (known) return known;
    if (guard.has(id)) throw new Error(`dependency cycle through ${id}`);
    guard.add(id);
    const h = horizon.get(placedIn.get(id)!)!;
    let start = (h.startYear - firstYear) * 12;
    for (const q of project.get(id)?.requires ?? []) {
      if (placedIn.has(q)) start = Math.max(start, spanOf(q, guard).end);
    }
    const span = { start, end: start + Math.max(1, project.get(id)?.durationMonths ?? 12) };
    spans.set(id, span);
    return span;
  };

  const legislatureEnd = (LEGISLATURE.endYear - firstYear + 1) * 12;
  const rows = input.placements
    .filter((p) => horizon.has(p.horizon))
    .map((p): RoadmapRow => {
      const { start, end } = spanOf(p.projectId, new Set());
      const h = horizon.get(p.horizon)!;
      return {
        projectId: p.projectId,
        horizon: p.horizon,
        start,
        end,
        startMonth: monthLabel(start, firstYear),
        endMonth: monthLabel(end - 1, firstYear),
        startsAfterHorizon: start >= (h.endYear - firstYear + 1) * 12,
        endsAfterLegislature: end > legislatureEnd,
      };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const lastMonth = Math.max(legislatureEnd, ...rows.map((r) => r.end));
  return { firstYear, lastYear: firstYear + Math.ceil(lastMonth / 12) - 1, rows };
}
