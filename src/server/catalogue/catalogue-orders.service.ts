import type { z } from 'zod';
import {
  type CallOff,
  type CallOffCancelInput,
  type CallOffInput,
  type CallOffQuery,
  type CallOffTotals,
  checkCancellation,
  totalsBy,
} from '../../domain/catalogue/agreements.ts';
import { amountDiffers, DUPLICATE_CALL_OFF_MINUTES, quoteCallOff } from '../../domain/catalogue/call-off-price.ts';
import { belgianToday, formatEuro } from '../../domain/shared/format.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import { placeCallOffs } from './call-offs.ts';
import { presentCallOff } from './catalogue.presenter.ts';
import type { CallOffRecord } from './catalogue.repository.ts';
import { callOffPermissions, recordAudit, rule, userIdOf, visibleStatuses } from './catalogue-access.ts';

/** Call-offs: a commune's orders under a lot, within the ceilings; their cancellation, lists and totals. */
export class CatalogueOrders {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date,
  ) {}

  private present(actor: Actor, row: CallOffRecord): CallOff {
    return presentCallOff(row, callOffPermissions(actor, row, this.now()));
  }

  /**
   * A call-off, under the lot's and the agreement's ceilings (placeCallOffs, the mechanism joint purchases use too).
   * Its amount is the one the solution's price gives for the quantity unless the buyer says why it differs; an
   * order identical to one placed in the last DUPLICATE_CALL_OFF_MINUTES minutes is refused unless confirmed
   * (issue 10). Both are checked under the ceilings' locks, so two identical orders sent at once cannot both pass.
   */
  async order(ctx: RequestContext, request: z.input<typeof CallOffInput>): Promise<CallOff> {
    const input = { note: '', amountReason: null, confirmDuplicate: false, ...request };
    authorize(ctx.actor, 'create', { type: 'call_off', communeNis: input.communeNis });
    const today = belgianToday(this.now());
    const id = await this.uow.write(async (repos) => {
      const found = await repos.catalogue.lot(input.lotId);
      const solution = await repos.catalogue.solution(input.solutionId);
      const lotPrice = found
        ? ((await repos.catalogue.lotSolutions([found.id])).find((s) => s.solutionId === input.solutionId)?.unitPrice ??
          null)
        : null;
      const quote = solution
        ? quoteCallOff({ pricing: solution.pricing, lotUnitPrice: lotPrice, quantity: input.quantity })
        : null;
      if (amountDiffers(input.amount, quote) && !input.amountReason) {
        throw new ValidationError(
          'AMOUNT_REASON_REQUIRED',
          { computed: formatEuro(quote!.amount) },
          { field: 'amountReason' },
        );
      }
      const placed = await placeCallOffs(repos, {
        lotId: input.lotId,
        solutionId: input.solutionId,
        today,
        visibleStatuses: visibleStatuses(ctx.actor),
        orderedBy: userIdOf(ctx.actor),
        lines: [
          {
            communeNis: input.communeNis,
            quantity: input.quantity,
            amount: input.amount,
            computedAmount: quote?.amount ?? null,
            amountReason: amountDiffers(input.amount, quote) ? input.amountReason : null,
            note: input.note,
          },
        ],
        whileLocked: async () => {
          if (input.confirmDuplicate) return;
          const since = new Date(this.now().getTime() - DUPLICATE_CALL_OFF_MINUTES * 60_000);
          const previous = await repos.catalogue.identicalCallOff(input, since);
          if (previous) {
            throw new ConflictError('DUPLICATE_CALL_OFF', {
              minutes: Math.max(1, Math.ceil((this.now().getTime() - previous.getTime()) / 60_000)),
            });
          }
        },
      });
      const callOffId = placed.ids[0]!;
      await recordAudit(repos, ctx, {
        action: 'catalogue.call_off.create',
        entityType: 'call_off',
        entityId: callOffId,
        after: { ...input, computedAmount: quote?.amount ?? null },
        communeNis: input.communeNis,
      });
      return callOffId;
    });
    const [record] = await this.uow.read((repos) => repos.catalogue.callOffs({ ids: [id] }));
    return this.present(ctx.actor, record!);
  }

  /**
   * Cancels a call-off: it stays listed (cancelled) and no longer counts against the ceilings. Agency staff at any
   * time; the ordering commune's editors within CALL_OFF_CANCEL_DAYS days of the order. Locks like an order.
   */
  async cancelCallOff(ctx: RequestContext, id: string, input: CallOffCancelInput): Promise<CallOff> {
    authorize(ctx.actor, 'delete', { type: 'call_off' });
    await this.uow.write(async (repos) => {
      const found = await repos.catalogue.callOffRow(id);
      if (!found) throw new NotFoundError('CALL_OFF_NOT_FOUND');
      authorize(ctx.actor, 'delete', { type: 'call_off', communeNis: found.communeNis });
      await repos.catalogue.agreement(found.agreementId, { lock: true });
      await repos.catalogue.lot(found.lotId, { lock: true });
      const row = (await repos.catalogue.callOffRow(id, { lock: true }))!;
      const now = this.now();
      rule(() =>
        checkCancellation({
          cancelledAt: row.cancelledAt,
          orderedAt: row.orderedAt,
          now,
          byAgency: can(ctx.actor, 'delete', { type: 'catalogue' }),
        }),
      );
      await repos.catalogue.cancelCallOff(id, { cancelledBy: userIdOf(ctx.actor), reason: input.reason, at: now });
      await recordAudit(repos, ctx, {
        action: 'catalogue.call_off.cancel',
        entityType: 'call_off',
        entityId: id,
        before: { amount: row.amount, quantity: row.quantity, orderedAt: row.orderedAt.toISOString() },
        after: { cancelledAt: now.toISOString(), reason: input.reason },
        communeNis: row.communeNis,
      });
    });
    const [record] = await this.uow.read((repos) => repos.catalogue.callOffs({ ids: [id] }));
    return this.present(ctx.actor, record!);
  }

  async callOffs(actor: Actor, query: CallOffQuery): Promise<CallOff[]> {
    // A commune user reads their commune's call-offs only: asking for another commune is refused, asking for none
    // answers theirs.
    authorize(actor, 'read', { type: 'call_off', ...(query.commune ? { communeNis: query.commune } : {}) });
    const scope = readScope(actor, 'call_off');
    const communeNis = scope.kind === 'commune' ? scope.communeNis : query.commune;
    const rows = await this.uow.read((repos) =>
      repos.catalogue.callOffs({
        ...(communeNis ? { communeNis } : {}),
        ...(query.agreement ? { agreementId: query.agreement } : {}),
        ...(query.lot ? { lotId: query.lot } : {}),
        ...(query.vendor ? { vendor: query.vendor } : {}),
      }),
    );
    return rows.map((row) => this.present(actor, row));
  }

  /** Orders by commune, lot and vendor: the agency's view (a commune user gets their own commune's). */
  async callOffTotals(actor: Actor, query: { agreement?: string }): Promise<CallOffTotals> {
    const list = (await this.callOffs(actor, query.agreement ? { agreement: query.agreement } : {})).filter(
      (c) => c.cancelledAt === null,
    );
    const amount = (c: CallOff) => c.amount;
    return {
      byCommune: totalsBy(
        list,
        (c) => c.communeNis,
        (c) => c.communeName,
        amount,
      ),
      byLot: totalsBy(
        list,
        (c) => c.lotId,
        (c) => `${c.agreementReference} — lot ${c.lotNumber} : ${c.lotTitle}`,
        amount,
      ),
      byVendor: totalsBy(
        list,
        (c) => c.vendor ?? '—',
        (c) => c.vendor ?? '—',
        amount,
      ),
    };
  }
}
