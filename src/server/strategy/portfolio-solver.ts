import type { Worker } from 'node:worker_threads';
import { buildPortfolioLp, readPortfolioSolution, type SolverOutput } from '../../domain/strategy/portfolio-lp.ts';
import type { PortfolioProblem, PortfolioResult } from '../../domain/strategy/schemas.ts';
import { startWorker } from '../worker-thread.ts';
import type { SolveReply, SolveRequest } from './portfolio-solver.worker.ts';

/**
 * The optimal portfolio, solved by HiGHS (mixed-integer programming, WebAssembly) in a worker thread. One worker
 * serves the whole process and takes requests one at a time; it is started on first use and does not keep the
 * process alive while idle.
 */
export type SolvePortfolioOptions = {
  /** After this many seconds HiGHS stops and the best plan found so far is returned with status 'time_limit'. */
  timeLimitSeconds?: number;
  /** Relative optimality gap at which HiGHS may stop; 0 (the default) means 'optimal' is proven optimal. */
  relativeGap?: number;
};

const DEFAULT_TIME_LIMIT_SECONDS = 30;
/** HiGHS honours its time limit; this only catches a worker that stopped answering altogether. */
const WATCHDOG_MARGIN_MS = 30_000;

/**
 * One solver thread and its queue. The app keeps one for the missions' plans and another for the calculators, so a
 * burst of calculator requests never delays a consultant's plan; `solvePortfolio` uses a shared default one.
 */
export class PortfolioSolver {
  private readonly thread = new SolverThread();

  async solve(problem: PortfolioProblem, options: SolvePortfolioOptions = {}): Promise<PortfolioResult> {
    // Builds (and so checks) the model before any thread is involved: bad input fails fast with a DomainError.
    const lp = buildPortfolioLp(problem);
    if (problem.projects.length === 0) {
      // No project: the empty plan, unless a coverage rule asks for one.
      const status = (problem.cover ?? []).length > 0 ? 'Infeasible' : 'Empty';
      return readPortfolioSolution(problem, { Status: status, Columns: {} });
    }
    const output = await this.thread.solve(
      lp,
      options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS,
      options.relativeGap ?? 0,
    );
    return readPortfolioSolution(problem, output);
  }

  /** Requests waiting or running in the thread. */
  get pending(): number {
    return this.thread.pendingCount;
  }

  /** Stops the worker (tests, graceful shutdown). The next solve starts a new one. */
  close(): Promise<void> {
    return this.thread.close();
  }
}

export function solvePortfolio(
  problem: PortfolioProblem,
  options: SolvePortfolioOptions = {},
): Promise<PortfolioResult> {
  return shared.solve(problem, options);
}

/** Stops the shared worker (tests, graceful shutdown). The next solve starts a new one. */
export async function closePortfolioSolver(): Promise<void> {
  await shared.close();
}

type Pending = { resolve: (output: SolverOutput) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

class SolverThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  get pendingCount(): number {
    return this.pending.size;
  }

  solve(lp: string, timeLimitSeconds: number, relativeGap: number): Promise<SolverOutput> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<SolverOutput>((resolve, reject) => {
      // Requests queue in the worker, so the watchdog allows for the ones ahead of this one.
      const budget = (this.pending.size + 1) * (timeLimitSeconds * 1000 + WATCHDOG_MARGIN_MS);
      const timer = setTimeout(() => this.fail(new Error('The portfolio solver stopped answering.')), budget);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      const request: SolveRequest = { id, lp, timeLimitSeconds, relativeGap };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(new Error('The portfolio solver was closed.'));
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(new URL('./portfolio-solver.worker.ts', import.meta.url));
    worker.on('message', (reply: SolveReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.fail(new Error(`The portfolio solver exited (code ${code}).`));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: SolveReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    clearTimeout(job.timer);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) job.resolve(reply.output);
    else job.reject(new Error(`HiGHS could not solve the portfolio: ${reply.message}`));
  }

  /** A broken worker is dropped with everything it was asked; the next request starts a fresh one. */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.rejectAll(error);
    void worker?.terminate();
  }

  private rejectAll(error: Error): void {
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}

// Last: the classes above must be defined before the shared instance is made.
const shared = new PortfolioSolver();
