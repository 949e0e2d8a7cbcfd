import { checkCallOff } from '../../domain/catalogue/agreements.ts';
import type { SolutionStatus } from '../../domain/catalogue/solutions.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { fromDomainError, NotFoundError } from '../errors.ts';

/** One commune's order of a call-off: what the commune buys, for how much, and why the amount when typed. */
export type CallOffLine = {
  communeNis: string;
  quantity: number;
  amount: number;
  note: string;
  computedAmount?: number | null;
  amountReason?: string | null;
};

type Locked = {
  agreement: NonNullable<Awaited<ReturnType<Repositories['catalogue']['agreement']>>>;
  lot: NonNullable<Awaited<ReturnType<Repositories['catalogue']['lot']>>>;
  solution: NonNullable<Awaited<ReturnType<Repositories['catalogue']['solution']>>>;
};

/**
 * Locks a lot's agreement, then the lot, in that order, for the rest of the transaction. Whoever writes under a
 * lot (an order, a joint purchase, a change of ceiling) takes these locks first, before any other write that
 * references them, so two writers queue instead of deadlocking.
 */
export async function lockLot(repos: Repositories, lotId: string): Promise<Omit<Locked, 'solution'>> {
  const found = await repos.catalogue.lot(lotId);
  if (!found) throw new NotFoundError('LOT_NOT_FOUND');
  const agreement = (await repos.catalogue.agreement(found.agreementId, { lock: true }))!;
  const lot = (await repos.catalogue.lot(lotId, { lock: true }))!;
  return { agreement, lot };
}

/**
 * Places call-offs of one solution under one lot, inside the caller's transaction: the one mechanism that consumes
 * a framework agreement's ceilings, for a commune's order in the catalogue and for a joint purchase through a lot
 * (issue 10). The agreement's row is locked first, then the lot's, so orders under one agreement run one after the
 * other and each sees what the previous ones consumed; every line is checked (period, adhesion, award, offer,
 * listing, the lot's and the agreement's ceilings) with the lines before it counted, and one broken rule refuses
 * them all. `whileLocked` runs the caller's own checks under the same locks.
 */
export async function placeCallOffs(
  repos: Repositories,
  order: {
    lotId: string;
    solutionId: string;
    lines: CallOffLine[];
    today: string;
    visibleStatuses: SolutionStatus[];
    orderedBy: string | null;
    whileLocked?: (locked: Locked) => Promise<void>;
  },
): Promise<{ ids: string[] } & Locked> {
  const { agreement, lot } = await lockLot(repos, order.lotId);
  const solution = await repos.catalogue.solution(order.solutionId);
  if (!solution || !order.visibleStatuses.includes(solution.status)) throw new NotFoundError('SOLUTION_NOT_FOUND');
  const totals = await repos.catalogue.orderedTotals([agreement.id]);
  const offered = await repos.catalogue.lotOffers(lot.id, solution.id);
  let agreementOrdered = totals.reduce((s, t) => s + t.amount, 0);
  let lotOrdered = totals.filter((t) => t.lotId === lot.id).reduce((s, t) => s + t.amount, 0);
  for (const line of order.lines) {
    const adhered = await repos.catalogue.hasAdhered(agreement.id, line.communeNis);
    try {
      checkCallOff({
        today: order.today,
        agreement: {
          startDate: agreement.startDate,
          endDate: agreement.endDate,
          ceiling: agreement.ceiling,
          ordered: agreementOrdered,
        },
        lot: { ceiling: lot.ceiling, ordered: lotOrdered, vendor: lot.vendor },
        solution: { status: solution.status, offeredByLot: offered },
        adhered,
        amount: line.amount,
      });
    } catch (error) {
      if (error instanceof DomainError) throw fromDomainError(error);
      throw error;
    }
    agreementOrdered += line.amount;
    lotOrdered += line.amount;
  }
  await order.whileLocked?.({ agreement, lot, solution });
  const ids: string[] = [];
  for (const line of order.lines) {
    ids.push(
      await repos.catalogue.insertCallOff({
        agreementId: agreement.id,
        lotId: lot.id,
        solutionId: solution.id,
        communeNis: line.communeNis,
        quantity: line.quantity,
        amount: line.amount,
        computedAmount: line.computedAmount ?? null,
        amountReason: line.amountReason ?? null,
        note: line.note,
        orderedBy: order.orderedBy,
      }),
    );
  }
  return { ids, agreement, lot, solution };
}
