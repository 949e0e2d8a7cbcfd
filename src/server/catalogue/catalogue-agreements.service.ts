import {
  type Agreement,
  type AgreementInput,
  type AgreementUpdateInput,
  checkAgreementChange,
  type LotInput,
} from '../../domain/catalogue/agreements.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { presentAgreement } from './catalogue.presenter.ts';
import { agreementPermissions, recordAudit, rule, userIdOf, visibleStatuses } from './catalogue-access.ts';

/** Framework agreements and their lots (agency staff), and the communes' adhesions. */
export class CatalogueAgreements {
  constructor(private readonly uow: UnitOfWork) {}

  private async present(repos: Repositories, actor: Actor, ids: string[]): Promise<Agreement[]> {
    const rows = (await repos.catalogue.agreements()).filter((a) => ids.includes(a.id));
    const lots = await repos.catalogue.lots(ids);
    const [offers, totals, adhesions] = await Promise.all([
      repos.catalogue.lotSolutions(lots.map((l) => l.id)),
      repos.catalogue.orderedTotals(ids),
      repos.catalogue.adhesions(ids),
    ]);
    const visible = visibleStatuses(actor);
    return rows.map((row) => {
      const own = adhesions.filter((a) => a.agreementId === row.id);
      return presentAgreement(
        row,
        lots,
        offers.filter((o) => visible.includes(o.status)),
        totals,
        own.filter((a) => can(actor, 'read', { type: 'catalogue_adhesion', communeNis: a.communeNis })),
        agreementPermissions(
          actor,
          own.map((a) => a.communeNis),
        ),
      );
    });
  }

  async agreements(actor: Actor): Promise<Agreement[]> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const ids = (await repos.catalogue.agreements()).map((a) => a.id);
      return this.present(repos, actor, ids);
    });
  }

  async agreement(actor: Actor, id: string): Promise<Agreement> {
    authorize(actor, 'read', { type: 'catalogue' });
    return this.uow.read(async (repos) => {
      const [agreement] = await this.present(repos, actor, [id]);
      if (!agreement) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      return agreement;
    });
  }

  async createAgreement(ctx: RequestContext, input: AgreementInput): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    const id = await this.uow.write(async (repos) => {
      if (await repos.catalogue.agreementByReference(input.reference)) {
        throw new ConflictError('AGREEMENT_REFERENCE_TAKEN', { reference: input.reference });
      }
      const row = await repos.catalogue.insertAgreement(input);
      await recordAudit(repos, ctx, {
        action: 'catalogue.agreement.create',
        entityType: 'agreement',
        entityId: row.id,
        after: input,
      });
      return row.id;
    });
    return this.agreement(ctx.actor, id);
  }

  /**
   * Changes an agreement's title, description, period or ceiling (its reference stays). Locked like an order, so an
   * order placed meanwhile is counted: the ceiling never goes below what was ordered, the period always covers the
   * call-offs.
   */
  async updateAgreement(ctx: RequestContext, id: string, patch: AgreementUpdateInput): Promise<Agreement> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    await this.uow.write(async (repos) => {
      const before = await repos.catalogue.agreement(id, { lock: true });
      if (!before) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      const next = {
        title: patch.title ?? before.title,
        description: patch.description ?? before.description,
        startDate: patch.startDate ?? before.startDate,
        endDate: patch.endDate ?? before.endDate,
        ceiling: patch.ceiling === undefined ? before.ceiling : patch.ceiling,
      };
      const ordered = (await repos.catalogue.orderedTotals([id])).reduce((sum, t) => sum + t.amount, 0);
      const span = await repos.catalogue.callOffSpan(id);
      rule(() => checkAgreementChange({ ...next, ordered, firstOrder: span.first, lastOrder: span.last }));
      await repos.catalogue.updateAgreement(id, next);
      await recordAudit(repos, ctx, {
        action: 'catalogue.agreement.update',
        entityType: 'agreement',
        entityId: id,
        before: {
          title: before.title,
          description: before.description,
          startDate: before.startDate,
          endDate: before.endDate,
          ceiling: before.ceiling,
        },
        after: next,
      });
    });
    return this.agreement(ctx.actor, id);
  }

  private async checkLotSolutions(repos: Repositories, solutions: LotInput['solutions']) {
    const ids = [...new Set(solutions.map((s) => s.solutionId))];
    if (ids.length !== solutions.length) throw new ValidationError('LOT_SOLUTION_TWICE');
    const rows = await repos.catalogue.solutions(ids);
    if (rows.length !== ids.length) throw new ValidationError('SOLUTION_NOT_FOUND');
  }

  async createLot(ctx: RequestContext, agreementId: string, input: LotInput): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    await this.uow.write(async (repos) => {
      const agreement = await repos.catalogue.agreement(agreementId, { lock: true });
      if (!agreement) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      if (await repos.catalogue.lotByNumber(agreementId, input.number)) {
        throw new ConflictError('LOT_NUMBER_TAKEN', { number: input.number });
      }
      await this.checkLotSolutions(repos, input.solutions);
      const lot = await repos.catalogue.insertLot({
        agreementId,
        number: input.number,
        title: input.title,
        vendor: input.vendor,
        ceiling: input.ceiling,
      });
      await repos.catalogue.setLotSolutions(lot.id, input.solutions);
      await recordAudit(repos, ctx, {
        action: 'catalogue.lot.create',
        entityType: 'lot',
        entityId: lot.id,
        after: input,
      });
    });
    return this.agreement(ctx.actor, agreementId);
  }

  async updateLot(ctx: RequestContext, lotId: string, input: LotInput): Promise<Agreement> {
    authorize(ctx.actor, 'update', { type: 'catalogue' });
    const agreementId = await this.uow.write(async (repos) => {
      const found = await repos.catalogue.lot(lotId);
      if (!found) throw new NotFoundError('LOT_NOT_FOUND');
      await repos.catalogue.agreement(found.agreementId, { lock: true });
      const lot = (await repos.catalogue.lot(lotId, { lock: true }))!;
      const other = await repos.catalogue.lotByNumber(lot.agreementId, input.number);
      if (other && other.id !== lotId) throw new ConflictError('LOT_NUMBER_TAKEN', { number: input.number });
      await this.checkLotSolutions(repos, input.solutions);
      const ordered = (await repos.catalogue.orderedTotals([lot.agreementId]))
        .filter((t) => t.lotId === lotId)
        .reduce((s, t) => s + t.amount, 0);
      if (input.ceiling < ordered) throw new ConflictError('LOT_CEILING_BELOW_ORDERED', { ordered });
      const before = { ...lot, solutions: await repos.catalogue.lotSolutions([lotId]) };
      await repos.catalogue.updateLot(lotId, {
        number: input.number,
        title: input.title,
        vendor: input.vendor,
        ceiling: input.ceiling,
      });
      await repos.catalogue.setLotSolutions(lotId, input.solutions);
      await recordAudit(repos, ctx, {
        action: 'catalogue.lot.update',
        entityType: 'lot',
        entityId: lotId,
        before,
        after: input,
      });
      return lot.agreementId;
    });
    return this.agreement(ctx.actor, agreementId);
  }

  async adhere(ctx: RequestContext, agreementId: string, communeNis: string): Promise<Agreement> {
    authorize(ctx.actor, 'create', { type: 'catalogue_adhesion', communeNis });
    await this.uow.write(async (repos) => {
      if (!(await repos.catalogue.agreement(agreementId))) throw new NotFoundError('AGREEMENT_NOT_FOUND');
      if (!(await repos.catalogue.communeExists(communeNis)))
        throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: communeNis });
      const added = await repos.catalogue.adhere(agreementId, communeNis, userIdOf(ctx.actor));
      if (!added) throw new ConflictError('ALREADY_ADHERENT');
      await recordAudit(repos, ctx, {
        action: 'catalogue.adhesion.create',
        entityType: 'agreement',
        entityId: agreementId,
        after: { communeNis },
        communeNis,
      });
    });
    return this.agreement(ctx.actor, agreementId);
  }
}
