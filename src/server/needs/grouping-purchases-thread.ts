import type { PlacedNeed, PurchaseOptions } from '../../domain/mutualisation/grouping-purchases.ts';
import { RequestThread } from '../request-thread.ts';
import type { PurchaseSplitMessage, PurchaseSplitRequest } from './grouping-purchases.worker.ts';

/**
 * The split of the categories into purchases, computed in a thread of its own that ends with the split or at the
 * deadline (`onDeadline` says what to reject with). Starting a thread costs a few tens of milliseconds; the caller
 * keeps small registers in place.
 */
export async function splitPurchasesInThread(
  needs: PlacedNeed[],
  options: PurchaseOptions | undefined,
  deadline: number,
  onDeadline: () => Error,
): Promise<number[][]> {
  const thread = new RequestThread<PurchaseSplitMessage>(new URL('./grouping-purchases.worker.ts', import.meta.url), {
    exited: (code) => new Error(`the purchases thread exited (code ${code})`),
    closed: () => new Error('the purchases thread was closed'),
  });
  try {
    return await thread.request<number[][]>(
      (id) =>
        ({
          id,
          needs: needs.map((n) => ({
            idx: n.idx,
            category: n.category,
            total: n.vector.total,
            weights: [...n.vector.weights],
          })),
          options,
        }) satisfies PurchaseSplitRequest,
      { ms: Math.max(0, deadline - Date.now()), error: onDeadline },
      (message) => (message.kind === 'done' ? { answer: message.purchases } : { error: new Error(message.message) }),
    );
  } finally {
    void thread.close();
  }
}
