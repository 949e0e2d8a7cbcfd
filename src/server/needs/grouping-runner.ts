import type { Database, DatabaseHandle } from '../db/client.ts';
import { RequestThread } from '../request-thread.ts';
import { groupNeedsInDatabase, type NeedText, type ProposedGroup } from './grouping-engine.ts';
import type { GroupingMessage, GroupingRequest } from './grouping-engine.worker.ts';
import { splitPurchasesInThread } from './grouping-purchases-thread.ts';

/**
 * Where a grouping run's engine works, bounded in time (issue 15, finding 3). On PostgreSQL the server does the work
 * (Node waits, and gives the split into purchases, which is JavaScript, to a thread of its own), bounded by
 * `statement_timeout` and a deadline checked between steps. On the embedded database the
 * engine runs in a worker thread on its own in-memory PGlite, so the app keeps answering; the thread is ended when the
 * deadline passes. A small register is grouped in place (`IN_PLACE_MAX_NEEDS`).
 */
export type GroupingOutcome = { groups: ProposedGroup[]; suggestions: { id: string; category: string }[] };
export type GroupingRunOptions = {
  /** Epoch milliseconds past which the run gives up with a `GroupingTimeoutError`. */
  deadline: number;
  onProgress: (fraction: number, step: string) => Promise<void> | void;
};
export interface GroupingRunner {
  run(needs: NeedText[], options: GroupingRunOptions): Promise<GroupingOutcome>;
  close(): Promise<void>;
}

export class GroupingTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`the grouping took longer than ${seconds} s`);
  }
}

/**
 * On PGlite, registers up to this size are grouped in place: they take a fraction of a second, less than the few
 * seconds the thread's own database takes to create on its first run. Larger ones go to the thread.
 */
export const IN_PLACE_MAX_NEEDS = 400;

export function groupingRunnerFor(database: DatabaseHandle, timeoutSeconds: number): GroupingRunner {
  if (database.kind === 'postgres') return new InDatabaseRunner(database, timeoutSeconds, true, true);
  // PGlite's one connection is held by the engine's transaction: a progress write would wait for it, and the
  // transaction for the write. In place, the run is too short for progress to matter.
  const inPlace = new InDatabaseRunner(database, timeoutSeconds, false, false);
  const thread = new ThreadRunner(timeoutSeconds);
  return {
    run: (needs, options) =>
      needs.length <= IN_PLACE_MAX_NEEDS ? inPlace.run(needs, options) : thread.run(needs, options),
    close: () => thread.close(),
  };
}

/** PostgreSQL's query_canceled (57014), which `statement_timeout` raises, anywhere in Drizzle's chain of causes. */
function isStatementTimeout(error: unknown): boolean {
  let current = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if ((current as { code?: unknown }).code === '57014') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Groups in the given database or transaction, in place: the demo's seed, which writes in one transaction (its
 * progress writes go through that same transaction, so they never wait for it).
 */
export function inPlaceGroupingRunner(db: Database, timeoutSeconds: number): GroupingRunner {
  return new InDatabaseRunner({ db }, timeoutSeconds, true, false);
}

class InDatabaseRunner implements GroupingRunner {
  constructor(
    private readonly database: Pick<DatabaseHandle, 'db'>,
    private readonly timeoutSeconds: number,
    private readonly reportsProgress: boolean,
    /** Whether a large register's split into purchases (JavaScript) goes to a thread, off the server's thread. */
    private readonly splitsInThread: boolean,
  ) {}

  async run(needs: NeedText[], options: GroupingRunOptions): Promise<GroupingOutcome> {
    let suggestions: GroupingOutcome['suggestions'] = [];
    const remaining = () => options.deadline - Date.now();
    try {
      const groups = await groupNeedsInDatabase(this.database.db, needs, {
        statementTimeoutMs: Math.max(1, remaining()),
        onProgress: async (fraction, step) => {
          if (remaining() <= 0) throw new GroupingTimeoutError(this.timeoutSeconds);
          if (this.reportsProgress) await options.onProgress(fraction, step);
        },
        onSuggestedCategories: (found) => {
          suggestions = found;
        },
        ...(this.splitsInThread && needs.length > IN_PLACE_MAX_NEEDS
          ? {
              splitPurchases: (placed, purchaseOptions) =>
                splitPurchasesInThread(
                  placed,
                  purchaseOptions,
                  options.deadline,
                  () => new GroupingTimeoutError(this.timeoutSeconds),
                ),
            }
          : {}),
      });
      return { groups, suggestions };
    } catch (error) {
      if (isStatementTimeout(error)) throw new GroupingTimeoutError(this.timeoutSeconds);
      throw error;
    }
  }

  async close(): Promise<void> {}
}

/** An idle grouping thread is ended after this long: its database holds memory the server does not otherwise need. */
const THREAD_IDLE_MS = 5 * 60_000;

/** The engine in a thread with its own database (grouping-engine.worker.ts); a run past its deadline ends the thread. */
class ThreadRunner implements GroupingRunner {
  private readonly thread = new RequestThread<GroupingMessage>(
    new URL('./grouping-engine.worker.ts', import.meta.url),
    {
      exited: (code) => new Error(`the grouping thread exited (code ${code})`),
      closed: () => new Error('the grouping thread was closed'),
      idleMs: THREAD_IDLE_MS,
    },
  );

  constructor(private readonly timeoutSeconds: number) {}

  run(needs: NeedText[], options: GroupingRunOptions): Promise<GroupingOutcome> {
    return this.thread.request<GroupingOutcome>(
      (id) => ({ id, needs, options: {} }) satisfies GroupingRequest,
      {
        ms: Math.max(0, options.deadline - Date.now()),
        error: () => new GroupingTimeoutError(this.timeoutSeconds),
      },
      (message) => {
        if (message.kind === 'progress') {
          Promise.resolve(options.onProgress(message.fraction, message.step)).catch(() => undefined);
          return undefined;
        }
        if (message.kind === 'done') return { answer: { groups: message.groups, suggestions: message.suggestions } };
        return { error: new Error(message.message) };
      },
    );
  }

  close(): Promise<void> {
    return this.thread.close();
  }
}
