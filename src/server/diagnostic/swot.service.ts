import {
  mergeSwotItems,
  reorderSwotCategory,
  type SwotItem,
  type SwotItemInput,
  type SwotItemUpdateInput,
  type SwotMergeInput,
  type SwotReorderInput,
  type SwotResponse,
} from '../../domain/diagnostic/swot.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { SwotRow } from './diagnostic.repository.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';
import { auditableSwot, presentSwotItem } from './swot.presenter.ts';

/** The SWOT of a mission's diagnostic: items by category and position, linked to the interviews they come from. */
export class SwotService {
  constructor(private readonly core: DiagnosticCore) {}

  async list(actor: Actor, missionId: string): Promise<SwotResponse> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const rows = await repos.diagnostic.swot.listSwot(missionId);
      return {
        missionId,
        communeNis: mission.communeNis,
        items: rows.map(presentSwotItem),
        permissions: { edit: this.core.canEdit(actor, mission.communeNis) },
      };
    });
  }

  private async checkInterviewIds(repos: Repositories, missionId: string, ids: readonly string[]) {
    if (ids.length === 0) return;
    const known = new Set((await repos.diagnostic.interviews.listInterviews(missionId)).map((r) => r.id));
    if (ids.some((id) => !known.has(id)))
      throw new ValidationError('SWOT_INTERVIEW_UNKNOWN', { field: 'interviewIds' });
  }

  private async itemOf(repos: Repositories, missionId: string, itemId: string) {
    const [row] = await repos.diagnostic.swot.findSwotItems([itemId]);
    if (!row || row.missionId !== missionId) throw new NotFoundError('SWOT_ITEM_NOT_FOUND');
    return row;
  }

  async create(ctx: RequestContext, missionId: string, input: SwotItemInput): Promise<SwotItem> {
    const created = await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'create');
      await this.checkInterviewIds(repos, missionId, input.interviewIds);
      const row = await repos.diagnostic.swot.insertSwot({
        missionId,
        category: input.category,
        text: input.text,
        position: await repos.diagnostic.swot.nextSwotPosition(missionId, input.category),
        dimensions: input.dimensions,
        interviewIds: [...new Set(input.interviewIds)],
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.create',
          entityType: 'swot_item',
          entityId: row.id,
          communeNis: mission.communeNis,
          after: auditableSwot(row),
        }),
      );
      return row;
    });
    return presentSwotItem(created);
  }

  async update(ctx: RequestContext, missionId: string, itemId: string, input: SwotItemUpdateInput): Promise<SwotItem> {
    const updated = await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      const before = await this.itemOf(repos, missionId, itemId);
      if (input.interviewIds) await this.checkInterviewIds(repos, missionId, input.interviewIds);
      const moved = input.category !== undefined && input.category !== before.category;
      await repos.diagnostic.swot.updateSwot(itemId, {
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.dimensions !== undefined ? { dimensions: input.dimensions } : {}),
        ...(input.interviewIds !== undefined ? { interviewIds: [...new Set(input.interviewIds)] } : {}),
        ...(moved
          ? {
              category: input.category!,
              position: await repos.diagnostic.swot.nextSwotPosition(missionId, input.category!),
            }
          : {}),
      });
      const after = await this.itemOf(repos, missionId, itemId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.update',
          entityType: 'swot_item',
          entityId: itemId,
          communeNis: mission.communeNis,
          before: auditableSwot(before),
          after: auditableSwot(after),
        }),
      );
      return after;
    });
    return presentSwotItem(updated);
  }

  async delete(ctx: RequestContext, missionId: string, itemId: string): Promise<void> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'delete');
      const before = await this.itemOf(repos, missionId, itemId);
      await repos.diagnostic.swot.deleteSwot([itemId]);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.delete',
          entityType: 'swot_item',
          entityId: itemId,
          communeNis: mission.communeNis,
          before: auditableSwot(before),
        }),
      );
    });
  }

  async reorder(ctx: RequestContext, missionId: string, input: SwotReorderInput): Promise<SwotResponse> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      const current = (await repos.diagnostic.swot.listSwot(missionId)).filter((r) => r.category === input.category);
      let positions: Map<string, number>;
      try {
        positions = reorderSwotCategory(
          current.map((r) => r.id),
          input.itemIds,
        );
      } catch {
        throw new ValidationError('SWOT_REORDER_MISMATCH', { field: 'itemIds' });
      }
      for (const [id, position] of positions) await repos.diagnostic.swot.updateSwot(id, { position });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.reorder',
          entityType: 'swot',
          entityId: missionId,
          communeNis: mission.communeNis,
          before: { category: input.category, order: current.map((r) => r.id) },
          after: { category: input.category, order: input.itemIds },
        }),
      );
    });
    return this.list(ctx.actor, missionId);
  }

  /** The items to merge, in the order given, all of this mission. */
  private async itemsToMerge(repos: Repositories, missionId: string, ids: readonly string[]): Promise<SwotRow[]> {
    const rows = await repos.diagnostic.swot.findSwotItems(ids);
    if (rows.length !== ids.length || rows.some((r) => r.missionId !== missionId)) {
      throw new ValidationError('SWOT_ITEM_UNKNOWN', { field: 'itemIds' });
    }
    return ids.map((id) => rows.find((r) => r.id === id)!);
  }

  async merge(ctx: RequestContext, missionId: string, input: SwotMergeInput): Promise<SwotItem> {
    const merged = await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      const ids = [...new Set(input.itemIds)];
      const ordered = await this.itemsToMerge(repos, missionId, ids);
      let result: (typeof ordered)[number];
      try {
        result = mergeSwotItems(
          ordered.map((r) => ({ ...r, dimensions: r.dimensions as Dimension[] })),
          input.text,
        );
      } catch {
        throw new ValidationError('SWOT_MERGE_CATEGORIES', { field: 'itemIds' });
      }
      await repos.diagnostic.swot.updateSwot(result.id, {
        text: result.text,
        dimensions: result.dimensions,
        interviewIds: result.interviewIds,
      });
      await repos.strategy.moveSwotLinks(ids.slice(1), result.id);
      await repos.diagnostic.swot.deleteSwot(ids.slice(1));
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.merge',
          entityType: 'swot_item',
          entityId: result.id,
          communeNis: mission.communeNis,
          before: { items: ordered.map(auditableSwot) },
          after: auditableSwot(result),
        }),
      );
      return this.itemOf(repos, missionId, result.id);
    });
    return presentSwotItem(merged);
  }
}
