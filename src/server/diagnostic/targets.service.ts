import { scaleRange } from '../../domain/diagnostic/model.ts';
import type { DiagnosticResultsView } from '../../domain/diagnostic/results.ts';
import {
  categoriesOf,
  computeGaps,
  type GapPointers,
  LARGE_GAP,
  type MaturityTarget,
  pointersFor,
  type SheetGapsInput,
  type TargetsInput,
  type TargetsView,
  targetScaleIssues,
} from '../../domain/diagnostic/targets.ts';
import { DIMENSIONS } from '../../domain/shared/dimensions.ts';
import { defaultHorizons, HORIZON_KEYS } from '../../domain/strategy/horizons.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { CatalogueService } from '../catalogue/catalogue.service.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { InvalidFieldsError, NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MessageCode } from '../i18n/messages.ts';
import type { WatchService } from '../watch/watch.service.ts';
import type { DiagnosticService } from './diagnostic.service.ts';

type Mission = { id: string; communeNis: string; startDate: string };

/**
 * Targets and gaps (decision 160): the maturity each dimension should reach per horizon, set with the commune; the
 * gap of each factor from the diagnostic's results; the sheets that close them; what the catalogue and the watch
 * offer for each dimension with a gap. The results come from the diagnostic service, so both say the same scores.
 */
export class TargetsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly diagnostic: DiagnosticService,
    private readonly catalogue: CatalogueService,
    private readonly watch: WatchService,
  ) {}

  private async missionOf(repos: Repositories, missionId: string): Promise<Mission> {
    const mission = await repos.missions.find(missionId);
    if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
    return mission;
  }

  async view(actor: Actor, missionId: string): Promise<TargetsView> {
    const mission = await this.uow.read((repos) => this.missionOf(repos, missionId));
    authorize(actor, 'read', { type: 'diagnostic_target', communeNis: mission.communeNis });
    const results = await this.diagnostic.results(actor, missionId);
    return this.uow.read((repos) => this.present(repos, actor, mission, results));
  }

  private async present(
    repos: Repositories,
    actor: Actor,
    mission: Mission,
    results: DiagnosticResultsView,
  ): Promise<TargetsView> {
    const [targets, links, horizonRows] = await Promise.all([
      repos.targets.targets(mission.id),
      repos.targets.sheetLinks(mission.id),
      repos.targets.horizons(mission.id),
    ]);
    const factors = computeGaps(
      results.dimensions.flatMap((d) => d.factors),
      targets,
    ).map((factor) => ({
      ...factor,
      closedBy: links
        .filter((l) => l.factorKey === factor.factorKey)
        .map((l) => ({ projectId: l.projectId, title: l.title })),
    }));
    const defaults = defaultHorizons(mission.startDate);
    return {
      missionId: mission.id,
      communeNis: mission.communeNis,
      scaleMax: results.scale.length - 1,
      largeGap: LARGE_GAP,
      horizons: HORIZON_KEYS.map((key) => {
        const set = horizonRows.find((h) => h.key === key) ?? defaults.find((h) => h.key === key)!;
        return { key, startYear: set.startYear, endYear: set.endYear };
      }),
      targets,
      factors,
      pointers: await this.pointers(actor, factors),
      permissions: {
        edit: can(actor, 'update', { type: 'diagnostic_target', communeNis: mission.communeNis }),
        linkSheets: can(actor, 'update', { type: 'strategy', communeNis: mission.communeNis }),
      },
    };
  }

  /** For each dimension with a gap left on some horizon: solutions of the catalogue and items of the watch. */
  private async pointers(actor: Actor, factors: TargetsView['factors']): Promise<GapPointers[]> {
    const dimensions = DIMENSIONS.filter((d) =>
      factors.some((f) => f.dimension === d && HORIZON_KEYS.some((h) => (f.gaps[h] ?? 0) > 0)),
    );
    if (dimensions.length === 0) return [];
    const solutions = await this.catalogue.list(actor, { status: ['listed', 'evaluated', 'watch'] });
    const watchItems = can(actor, 'read', { type: 'watch' }) ? await this.watch.feed(actor, { limit: 200 }) : [];
    return dimensions.map((dimension) => {
      const found = pointersFor(dimension, solutions, watchItems);
      return {
        dimension,
        categories: categoriesOf(dimension),
        solutions: found.solutions.map((s) => ({ id: s.id, name: s.name, vendor: s.vendor, status: s.status })),
        watch: found.watch.map((w) => ({ id: w.id, title: w.title })),
      };
    });
  }

  async save(ctx: RequestContext, missionId: string, input: TargetsInput): Promise<TargetsView> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionOf(repos, missionId);
      authorize(ctx.actor, 'update', { type: 'diagnostic_target', communeNis: mission.communeNis });
      const guide = await this.diagnostic.guideOfMission(repos, missionId);
      refuse(targetScaleIssues(input.targets, scaleRange(guide).max), { max: scaleRange(guide).max });
      const before = await repos.targets.targets(missionId);
      await repos.targets.replaceTargets(missionId, input.targets, userIdOf(ctx.actor));
      await repos.audit.record(
        auditOf(ctx, {
          action: 'diagnostic.targets',
          entityType: 'mission',
          entityId: missionId,
          communeNis: mission.communeNis,
          before: { targets: before },
          after: { targets: sorted(input.targets) },
        }),
      );
    });
    return this.view(ctx.actor, missionId);
  }

  /** Says which factors' gaps a sheet closes; a factor must be one of the mission guide's. */
  async sheetGaps(ctx: RequestContext, missionId: string, projectId: string, input: SheetGapsInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.missionOf(repos, missionId);
      authorize(ctx.actor, 'update', { type: 'strategy', communeNis: mission.communeNis });
      const sheet = await repos.targets.sheet(projectId);
      if (!sheet || sheet.missionId !== missionId) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const guide = await this.diagnostic.guideOfMission(repos, missionId);
      const known = new Set(guide.dimensions.flatMap((d) => d.factors.map((f) => f.key)));
      refuse(
        input.factorKeys.flatMap((key, i) =>
          known.has(key) ? [] : [{ message: 'GAP_FACTOR_UNKNOWN', path: ['factorKeys', i] }],
        ),
      );
      const before = await repos.targets.sheetFactors(projectId);
      await repos.targets.replaceSheetFactors(projectId, input.factorKeys);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'strategy.project.gaps',
          entityType: 'project_sheet',
          entityId: projectId,
          communeNis: mission.communeNis,
          before: { factorKeys: before },
          after: { factorKeys: [...input.factorKeys].sort() },
        }),
      );
    });
    return this.view(ctx.actor, missionId);
  }
}

function refuse(issues: { message: string; path: (string | number)[] }[], params: Record<string, number> = {}) {
  if (issues.length === 0) return;
  throw new InvalidFieldsError(
    issues.map((i) => ({ field: i.path.join('.'), code: i.message as MessageCode, params })),
  );
}

const userIdOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);

const sorted = (targets: readonly MaturityTarget[]) =>
  [...targets].sort((a, b) => `${a.dimension}/${a.horizon}`.localeCompare(`${b.dimension}/${b.horizon}`));
