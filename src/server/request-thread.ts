import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread.ts';

/** What a request makes of a message of its thread: its answer, its failure, or nothing yet (a progress report). */
export type Reading<T> = { answer: T } | { error: Error } | undefined;

export type RequestThreadOptions = {
  /** What every waiting request fails with when the thread exits on its own. */
  exited: (code: number) => Error;
  /** What every waiting request fails with when the thread is closed. */
  closed: () => Error;
  /** After its last answer, the thread is ended if no request came for this long (it holds memory); unset: kept. */
  idleMs?: number;
};

/** How long a request may wait for its answer, and the error the thread is ended with past that. */
export type RequestLimit = { ms: number; error: () => Error };

type Job<TMessage> = {
  read: (message: TMessage) => Reading<unknown>;
  resolve: (answer: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

/**
 * A worker thread (`*.worker.ts`, see startWorker) that answers requests by their id, started on the first request.
 * It keeps the process alive only while a request waits. A request past its limit, an error or an exit of the thread
 * end the thread with everything it was asked; the next request starts a fresh one.
 */
export class RequestThread<TMessage extends { id: number }> {
  private worker: Worker | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly jobs = new Map<number, Job<TMessage>>();

  constructor(
    private readonly entry: URL,
    private readonly options: RequestThreadOptions,
  ) {}

  /** Requests waiting or running in the thread. */
  get pendingCount(): number {
    return this.jobs.size;
  }

  /** Posts the request `build` makes with its id; `read` turns the thread's messages of that id into the answer. */
  request<T>(build: (id: number) => unknown, limit: RequestLimit, read: (message: TMessage) => Reading<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(limit.error()), limit.ms);
      this.jobs.set(id, { read, resolve: resolve as (answer: unknown) => void, reject, timer });
      worker.ref();
      worker.postMessage(build(id));
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(this.options.closed());
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.entry);
    worker.on('message', (message: TMessage) => this.receive(message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(this.options.exited(code));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(message: TMessage): void {
    const job = this.jobs.get(message.id);
    if (!job) return;
    const reading = job.read(message);
    if (!reading) return;
    clearTimeout(job.timer);
    this.jobs.delete(message.id);
    if (this.jobs.size === 0) this.idle();
    if ('error' in reading) job.reject(reading.error);
    else job.resolve(reading.answer);
  }

  private idle(): void {
    this.worker?.unref();
    if (this.options.idleMs === undefined) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
    this.idleTimer.unref();
  }

  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(error);
    void worker?.terminate();
  }

  private rejectAll(error: Error): void {
    for (const job of this.jobs.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.jobs.clear();
  }
}
