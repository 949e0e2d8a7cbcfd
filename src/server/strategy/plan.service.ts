import type { BudgetLine } from '../../domain/implementation/follow-up.ts';
import {
  baselineOf,
  initialBudget,
  initialFunding,
  type PlanBaseline,
} from '../../domain/implementation/plan-baseline.ts';
import { fundingAmount, projectFunding } from '../../domain/strategy/funding.ts';
import { type HorizonsInput, hasNoBudget, horizonIndex } from '../../domain/strategy/horizons.ts';
import type { LocksInput } from '../../domain/strategy/mission-model.ts';
import type { PlanOptions, PlanResult, PlanState, StrategyState } from '../../domain/strategy/strategy-api.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { isStale, takeSnapshot } from './plan-snapshot.ts';
import { presentHorizons, presentProject, presentRun } from './strategy.presenter.ts';
import type { ProjectRecord } from './strategy.repository.ts';
import { auditStrategy, ensureStarted, missionFor, userIdOf } from './strategy-core.ts';
import type { StrategyPlanner } from './strategy-planner.ts';
import type { StrategyStateService } from './strategy-state.service.ts';

type Placement = PlanResult['placements'][number];

/**
 * The plan of a mission's strategy: its horizons and locks, the optimal plan's solve (a job of the queue, run by
 * `StrategyPlanner`) and its approval, which carries the plan into the follow-up.
 */
export class PlanService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly planner: StrategyPlanner,
    private readonly states: StrategyStateService,
    private readonly now: () => Date,
  ) {}

  async setHorizons(ctx: RequestContext, missionId: string, input: HorizonsInput) {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      await ensureStarted(repos, ctx, mission);
      const before = presentHorizons(await repos.strategy.horizons(missionId));
      await repos.strategy.setHorizons(missionId, input.horizons);
      await auditStrategy(repos, ctx, mission, {
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
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
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
      await auditStrategy(repos, ctx, mission, {
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

  /** Stores the run with its frozen problem, then queues its solve; the web polls `plan` for its progress. */
  async requestPlan(ctx: RequestContext, missionId: string, input: PlanOptions) {
    // A run whose job is gone is settled first (outside the transaction: the queue reads on its own connection).
    const latest = await this.uow.read(async (repos) => {
      await missionFor(repos, ctx.actor, missionId, 'update');
      return repos.strategyPlans.latestRun(missionId);
    });
    if (latest) await this.planner.settleIfLost(latest);
    const run = await this.uow.write((repos) => this.storeRun(repos, ctx, missionId, input));
    try {
      await this.planner.launch(run.id);
    } catch (error) {
      await this.uow.write((repos) =>
        repos.strategyPlans.failRun(run.id, 'PLAN_FAILED', error instanceof Error ? error.message : String(error)),
      );
      throw error;
    }
    return presentRun(run);
  }

  private async storeRun(repos: Repositories, ctx: RequestContext, missionId: string, input: PlanOptions) {
    const mission = await missionFor(repos, ctx.actor, missionId, 'update');
    await ensureStarted(repos, ctx, mission);
    // One request at a time per mission, across instances.
    await repos.strategyPlans.lockMissionPlans(missionId);
    const latest = await repos.strategyPlans.latestRun(missionId);
    if (latest?.status === 'running') throw new ConflictError('PLAN_ALREADY_RUNNING');
    const snapshot = await takeSnapshot(repos, mission, {
      fundingBasis: input.fundingBasis ?? 'requested',
      carryOver: input.carryOver ?? false,
      ...(input.balance ? { balance: input.balance } : {}),
    });
    // Without money the optimal plan is empty: ask for the budgets rather than report an empty "optimal" plan.
    if (hasNoBudget(snapshot.horizons)) throw new ValidationError('PLAN_NEEDS_BUDGET', { field: 'horizons' });
    const run = await repos.strategyPlans.insertRun({
      missionId,
      status: 'running',
      progress: 0,
      step: 'queued',
      problem: snapshot,
      locks: snapshot.locks,
      timeLimitSeconds: input.timeLimitSeconds,
      relativeGap: input.relativeGap,
      requestedBy: userIdOf(ctx.actor),
      // The system's own requests (the demo) are named like in the audit log: « (démo) ».
      requestedByName:
        ctx.actor.kind === 'user' ? ctx.actor.email : ctx.actor.kind === 'system' ? `(${ctx.actor.label})` : null,
    });
    await auditStrategy(repos, ctx, mission, {
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
    return run;
  }

  /** The latest plan, with its progress while it runs, and whether the data changed since. */
  async plan(actor: Actor, missionId: string): Promise<PlanState> {
    const latest = await this.uow.read(async (repos) => {
      await missionFor(repos, actor, missionId, 'read');
      return repos.strategyPlans.latestRun(missionId);
    });
    if (latest && (await this.planner.settleIfLost(latest))) return this.plan(actor, missionId);
    return this.uow.read(async (repos) => {
      const mission = await missionFor(repos, actor, missionId, 'read');
      const row = await repos.strategyPlans.latestRun(missionId);
      if (!row) return { run: null, stale: false };
      return { run: presentRun(row), stale: await isStale(repos, mission, row.problem) };
    });
  }

  /**
   * Approves the projects the latest plan places: the plan the consultant and the commune agree on becomes the
   * projects the implementation follows. Only a computed plan that still matches the data can be approved.
   */
  async approvePlan(ctx: RequestContext, missionId: string): Promise<StrategyState> {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'update');
      const row = await repos.strategyPlans.latestRun(missionId);
      const result = row?.status === 'done' ? presentRun(row).result : null;
      if (!row || !result) throw new ConflictError('PLAN_NOT_COMPUTED');
      if (await isStale(repos, mission, row.problem)) throw new ConflictError('PLAN_STALE');
      if (result.placements.length === 0) throw new ConflictError('PLAN_EMPTY');
      const projects = new Map((await repos.strategy.projects(missionId)).map((p) => [p.id, p]));
      const approved: string[] = [];
      const baselines: Record<string, PlanBaseline> = {};
      const approvedAt = this.now().toISOString();
      for (const placement of result.placements) {
        const project = projects.get(placement.projectId);
        if (!project) continue;
        if (project.status !== 'approved') {
          await repos.strategy.updateProject(project.id, { status: 'approved' });
          approved.push(project.title);
        }
        const baseline = await carryIntoFollowUp(repos, project, placement, result, { runId: row.id, approvedAt });
        if (baseline) baselines[project.id] = baseline;
      }
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.plan.approve',
        entityType: 'plan_run',
        entityId: row.id,
        after: { approved, placements: result.placements, baselines },
      });
    });
    return this.states.state(ctx.actor, missionId);
  }
}

/**
 * The plan reaches the follow-up: the project's months, its cost by year and its funding. What the follow-up
 * already records is the consultant's: the plan only fills what is empty. Answers the baseline, or null when the
 * plan has no roadmap row for the project.
 */
async function carryIntoFollowUp(
  repos: Repositories,
  project: ProjectRecord,
  { projectId, horizon }: Placement,
  result: PlanResult,
  plan: { runId: string; approvedAt: string },
): Promise<PlanBaseline | null> {
  const span = result.roadmap?.rows.find((r) => r.projectId === projectId);
  if (!span) return null;
  const funding = result.costs?.[projectId] ?? projectFunding(presentProject(project), 'requested');
  const baseline = baselineOf({
    planRunId: plan.runId,
    approvedAt: plan.approvedAt,
    horizon,
    startMonth: span.startMonth,
    endMonth: span.endMonth,
    investment: funding.investment,
    funding: funding.funding,
  });
  const followUp = (await repos.implementation.project(projectId))?.followUp ?? null;
  const budget = (followUp?.budget ?? []) as BudgetLine[];
  const lines = (presentProject(project).funding ?? []).map((line) => ({
    name: line.name,
    amount: fundingAmount(line, project.investmentCost),
    granted: line.status === 'granted',
  }));
  await repos.implementation.upsertFollowUp(projectId, {
    planBaseline: baseline,
    ...(budget.every((l) => l.planned === 0 && l.committed === 0 && l.spent === 0)
      ? { budget: initialBudget(baseline) }
      : {}),
    ...(((followUp?.funding ?? []) as unknown[]).length === 0 ? { funding: initialFunding(lines) } : {}),
  });
  return baseline;
}
