import { buildPortfolioLp, readPortfolioSolution, type SolverOutput } from '../../domain/strategy/portfolio-lp.ts';
import type { PortfolioProblem, PortfolioResult } from '../../domain/strategy/schemas.ts';
import { RequestThread } from '../request-thread.ts';
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
  private readonly thread = new RequestThread<SolveReply>(new URL('./portfolio-solver.worker.ts', import.meta.url), {
    exited: (code) => new Error(`The portfolio solver exited (code ${code}).`),
    closed: () => new Error('The portfolio solver was closed.'),
  });

  async solve(problem: PortfolioProblem, options: SolvePortfolioOptions = {}): Promise<PortfolioResult> {
    // Builds (and so checks) the model before any thread is involved: bad input fails fast with a DomainError.
    const lp = buildPortfolioLp(problem);
    if (problem.projects.length === 0) {
      // No project: the empty plan, unless a coverage rule asks for one.
      const status = (problem.cover ?? []).length > 0 ? 'Infeasible' : 'Empty';
      return readPortfolioSolution(problem, { Status: status, Columns: {} });
    }
    const output = await this.solveInThread(
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

  private solveInThread(lp: string, timeLimitSeconds: number, relativeGap: number): Promise<SolverOutput> {
    // Requests queue in the worker, so the watchdog allows for the ones ahead of this one.
    const budget = (this.thread.pendingCount + 1) * (timeLimitSeconds * 1000 + WATCHDOG_MARGIN_MS);
    return this.thread.request<SolverOutput>(
      (id) => ({ id, lp, timeLimitSeconds, relativeGap }) satisfies SolveRequest,
      { ms: budget, error: () => new Error('The portfolio solver stopped answering.') },
      (reply) =>
        reply.ok
          ? { answer: reply.output }
          : { error: new Error(`HiGHS could not solve the portfolio: ${reply.message}`) },
    );
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

// Last: the class above must be defined before the shared instance is made.
const shared = new PortfolioSolver();
