import { type HistoryEvent, historyLine, storedHistory } from '../../domain/implementation/history.ts';
import type { ProjectFollowUp } from '../../domain/implementation/implementation-api.ts';
import { type PlanAgainstActual, PlanBaseline, planAgainstActual } from '../../domain/implementation/plan-baseline.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, permissionsOf, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { followUpOf, implementationStarted, type Loaded } from './implementation.presenter.ts';
import type { FollowedProject } from './implementation.repository.ts';

export type Action = 'read' | 'create' | 'update' | 'delete';
type ProjectResource = 'implementation' | 'procurement' | 'implementation_publication';

/** What a change writes beside the history line: the audit entry's details. */
export type ChangeRecord = {
  event: HistoryEvent;
  entityType?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
};

/**
 * What every use case of the implementation shares: the project a caller may act on (policy on its commune), the
 * project loaded with what summaries and alerts need, the audit entry and history line of a change, and the
 * follow-up as the project page shows it.
 */
export class ImplementationCore {
  constructor(
    readonly uow: UnitOfWork,
    readonly now: () => Date,
  ) {}

  today(): string {
    return belgianToday(this.now());
  }

  /** The approved project, if the actor may act on it; a change needs the mission in its implementation phase. */
  async project(
    repos: Repositories,
    actor: Actor,
    projectId: string,
    action: Action,
    type: ProjectResource = 'implementation',
  ): Promise<FollowedProject> {
    const project = await repos.implementation.project(projectId);
    if (!project) throw new NotFoundError('IMPLEMENTATION_PROJECT_NOT_FOUND');
    authorize(actor, action, { type, communeNis: project.communeNis });
    if (project.sheetStatus !== 'approved') throw new NotFoundError('IMPLEMENTATION_PROJECT_NOT_FOUND');
    if (action !== 'read' && !implementationStarted(project.missionPhase)) {
      throw new ConflictError('IMPLEMENTATION_NOT_STARTED');
    }
    return project;
  }

  async load(repos: Repositories, projects: FollowedProject[]): Promise<Loaded[]> {
    const ids = projects.map((p) => p.id);
    const [milestones, procurements] = await Promise.all([
      repos.implementation.milestones(ids),
      repos.implementation.procurements(ids),
    ]);
    return projects.map((p) => ({
      ...p,
      status: p.followUp?.status ?? 'planned',
      progress: p.followUp?.progress ?? 0,
      budget: p.followUp?.budget ?? [],
      milestones: milestones.filter((m) => m.projectId === p.id),
      procurement: procurements.find((r) => r.projectId === p.id) ?? null,
    }));
  }

  /** The followed projects an actor may see, loaded with what alerts need. */
  async visibleProjects(repos: Repositories, actor: Actor): Promise<Loaded[]> {
    const scope = readScope(actor, 'implementation');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const projects = await repos.implementation.followed(
      scope.kind === 'commune' ? { communeNis: scope.communeNis } : {},
    );
    return this.load(repos, projects);
  }

  /** Plan against actual for the projects that came from an approved plan. */
  async planAgainstActualOf(
    repos: Repositories,
    projects: readonly Loaded[],
    today: string,
  ): Promise<PlanAgainstActual> {
    const withBaseline = projects.flatMap((p) => {
      const parsed = PlanBaseline.safeParse(p.followUp?.planBaseline);
      return parsed.success ? [{ p, baseline: parsed.data }] : [];
    });
    const starts = await repos.implementation.actualStarts(withBaseline.map(({ p }) => p.id));
    return planAgainstActual(
      withBaseline.map(({ p, baseline }) => ({
        projectId: p.id,
        title: p.title,
        baseline,
        budget: p.budget,
        actualStart: starts.get(p.id) ?? null,
      })),
      today,
    );
  }

  /** The audit entry and the project's history line of one change, in the change's transaction. */
  async record(repos: Repositories, ctx: RequestContext, project: FollowedProject, change: ChangeRecord) {
    const { action, params } = storedHistory(change.event);
    await repos.audit.record(
      auditOf(ctx, {
        action,
        entityType: change.entityType ?? 'project_follow_up',
        entityId: change.entityId ?? project.id,
        communeNis: project.communeNis,
        before: change.before,
        after: change.after,
      }),
    );
    await repos.implementation.addHistory({
      projectId: project.id,
      at: this.now(),
      actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      actorName: await this.actorName(repos, ctx),
      action,
      summary: historyLine(change.event, 'fr'),
      params,
    });
  }

  private async actorName(repos: Repositories, ctx: RequestContext): Promise<string> {
    if (ctx.actor.kind === 'user') return (await repos.users.findById(ctx.actor.id))?.displayName ?? ctx.actor.email;
    return ctx.actor.kind === 'system' ? `(${ctx.actor.label})` : '(public)';
  }

  /** The follow-up as the project page shows it, with what the actor may do with it (from the policy). */
  async present(repos: Repositories, actor: Actor, project: FollowedProject): Promise<ProjectFollowUp> {
    const today = this.today();
    const [p] = await this.load(repos, [project]);
    const [indicators, documents, history, plan] = await Promise.all([
      repos.implementation.indicators([project.id]),
      repos.implementation.documents(project.id),
      repos.implementation.history(project.id),
      this.planAgainstActualOf(repos, [p!], today),
    ]);
    const communeNis = project.communeNis;
    return followUpOf(p!, {
      indicators,
      documents,
      history,
      planAgainstActual: plan.projects[0] ?? null,
      today,
      permissions: permissionsOf(actor, {
        edit: ['update', { type: 'implementation', communeNis }],
        procurement: ['update', { type: 'procurement', communeNis }],
        publish: ['update', { type: 'implementation_publication', communeNis }],
      }),
    });
  }
}
