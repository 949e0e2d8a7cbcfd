import type { PlacedNeed, PurchaseOptions } from '../../domain/mutualisation/grouping-purchases.ts';
import { startWorker } from '../worker-thread.ts';
import type { PurchaseSplitMessage, PurchaseSplitRequest } from './grouping-purchases.worker.ts';

/**
 * The split of the categories into purchases, computed in a thread of its own that ends with the split or at the
 * deadline (`onDeadline` says what to reject with). Starting a thread costs a few tens of milliseconds; the caller
 * keeps small registers in place.
 */
export function splitPurchasesInThread(
  needs: PlacedNeed[],
  options: PurchaseOptions | undefined,
  deadline: number,
  onDeadline: () => Error,
): Promise<number[][]> {
  const worker = startWorker(new URL('./grouping-purchases.worker.ts', import.meta.url));
  return new Promise<number[][]>((resolve, reject) => {
    const end = (settle: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => end(() => reject(onDeadline())), Math.max(0, deadline - Date.now()));
    worker.on('message', (message: PurchaseSplitMessage) =>
      end(() => (message.kind === 'done' ? resolve(message.purchases) : reject(new Error(message.message)))),
    );
    worker.on('error', (error) => end(() => reject(error)));
    worker.on('exit', (code) => end(() => reject(new Error(`the purchases thread exited (code ${code})`))));
    worker.postMessage({
      needs: needs.map((n) => ({
        idx: n.idx,
        category: n.category,
        total: n.vector.total,
        weights: [...n.vector.weights],
      })),
      options,
    } satisfies PurchaseSplitRequest);
  });
}
