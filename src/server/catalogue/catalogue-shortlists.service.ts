import {
  assertOutcome,
  type OutcomeInput,
  type Shortlist,
  type ShortlistInput,
  type ShortlistUpdateInput,
} from '../../domain/catalogue/shortlists.ts';
import type { Solution, SolutionStatus } from '../../domain/catalogue/solutions.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentShortlist, shortlistFacts } from './catalogue.presenter.ts';
import type { ShortlistRow } from './catalogue.repository.ts';
import { recordAudit, rule, shortlistPermissions, userIdOf, visibleStatuses } from './catalogue-access.ts';
import type { CatalogueSolutions } from './catalogue-solutions.service.ts';

/** The buyer's shortlists, kept per commune: solutions kept from searches, their export, and the outcome. */
export class CatalogueShortlists {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly solutions: CatalogueSolutions,
    private readonly now: () => Date,
  ) {}

  private present(actor: Actor, row: ShortlistRow): Shortlist {
    return presentShortlist(row, shortlistPermissions(actor, row.communeNis));
  }

  async shortlists(actor: Actor): Promise<Shortlist[]> {
    authorize(actor, 'read', { type: 'catalogue_shortlist' });
    const all = can(actor, 'read', { type: 'catalogue_shortlist', communeNis: null });
    const communeNis = actor.kind === 'user' ? actor.communeNis : null;
    const rows = await this.uow.read((repos) =>
      repos.catalogue.shortlists(all ? {} : { communeNis: communeNis ?? '-----' }),
    );
    return rows.map((row) => this.present(actor, row));
  }

  private async load(repos: Repositories, actor: Actor, id: string, action: 'read' | 'update' | 'delete') {
    const row = await repos.catalogue.shortlist(id);
    if (!row) throw new NotFoundError('SHORTLIST_NOT_FOUND');
    authorize(actor, action, { type: 'catalogue_shortlist', communeNis: row.communeNis });
    return row;
  }

  async shortlist(actor: Actor, id: string): Promise<Shortlist> {
    return this.uow.read(async (repos) => this.present(actor, await this.load(repos, actor, id, 'read')));
  }

  /**
   * The shortlist and its solutions, in its order, for the exports. A solution moved back under watch since it was
   * shortlisted is no longer offered to buyers: the export leaves it out, for everyone (audit finding 12).
   */
  async shortlistWithSolutions(actor: Actor, id: string): Promise<{ shortlist: Shortlist; solutions: Solution[] }> {
    return this.uow.read(async (repos) => {
      const row = await this.load(repos, actor, id, 'read');
      const offered: SolutionStatus[] = visibleStatuses(actor).filter((status) => status !== 'watch');
      const rows = (await repos.catalogue.solutions(row.solutionIds)).filter((r) => offered.includes(r.status));
      const solutions = await this.solutions.present(repos, actor, rows);
      return {
        shortlist: this.present(actor, row),
        solutions: row.solutionIds.map((sid) => solutions.find((s) => s.id === sid)).filter((s) => s !== undefined),
      };
    });
  }

  private async checkSolutionsVisible(repos: Repositories, actor: Actor, ids: string[]) {
    const rows = await repos.catalogue.solutions([...new Set(ids)]);
    const visible = visibleStatuses(actor);
    if (rows.filter((r) => visible.includes(r.status)).length !== new Set(ids).size) {
      throw new ValidationError('SOLUTION_NOT_FOUND');
    }
  }

  async createShortlist(ctx: RequestContext, input: ShortlistInput): Promise<Shortlist> {
    const actor = ctx.actor;
    // A commune user's shortlist is their commune's, whatever the body says.
    const communeNis =
      actor.kind === 'user' && actor.communeNis ? (input.communeNis ?? actor.communeNis) : input.communeNis;
    authorize(actor, 'create', { type: 'catalogue_shortlist', communeNis });
    return this.uow.write(async (repos) => {
      await this.checkSolutionsVisible(repos, actor, input.solutionIds);
      if (communeNis && !(await repos.catalogue.communeExists(communeNis))) {
        throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
      }
      const row = await repos.catalogue.insertShortlist({
        name: input.name,
        communeNis,
        ownerId: userIdOf(actor),
        solutionIds: [...new Set(input.solutionIds)],
        savedSearchId: input.savedSearchId,
      });
      await recordAudit(repos, ctx, {
        action: 'catalogue.shortlist.create',
        entityType: 'shortlist',
        entityId: row.id,
        after: input,
        communeNis,
      });
      return this.present(actor, row);
    });
  }

  async updateShortlist(ctx: RequestContext, id: string, input: ShortlistUpdateInput): Promise<Shortlist> {
    return this.uow.write(async (repos) => {
      const row = await this.load(repos, ctx.actor, id, 'update');
      if (input.solutionIds) await this.checkSolutionsVisible(repos, ctx.actor, input.solutionIds);
      const updated = await repos.catalogue.updateShortlist(id, {
        ...(input.name ? { name: input.name } : {}),
        ...(input.solutionIds ? { solutionIds: [...new Set(input.solutionIds)] } : {}),
      });
      await recordAudit(repos, ctx, {
        action: 'catalogue.shortlist.update',
        entityType: 'shortlist',
        entityId: id,
        before: shortlistFacts(row),
        after: input,
        communeNis: row.communeNis,
      });
      return this.present(ctx.actor, updated);
    });
  }

  async recordOutcome(ctx: RequestContext, id: string, outcome: OutcomeInput): Promise<Shortlist> {
    return this.uow.write(async (repos) => {
      const row = await this.load(repos, ctx.actor, id, 'update');
      rule(() => assertOutcome(outcome, row.solutionIds));
      const updated = await repos.catalogue.updateShortlist(id, {
        outcomeKind: outcome.kind,
        outcomeSolutionId: outcome.kind === 'chosen' ? outcome.solutionId : null,
        outcomeReason: outcome.reason,
        outcomeAt: this.now(),
      });
      await recordAudit(repos, ctx, {
        action: 'catalogue.shortlist.outcome',
        entityType: 'shortlist',
        entityId: id,
        before: shortlistFacts(row).outcome,
        after: outcome,
        communeNis: row.communeNis,
      });
      return this.present(ctx.actor, updated);
    });
  }

  async deleteShortlist(ctx: RequestContext, id: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const row = await this.load(repos, ctx.actor, id, 'delete');
      await repos.catalogue.deleteShortlist(id);
      await recordAudit(repos, ctx, {
        action: 'catalogue.shortlist.delete',
        entityType: 'shortlist',
        entityId: id,
        before: shortlistFacts(row),
        communeNis: row.communeNis,
      });
    });
  }
}
