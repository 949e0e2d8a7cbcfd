import type { Solution } from '../../domain/catalogue/solutions.ts';
import { SolutionInput } from '../../domain/catalogue/solutions.ts';
import { solutionFromWatchItem, type WatchItem, type WatchItemInput } from '../../domain/watch/watch-items.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { CatalogueService } from '../catalogue/catalogue.service.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { presentWatchItem } from './watch.presenter.ts';
import type { WatchItemRow } from './watch.repository.ts';

/** The technology watch: items, the feed of recent ones, and promotion of a watched product into the catalogue. */
export class WatchService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly catalogue: CatalogueService,
  ) {}

  private async present(repos: Repositories, actor: Actor, rows: WatchItemRow[]): Promise<WatchItem[]> {
    const solutions = await repos.catalogue.solutions([...new Set(rows.flatMap((r) => r.solutionIds))]);
    return rows.map((row) => presentWatchItem(row, solutions, actor));
  }

  async feed(actor: Actor, query: { tag?: string; category?: string; limit: number }): Promise<WatchItem[]> {
    authorize(actor, 'read', { type: 'watch' });
    return this.uow.read(async (repos) => this.present(repos, actor, await repos.watch.feed(query)));
  }

  async item(actor: Actor, id: string): Promise<WatchItem> {
    authorize(actor, 'read', { type: 'watch' });
    return this.uow.read(async (repos) => {
      const row = await repos.watch.item(id);
      if (!row) throw new NotFoundError('WATCH_ITEM_NOT_FOUND');
      return (await this.present(repos, actor, [row]))[0]!;
    });
  }

  private async checkSolutions(repos: Repositories, ids: string[]) {
    const unique = [...new Set(ids)];
    if ((await repos.catalogue.solutions(unique)).length !== unique.length)
      throw new ValidationError('SOLUTION_NOT_FOUND');
    return unique;
  }

  async create(ctx: RequestContext, input: WatchItemInput): Promise<WatchItem> {
    authorize(ctx.actor, 'create', { type: 'watch' });
    return this.uow.write(async (repos) => {
      const solutionIds = await this.checkSolutions(repos, input.solutionIds);
      const row = await repos.watch.insert({
        ...input,
        solutionIds,
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'watch.item.create',
          entityType: 'watch_item',
          entityId: row.id,
          after: input,
          communeNis: null,
        }),
      );
      return (await this.present(repos, ctx.actor, [row]))[0]!;
    });
  }

  async update(ctx: RequestContext, id: string, input: WatchItemInput): Promise<WatchItem> {
    authorize(ctx.actor, 'update', { type: 'watch' });
    return this.uow.write(async (repos) => {
      const before = await repos.watch.item(id);
      if (!before) throw new NotFoundError('WATCH_ITEM_NOT_FOUND');
      const solutionIds = await this.checkSolutions(repos, input.solutionIds);
      const row = await repos.watch.update(id, { ...input, solutionIds });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'watch.item.update',
          entityType: 'watch_item',
          entityId: id,
          before,
          after: input,
          communeNis: null,
        }),
      );
      return (await this.present(repos, ctx.actor, [row]))[0]!;
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    authorize(ctx.actor, 'delete', { type: 'watch' });
    await this.uow.write(async (repos) => {
      const before = await repos.watch.item(id);
      if (!before) throw new NotFoundError('WATCH_ITEM_NOT_FOUND');
      await repos.watch.delete(id);
      await repos.audit.record(
        auditOf(ctx, { action: 'watch.item.delete', entityType: 'watch_item', entityId: id, before, communeNis: null }),
      );
    });
  }

  /** Creates a solution under watch, prefilled from the item, and links the item to it. */
  async promote(ctx: RequestContext, id: string, overrides: { name?: string; vendor?: string }): Promise<Solution> {
    authorize(ctx.actor, 'create', { type: 'watch' });
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    const solutionId = await this.uow.write(async (repos) => {
      const item = await repos.watch.item(id);
      if (!item) throw new NotFoundError('WATCH_ITEM_NOT_FOUND');
      if (item.categories.length === 0) throw new ConflictError('WATCH_ITEM_NEEDS_CATEGORY');
      const input = SolutionInput.parse(solutionFromWatchItem(item, overrides));
      const solution = await this.catalogue.solutions.insertWithin(repos, ctx.actor, input);
      await repos.watch.update(id, { solutionIds: [...item.solutionIds, solution.id] });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'watch.item.promote',
          entityType: 'solution',
          entityId: solution.id,
          after: { watchItemId: id, solution: input },
          communeNis: null,
        }),
      );
      return solution.id;
    });
    return this.catalogue.solution(ctx.actor, solutionId);
  }
}
