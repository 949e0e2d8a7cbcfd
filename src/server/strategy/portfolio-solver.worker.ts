import { parentPort } from 'node:worker_threads';
import highsLoader from 'highs';
import type { SolverOutput } from '../../domain/strategy/portfolio-lp.ts';

/**
 * Runs HiGHS off the main thread: `solve()` is synchronous and can take seconds, during which the API must keep
 * answering. The WebAssembly module is loaded once per worker and reused for every request.
 */
export type SolveRequest = { id: number; lp: string; timeLimitSeconds: number; relativeGap: number };
export type SolveReply = { id: number; ok: true; output: SolverOutput } | { id: number; ok: false; message: string };

const port = parentPort;
if (!port) throw new Error('portfolio-solver.worker.ts runs as a worker thread, not on its own.');

// Started at once, awaited per request: the listener must exist before the first message arrives.
const highsReady = highsLoader();

port.on('message', async (request: SolveRequest) => {
  try {
    const highs = await highsReady;
    const result = highs.solve(request.lp, {
      output_flag: false,
      time_limit: request.timeLimitSeconds,
      mip_rel_gap: request.relativeGap,
    });
    // Only the primal values cross the thread boundary: the rest of the result is not used.
    const columns: Record<string, { Primal?: number }> = {};
    for (const [name, column] of Object.entries(result.Columns ?? {})) {
      columns[name] = { Primal: 'Primal' in column ? column.Primal : undefined };
    }
    const reply: SolveReply = {
      id: request.id,
      ok: true,
      output: { Status: result.Status, ObjectiveValue: result.ObjectiveValue, Columns: columns },
    };
    port.postMessage(reply);
  } catch (error) {
    const reply: SolveReply = {
      id: request.id,
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    };
    port.postMessage(reply);
  }
});
