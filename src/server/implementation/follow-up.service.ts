import {
  checkStatusChange,
  type FollowUpUpdateInput,
  type StatusChangeInput,
} from '../../domain/implementation/follow-up.ts';
import type {
  MissionImplementation,
  ProjectFollowUp,
  PublishInput,
} from '../../domain/implementation/implementation-api.ts';
import { type Actor, authorize, permissionsOf } from '../auth/policy.ts';
import { NotFoundError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { implementationStarted, summaryOf } from './implementation.presenter.ts';
import type { ImplementationCore } from './implementation-core.ts';

/** A project's follow-up: the mission's projects at a glance, one project's page, its status, figures, publication. */
export class FollowUpService {
  constructor(private readonly core: ImplementationCore) {}

  async missionImplementation(actor: Actor, missionId: string): Promise<MissionImplementation> {
    return this.core.uow.read(async (repos) => {
      const mission = await repos.missions.find(missionId);
      if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
      const communeNis = mission.communeNis;
      authorize(actor, 'read', { type: 'implementation', communeNis });
      const today = this.core.today();
      const projects = await this.core.load(repos, await repos.implementation.missionProjects(missionId));
      return {
        missionId,
        communeNis,
        phase: mission.phase,
        started: implementationStarted(mission.phase),
        projects: projects.map((p) => summaryOf(p, today)),
        permissions: permissionsOf(actor, { edit: ['update', { type: 'implementation', communeNis }] }),
        planAgainstActual: await this.core.planAgainstActualOf(repos, projects, today),
      };
    });
  }

  async followUp(actor: Actor, projectId: string): Promise<ProjectFollowUp> {
    return this.core.uow.read(async (repos) => {
      const project = await this.core.project(repos, actor, projectId, 'read');
      return this.core.present(repos, actor, project);
    });
  }

  async changeStatus(ctx: RequestContext, projectId: string, input: StatusChangeInput): Promise<ProjectFollowUp> {
    return this.core.uow.write(async (repos) => {
      const project = await this.core.project(repos, ctx.actor, projectId, 'update');
      const from = project.followUp?.status ?? 'planned';
      const { progressAtLeast } = checkStatusChange(from, input.status, input.reason);
      const reason = input.reason?.trim() || null;
      const progress = Math.max(project.followUp?.progress ?? 0, progressAtLeast ?? 0);
      const saved = await repos.implementation.upsertFollowUp(projectId, {
        status: input.status,
        statusReason: reason,
        progress,
      });
      await this.core.record(repos, ctx, project, {
        event: { action: 'implementation.status', from, to: input.status, reason },
        before: { status: from },
        after: { status: saved.status, reason, progress },
      });
      return this.core.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }

  async updateFollowUp(ctx: RequestContext, projectId: string, input: FollowUpUpdateInput): Promise<ProjectFollowUp> {
    return this.core.uow.write(async (repos) => {
      const project = await this.core.project(repos, ctx.actor, projectId, 'update');
      const before = project.followUp;
      const patch = {
        ...(input.progress === undefined ? {} : { progress: input.progress }),
        ...(input.budget === undefined ? {} : { budget: [...input.budget].sort((a, b) => a.year - b.year) }),
        ...(input.funding === undefined ? {} : { funding: input.funding }),
        ...(input.risks === undefined ? {} : { risks: input.risks }),
      };
      const saved = await repos.implementation.upsertFollowUp(projectId, patch);
      await this.core.record(repos, ctx, project, {
        event: {
          action: 'implementation.update',
          progressFrom: before?.progress ?? 0,
          progressTo: input.progress ?? null,
          budget: input.budget !== undefined,
          funding: input.funding !== undefined,
          risks: input.risks?.length ?? null,
        },
        before: before
          ? { progress: before.progress, budget: before.budget, funding: before.funding, risks: before.risks }
          : null,
        after: patch,
      });
      return this.core.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }

  async publish(ctx: RequestContext, projectId: string, input: PublishInput): Promise<ProjectFollowUp> {
    const { published } = input;
    return this.core.uow.write(async (repos) => {
      const project = await this.core.project(repos, ctx.actor, projectId, 'update', 'implementation_publication');
      const wasPublished = project.followUp?.published ?? false;
      const hadAmounts = project.followUp?.publishAmounts ?? false;
      // Amounts are shown only with the project: withdrawing it withdraws them too.
      const publishAmounts = published ? (input.publishAmounts ?? hadAmounts) : false;
      const now = this.core.now();
      const saved = await repos.implementation.upsertFollowUp(projectId, {
        published,
        publishAmounts,
        publishedAt: published ? (wasPublished ? (project.followUp?.publishedAt ?? now) : now) : null,
      });
      await this.core.record(repos, ctx, project, {
        event: { action: published ? 'implementation.publish' : 'implementation.unpublish' },
        before: { published: wasPublished, publishAmounts: hadAmounts },
        after: { published, publishAmounts },
      });
      return this.core.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }
}
