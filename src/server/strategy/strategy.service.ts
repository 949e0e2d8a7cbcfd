import type { BudgetLine } from '../../domain/implementation/follow-up.ts';
import {
  baselineOf,
  initialBudget,
  initialFunding,
  type PlanBaseline,
} from '../../domain/implementation/plan-baseline.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import { deriveAhpWeights } from '../../domain/strategy/ahp.ts';
import {
  type Criterion,
  type CriterionCreateInput,
  type CriterionUpdateInput,
  DEFAULT_CRITERIA,
  type WeightsInput,
} from '../../domain/strategy/criteria.ts';
import { type FundingBasis, fundingAmount, projectFunding } from '../../domain/strategy/funding.ts';
import { defaultHorizons, type HorizonsInput, hasNoBudget, horizonIndex } from '../../domain/strategy/horizons.ts';
import {
  analyseRanking,
  buildPortfolioProblem,
  buildRankProblem,
  type EvaluationsInput,
  type LocksInput,
  type StrategyData,
} from '../../domain/strategy/mission-model.ts';
import {
  numberObjectives,
  type ObjectiveCreateInput,
  type ObjectiveUpdateInput,
} from '../../domain/strategy/objectives.ts';
import { balanceRules, isEmptyBalance, type PlanBalance } from '../../domain/strategy/plan-balance.ts';
import {
  assertNoDependencyCycle,
  type ProjectFromSwotInput,
  type ProjectSheet,
  type ProjectSheetCreateInput,
  type ProjectSheetUpdateInput,
  prefillFromSwotItem,
} from '../../domain/strategy/project-sheets.ts';
import { compareScenarios } from '../../domain/strategy/scenarios.ts';
import type {
  CommentCreateInput,
  MissionAhp,
  MissionAhpInput,
  PlanOptions,
  PlanState,
  ScenarioCreateInput,
  StrategyOverviewItem,
  StrategyState,
} from '../../domain/strategy/strategy-api.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MissionRecord } from '../missions/missions.repository.ts';
import {
  auditableProject,
  preferenceColumns,
  presentAhp,
  presentComment,
  presentCriteria,
  presentEvaluations,
  presentHorizons,
  presentProject,
  presentRun,
  presentScenario,
} from './strategy.presenter.ts';
import { canonicalJson, type PlanSnapshot, type StrategyPlanner } from './strategy-planner.ts';

type Action = 'read' | 'create' | 'update' | 'delete';

/** The options a stored plan was computed with (requested funding, no carry-over, no balance for older plans). */
function optionsOf(snapshot: unknown): { fundingBasis: FundingBasis; carryOver: boolean; balance?: PlanBalance } {
  const s = snapshot as {
    fundingBasis?: FundingBasis;
    problem?: { carryOver?: boolean };
    planBalance?: PlanBalance;
  } | null;
  return {
    fundingBasis: s?.fundingBasis ?? 'requested',
    carryOver: s?.problem?.carryOver ?? false,
    ...(s?.planBalance ? { balance: s.planBalance } : {}),
  };
}

/** The missions' strategies: project sheets, criteria, evaluations, scenarios, horizons, locks, plans, objectives. */
export class StrategyService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly planner: StrategyPlanner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // ── access ───────────────────────────────────────────────────────────────────────────────────────────────────
  private async mission(repos: Repositories, actor: Actor, missionId: string, action: Action, type = 'strategy') {
    const mission = await repos.missions.find(missionId);
    if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
    authorize(actor, action, { type: type as 'strategy', communeNis: mission.communeNis });
    return mission;
  }

  private permissions(actor: Actor, communeNis: string) {
    return {
      edit: can(actor, 'update', { type: 'strategy', communeNis }),
      comment: can(actor, 'create', { type: 'strategy_comment', communeNis }),
    };
  }

  private audit(
    repos: Repositories,
    ctx: RequestContext,
    mission: MissionRecord,
    entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
  ) {
    return repos.audit.record(auditOf(ctx, { ...entry, communeNis: mission.communeNis }));
  }

  /** Seeds the default criteria and horizons the first time the mission's strategy is touched. */
  private async ensureStarted(repos: Repositories, ctx: RequestContext, mission: MissionRecord): Promise<boolean> {
    if (!(await repos.strategy.start(mission.id))) return false;
    const criteria = await repos.strategy.insertCriteria(
      DEFAULT_CRITERIA.map((c, position) => ({
        missionId: mission.id,
        position,
        name: c.name,
        description: c.description,
        direction: c.direction,
        weight: c.weight,
        ...preferenceColumns(c.preference),
        thresholdRule: c.thresholdRule ?? null,
        source: c.source,
        scaleMin: c.scale?.min ?? null,
        scaleMax: c.scale?.max ?? null,
      })),
    );
    const horizons = defaultHorizons(mission.startDate);
    await repos.strategy.setHorizons(mission.id, horizons);
    await this.audit(repos, ctx, mission, {
      action: 'strategy.start',
      entityType: 'mission',
      entityId: mission.id,
      after: { criteria: criteria.map((c) => c.name), horizons },
    });
    return true;
  }

  private async data(repos: Repositories, mission: MissionRecord) {
    const missionId = mission.id;
    const [criteriaRows, projectRows, evaluationRows, horizonRows, lockRows] = await Promise.all([
      repos.strategy.criteria(missionId),
      repos.strategy.projects(missionId),
      repos.strategy.evaluations(missionId),
      repos.strategy.horizons(missionId),
      repos.strategy.locks(missionId),
    ]);
    const criteria = presentCriteria(criteriaRows);
    const projects = projectRows.map(presentProject);
    const data: StrategyData = {
      criteria,
      projects,
      evaluations: presentEvaluations(evaluationRows),
      horizons: presentHorizons(horizonRows, defaultHorizons(mission.startDate)),
      locks: lockRows.map((l) => ({ projectId: l.projectId, horizon: l.horizon })),
    };
    return { data, criteria, projects };
  }

  // ── state ────────────────────────────────────────────────────────────────────────────────────────────────────
  async state(actor: Actor, missionId: string): Promise<StrategyState> {
    return this.uow.read(async (repos) => {
      const mission = await this.mission(repos, actor, missionId, 'read');
      const [settings, { data, criteria, projects }, objectives, scenarios] = await Promise.all([
        repos.strategy.settings(missionId),
        this.data(repos, mission),
        repos.strategy.objectives(missionId),
        repos.strategy.scenarios(missionId),
      ]);
      return {
        missionId,
        communeNis: mission.communeNis,
        started: settings !== null,
        criteria,
        projects,
        evaluations: [...data.evaluations],
        horizons: [...data.horizons],
        locks: [...data.locks],
        objectives: numberObjectives(objectives),
        scenarios: scenarios.map(presentScenario),
        ahp: presentAhp(settings?.ahp ?? null),
        permissions: this.permissions(actor, mission.communeNis),
      };
    });
  }

  async start(ctx: RequestContext, missionId: string): Promise<StrategyState> {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      await this.ensureStarted(repos, ctx, mission);
    });
    return this.state(ctx.actor, missionId);
  }

  // ── project sheets ───────────────────────────────────────────────────────────────────────────────────────────
  async createProject(ctx: RequestContext, missionId: string, input: ProjectSheetCreateInput): Promise<ProjectSheet> {
    const id = await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'create');
      await this.ensureStarted(repos, ctx, mission);
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
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await this.saveLinks(repos, missionId, created.id, input);
      const sheet = presentProject((await repos.strategy.project(created.id))!);
      await this.audit(repos, ctx, mission, {
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
      await this.mission(repos, ctx.actor, missionId, 'create');
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
      await this.mission(repos, actor, record.missionId, 'read');
      return presentProject(record);
    });
  }

  async updateProject(ctx: RequestContext, projectId: string, input: ProjectSheetUpdateInput): Promise<ProjectSheet> {
    await this.uow.write(async (repos) => {
      const record = await repos.strategy.project(projectId);
      if (!record) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, record.missionId, 'update');
      const before = presentProject(record);
      await repos.strategy.updateProject(projectId, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.dimensions !== undefined ? { dimensions: [...new Set(input.dimensions)] } : {}),
        ...(input.needRefs !== undefined ? { needRefs: input.needRefs } : {}),
        ...(input.owner !== undefined ? { owner: input.owner } : {}),
        ...(input.investmentCost !== undefined ? { investmentCost: input.investmentCost } : {}),
        ...(input.runningCostPerYear !== undefined ? { runningCostPerYear: input.runningCostPerYear } : {}),
        ...(input.funding !== undefined ? { funding: input.funding } : {}),
        ...(input.earliestHorizon !== undefined ? { earliestHorizon: input.earliestHorizon } : {}),
        ...(input.durationMonths !== undefined ? { durationMonths: input.durationMonths } : {}),
        ...(input.phasing !== undefined ? { phasing: input.phasing } : {}),
        ...(input.mandatory !== undefined ? { mandatory: input.mandatory } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
      });
      await this.saveLinks(repos, record.missionId, projectId, input);
      // A lock no longer possible (the project was rejected, or may now start only later) is lifted.
      const after = presentProject((await repos.strategy.project(projectId))!);
      const lock = (await repos.strategy.locks(record.missionId)).find((l) => l.projectId === projectId);
      const lockLifted =
        lock !== undefined &&
        (after.status === 'rejected' ||
          (after.earliestHorizon !== null && horizonIndex(lock.horizon) < horizonIndex(after.earliestHorizon)));
      if (lockLifted) await repos.strategy.deleteLock(projectId);
      await this.audit(repos, ctx, mission, {
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
      const mission = await this.mission(repos, ctx.actor, record.missionId, 'delete');
      await repos.strategy.deleteProject(projectId);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.project.delete',
        entityType: 'project_sheet',
        entityId: projectId,
        before: auditableProject(presentProject(record)),
      });
    });
  }

  /** SWOT items, dependencies, exclusions and the objective, checked against the mission's other sheets. */
  private async saveLinks(
    repos: Repositories,
    missionId: string,
    projectId: string,
    input: Pick<ProjectSheetUpdateInput, 'swotItemIds' | 'needIds' | 'requires' | 'excludes' | 'objectiveId'>,
  ) {
    const requires = input.requires ? [...new Set(input.requires)] : undefined;
    const excludes = input.excludes ? [...new Set(input.excludes)] : undefined;
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
    if (input.objectiveId) {
      const objective = await repos.strategy.objective(input.objectiveId);
      if (!objective || objective.missionId !== missionId || objective.parentId === null) {
        throw new ValidationError('OBJECTIVE_NOT_OPERATIONAL', { field: 'objectiveId' });
      }
    }
    if (input.objectiveId !== undefined)
      await repos.strategy.updateProject(projectId, { objectiveId: input.objectiveId });
    if (input.swotItemIds) {
      const swotItemIds = [...new Set(input.swotItemIds)];
      const found = await repos.diagnostic.findSwotItems(swotItemIds);
      if (found.length !== swotItemIds.length || found.some((row) => row.missionId !== missionId)) {
        throw new ValidationError('SWOT_ITEM_UNKNOWN', { field: 'swotItemIds' });
      }
      await repos.strategy.setSwotItems(projectId, swotItemIds);
    }
    if (input.needIds) {
      // Needs of the mission's commune only: a sheet answers its own commune's register.
      const needIds = [...new Set(input.needIds)];
      const mission = await repos.missions.find(missionId);
      const found = await repos.needs.findMany(needIds);
      if (found.length !== needIds.length || found.some((need) => need.communeNis !== mission?.communeNis)) {
        throw new ValidationError('NEED_UNKNOWN', { field: 'needIds' });
      }
      await repos.strategy.setNeeds(projectId, needIds);
    }
    if (excludes) await repos.strategy.setExcludes(projectId, excludes);
    if (requires) {
      await repos.strategy.setRequires(projectId, requires);
      const all = await repos.strategy.projects(missionId);
      const title = new Map(all.map((p) => [p.id, p.title]));
      // Throws PROJECT_DEPENDENCY_CYCLE (422), and the transaction rolls back.
      assertNoDependencyCycle(new Map(all.map((p) => [p.id, p.requires])), (id) => `« ${title.get(id) ?? id} »`);
    }
    // Excluding a project it requires, directly or through others, would leave both out: refuse it.
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

  // ── criteria and weights ─────────────────────────────────────────────────────────────────────────────────────
  async createCriterion(ctx: RequestContext, missionId: string, input: CriterionCreateInput): Promise<Criterion[]> {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'create');
      await this.ensureStarted(repos, ctx, mission);
      const existing = await repos.strategy.criteria(missionId);
      if (existing.length >= 15) throw new ValidationError('CRITERIA_TOO_MANY', { max: 15 });
      const [created] = await repos.strategy.insertCriteria([
        {
          missionId,
          position: existing.length,
          name: input.name,
          description: input.description ?? null,
          direction: input.direction,
          weight: input.weight,
          ...preferenceColumns(input.preference),
          thresholdRule: input.thresholdRule ?? null,
          source: input.source,
          scaleMin: input.source === 'manual' ? (input.scale?.min ?? null) : null,
          scaleMax: input.source === 'manual' ? (input.scale?.max ?? null) : null,
        },
      ]);
      await repos.strategy.setAhp(missionId, null);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.criterion.create',
        entityType: 'criterion',
        entityId: created!.id,
        after: presentCriteria([created!])[0],
      });
    });
    return this.criteria(ctx.actor, missionId);
  }

  async criteria(actor: Actor, missionId: string): Promise<Criterion[]> {
    return this.uow.read(async (repos) => {
      await this.mission(repos, actor, missionId, 'read');
      return presentCriteria(await repos.strategy.criteria(missionId));
    });
  }

  async updateCriterion(ctx: RequestContext, criterionId: string, input: CriterionUpdateInput): Promise<Criterion[]> {
    const missionId = await this.uow.write(async (repos) => {
      const row = await repos.strategy.criterion(criterionId);
      if (!row) throw new NotFoundError('CRITERION_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, row.missionId, 'update');
      const rows = await repos.strategy.criteria(row.missionId);
      const before = presentCriteria(rows).find((c) => c.id === criterionId)!;
      const source = input.source ?? row.source;
      await repos.strategy.updateCriterion(criterionId, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.direction !== undefined ? { direction: input.direction } : {}),
        ...(input.weight !== undefined ? { weight: input.weight } : {}),
        ...(input.preference !== undefined ? preferenceColumns(input.preference) : {}),
        // Thresholds typed by hand replace the rule; the rule may be set (or cleared) explicitly.
        ...(input.thresholdRule !== undefined
          ? { thresholdRule: input.thresholdRule }
          : input.preference !== undefined
            ? { thresholdRule: null }
            : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.scale !== undefined || source !== 'manual'
          ? {
              scaleMin: source === 'manual' ? (input.scale?.min ?? row.scaleMin) : null,
              scaleMax: source === 'manual' ? (input.scale?.max ?? row.scaleMax) : null,
            }
          : {}),
      });
      if (input.position !== undefined) {
        const order = rows.filter((r) => r.id !== criterionId);
        order.splice(Math.min(input.position, order.length), 0, row);
        for (const [position, r] of order.entries()) await repos.strategy.updateCriterion(r.id, { position });
      }
      // The AHP matrix compares the criteria as they were: a new weight by hand or a new order makes it outdated.
      if (input.weight !== undefined || input.position !== undefined) await repos.strategy.setAhp(row.missionId, null);
      const after = presentCriteria(await repos.strategy.criteria(row.missionId)).find((c) => c.id === criterionId);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.criterion.update',
        entityType: 'criterion',
        entityId: criterionId,
        before,
        after,
      });
      return row.missionId;
    });
    return this.criteria(ctx.actor, missionId);
  }

  async deleteCriterion(ctx: RequestContext, criterionId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await repos.strategy.criterion(criterionId);
      if (!row) throw new NotFoundError('CRITERION_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, row.missionId, 'delete');
      await repos.strategy.deleteCriterion(criterionId);
      await repos.strategy.setAhp(row.missionId, null);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.criterion.delete',
        entityType: 'criterion',
        entityId: criterionId,
        before: presentCriteria([row])[0],
      });
    });
  }

  async setWeights(ctx: RequestContext, missionId: string, input: WeightsInput): Promise<Criterion[]> {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      const rows = await repos.strategy.criteria(missionId);
      this.checkWeights(
        rows.map((r) => r.id),
        input.weights,
      );
      for (const row of rows) await repos.strategy.updateCriterion(row.id, { weight: input.weights[row.id]! });
      await repos.strategy.setAhp(missionId, null);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.weights.set',
        entityType: 'mission',
        entityId: missionId,
        before: Object.fromEntries(rows.map((r) => [r.name, r.weight])),
        after: Object.fromEntries(rows.map((r) => [r.name, input.weights[r.id]])),
      });
    });
    return this.criteria(ctx.actor, missionId);
  }

  private checkWeights(criterionIds: string[], weights: Record<string, number>) {
    const ids = new Set(criterionIds);
    if (Object.keys(weights).some((id) => !ids.has(id)) || criterionIds.some((id) => weights[id] === undefined)) {
      throw new ValidationError('WEIGHTS_INCOMPLETE', { field: 'weights' });
    }
    if (!criterionIds.some((id) => weights[id]! > 0))
      throw new ValidationError('WEIGHTS_ALL_ZERO', { field: 'weights' });
  }

  async setAhp(ctx: RequestContext, missionId: string, input: MissionAhpInput): Promise<MissionAhp> {
    return this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      const rows = await repos.strategy.criteria(missionId);
      const ids = new Set(rows.map((r) => r.id));
      if (input.criterionIds.length !== ids.size || input.criterionIds.some((id) => !ids.has(id))) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'criterionIds' });
      }
      if (new Set(input.criterionIds).size !== input.criterionIds.length) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'criterionIds' });
      }
      // Throws AHP_TRIANGLE_SHAPE etc. (422) for a triangle of the wrong shape.
      const result = deriveAhpWeights({ upperTriangle: input.upperTriangle });
      if (result.weights.length !== input.criterionIds.length) {
        throw new ValidationError('AHP_CRITERIA_MISMATCH', { field: 'upperTriangle' });
      }
      const ahp: MissionAhp = {
        criterionIds: input.criterionIds,
        upperTriangle: input.upperTriangle,
        result,
        updatedAt: new Date().toISOString(),
      };
      const before = Object.fromEntries(rows.map((r) => [r.name, r.weight]));
      if (input.apply) {
        for (const [i, id] of input.criterionIds.entries()) {
          // Weights are kept as percentages, like weights typed by hand.
          await repos.strategy.updateCriterion(id, { weight: Math.round(result.weights[i]! * 1e6) / 1e4 });
        }
      }
      await repos.strategy.setAhp(missionId, ahp);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.ahp.set',
        entityType: 'mission',
        entityId: missionId,
        before,
        after: {
          upperTriangle: input.upperTriangle,
          consistencyRatio: result.consistencyRatio,
          applied: input.apply,
          weights: Object.fromEntries(
            input.criterionIds.map((id, i) => [rows.find((r) => r.id === id)!.name, result.weights[i]]),
          ),
        },
      });
      return ahp;
    });
  }

  // ── evaluations ──────────────────────────────────────────────────────────────────────────────────────────────
  async setEvaluations(ctx: RequestContext, missionId: string, input: EvaluationsInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      const [criteria, projects, current] = await Promise.all([
        repos.strategy.criteria(missionId),
        repos.strategy.projects(missionId),
        repos.strategy.evaluations(missionId),
      ]);
      const criterion = new Map(criteria.map((c) => [c.id, c]));
      const projectIds = new Set(projects.map((p) => p.id));
      const upserts: { projectId: string; criterionId: string; value: number }[] = [];
      const deletes: { projectId: string; criterionId: string }[] = [];
      for (const [index, cell] of input.values.entries()) {
        const c = criterion.get(cell.criterionId);
        if (!c || !projectIds.has(cell.projectId)) {
          throw new ValidationError('EVALUATION_UNKNOWN_CELL', { field: `values.${index}` });
        }
        if (c.source !== 'manual') {
          throw new ValidationError('EVALUATION_NOT_MANUAL', { field: `values.${index}.criterionId`, name: c.name });
        }
        if (cell.value === null) {
          deletes.push({ projectId: cell.projectId, criterionId: cell.criterionId });
          continue;
        }
        if ((c.scaleMin !== null && cell.value < c.scaleMin) || (c.scaleMax !== null && cell.value > c.scaleMax)) {
          throw new ValidationError('EVALUATION_OUT_OF_SCALE', {
            field: `values.${index}.value`,
            name: c.name,
            min: c.scaleMin ?? '−∞',
            max: c.scaleMax ?? '∞',
          });
        }
        upserts.push({ projectId: cell.projectId, criterionId: cell.criterionId, value: cell.value });
      }
      await repos.strategy.upsertEvaluations(upserts);
      await repos.strategy.deleteEvaluations(deletes);
      const touched = new Set(input.values.map((v) => `${v.projectId}|${v.criterionId}`));
      await this.audit(repos, ctx, mission, {
        action: 'strategy.evaluations.set',
        entityType: 'mission',
        entityId: missionId,
        before: current
          .filter((e) => touched.has(`${e.projectId}|${e.criterionId}`))
          .map((e) => ({ projectId: e.projectId, criterionId: e.criterionId, value: e.value })),
        after: input.values,
      });
    });
    return this.uow.read(async (repos) => presentEvaluations(await repos.strategy.evaluations(missionId)));
  }

  // ── ranking and scenarios ────────────────────────────────────────────────────────────────────────────────────
  async ranking(
    actor: Actor,
    missionId: string,
    query: { scenarioId?: string | undefined; topK?: number | undefined },
  ) {
    return this.uow.read(async (repos) => {
      const mission = await this.mission(repos, actor, missionId, 'read');
      const { data } = await this.data(repos, mission);
      let weights: Record<string, number> | undefined;
      if (query.scenarioId) {
        const scenario = await repos.strategy.scenario(query.scenarioId);
        if (!scenario || scenario.missionId !== missionId) throw new NotFoundError('SCENARIO_NOT_FOUND');
        weights = scenario.weights as Record<string, number>;
      }
      return analyseRanking(data, {
        ...(weights ? { weights } : {}),
        topK: query.topK === undefined ? 5 : query.topK === 0 ? null : query.topK,
      });
    });
  }

  async createScenario(ctx: RequestContext, missionId: string, input: ScenarioCreateInput) {
    return this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'create');
      const rows = await repos.strategy.criteria(missionId);
      const weights = input.weights ?? Object.fromEntries(rows.map((r) => [r.id, r.weight]));
      this.checkWeights(
        rows.map((r) => r.id),
        weights,
      );
      const created = await repos.strategy.insertScenario({ missionId, name: input.name, weights });
      await this.audit(repos, ctx, mission, {
        action: 'strategy.scenario.create',
        entityType: 'scenario',
        entityId: created.id,
        after: { name: input.name, weights },
      });
      return presentScenario(created);
    });
  }

  private async scenarioOf(repos: Repositories, actor: Actor, scenarioId: string, action: Action) {
    const scenario = await repos.strategy.scenario(scenarioId);
    if (!scenario) throw new NotFoundError('SCENARIO_NOT_FOUND');
    const mission = await this.mission(repos, actor, scenario.missionId, action);
    return { scenario, mission };
  }

  async deleteScenario(ctx: RequestContext, scenarioId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const { scenario, mission } = await this.scenarioOf(repos, ctx.actor, scenarioId, 'delete');
      await repos.strategy.deleteScenario(scenarioId);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.scenario.delete',
        entityType: 'scenario',
        entityId: scenarioId,
        before: { name: scenario.name, weights: scenario.weights },
      });
    });
  }

  /** Makes a scenario's weights the current ones. */
  async applyScenario(ctx: RequestContext, scenarioId: string): Promise<Criterion[]> {
    const missionId = await this.uow.write(async (repos) => {
      const { scenario, mission } = await this.scenarioOf(repos, ctx.actor, scenarioId, 'update');
      const rows = await repos.strategy.criteria(mission.id);
      const weights = scenario.weights as Record<string, number>;
      // A criterion added after the scenario was saved keeps its weight.
      for (const row of rows) {
        if (weights[row.id] !== undefined) await repos.strategy.updateCriterion(row.id, { weight: weights[row.id] });
      }
      await repos.strategy.setAhp(mission.id, null);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.scenario.apply',
        entityType: 'scenario',
        entityId: scenarioId,
        before: Object.fromEntries(rows.map((r) => [r.name, r.weight])),
        after: Object.fromEntries(rows.map((r) => [r.name, weights[r.id] ?? r.weight])),
      });
      return mission.id;
    });
    return this.criteria(ctx.actor, missionId);
  }

  /** The current weights and every saved scenario, side by side. */
  async compareScenarios(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await this.mission(repos, actor, missionId, 'read');
      const { data, criteria } = await this.data(repos, mission);
      const saved = await repos.strategy.scenarios(missionId);
      const current = {
        id: 'current',
        name: 'current',
        weights: Object.fromEntries(criteria.map((c) => [c.id, c.weight])),
      };
      const scenarios = [
        current,
        ...saved.map((s) => {
          const weights = s.weights as Record<string, number>;
          // Criteria added since the scenario was saved take their current weight; removed ones are dropped.
          return {
            id: s.id,
            name: s.name,
            weights: Object.fromEntries(criteria.map((c) => [c.id, weights[c.id] ?? c.weight])),
          };
        }),
      ];
      const { problem } = buildRankProblem(data);
      if (problem.criteria.length === 0 || !scenarios.every((s) => Object.values(s.weights).some((w) => w > 0))) {
        return { scenarios, ranks: [], agreement: [] };
      }
      const comparison = compareScenarios(
        problem,
        scenarios.map((s) => ({ id: s.id, weights: s.weights })),
      );
      return { scenarios, ranks: comparison.ranks, agreement: comparison.agreement };
    });
  }

  // ── horizons, locks and the plan ─────────────────────────────────────────────────────────────────────────────
  async setHorizons(ctx: RequestContext, missionId: string, input: HorizonsInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      await this.ensureStarted(repos, ctx, mission);
      const before = presentHorizons(await repos.strategy.horizons(missionId));
      await repos.strategy.setHorizons(missionId, input.horizons);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.horizons.set',
        entityType: 'mission',
        entityId: missionId,
        before,
        after: input.horizons,
      });
    });
    return this.uow.read(async (repos) => presentHorizons(await repos.strategy.horizons(missionId)));
  }

  async setLocks(ctx: RequestContext, missionId: string, input: LocksInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      const projects = new Map((await repos.strategy.projects(missionId)).map((p) => [p.id, p]));
      const seen = new Set<string>();
      for (const [index, lock] of input.locks.entries()) {
        const project = projects.get(lock.projectId);
        const field = `locks.${index}.projectId`;
        if (!project) throw new ValidationError('PROJECT_REFERENCE_UNKNOWN', { field });
        if (seen.has(lock.projectId)) throw new ValidationError('LOCK_DUPLICATE', { field });
        seen.add(lock.projectId);
        if (project.status === 'rejected')
          throw new ValidationError('LOCK_PROJECT_REJECTED', { field, title: project.title });
        if (project.earliestHorizon && horizonIndex(lock.horizon) < horizonIndex(project.earliestHorizon)) {
          throw new ValidationError('LOCK_BEFORE_EARLIEST', { field: `locks.${index}.horizon`, title: project.title });
        }
      }
      const before = (await repos.strategy.locks(missionId)).map((l) => ({
        projectId: l.projectId,
        horizon: l.horizon,
      }));
      await repos.strategy.setLocks(missionId, input.locks);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.locks.set',
        entityType: 'mission',
        entityId: missionId,
        before,
        after: input.locks,
      });
    });
    return this.uow.read(async (repos) =>
      (await repos.strategy.locks(missionId)).map((l) => ({ projectId: l.projectId, horizon: l.horizon })),
    );
  }

  /** What the plan is computed from, now: the problem, and what the report and roadmap need beside it. */
  private async snapshot(
    repos: Repositories,
    mission: MissionRecord,
    options: { fundingBasis?: FundingBasis; carryOver?: boolean; balance?: PlanBalance } = {},
  ): Promise<PlanSnapshot> {
    const fundingBasis = options.fundingBasis ?? 'requested';
    const carryOver = options.carryOver ?? false;
    const { data, projects } = await this.data(repos, mission);
    const analysis = analyseRanking(data, { topK: null });
    const planBalance = isEmptyBalance(options.balance) ? undefined : options.balance;
    // The balance rules read the objectives tree and the SWOT: both are read only when a balance is asked.
    const [objectives, swot] = planBalance
      ? await Promise.all([repos.strategy.objectives(mission.id), repos.diagnostic.listSwot(mission.id)])
      : [[], []];
    const withBalance = (built: ReturnType<typeof buildPortfolioProblem>) => {
      if (!planBalance) return built;
      const rules = balanceRules(planBalance, built.problem, {
        sheets: projects,
        objectives: numberObjectives(objectives),
        swotItems: swot,
      });
      return {
        ...built,
        problem: {
          ...built.problem,
          ...(rules.balance.length > 0 ? { balance: rules.balance } : {}),
          ...(rules.cover.length > 0 ? { cover: rules.cover } : {}),
        },
      };
    };
    const { problem, outside } = withBalance(
      buildPortfolioProblem(data, analysis.ranking, { fundingBasis, carryOver }),
    );
    const other: FundingBasis = fundingBasis === 'requested' ? 'granted' : 'requested';
    const inside = new Set(problem.projects.map((p) => p.id));
    return {
      problem,
      outside,
      fundingBasis,
      ...(planBalance ? { planBalance } : {}),
      costs: Object.fromEntries(
        projects.filter((p) => inside.has(p.id)).map((p) => [p.id, projectFunding(p, fundingBasis)]),
      ),
      alternative: {
        fundingBasis: other,
        problem: withBalance(buildPortfolioProblem(data, analysis.ranking, { fundingBasis: other, carryOver })).problem,
      },
      projects: projects.map((p) => ({
        id: p.id,
        runningCostPerYear: p.runningCostPerYear,
        durationMonths: p.durationMonths,
        requires: p.requires,
      })),
      horizons: [...data.horizons],
      locks: [...data.locks],
    };
  }

  async requestPlan(ctx: RequestContext, missionId: string, input: PlanOptions) {
    const { run, snapshot } = await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      await this.ensureStarted(repos, ctx, mission);
      const latest = await repos.strategy.latestRun(missionId);
      if (latest?.status === 'running' && !this.planner.isAbandoned(latest)) {
        throw new ConflictError('PLAN_ALREADY_RUNNING');
      }
      const snapshot = await this.snapshot(repos, mission, {
        fundingBasis: input.fundingBasis ?? 'requested',
        carryOver: input.carryOver ?? false,
        ...(input.balance ? { balance: input.balance } : {}),
      });
      // Without money the optimal plan is empty: ask for the budgets rather than report an empty "optimal" plan.
      if (hasNoBudget(snapshot.horizons)) throw new ValidationError('PLAN_NEEDS_BUDGET', { field: 'horizons' });
      const run = await repos.strategy.insertRun({
        missionId,
        status: 'running',
        problem: snapshot,
        locks: snapshot.locks,
        timeLimitSeconds: input.timeLimitSeconds,
        relativeGap: input.relativeGap,
        requestedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        // The system's own requests (the demo) are named like in the audit log: « (démo) ».
        requestedByName:
          ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.kind === 'system' ? `(${ctx.actor.label})` : null,
      });
      await this.audit(repos, ctx, mission, {
        action: 'strategy.plan.request',
        entityType: 'plan_run',
        entityId: run.id,
        after: {
          projects: snapshot.problem.projects.length,
          budgets: Object.fromEntries(snapshot.problem.horizons.map((h) => [h.id, h.budget])),
          locks: snapshot.locks,
          timeLimitSeconds: input.timeLimitSeconds,
          relativeGap: input.relativeGap,
          fundingBasis: snapshot.fundingBasis,
          carryOver: snapshot.problem.carryOver ?? false,
          ...(snapshot.planBalance ? { balance: snapshot.planBalance } : {}),
        },
      });
      return { run, snapshot };
    });
    // After the commit: the job reads nothing, and writes its result on the run's row when it ends.
    this.planner.launch(run.id, snapshot, input);
    return presentRun(run);
  }

  async plan(actor: Actor, missionId: string): Promise<PlanState> {
    return this.uow.read(async (repos) => {
      const mission = await this.mission(repos, actor, missionId, 'read');
      let row = await repos.strategy.latestRun(missionId);
      if (row?.status === 'running' && this.planner.isAbandoned(row)) {
        await this.planner.abandon(row.id);
        row = await repos.strategy.latestRun(missionId);
      }
      if (!row) return { run: null, stale: false };
      const now = await this.snapshot(repos, mission, optionsOf(row.problem));
      const stale = canonicalJson(row.problem) !== canonicalJson(now);
      return { run: presentRun(row), stale };
    });
  }

  /**
   * Approves the projects the latest plan places: the plan the consultant and the commune agree on becomes the
   * projects the implementation follows. Only a computed plan that still matches the data can be approved.
   */
  async approvePlan(ctx: RequestContext, missionId: string): Promise<StrategyState> {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'update');
      const row = await repos.strategy.latestRun(missionId);
      const result = row?.status === 'done' ? presentRun(row).result : null;
      if (!row || !result) throw new ConflictError('PLAN_NOT_COMPUTED');
      if (canonicalJson(row.problem) !== canonicalJson(await this.snapshot(repos, mission, optionsOf(row.problem)))) {
        throw new ConflictError('PLAN_STALE');
      }
      if (result.placements.length === 0) throw new ConflictError('PLAN_EMPTY');
      const projects = new Map((await repos.strategy.projects(missionId)).map((p) => [p.id, p]));
      const approved: string[] = [];
      const baselines: Record<string, PlanBaseline> = {};
      const approvedAt = this.now().toISOString();
      for (const { projectId, horizon } of result.placements) {
        const project = projects.get(projectId);
        if (!project) continue;
        if (project.status !== 'approved') {
          await repos.strategy.updateProject(projectId, { status: 'approved' });
          approved.push(project.title);
        }
        // The plan reaches the follow-up: its months, its cost by year and its funding.
        const span = result.roadmap?.rows.find((r) => r.projectId === projectId);
        if (!span) continue;
        const funding = result.costs?.[projectId] ?? projectFunding(presentProject(project), 'requested');
        const baseline = baselineOf({
          planRunId: row.id,
          approvedAt,
          horizon,
          startMonth: span.startMonth,
          endMonth: span.endMonth,
          investment: funding.investment,
          funding: funding.funding,
        });
        baselines[projectId] = baseline;
        const followUp = (await repos.implementation.project(projectId))?.followUp ?? null;
        const budget = (followUp?.budget ?? []) as BudgetLine[];
        const lines = (presentProject(project).funding ?? []).map((line) => ({
          name: line.name,
          amount: fundingAmount(line, project.investmentCost),
          granted: line.status === 'granted',
        }));
        await repos.implementation.upsertFollowUp(projectId, {
          planBaseline: baseline,
          // What the follow-up already records is the consultant's: the plan only fills what is empty.
          ...(budget.every((l) => l.planned === 0 && l.committed === 0 && l.spent === 0)
            ? { budget: initialBudget(baseline) }
            : {}),
          ...(((followUp?.funding ?? []) as unknown[]).length === 0 ? { funding: initialFunding(lines) } : {}),
        });
      }
      await this.audit(repos, ctx, mission, {
        action: 'strategy.plan.approve',
        entityType: 'plan_run',
        entityId: row.id,
        after: { approved, placements: result.placements, baselines },
      });
    });
    return this.state(ctx.actor, missionId);
  }

  // ── objectives ───────────────────────────────────────────────────────────────────────────────────────────────
  async objectives(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      await this.mission(repos, actor, missionId, 'read');
      return numberObjectives(await repos.strategy.objectives(missionId));
    });
  }

  async createObjective(ctx: RequestContext, missionId: string, input: ObjectiveCreateInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.mission(repos, ctx.actor, missionId, 'create');
      await this.ensureStarted(repos, ctx, mission);
      const parentId = input.parentId ?? null;
      if (parentId) {
        const parent = await repos.strategy.objective(parentId);
        if (!parent || parent.missionId !== missionId || parent.parentId !== null) {
          throw new ValidationError('OBJECTIVE_PARENT_NOT_STRATEGIC', { field: 'parentId' });
        }
      }
      const siblings = (await repos.strategy.objectives(missionId)).filter((o) => o.parentId === parentId);
      const created = await repos.strategy.insertObjective({
        missionId,
        parentId,
        position: siblings.length === 0 ? 0 : Math.max(...siblings.map((s) => s.position)) + 1,
        title: input.title,
        description: input.description ?? null,
      });
      await this.audit(repos, ctx, mission, {
        action: 'strategy.objective.create',
        entityType: 'objective',
        entityId: created.id,
        after: { parentId, title: input.title, description: input.description ?? null },
      });
    });
    return this.objectives(ctx.actor, missionId);
  }

  async updateObjective(ctx: RequestContext, objectiveId: string, input: ObjectiveUpdateInput) {
    const missionId = await this.uow.write(async (repos) => {
      const row = await repos.strategy.objective(objectiveId);
      if (!row) throw new NotFoundError('OBJECTIVE_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, row.missionId, 'update');
      await repos.strategy.updateObjective(objectiveId, {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      });
      if (input.position !== undefined) {
        const siblings = (await repos.strategy.objectives(row.missionId)).filter(
          (o) => o.parentId === row.parentId && o.id !== objectiveId,
        );
        siblings.splice(Math.min(input.position, siblings.length), 0, row);
        for (const [position, o] of siblings.entries()) await repos.strategy.updateObjective(o.id, { position });
      }
      await this.audit(repos, ctx, mission, {
        action: 'strategy.objective.update',
        entityType: 'objective',
        entityId: objectiveId,
        before: { title: row.title, description: row.description, position: row.position },
        after: input,
      });
      return row.missionId;
    });
    return this.objectives(ctx.actor, missionId);
  }

  /** Deleting a strategic objective deletes its operational ones; their projects keep no objective. */
  async deleteObjective(ctx: RequestContext, objectiveId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await repos.strategy.objective(objectiveId);
      if (!row) throw new NotFoundError('OBJECTIVE_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, row.missionId, 'delete');
      await repos.strategy.deleteObjective(objectiveId);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.objective.delete',
        entityType: 'objective',
        entityId: objectiveId,
        before: { parentId: row.parentId, title: row.title, description: row.description },
      });
    });
  }

  // ── comments ─────────────────────────────────────────────────────────────────────────────────────────────────
  async comments(actor: Actor, projectId: string) {
    return this.uow.read(async (repos) => {
      const project = await repos.strategy.project(projectId);
      if (!project) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await this.mission(repos, actor, project.missionId, 'read', 'strategy_comment');
      return (await repos.strategy.comments(projectId)).map((c) =>
        presentComment(
          c,
          can(actor, 'delete', {
            type: 'strategy_comment',
            communeNis: mission.communeNis,
            ...(c.authorId ? { ownerId: c.authorId } : { ownerId: '' }),
          }),
        ),
      );
    });
  }

  async createComment(ctx: RequestContext, projectId: string, input: CommentCreateInput) {
    await this.uow.write(async (repos) => {
      const project = await repos.strategy.project(projectId);
      if (!project) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await this.mission(repos, ctx.actor, project.missionId, 'create', 'strategy_comment');
      const author = ctx.actor.kind === 'user' ? await repos.users.findById(ctx.actor.id) : null;
      const created = await repos.strategy.insertComment({
        projectId,
        authorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        authorName: author?.displayName ?? (ctx.actor.kind === 'system' ? ctx.actor.label : '—'),
        body: input.body,
      });
      await this.audit(repos, ctx, mission, {
        action: 'strategy.comment.create',
        entityType: 'project_comment',
        entityId: created.id,
        after: { projectId, body: input.body },
      });
    });
    return this.comments(ctx.actor, projectId);
  }

  async deleteComment(ctx: RequestContext, commentId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const comment = await repos.strategy.comment(commentId);
      if (!comment) throw new NotFoundError('COMMENT_NOT_FOUND');
      const mission = await repos.missions.find(comment.missionId);
      if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
      authorize(ctx.actor, 'read', { type: 'strategy_comment', communeNis: mission.communeNis });
      authorize(ctx.actor, 'delete', {
        type: 'strategy_comment',
        communeNis: mission.communeNis,
        ownerId: comment.authorId ?? '',
      });
      await repos.strategy.deleteComment(commentId);
      await this.audit(repos, ctx, mission, {
        action: 'strategy.comment.delete',
        entityType: 'project_comment',
        entityId: commentId,
        before: { projectId: comment.projectId, authorName: comment.authorName, body: comment.body },
      });
    });
  }

  // ── across missions, and the document ────────────────────────────────────────────────────────────────────────
  async overview(actor: Actor): Promise<StrategyOverviewItem[]> {
    const scope = readScope(actor, 'strategy');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const { rows, costOf } = await this.uow.read((repos) =>
      repos.strategy.overview(scope.kind === 'commune' ? scope.communeNis : null),
    );
    return rows.map((row) => {
      const placements = (row.run?.result as { placements?: { projectId: string }[] } | null)?.placements ?? null;
      return {
        missionId: row.missionId,
        missionTitle: row.missionTitle,
        communeNis: row.communeNis,
        communeName: row.communeName,
        phase: row.phase,
        started: row.startedAt !== null,
        projects: row.projects,
        planned: placements ? placements.length : null,
        plannedInvestment: placements ? placements.reduce((s, p) => s + (costOf.get(p.projectId) ?? 0), 0) : null,
        planStatus: (row.run?.result as { status?: string } | null)?.status ?? null,
        planFinishedAt: row.run?.finishedAt?.toISOString() ?? null,
      };
    });
  }

  /** Everything the strategy document shows, read in one go. */
  async documentData(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await this.mission(repos, actor, missionId, 'read');
      const [{ data, criteria, projects }, objectives, settings, run] = await Promise.all([
        this.data(repos, mission),
        repos.strategy.objectives(missionId),
        repos.strategy.settings(missionId),
        repos.strategy.latestDoneRun(missionId),
      ]);
      const analysis = analyseRanking(data, { topK: null });
      const result = run ? presentRun(run).result : null;
      const ahp = presentAhp(settings?.ahp ?? null);
      return {
        mission,
        criteria,
        projects,
        horizons: [...data.horizons],
        objectives: numberObjectives(objectives),
        ranking: analysis.ranking,
        ahp: ahp ? { consistencyRatio: ahp.result.consistencyRatio, consistent: ahp.result.consistent } : null,
        plan: result && result.objective !== null ? { status: result.status, placements: result.placements } : null,
        roadmap: result?.roadmap ?? null,
      };
    });
  }
}
