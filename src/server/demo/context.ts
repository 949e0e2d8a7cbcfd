import { belgianToday } from '../../domain/shared/format.ts';
import { CatalogueService } from '../catalogue/catalogue.service.ts';
import type { Database } from '../db/client.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { createDiagnosticServices } from '../diagnostic/diagnostic-services.ts';
import type { RequestContext } from '../http/request-context.ts';
import { createImplementationServices } from '../implementation/implementation-services.ts';
import { MissionsService } from '../missions/missions.service.ts';
import { inPlaceGroupingRunner } from '../needs/grouping-runner.ts';
import { MutualisationService } from '../needs/mutualisation.service.ts';
import { NeedsService } from '../needs/needs.service.ts';
import { PortfolioSolver } from '../strategy/portfolio-solver.ts';
import { StrategyPlanner } from '../strategy/strategy-planner.ts';
import { createStrategyServices } from '../strategy/strategy-services.ts';
import { WatchService } from '../watch/watch.service.ts';

/** Every write of the demo is audited as the system actor « démo », so the audit log tells it from people's work. */
export const DEMO_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'démo' }, ip: null };

/**
 * The services the demo writes through, bound to one executor (the demo's transaction): the same validation, rules
 * and audit entries as a user's requests, not raw SQL.
 */
const NO_QUEUE = {
  send: async () => {
    throw new Error('the demo groups in place (runNow), without the job queue');
  },
  find: async () => null,
};

export function demoServices(db: Database, now: () => Date, agencyName: string) {
  const uow = new UnitOfWork(db);
  // The demo's own progress lines would clutter the first start's output: only errors are written.
  const log = { error: (object: unknown, message: string) => console.error(message, object) };
  const planner = new StrategyPlanner(uow, new PortfolioSolver(), log, now);
  const catalogue = new CatalogueService(uow, now);
  return {
    uow,
    planner,
    missions: new MissionsService(uow, now),
    diagnostic: createDiagnosticServices(uow, now, async () => agencyName),
    // Without a queue: the plans are solved in place, in the demo's transaction (`planner.idle()` waits for them).
    strategy: createStrategyServices(uow, planner, now),
    implementation: createImplementationServices(uow, now),
    catalogue,
    watch: new WatchService(uow, catalogue),
    needs: new NeedsService(uow, now),
    // The demo groups in place, in its own transaction (`runNow`): it never queues a job.
    mutualisation: new MutualisationService(uow, log, now, NO_QUEUE, inPlaceGroupingRunner(db, 120), 120),
  };
}
export type DemoServices = ReturnType<typeof demoServices>;

/** The day of the run, and days around it: the demo's dates follow the day it is loaded, so alerts stay realistic. */
export class DemoCalendar {
  constructor(readonly today: Date) {}

  /** The ISO date `days` from today (negative: in the past). */
  day(days: number): string {
    return belgianToday(new Date(this.today.getTime() + days * 86_400_000));
  }

  get year(): number {
    return this.today.getUTCFullYear();
  }
}

/** Park–Miller: the same demo on every run (fixed seed). */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}
