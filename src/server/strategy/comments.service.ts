import type { CommentCreateInput } from '../../domain/strategy/strategy-api.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentComment } from './strategy.presenter.ts';
import { auditStrategy, missionFor, userIdOf } from './strategy-core.ts';

/** The comments on the project sheets: agency staff and the commune's editors write them. */
export class CommentsService {
  constructor(private readonly uow: UnitOfWork) {}

  async comments(actor: Actor, projectId: string) {
    return this.uow.read(async (repos) => {
      const project = await repos.strategy.project(projectId);
      if (!project) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await missionFor(repos, actor, project.missionId, 'read', 'strategy_comment');
      return (await repos.strategy.comments(projectId)).map((c) =>
        presentComment(
          c,
          can(actor, 'delete', { type: 'strategy_comment', communeNis: mission.communeNis, ownerId: c.authorId ?? '' }),
        ),
      );
    });
  }

  async createComment(ctx: RequestContext, projectId: string, input: CommentCreateInput) {
    await this.uow.write(async (repos) => {
      const project = await repos.strategy.project(projectId);
      if (!project) throw new NotFoundError('STRATEGY_PROJECT_NOT_FOUND');
      const mission = await missionFor(repos, ctx.actor, project.missionId, 'create', 'strategy_comment');
      const author = ctx.actor.kind === 'user' ? await repos.users.findById(ctx.actor.id) : null;
      const created = await repos.strategy.insertComment({
        projectId,
        authorId: userIdOf(ctx.actor),
        authorName: author?.displayName ?? (ctx.actor.kind === 'system' ? ctx.actor.label : '—'),
        body: input.body,
      });
      await auditStrategy(repos, ctx, mission, {
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
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.comment.delete',
        entityType: 'project_comment',
        entityId: commentId,
        before: { projectId: comment.projectId, authorName: comment.authorName, body: comment.body },
      });
    });
  }
}
