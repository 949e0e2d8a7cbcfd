import { parentPort } from 'node:worker_threads';
import { type PurchaseOptions, splitIntoPurchases } from '../../domain/mutualisation/grouping-purchases.ts';

/**
 * The split of the categories into purchases in a thread of its own, for a run on PostgreSQL: the server does the
 * engine's SQL, but this step is JavaScript, and for a register of 5 000 needs it held the server's only thread for
 * seconds (its heartbeats with it, so the queue took the run for lost). One request at a time, one thread per request.
 */
export type PurchaseSplitRequest = {
  id: number;
  needs: { idx: number; category: string; total: number; weights: [string, number][] }[];
  options: PurchaseOptions | undefined;
};
export type PurchaseSplitMessage =
  | { id: number; kind: 'done'; purchases: number[][] }
  | { id: number; kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('grouping-purchases.worker.ts runs as a worker thread, not on its own.');

port.once('message', (request: PurchaseSplitRequest) => {
  try {
    const needs = request.needs.map((n) => ({
      idx: n.idx,
      category: n.category,
      vector: { total: n.total, weights: new Map(n.weights) },
    }));
    port.postMessage({
      id: request.id,
      kind: 'done',
      purchases: splitIntoPurchases(needs, request.options),
    } satisfies PurchaseSplitMessage);
  } catch (error) {
    port.postMessage({
      id: request.id,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies PurchaseSplitMessage);
  }
});
