import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from './db/client.ts';

type Log = { info(message: string): void; warn(message: string): void; error(object: unknown, message: string): void };

/**
 * What a feature must do before the database closes when the server stops: a job queue hands its jobs back, a
 * scheduler stops its timer. Hooks run once the server accepts no more requests and the requests in flight are done
 * (or cut at the time limit), in the order they were added, each bounded; one that fails or hangs does not stop the
 * others. Features add theirs in buildApp: `app.shutdownHooks.add('job queue', () => queue.stop())`.
 */
export class ShutdownHooks {
  private readonly hooks: { name: string; run: () => Promise<void> | void }[] = [];
  private ran = false;

  constructor(private readonly timeoutMs = 5_000) {}

  add(name: string, run: () => Promise<void> | void): void {
    this.hooks.push({ name, run });
  }

  /** Runs every hook once; later calls do nothing. */
  async runAll(log: Log): Promise<void> {
    if (this.ran) return;
    this.ran = true;
    for (const hook of this.hooks) {
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
      });
      try {
        const outcome = await Promise.race([Promise.resolve().then(hook.run), limit]);
        if (outcome === 'timeout') log.warn(`shutdown: "${hook.name}" did not finish within ${this.timeoutMs} ms`);
      } catch (error) {
        log.error(error, `shutdown: "${hook.name}" failed`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

export type GracefulShutdownOptions = {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** Requests still running after this long are cut, so a stop never hangs (an orchestrator kills at ~10–30 s). */
  timeoutMs: number;
  log?: Log;
};

/**
 * The stop on SIGTERM or SIGINT: accept no new connection (and answer 503 on kept-alive ones), let the requests in
 * flight finish — at most `timeoutMs`, then their connections are closed —, run the shutdown hooks (Fastify's
 * onClose), then close the database: the pool's connections, or PGlite and its data folder's lock. Resolves when
 * all is closed; a second signal does not start a second stop.
 */
export function gracefulShutdown(options: GracefulShutdownOptions): (signal: string) => Promise<void> {
  const { app, database, timeoutMs } = options;
  const log = options.log ?? app.log;
  let stopping: Promise<void> | undefined;
  return (signal) => {
    stopping ??= (async () => {
      log.info(`${signal}: stopping (requests in flight have ${timeoutMs} ms to finish)`);
      const cut = setTimeout(() => {
        log.warn(`${signal}: requests still running after ${timeoutMs} ms are cut`);
        app.server.closeAllConnections();
      }, timeoutMs);
      cut.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
        await database.close();
      }
      log.info(`${signal}: stopped`);
    })();
    return stopping;
  };
}
