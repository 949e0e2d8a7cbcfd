import type { GroupDetail, JointPurchase, PurchaseDraft, PurchaseInput } from '../../domain/mutualisation/api.ts';
import { purchaseWarnings, unconfirmed } from '../../domain/mutualisation/purchase.ts';
import { estimateSavings, type PriceModel } from '../../domain/mutualisation/savings.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import { lockLot, placeCallOffs } from '../catalogue/call-offs.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, ConflictError, fromDomainError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MessageCode } from '../i18n/messages.ts';
import type { PollCommuneRow } from './interest-polls.repository.ts';
import type { GroupRow } from './mutualisation-groups.repository.ts';

/** A lot named in the body that does not exist is the caller's mistake about that field: 400, not 404. */
const rethrowAs = (code: MessageCode, field: string) => (error: unknown) => {
  if (error instanceof NotFoundError) throw new ValidationError(code, {}, { field });
  throw error;
};

/** "lot 2 « Territoire connecté » de l’accord-cadre REF, attribué à VENDOR": how a purchase names its framework lot. */
export async function lotLabel(repos: Repositories, lotId: string | null) {
  if (!lotId) return null;
  const lot = await repos.catalogue.lot(lotId);
  const agreement = lot ? await repos.catalogue.agreement(lot.agreementId) : null;
  if (!lot || !agreement) return null;
  const vendor = lot.vendor ? `, attribué à ${lot.vendor}` : '';
  return {
    id: lot.id,
    agreementId: agreement.id,
    label: `lot ${lot.number} « ${lot.title} » de l’accord-cadre ${agreement.reference}${vendor}`,
  };
}

function priceLines(group: GroupRow, yes: PollCommuneRow[]) {
  const model = group.priceModel;
  if (model && yes.some((a) => (a.quantity ?? 0) > 0)) {
    const estimate = priceEstimate(
      model,
      yes.map((a) => ({ communeNis: a.communeNis, quantity: a.quantity ?? 0 })),
    );
    return {
      lines: estimate.participants.map((p) => ({
        communeNis: p.communeNis,
        communeName: yes.find((a) => a.communeNis === p.communeNis)!.communeName,
        quantity: p.quantity,
        amount: p.costTogether,
      })),
      totals: {
        quantity: estimate.totals.quantity,
        costAlone: estimate.totals.costAlone,
        costTogether: estimate.totals.costTogether,
        saving: estimate.totals.saving,
      },
    };
  }
  return {
    lines: yes.map((a) => ({
      communeNis: a.communeNis,
      communeName: a.communeName,
      quantity: a.quantity ?? 0,
      amount: a.budget ?? 0,
    })),
    totals: null,
  };
}

export function priceEstimate(model: PriceModel, participants: { communeNis: string; quantity: number }[]) {
  try {
    return estimateSavings(model, participants);
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}

/** The joint purchase of a confirmed group (issue 10): its draft, and the purchase with its call-offs. */
export class JointPurchases {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date,
    /** The group as the caller reads it, whose purchase createPurchase answers. */
    private readonly readGroup: (actor: Actor, groupId: string) => Promise<GroupDetail>,
  ) {}

  /**
   * What the purchase would be (issue 10): the lines of the communes that said yes, priced with the group's model,
   * what the lot has left, and what the consultant must confirm and why. Writes nothing.
   */
  async draftPurchase(actor: Actor, groupId: string, query: { lotId?: string; solutionId?: string }) {
    authorize(actor, 'create', { type: 'mutualisation' });
    return this.uow.read(async (repos) => {
      const group = await repos.mutualisationGroups.findGroup(groupId);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      return this.draft(repos, group, query.lotId ?? null);
    });
  }

  private async draft(repos: Repositories, group: GroupRow, lotId: string | null): Promise<PurchaseDraft> {
    const [poll] = await repos.interestPolls.pollsOfGroup(group.id);
    const yes = poll ? (await repos.interestPolls.pollCommunes([poll.id])).filter((a) => a.answer === 'yes') : [];
    const { lines, totals } = priceLines(group, yes);
    // A commune with nothing to pay (no quantity under the price model) does not take part.
    const buying = lines.filter((l) => l.amount > 0);
    let lot: PurchaseDraft['lot'] = null;
    let notAdherent: string[] = [];
    let reference: string | null = null;
    if (lotId) {
      const row = await repos.catalogue.lot(lotId);
      const agreement = row ? await repos.catalogue.agreement(row.agreementId) : null;
      if (!row || !agreement) throw new ValidationError('LOT_NOT_FOUND', {}, { field: 'lotId' });
      const ordered = await repos.catalogue.orderedTotals([agreement.id]);
      const sum = (rows: typeof ordered) => rows.reduce((s, t) => s + t.amount, 0);
      lot = {
        id: row.id,
        label: (await lotLabel(repos, row.id))!.label,
        remaining: Math.round((row.ceiling - sum(ordered.filter((t) => t.lotId === row.id))) * 100) / 100,
        agreementRemaining:
          agreement.ceiling === null ? null : Math.round((agreement.ceiling - sum(ordered)) * 100) / 100,
      };
      reference = agreement.reference;
      for (const line of buying) {
        if (!(await repos.catalogue.hasAdhered(agreement.id, line.communeNis))) notAdherent.push(line.communeName);
      }
      notAdherent = notAdherent.sort((a, b) => a.localeCompare(b, 'fr'));
    }
    return {
      lines: buying,
      totals,
      amount: Math.round(buying.reduce((s, l) => s + l.amount, 0) * 100) / 100,
      lot,
      warnings: purchaseWarnings({ communes: buying.length, totals, notAdherent, agreementReference: reference }),
    };
  }

  /**
   * A confirmed group becomes a joint purchase of the communes that said yes, priced with the group's model. Through
   * a framework lot, each commune's line is a call-off of the chosen solution, placed by the catalogue's one
   * mechanism (placeCallOffs): it consumes the lot's and the agreement's ceilings and is refused beyond them, also
   * when orders arrive at the same time. A purchase of one commune, without saving, or of communes that have not
   * adhered waits for the consultant's confirmation of each reason (409 with the reasons otherwise).
   */
  async createPurchase(ctx: RequestContext, groupId: string, input: PurchaseInput): Promise<JointPurchase> {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    const purchaseId = await this.uow.write(async (repos) => {
      // Through a lot, its ceilings are locked first, as every order under it does (call-offs.ts, lockLot); then
      // the group, so two requests for one group cannot both make its purchase.
      if (input.lotId) await lockLot(repos, input.lotId).catch(rethrowAs('LOT_NOT_FOUND', 'lotId'));
      const group = await repos.mutualisationGroups.findGroup(groupId, { lock: true });
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      if (group.status !== 'confirmed') throw new ConflictError('GROUP_NOT_CONFIRMED');
      if (await repos.jointPurchases.findPurchase(groupId)) throw new ConflictError('PURCHASE_EXISTS');
      const draft = await this.draft(repos, group, input.lotId);
      if (draft.lines.length === 0) throw new ConflictError('PURCHASE_WITHOUT_ANSWERS');
      const missing = unconfirmed(draft.warnings, input.confirmed);
      if (missing.length) {
        throw new AppError(
          409,
          'PURCHASE_NEEDS_CONFIRMATION',
          { reasons: missing.map((w) => w.messageFr).join(' ') },
          { warnings: missing },
        );
      }
      const created = await repos.jointPurchases.insertPurchase({
        groupId,
        title: input.title,
        lotId: input.lotId,
        solutionId: input.solutionId,
        lines: draft.lines,
        totals: draft.totals,
        createdBy: actorId,
      });
      if (input.lotId && input.solutionId) {
        await this.placeOrders(
          repos,
          ctx,
          { ...input, lotId: input.lotId, solutionId: input.solutionId },
          draft,
          created.id,
        );
      }
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.purchase',
          entityType: 'joint_purchase',
          entityId: created.id,
          after: {
            groupId,
            title: input.title,
            lotId: input.lotId,
            solutionId: input.solutionId,
            lines: draft.lines,
            totals: draft.totals,
            confirmed: input.confirmed,
          },
        }),
      );
      return created.id;
    });
    return (await this.readGroup(ctx.actor, groupId)).purchase ?? this.missingPurchase(purchaseId);
  }

  private missingPurchase(id: string): never {
    throw new NotFoundError('PURCHASE_NOT_FOUND', { id });
  }

  /** Through a lot: the adhesions the consultant confirmed, then each commune's call-off, linked to the purchase. */
  private async placeOrders(
    repos: Repositories,
    ctx: RequestContext,
    input: PurchaseInput & { lotId: string; solutionId: string },
    draft: PurchaseDraft,
    purchaseId: string,
  ): Promise<void> {
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    const lot = (await repos.catalogue.lot(input.lotId))!;
    // The adhesions the consultant confirmed, recorded on the communes' behalf before their orders.
    for (const line of draft.lines) {
      if (await repos.catalogue.adhere(lot.agreementId, line.communeNis, actorId)) {
        await repos.audit.record(
          auditOf(ctx, {
            action: 'catalogue.adhesion.create',
            entityType: 'agreement',
            entityId: lot.agreementId,
            communeNis: line.communeNis,
            after: { communeNis: line.communeNis, onBehalf: true, jointPurchaseId: purchaseId },
          }),
        );
      }
    }
    const placed = await placeCallOffs(repos, {
      lotId: input.lotId,
      solutionId: input.solutionId,
      today: belgianToday(this.now()),
      visibleStatuses: ['listed'],
      orderedBy: actorId,
      lines: draft.lines.map((line) => ({
        communeNis: line.communeNis,
        // A commune that gave a budget and no quantity orders one unit of the solution for that budget.
        quantity: Math.max(1, line.quantity),
        amount: line.amount,
        note: `Achat groupé « ${input.title} »`,
      })),
    });
    await repos.jointPurchases.linkCallOffs(purchaseId, placed.ids);
  }
}
