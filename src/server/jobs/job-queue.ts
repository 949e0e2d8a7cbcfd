import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';
import { pgliteExecutor } from './pglite-executor.ts';

/**
 * Background work kept in the database (issue 15, decision 110): grouping runs, the notices pass and its e-mails are
 * jobs in pg-boss's tables, so any instance sees them, any instance may do them, and a job whose process died is
 * retried or failed once its time is up instead of staying « running ». The same code runs on PostgreSQL (through the
 * app's pool) and on the embedded database (through `pgliteExecutor`).
 */
export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export type JobInfo = {
  id: string;
  state: JobState;
  /** 0 on the first attempt, 1 on the first retry… */
  retryCount: number;
  retryLimit: number;
  /** What the handler returned, or the error it failed with ({ message }). */
  output: unknown;
  startedOn: Date | null;
  completedOn: Date | null;
};

export type JobContext = { id: string; attempt: number };

export type JobDefinition<T> = {
  name: string;
  handler: (data: T, job: JobContext) => Promise<unknown>;
  /**
   * How long one attempt may take. Past it the job counts as lost (its process died, or it hangs) and is retried, or
   * failed once its retries are spent. Handlers bound their own work below this.
   */
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds?: number;
  /**
   * `one-at-a-time`: of the jobs sent with the same `singletonKey`, at most one runs at a time across all instances
   * (pg-boss's `singleton` policy); the others wait their turn. `latest-wins`: at most one job waiting and one
   * running (pg-boss's `stately` policy): a job sent while one waits joins it (`sendCoalesced`).
   */
  concurrency?: 'any' | 'one-at-a-time' | 'latest-wins';
};

export type JobQueueOptions = {
  /** How often an idle instance looks for work (seconds, ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are looked for and retried or failed (seconds). */
  maintenanceIntervalSeconds?: number;
  /** Whether this instance does the work (an instance may only send jobs). */
  work?: boolean;
  /**
   * How long a running job stays its instance's without a heartbeat (seconds). Every instance beats for its jobs
   * every third of it; a job whose beats stop (its process was killed) is handed to the retry at the next
   * maintenance, whatever its expiry — a long grouping run keeps its long bound while it beats.
   */
  leaseSeconds?: number;
  log: { error(object: unknown, message: string): void; warn?(object: unknown, message: string): void };
};

/** A killed job's work is taken up again about a minute after its last heartbeat (issue 15). */
const DEFAULT_LEASE_SECONDS = 30;

const QUEUE_POLICY = { any: 'standard', 'one-at-a-time': 'singleton', 'latest-wins': 'stately' } as const;

/** pg-boss's own tables live apart from the app's, in this schema. */
export const JOBS_SCHEMA = 'pgboss';

export class JobQueue {
  private readonly boss: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly workers = new Map<string, string>();
  private started: Promise<void> | null = null;
  private stopped = false;
  /** Set when `stop` has given the jobs still running back to the queue (its time limit passed). */
  private released = false;
  private readonly executor: { executeSql(text: string, values?: unknown[]): Promise<unknown> };
  private readonly leaseSeconds: number;

  constructor(
    database: DatabaseHandle,
    private readonly options: JobQueueOptions,
  ) {
    const db = database.kind === 'postgres' ? poolExecutor(database) : pgliteExecutor(database.pglite!);
    this.executor = db;
    this.leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    this.boss = new PgBoss({
      db,
      schema: JOBS_SCHEMA,
      // Cron schedules are not used: periodic work is a singleton job per period (`sendOncePer`).
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      // Finished jobs are kept a week for the runs' history, then pg-boss archives and deletes them.
      deleteAfterDays: 7,
    });
    this.boss.on('error', (error) => {
      if (!this.stopped) this.options.log.error({ err: error }, 'job queue error');
    });
  }

  /** Declares a kind of job and its handler; call before `start`. */
  define<T>(definition: JobDefinition<T>): void {
    if (this.started) throw new Error(`the job ${definition.name} is defined after the queue started`);
    this.definitions.set(definition.name, definition as JobDefinition<never>);
  }

  /** Creates pg-boss's tables if needed (one advisory-locked migration across instances), then starts working. */
  start(): Promise<void> {
    this.started ??= this.open();
    return this.started;
  }

  private async open(): Promise<void> {
    await this.boss.start();
    for (const definition of this.definitions.values()) {
      const settings = {
        name: definition.name,
        expireInSeconds: definition.expireInSeconds,
        retryLimit: definition.retryLimit,
        retryDelay: definition.retryDelaySeconds ?? 0,
        policy: QUEUE_POLICY[definition.concurrency ?? 'any'],
      };
      await this.ensureQueue(settings);
      if (this.options.work === false) continue;
      const workerId = await this.boss.work(
        definition.name,
        { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
        async ([job]) => {
          if (!job) return null;
          const beating = this.beat(definition.name, job.id);
          try {
            const output = await definition.handler(job.data as never, { id: job.id, attempt: job.retryCount });
            return this.released ? this.givenBack() : output;
          } catch (error) {
            if (this.released) return this.givenBack();
            throw error;
          } finally {
            clearInterval(beating);
          }
        },
      );
      this.workers.set(definition.name, workerId);
    }
    if (this.options.work !== false) this.watchLeases();
  }

  /**
   * The heartbeat of a running job: its time, in the job's output (which pg-boss fills only when the job ends),
   * now and every third of the lease, while the handler runs.
   */
  private beat(name: string, id: string): NodeJS.Timeout {
    const write = () =>
      this.executor
        .executeSql(
          `update ${JOBS_SCHEMA}.job set output = jsonb_build_object('heartbeatAt', now())
           where name = $1 and id = $2 and state = 'active'`,
          [name, id],
        )
        .catch((error: unknown) => this.options.log.warn?.({ err: error, job: name, id }, 'job heartbeat not written'));
    void write();
    const timer = setInterval(write, (this.leaseSeconds * 1000) / 3);
    timer.unref();
    return timer;
  }

  /**
   * Every instance that works looks, every third of the lease, for running jobs whose heartbeat is older than the
   * lease (their process died) and makes them expired: pg-boss's next maintenance retries them, or fails them with
   * a reason once their retries are spent (about lease + maintenance interval after the kill, not the job's expiry).
   */
  private watchLeases(): void {
    const look = () => {
      if (this.stopped) return;
      this.executor
        .executeSql(
          `update ${JOBS_SCHEMA}.job set started_on = now() - expire_in - interval '1 second'
           where state = 'active' and output ? 'heartbeatAt'
             and (output->>'heartbeatAt')::timestamptz < now() - make_interval(secs => $1)`,
          [this.leaseSeconds],
        )
        .catch((error: unknown) => this.options.log.error({ err: error }, 'lost jobs not looked for'));
    };
    const timer = setInterval(look, (this.leaseSeconds * 1000) / 3);
    timer.unref();
    this.timers.add(timer);
  }

  /**
   * Creates the queue, or updates its settings (an upgrade may change them). Instances starting together may both
   * try to create it: the loser's deadlock or duplicate is retried, and then finds the queue made.
   */
  private async ensureQueue(settings: Parameters<PgBoss['createQueue']>[1] & { name: string }): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(settings.name)) await this.boss.updateQueue(settings.name, settings);
        else await this.boss.createQueue(settings.name, settings);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
  }

  /**
   * Queues a job; `id` lets the caller name it (a run's id), `startAfterSeconds` holds it back that long. Answers the
   * job's id.
   */
  async send(name: string, data: object, options: { id?: string; startAfterSeconds?: number } = {}): Promise<string> {
    await this.start();
    const id = await this.boss.send(name, data, {
      ...(options.id ? { id: options.id } : {}),
      ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    });
    if (!id) throw new Error(`the job ${name} was not queued`);
    // This instance looks for it at once instead of at its next poll.
    const workerId = this.workers.get(name);
    if (workerId) this.boss.notifyWorker(workerId);
    return id;
  }

  /**
   * Queues a job of a `latest-wins` kind, to start after `delaySeconds`, unless one is already waiting: that one will
   * do the work (answers null then).
   */
  async sendCoalesced(name: string, data: object, options: { delaySeconds?: number } = {}): Promise<string | null> {
    await this.start();
    const id = await this.boss.send(name, data, options.delaySeconds ? { startAfter: options.delaySeconds } : {});
    const workerId = this.workers.get(name);
    if (id && workerId && !options.delaySeconds) this.boss.notifyWorker(workerId);
    return id;
  }

  /**
   * Queues the job of the current period unless an instance already did: the database keeps one job per name and
   * period (pg-boss's singleton slot, `periodSeconds` long, aligned on the epoch), so however many instances call
   * this, the work of a period runs once. Answers the job's id, or null when the period's job already exists.
   */
  async sendOncePer(name: string, periodSeconds: number, data: object = {}): Promise<string | null> {
    await this.start();
    return this.boss.send(name, data, { singletonKey: name, singletonSeconds: periodSeconds });
  }

  /**
   * Queues a job now and waits for its end, whichever instance does it: answers what its handler returned, or throws
   * its error. `singletonKey` puts it in line with the other jobs of that key (`concurrency: 'one-at-a-time'`), e.g.
   * the period's job of `sendOncePer`, which uses the job's name as its key. Past `timeoutMs` it throws
   * `JobStillRunningError`; the job goes on.
   */
  async sendAndWait(
    name: string,
    data: object,
    options: { singletonKey?: string; timeoutMs: number },
  ): Promise<unknown> {
    await this.start();
    const id = await this.boss.send(name, data, options.singletonKey ? { singletonKey: options.singletonKey } : {});
    if (!id) throw new Error(`the job ${name} was not queued`);
    const workerId = this.workers.get(name);
    if (workerId) this.boss.notifyWorker(workerId);
    const deadline = Date.now() + options.timeoutMs;
    for (let wait = 50; ; wait = Math.min(wait * 2, 500)) {
      const job = await this.find(name, id);
      if (job?.state === 'completed') return job.output;
      if (job?.state === 'failed' || job?.state === 'cancelled') {
        const reason = (job.output as { message?: string } | null)?.message;
        throw new Error(reason ?? `the job ${name} ${job.state}`);
      }
      if (Date.now() > deadline) throw new JobStillRunningError(name, id);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * Every instance calls `sendOncePer` every `checkSeconds` (at most a minute, so a period starts on time even if the
   * instance that would have queued it stopped); one job per period runs.
   */
  every(name: string, periodSeconds: number, data: object = {}): void {
    if (periodSeconds <= 0) return;
    const tick = () => {
      if (this.stopped) return;
      this.sendOncePer(name, periodSeconds, data).catch((error: unknown) =>
        this.options.log.error({ err: error, job: name }, 'periodic job not queued'),
      );
    };
    const timer = setInterval(tick, Math.min(periodSeconds, 60) * 1000);
    timer.unref();
    this.timers.add(timer);
  }

  async find(name: string, id: string): Promise<JobInfo | null> {
    await this.start();
    const job = await this.boss.getJobById(name, id, { includeArchive: true });
    if (!job) return null;
    return {
      id: job.id,
      state: job.state,
      retryCount: job.retryCount,
      retryLimit: job.retryLimit,
      output: job.output ?? null,
      startedOn: job.startedOn ?? null,
      completedOn: job.completedOn ?? null,
    };
  }

  /**
   * Stops looking for work and waits up to `timeoutMs` for the jobs of this instance to end; those still running are
   * then released (failed with a reason, and so retried while they have retries left), never left « active ». The
   * database is the app's: it stays open.
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    if (!this.started) return;
    try {
      await this.started;
    } catch {
      return;
    }
    // pg-boss fails (so retries) the jobs still running when the time limit passes: from then on they may be another
    // instance's, and a handler of ours that ends late must not complete or fail them (`givenBack`).
    const limit = setTimeout(() => {
      this.released = true;
    }, timeoutMs);
    try {
      await this.boss.stop({ close: false, graceful: true, wait: true, timeout: timeoutMs });
    } catch (error) {
      this.options.log.error({ err: error }, 'job queue did not stop cleanly');
    } finally {
      clearTimeout(limit);
      this.released = true;
    }
  }

  /**
   * What a handler that ends after its job was given back answers pg-boss: nothing, ever, so that pg-boss writes
   * neither a completion nor a failure over the job another instance may be running now.
   */
  private givenBack(): Promise<never> {
    return new Promise<never>(() => undefined);
  }
}

export class JobStillRunningError extends Error {
  constructor(
    readonly job: string,
    readonly id: string,
  ) {
    super(`the job ${job} (${id}) is still running`);
  }
}

/** Creates (or upgrades) pg-boss's tables and leaves: what a start does first, for templates and tools. */
export async function installJobTables(database: DatabaseHandle): Promise<void> {
  const queue = new JobQueue(database, { log: console, work: false });
  await queue.start();
  await queue.stop(0);
}

/** pg-boss on the app's node-postgres pool: one pool per instance, with its connection-loss handling (decision 006). */
function poolExecutor(database: DatabaseHandle) {
  const pool = database.pool!;
  return { executeSql: (text: string, values?: unknown[]) => pool.query(text, values) };
}
