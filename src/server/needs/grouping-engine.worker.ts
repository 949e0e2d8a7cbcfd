import { parentPort } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { type GroupingOptions, groupNeedsInDatabase, type NeedText, type ProposedGroup } from './grouping-engine.ts';

/**
 * The grouping engine in a thread of its own, on an in-memory PGlite (issue 15, finding 3). PGlite runs each SQL
 * statement synchronously on the thread that owns it, so a grouping of thousands of needs on the app's embedded
 * database stopped the server from answering for as long as it took. The engine needs only the needs' texts (it works
 * on temporary tables), so here it gets its own database; the app's stays free, and the thread can be ended when a
 * run overruns its time. The database is opened once and reused for every run of the process.
 */
export type GroupingRequest = {
  id: number;
  needs: NeedText[];
  options: Pick<GroupingOptions, 'wordThreshold' | 'titleThreshold'>;
};
export type GroupingMessage =
  | { id: number; kind: 'progress'; fraction: number; step: string }
  | {
      id: number;
      kind: 'done';
      groups: ProposedGroup[];
      suggestions: { id: string; category: string }[];
    }
  | { id: number; kind: 'failed'; message: string };

const port = parentPort;
if (!port) throw new Error('grouping-engine.worker.ts runs as a worker thread, not on its own.');

const ready = (async () => {
  const database = await openDatabase({ memory: true });
  await database.db.execute(sql`create extension if not exists unaccent`);
  await database.db.execute(sql`create extension if not exists pg_trgm`);
  return database;
})();

port.on('message', async (request: GroupingRequest) => {
  try {
    const database = await ready;
    let suggestions: { id: string; category: string }[] = [];
    const groups = await groupNeedsInDatabase(database.db, request.needs, {
      ...request.options,
      onProgress: (fraction, step) => port.postMessage({ id: request.id, kind: 'progress', fraction, step }),
      onSuggestedCategories: (found) => {
        suggestions = found;
      },
    });
    port.postMessage({ id: request.id, kind: 'done', groups, suggestions } satisfies GroupingMessage);
  } catch (error) {
    port.postMessage({
      id: request.id,
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
    } satisfies GroupingMessage);
  }
});
