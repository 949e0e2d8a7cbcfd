import type { Dimension } from '../../domain/shared/dimensions.ts';
import { horizonIndex } from '../../domain/strategy/horizons.ts';
import {
  assertNoDependencyCycle,
  type ProjectFromSwotInput,
  type ProjectSheet,
  type ProjectSheetCreateInput,
  type ProjectSheetUpdateInput,
  prefillFromSwotItem,
} from '../../domain/strategy/project-sheets.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { auditableProject, presentProject } from './strategy.presenter.ts';
import { auditStrategy, ensureStarted, missionFor, userIdOf } from './strategy-core.ts';

type Links = Pick<ProjectSheetUpdateInput, 'swotItemIds' | 'needIds' | 'requires' | 'excludes' | 'objectiveId'>;

/** The fields of a sheet's change that were given (undefined: left as it is). */
function sheetPatch(input: ProjectSheetUpdateInput) {
  const { swotItemIds: _s, needIds: _n, requires: _r, excludes: _e, objectiveId: _o, ...fields } = input;
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<
    typeof fields
  >;
  return input.dimensions !== undefined ? { ...given, dimensions: [...new Set(input.dimensions)] } : given;
}

/** The project sheets of a mission's strategy: created (by hand or from a SWOT item), changed, linked, deleted. */
export class ProjectSheetsService {
  constructor(private readonly uow: UnitOfWork) {}

  async createProject(ctx: RequestContext, missionId: string, input: ProjectSheetCreateInput): Promise<ProjectSheet> {
    const id = await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'create');
      await ensureStarted(repos, ctx, mission);
      const created = await repos.strategy.insertProject({
        missionId,
        title: input.title,
        description: input.description ?? null,
        dimensions: [...new Set(input.dimensions)],
        needRefs: input.needRefs,
        owner: input.owner ?? null,
        investmentCost: input.investmentCost,
        runningCostPerYear: input.runningCostPerYear,
        funding: input.funding,
        earliestHorizon: input.earliestHorizon ?? null,
        durationMonths: input.durationMonths,
        phasing: input.phasing ?? null,
        mandatory: input.mandatory,
        status: input.status,
        objectiveId: null,
        createdBy: userIdOf(ctx.actor),
      });
      await this.saveLinks(repos, missionId, created.id, input);
      const sheet = presentProject((await repos.strategy.project(created.id))!);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.project.create',
        entityType: 'project_sheet',
        entityId: created.id,
        after: auditableProject(sheet),
      });
      return created.id;
    });
    return this.project(ctx.actor, id);
  }

  /** A draft sheet answering one SWOT item of the diagnostic (the diagnostic's SWOT page calls this). */
  async createProjectFromSwot(ctx: RequestContext, missionId: string, input: ProjectFromSwotInput) {
    const item = await this.uow.read(async (repos) => {
      await missionFor(repos, ctx.actor, missionId, 'create');
      const [row] = await repos.diagnostic.findSwotItems([input.swotItemId]);
      if (!row || row.missionId !== missionId) throw new ValidationError('SWOT_ITEM_UNKNOWN', { field: 'swotItemId' });
      return row;
    });
    return this.createProject(
      ctx,
      missionId,
      prefillFromSwotItem({
        id: item.id,
        kind: item.category,
        text: item.text,
        dimensions: item.dimensions as Dimension[],
      }),
    );
  }

  async project(actor: Actor, projectId: string): Promise<ProjectSheet> {
    return this.uow.read(async (repos) => {
      const record = await repos.strategy.project(projectId);
      if (!record) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      await missionFor(repos, actor, record.missionId, 'read');
      return presentProject(record);
    });
  }

  async updateProject(ctx: RequestContext, projectId: string, input: ProjectSheetUpdateInput): Promise<ProjectSheet> {
    await this.uow.write(async (repos) => {
      const record = await repos.strategy.project(projectId);
      if (!record) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await missionFor(repos, ctx.actor, record.missionId, 'update');
      const before = presentProject(record);
      await repos.strategy.updateProject(projectId, sheetPatch(input));
      await this.saveLinks(repos, record.missionId, projectId, input);
      // A lock no longer possible (the project was rejected, or may now start only later) is lifted.
      const after = presentProject((await repos.strategy.project(projectId))!);
      const lock = (await repos.strategy.locks(record.missionId)).find((l) => l.projectId === projectId);
      const lockLifted =
        lock !== undefined &&
        (after.status === 'rejected' ||
          (after.earliestHorizon !== null && horizonIndex(lock.horizon) < horizonIndex(after.earliestHorizon)));
      if (lockLifted) await repos.strategy.deleteLock(projectId);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.project.update',
        entityType: 'project_sheet',
        entityId: projectId,
        before: { ...auditableProject(before), ...(lockLifted ? { lock: lock.horizon } : {}) },
        after: auditableProject(after),
      });
    });
    return this.project(ctx.actor, projectId);
  }

  async deleteProject(ctx: RequestContext, projectId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const record = await repos.strategy.project(projectId);
      if (!record) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await missionFor(repos, ctx.actor, record.missionId, 'delete');
      await repos.strategy.deleteProject(projectId);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.project.delete',
        entityType: 'project_sheet',
        entityId: projectId,
        before: auditableProject(presentProject(record)),
      });
    });
  }

  /** SWOT items, needs, dependencies, exclusions and the objective, checked against the mission's other sheets. */
  private async saveLinks(repos: Repositories, missionId: string, projectId: string, input: Links) {
    const requires = input.requires ? [...new Set(input.requires)] : undefined;
    const excludes = input.excludes ? [...new Set(input.excludes)] : undefined;
    await this.checkProjectLinks(repos, missionId, projectId, requires, excludes);
    if (input.objectiveId) {
      const objective = await repos.strategy.objective(input.objectiveId);
      if (!objective || objective.missionId !== missionId || objective.parentId === null) {
        throw new ValidationError('OBJECTIVE_NOT_OPERATIONAL', { field: 'objectiveId' });
      }
    }
    if (input.objectiveId !== undefined)
      await repos.strategy.updateProject(projectId, { objectiveId: input.objectiveId });
    if (input.swotItemIds) await this.saveSwotItems(repos, missionId, projectId, [...new Set(input.swotItemIds)]);
    if (input.needIds) await this.saveNeeds(repos, missionId, projectId, [...new Set(input.needIds)]);
    if (excludes) await repos.strategy.setExcludes(projectId, excludes);
    if (requires) {
      await repos.strategy.setRequires(projectId, requires);
      const all = await repos.strategy.projects(missionId);
      const title = new Map(all.map((p) => [p.id, p.title]));
      // Throws PROJECT_DEPENDENCY_CYCLE (422), and the transaction rolls back.
      assertNoDependencyCycle(new Map(all.map((p) => [p.id, p.requires])), (id) => `« ${title.get(id) ?? id} »`);
    }
    await this.refuseExcludingWhatItNeeds(repos, missionId, projectId);
  }

  /** The projects a sheet requires or excludes: other sheets of the mission, never both at once. */
  private async checkProjectLinks(
    repos: Repositories,
    missionId: string,
    projectId: string,
    requires: string[] | undefined,
    excludes: string[] | undefined,
  ) {
    for (const [field, ids] of [
      ['requires', requires],
      ['excludes', excludes],
    ] as const) {
      if (!ids) continue;
      if (ids.includes(projectId)) throw new ValidationError('PROJECT_SELF_REFERENCE', { field });
      const known = await repos.strategy.projectIdsIn(missionId, ids);
      if (ids.some((id) => !known.has(id))) throw new ValidationError('PROJECT_REFERENCE_UNKNOWN', { field });
    }
    if (requires && excludes && requires.some((id) => excludes.includes(id))) {
      throw new ValidationError('PROJECT_REQUIRES_EXCLUDED', { field: 'excludes' });
    }
  }

  private async saveSwotItems(repos: Repositories, missionId: string, projectId: string, swotItemIds: string[]) {
    const found = await repos.diagnostic.findSwotItems(swotItemIds);
    if (found.length !== swotItemIds.length || found.some((row) => row.missionId !== missionId)) {
      throw new ValidationError('SWOT_ITEM_UNKNOWN', { field: 'swotItemIds' });
    }
    await repos.strategy.setSwotItems(projectId, swotItemIds);
  }

  /** Needs of the mission's commune only: a sheet answers its own commune's register. */
  private async saveNeeds(repos: Repositories, missionId: string, projectId: string, needIds: string[]) {
    const mission = await repos.missions.find(missionId);
    const found = await repos.needs.findMany(needIds);
    if (found.length !== needIds.length || found.some((need) => need.communeNis !== mission?.communeNis)) {
      throw new ValidationError('NEED_UNKNOWN', { field: 'needIds' });
    }
    await repos.strategy.setNeeds(projectId, needIds);
  }

  /** Excluding a project it requires, directly or through others, would leave both out: refuse it. */
  private async refuseExcludingWhatItNeeds(repos: Repositories, missionId: string, projectId: string) {
    const all = await repos.strategy.projects(missionId);
    const byId = new Map(all.map((p) => [p.id, p]));
    const needed = new Set<string>();
    const need = (id: string) => {
      for (const q of byId.get(id)?.requires ?? []) {
        if (!needed.has(q)) {
          needed.add(q);
          need(q);
        }
      }
    };
    need(projectId);
    if (byId.get(projectId)?.excludes.some((q) => needed.has(q))) {
      throw new ValidationError('PROJECT_REQUIRES_EXCLUDED', { field: 'excludes' });
    }
  }
}
