import type { Alert } from '../../domain/implementation/alerts.ts';
import type { BudgetLine } from '../../domain/implementation/follow-up.ts';
import type {
  AlertList,
  Dashboard,
  DashboardQuery,
  ImplementationArea,
  PublicProgress,
  PublishedCommunes,
} from '../../domain/implementation/implementation-api.ts';
import { nextStep } from '../../domain/implementation/procurement-file.ts';
import { type Actor, authorize, permissionsOf, type UserActor } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';
import {
  alertsOf,
  budgetTotals,
  type Loaded,
  procurementFileOf,
  publicProjectOf,
  summaryOf,
} from './implementation.presenter.ts';
import type { ImplementationCore } from './implementation-core.ts';

/** How many items fall under each key (a project under each of its dimensions). */
function countBy<T>(items: readonly T[], keys: (t: T) => string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) for (const k of keys(item)) out[k] = (out[k] ?? 0) + 1;
  return out;
}

function budgetByYear(projects: readonly Loaded[]): BudgetLine[] {
  const byYear = new Map<number, BudgetLine>();
  for (const line of projects.flatMap((p) => p.budget)) {
    const t = byYear.get(line.year) ?? { year: line.year, planned: 0, committed: 0, spent: 0 };
    byYear.set(line.year, {
      year: line.year,
      planned: t.planned + line.planned,
      committed: t.committed + line.committed,
      spent: t.spent + line.spent,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** In progress: no procedure chosen yet, or a step still to do before the contract. */
function procurementsInProgress(projects: readonly Loaded[]): Dashboard['procurementsInProgress'] {
  return projects.flatMap((p) => {
    if (!p.procurement || p.status === 'abandoned' || p.status === 'evaluated') return [];
    const file = procurementFileOf(p.procurement);
    const next = file ? nextStep(file) : null;
    if (file && next === null) return [];
    return [
      {
        projectId: p.id,
        projectTitle: p.title,
        communeName: p.communeName,
        procedure: p.procurement.procedure,
        nextStep: next,
        estimatedAmountExclVat: p.procurement.estimatedAmount,
      },
    ];
  });
}

/** The read side across projects: the area's permissions, alerts, the province dashboard, the public pages. */
export class ProvinceService {
  constructor(private readonly core: ImplementationCore) {}

  today(): string {
    return this.core.today();
  }

  /** What the caller may open in the implementation area, from the policy (the web tests no role). */
  area(actor: Actor): ImplementationArea {
    return {
      permissions: permissionsOf(actor, {
        dashboard: ['read', { type: 'implementation_dashboard' }],
        editThresholds: ['update', { type: 'procurement_threshold' }],
        notices: ['read', { type: 'notification_log' }],
      }),
    };
  }

  async alerts(actor: Actor): Promise<AlertList> {
    return this.core.uow.read(async (repos) => {
      const today = this.core.today();
      return { today, alerts: (await this.core.visibleProjects(repos, actor)).flatMap((p) => alertsOf(p, today)) };
    });
  }

  /** Alerts by user, for the notices: what each active user may see. */
  async alertsFor(repos: Repositories, actor: UserActor, today: string): Promise<Alert[]> {
    return (await this.core.visibleProjects(repos, actor)).flatMap((p) => alertsOf(p, today));
  }

  async dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    authorize(actor, 'read', { type: 'implementation_dashboard' });
    return this.core.uow.read(async (repos) => {
      const today = this.core.today();
      const communes = await repos.communes.list({ currentOn: today });
      const arrondissements = [...new Set(communes.map((c) => c.arrondissement))].sort((a, b) => a.localeCompare(b));
      const inArr = (nis: string) =>
        !query.arrondissement || communes.find((c) => c.nisCode === nis)?.arrondissement === query.arrondissement;
      const missions = (await repos.missions.list({})).filter((m) => inArr(m.communeNis));
      const projects = (await this.core.load(repos, await repos.implementation.followed())).filter(
        (p) => inArr(p.communeNis) && (!query.dimension || p.dimensions.includes(query.dimension)),
      );
      const alerts = projects.flatMap((p) => alertsOf(p, today));
      return {
        today,
        arrondissements,
        missionsByPhase: countBy(missions, (m) => [m.phase]),
        projectsByStatus: countBy(projects, (p) => [p.status]),
        projectsByDimension: countBy(projects, (p) => p.dimensions),
        budget: budgetTotals(projects.flatMap((p) => p.budget)),
        budgetByYear: budgetByYear(projects),
        procurementsInProgress: procurementsInProgress(projects),
        lateItems: alerts,
        communes: communes
          .filter((c) => inArr(c.nisCode))
          .map((c) => {
            const own = projects.filter((p) => p.communeNis === c.nisCode);
            return {
              nisCode: c.nisCode,
              name: c.name,
              arrondissement: c.arrondissement,
              projects: own.length,
              late: alerts.filter((a) => a.communeNis === c.nisCode).length,
              budgetPlanned: budgetTotals(own.flatMap((p) => p.budget)).planned,
            };
          }),
        projects: projects.map((p) => summaryOf(p, today)),
        planAgainstActual: await this.core.planAgainstActualOf(repos, projects, today),
      };
    });
  }

  /** The communes that published at least one project, for the public to find their pages. */
  async publishedCommunes(): Promise<PublishedCommunes> {
    return this.core.uow.read(async (repos) => {
      const projects = await repos.implementation.followed({ publishedOnly: true });
      const byCommune = new Map<string, { nisCode: string; name: string; projects: number }>();
      for (const p of projects) {
        const entry = byCommune.get(p.communeNis) ?? { nisCode: p.communeNis, name: p.communeName, projects: 0 };
        entry.projects++;
        byCommune.set(p.communeNis, entry);
      }
      return [...byCommune.values()];
    });
  }

  async publicProgress(nisCode: string): Promise<PublicProgress> {
    return this.core.uow.read(async (repos) => {
      const commune = await repos.communes.find(nisCode);
      if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      const projects = await this.core.load(
        repos,
        await repos.implementation.followed({ communeNis: nisCode, publishedOnly: true }),
      );
      const indicators = await repos.implementation.indicators(projects.map((p) => p.id));
      return {
        communeNis: nisCode,
        communeName: commune.name,
        projects: projects.map((p) => publicProjectOf(p, indicators)),
      };
    });
  }
}
