import type { FollowUpStatus } from '../../domain/implementation/follow-up.ts';
import type { PublicCategories, PublicCategoryAdoption, PublicOverview } from '../../domain/public/overview.ts';
import {
  buildProgrammeTree,
  type PublicProgramme,
  type PublicProject,
  rolledUpProgress,
} from '../../domain/public/programme.ts';
import { SMART_CATEGORIES } from '../../domain/shared/smart-categories.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';

type BudgetLine = { year: number; planned: number; committed: number; spent: number };
type PublishedRow = Awaited<ReturnType<Repositories['public']['publishedProjects']>>[number];

/**
 * The public side (issue 14): the front page's figures and map, each commune's Smart programme, the catalogue's
 * adoption by category. Reads only what the repository returns as published; takes no actor, since the public is
 * everyone and signed-in users see here exactly what the public sees.
 */
export class PublicService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly agencyName: string,
  ) {}

  async overview(): Promise<PublicOverview> {
    return this.uow.read(async (repos) => {
      const projects = await repos.public.publishedProjects();
      const byStatus: Partial<Record<FollowUpStatus, number>> = {};
      const byCommune = new Map<string, PublicOverview['communes'][number]>();
      for (const p of projects) {
        byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
        const entry = byCommune.get(p.communeNis) ?? { nisCode: p.communeNis, name: p.communeName, projects: [] };
        entry.projects.push({ status: p.status, dimensions: p.dimensions });
        byCommune.set(p.communeNis, entry);
      }
      const { uses } = await repos.public.listedSolutionUses();
      const updatedAt = await repos.public.lastPublishedChange();
      return {
        agency: this.agencyName,
        figures: {
          communesAccompanied: await repos.public.communesAccompanied(),
          publishedProjects: projects.length,
          projectsByStatus: byStatus,
          pooledPurchases: await repos.public.pooledPurchaseCount(),
          communesUsingCatalogue: new Set(uses.map((u) => u.communeNis)).size,
        },
        communes: [...byCommune.values()],
        updatedAt: updatedAt?.toISOString() ?? null,
      };
    });
  }

  /** Every published project of every commune, as the open data presents them. */
  async publishedProjects(): Promise<(PublicProject & { communeNis: string; communeName: string })[]> {
    return this.uow.read(async (repos) => {
      const rows = await repos.public.publishedProjects();
      return (await this.present(repos, rows)).map(({ objectiveId: _o, ...p }, i) => ({
        ...p,
        communeNis: rows[i]!.communeNis,
        communeName: rows[i]!.communeName,
      }));
    });
  }

  async programme(nisCode: string): Promise<PublicProgramme> {
    return this.uow.read(async (repos) => {
      const commune = await repos.communes.find(nisCode);
      if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      const rows = await repos.public.publishedProjects({ communeNis: nisCode });
      const projects = await this.present(repos, rows);
      const objectives = await repos.public.objectives([...new Set(rows.map((r) => r.missionId))]);
      const tree = buildProgrammeTree(objectives, projects);
      const { solutions, uses } = await repos.public.listedSolutionUses({ communeNis: nisCode });
      const used = new Set(uses.map((u) => u.solutionId));
      const purchases = await repos.public.pooledPurchasesOf(nisCode);
      const updatedAt = await repos.public.lastPublishedChange(nisCode);
      return {
        communeNis: commune.nisCode,
        communeName: commune.name,
        arrondissement: commune.arrondissement,
        progress: rolledUpProgress(projects),
        projectCount: projects.length,
        ...tree,
        participation: {
          solutions: solutions
            .filter((s) => used.has(s.id))
            .map((s) => ({ id: s.id, name: s.name, vendor: s.vendor, categories: s.categories })),
          pooledPurchases: purchases.map((p) => ({
            // A solution still under watch is the agency's business: the purchase shows without its name.
            solutionName: p.solutionStatus === 'listed' ? p.solutionName : null,
            communes: Number(p.communes),
            createdAt: p.createdAt.toISOString(),
          })),
        },
        updatedAt: updatedAt?.toISOString() ?? null,
      };
    });
  }

  async categories(): Promise<PublicCategories> {
    return this.uow.read(async (repos) => {
      const { solutions, uses } = await repos.public.listedSolutionUses();
      return SMART_CATEGORIES.map((category) => {
        const ids = new Set(solutions.filter((s) => s.categories.includes(category.key)).map((s) => s.id));
        return {
          key: category.key,
          solutions: ids.size,
          communes: new Set(uses.filter((u) => ids.has(u.solutionId)).map((u) => u.communeNis)).size,
        };
      });
    });
  }

  async categoryAdoption(category: string): Promise<PublicCategoryAdoption> {
    if (!SMART_CATEGORIES.some((c) => c.key === category)) throw new NotFoundError('CATEGORY_NOT_FOUND', { category });
    return this.uow.read(async (repos) => {
      const { solutions, uses } = await repos.public.listedSolutionUses({ category });
      const names = new Map((await repos.communes.list({})).map((c) => [c.nisCode, c.name]));
      return {
        category,
        solutions: solutions.map((s) => ({
          id: s.id,
          name: s.name,
          vendor: s.vendor,
          summary: s.summary,
          communes: uses
            .filter((u) => u.solutionId === s.id && names.has(u.communeNis))
            .map((u) => ({ nisCode: u.communeNis, name: names.get(u.communeNis)! }))
            .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
        })),
      };
    });
  }

  private async present(
    repos: Repositories,
    rows: PublishedRow[],
  ): Promise<(PublicProject & { objectiveId: string | null })[]> {
    const ids = rows.map((r) => r.id);
    const milestones = await repos.implementation.milestones(ids);
    const indicators = await repos.implementation.indicators(ids);
    return rows.map((r) => {
      const lines = r.budget as BudgetLine[];
      return {
        id: r.id,
        objectiveId: r.objectiveId,
        title: r.title,
        description: r.description,
        dimensions: r.dimensions,
        status: r.status,
        progress: r.progress,
        // The names of who owns a milestone stay inside: the public sees the step and its date.
        milestones: milestones
          .filter((m) => m.projectId === r.id)
          .map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.doneDate !== null })),
        indicators: indicators
          .filter((i) => i.projectId === r.id)
          .map((i) => {
            const measurements = i.measurements.map((m) => ({ date: m.date, value: m.value }));
            return {
              name: i.name,
              unit: i.unit,
              baseline: i.baseline,
              target: i.target,
              latest: measurements.at(-1) ?? null,
              measurements,
            };
          }),
        budget: r.publishAmounts
          ? {
              planned: lines.reduce((s, l) => s + Number(l.planned ?? 0), 0),
              spent: lines.reduce((s, l) => s + Number(l.spent ?? 0), 0),
            }
          : null,
        publishedAt: r.publishedAt?.toISOString() ?? null,
      };
    });
  }
}
