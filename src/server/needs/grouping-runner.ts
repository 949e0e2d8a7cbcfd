import type { Worker } from 'node:worker_threads';
import type { Database, DatabaseHandle } from '../db/client.ts';
import { startWorker } from '../worker-thread.ts';
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

type Pending = {
  resolve: (outcome: GroupingOutcome) => void;
  reject: (error: Error) => void;
  options: GroupingRunOptions;
};

/** An idle grouping thread is ended after this long: its database holds memory the server does not otherwise need. */
const THREAD_IDLE_MS = 5 * 60_000;

class ThreadRunner implements GroupingRunner {
  private worker: Worker | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly timeoutSeconds: number) {}

  run(needs: NeedText[], options: GroupingRunOptions): Promise<GroupingOutcome> {
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<GroupingOutcome>((resolve, reject) => {
      const timer = setTimeout(
        () => this.fail(new GroupingTimeoutError(this.timeoutSeconds)),
        Math.max(0, options.deadline - Date.now()),
      );
      this.pending.set(id, {
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        options,
      });
      worker.ref();
      worker.postMessage({ id, needs, options: {} } satisfies GroupingRequest);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(new Error('the grouping thread was closed'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(new URL('./grouping-engine.worker.ts', import.meta.url));
    worker.on('message', (message: GroupingMessage) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(new Error(`the grouping thread exited (code ${code})`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(message: GroupingMessage): void {
    const job = this.pending.get(message.id);
    if (!job) return;
    if (message.kind === 'progress') {
      Promise.resolve(job.options.onProgress(message.fraction, message.step)).catch(() => undefined);
      return;
    }
    this.pending.delete(message.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      clearTimeout(this.idleTimer);
      this.idleTimer = setTimeout(() => void this.close(), THREAD_IDLE_MS);
      this.idleTimer.unref();
    }
    if (message.kind === 'done') job.resolve({ groups: message.groups, suggestions: message.suggestions });
    else job.reject(new Error(message.message));
  }

  /** A thread that overran or broke is ended with what it was asked; the next run starts a fresh one. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(error);
    void worker?.terminate();
  }

  private rejectAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
