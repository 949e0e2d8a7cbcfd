import {
  numberObjectives,
  type ObjectiveCreateInput,
  type ObjectiveUpdateInput,
} from '../../domain/strategy/objectives.ts';
import type { Actor } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { auditStrategy, ensureStarted, missionFor } from './strategy-core.ts';

/** The PST structure of a mission's strategy: strategic objectives and the operational ones under them. */
export class ObjectivesService {
  constructor(private readonly uow: UnitOfWork) {}

  async objectives(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      await missionFor(repos, actor, missionId, 'read');
      return numberObjectives(await repos.strategy.objectives(missionId));
    });
  }

  async createObjective(ctx: RequestContext, missionId: string, input: ObjectiveCreateInput) {
    await this.uow.write(async (repos) => {
      const mission = await missionFor(repos, ctx.actor, missionId, 'create');
      await ensureStarted(repos, ctx, mission);
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
      await auditStrategy(repos, ctx, mission, {
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
      const mission = await missionFor(repos, ctx.actor, row.missionId, 'update');
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
      await auditStrategy(repos, ctx, mission, {
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
      const mission = await missionFor(repos, ctx.actor, row.missionId, 'delete');
      await repos.strategy.deleteObjective(objectiveId);
      await auditStrategy(repos, ctx, mission, {
        action: 'strategy.objective.delete',
        entityType: 'objective',
        entityId: objectiveId,
        before: { parentId: row.parentId, title: row.title, description: row.description },
      });
    });
  }
}
