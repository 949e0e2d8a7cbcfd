import { z } from 'zod';
import { FollowUpStatus } from '../implementation/follow-up.ts';

/**
 * What the public sees of a commune's Smart programme (issue 14, docs/decisions/120-public-side.md): its published
 * projects, placed in the strategy's objectives (strategic → operational → projects), with their progress rolled up
 * at each level. A project is public when the commune published it; its budget only when the commune also chose to
 * publish its amounts. An objective appears only when it holds a published project: a strategy still in draft, or an
 * objective whose projects are not published, shows nothing.
 */
const IsoDate = z.iso.date();

export const PublicMilestone = z.object({ title: z.string(), dueDate: IsoDate, done: z.boolean() });
export const PublicIndicator = z.object({
  name: z.string(),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
  /** the latest measurement, if any */
  latest: z.object({ date: IsoDate, value: z.number() }).nullable(),
  measurements: z.array(z.object({ date: IsoDate, value: z.number() })),
});
export const PublicBudget = z.object({ planned: z.number(), spent: z.number() });

export const PublicProject = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    dimensions: z.array(z.string()),
    status: FollowUpStatus,
    progress: z.number().int().min(0).max(100),
    milestones: z.array(PublicMilestone),
    indicators: z.array(PublicIndicator),
    /** null when the commune does not publish the project's amounts */
    budget: PublicBudget.nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicProject' });
export type PublicProject = z.infer<typeof PublicProject>;

export type ProgrammeNode = {
  id: string;
  title: string;
  description: string | null;
  level: 'strategic' | 'operational';
  /** mean progress of the projects below, rounded (null when none has a progress to count) */
  progress: number;
  projectCount: number;
  children: ProgrammeNode[];
  projects: PublicProject[];
};
export const ProgrammeNode: z.ZodType<ProgrammeNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    level: z.enum(['strategic', 'operational']),
    progress: z.number().int(),
    projectCount: z.number().int(),
    children: z.array(ProgrammeNode),
    projects: z.array(PublicProject),
  }),
);

export const PublicParticipation = z.object({
  solutions: z.array(z.object({ id: z.uuid(), name: z.string(), vendor: z.string(), categories: z.array(z.string()) })),
  pooledPurchases: z.array(
    z.object({ solutionName: z.string().nullable(), communes: z.number().int(), createdAt: z.string() }),
  ),
});

export const PublicProgramme = z
  .object({
    communeNis: z.string(),
    communeName: z.string(),
    arrondissement: z.string(),
    progress: z.number().int(),
    projectCount: z.number().int(),
    objectives: z.array(ProgrammeNode),
    /** published projects not placed under an objective */
    otherProjects: z.array(PublicProject),
    participation: PublicParticipation,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicProgramme' });
export type PublicProgramme = z.infer<typeof PublicProgramme>;

export type ObjectiveRecord = {
  id: string;
  parentId: string | null;
  position: number;
  title: string;
  description: string | null;
};

/** Mean progress of projects, rounded; 0 for none. Abandoned projects do not count: they will not progress. */
export function rolledUpProgress(projects: readonly Pick<PublicProject, 'progress' | 'status'>[]): number {
  const counted = projects.filter((p) => p.status !== 'abandoned');
  if (counted.length === 0) return 0;
  return Math.round(counted.reduce((sum, p) => sum + p.progress, 0) / counted.length);
}

/**
 * The published tree: roots are the strategic objectives, their children the operational ones (deeper levels are
 * folded into their operational ancestor). Only branches holding a published project are kept.
 */
export function buildProgrammeTree(
  objectives: readonly ObjectiveRecord[],
  projects: readonly (PublicProject & { objectiveId: string | null })[],
): { objectives: ProgrammeNode[]; otherProjects: PublicProject[] } {
  const byId = new Map(objectives.map((o) => [o.id, o]));
  const sorted = [...objectives].sort((a, b) => a.position - b.position || a.title.localeCompare(b.title, 'fr'));
  /** the operational (second-level) or strategic ancestor a project hangs under */
  const anchorOf = (id: string): ObjectiveRecord | null => {
    let current = byId.get(id) ?? null;
    const seen = new Set<string>();
    while (current?.parentId && byId.get(current.parentId)?.parentId && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.parentId) ?? null;
    }
    return current;
  };
  const under = new Map<string, PublicProject[]>();
  const otherProjects: PublicProject[] = [];
  for (const { objectiveId, ...project } of projects) {
    const anchor = objectiveId ? anchorOf(objectiveId) : null;
    if (!anchor) otherProjects.push(project);
    else under.set(anchor.id, [...(under.get(anchor.id) ?? []), project]);
  }
  const node = (o: ObjectiveRecord, level: ProgrammeNode['level'], children: ProgrammeNode[]): ProgrammeNode => {
    const own = under.get(o.id) ?? [];
    const all = [...own, ...children.flatMap(projectsOf)];
    return {
      id: o.id,
      title: o.title,
      description: o.description,
      level,
      progress: rolledUpProgress(all),
      projectCount: all.length,
      children,
      projects: own,
    };
  };
  const roots = sorted
    .filter((o) => !o.parentId || !byId.has(o.parentId))
    .map((root) => {
      const children = sorted
        .filter((o) => o.parentId === root.id)
        .map((o) => node(o, 'operational', []))
        .filter((n) => n.projectCount > 0);
      return node(root, 'strategic', children);
    })
    .filter((n) => n.projectCount > 0);
  return { objectives: roots, otherProjects };
}

export function projectsOf(node: ProgrammeNode): PublicProject[] {
  return [...node.projects, ...node.children.flatMap(projectsOf)];
}
