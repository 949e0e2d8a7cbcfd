import { AuditRepository } from '../audit/audit.repository.ts';
import { LoginFailuresRepository } from '../auth/login-failures.repository.ts';
import { SessionsRepository } from '../auth/sessions.repository.ts';
import { UsersRepository } from '../auth/users.repository.ts';
import { CatalogueRepository } from '../catalogue/catalogue.repository.ts';
import { CommunesRepository } from '../communes/communes.repository.ts';
import { diagnosticRepositories } from '../diagnostic/diagnostic.repository.ts';
import { TargetsRepository } from '../diagnostic/targets.repository.ts';
import { ImplementationRepository } from '../implementation/implementation.repository.ts';
import { MissionsRepository } from '../missions/missions.repository.ts';
import { GroupingRunsRepository } from '../needs/grouping-runs.repository.ts';
import { InterestPollsRepository } from '../needs/interest-polls.repository.ts';
import { JointPurchasesRepository } from '../needs/joint-purchases.repository.ts';
import { MutualisationGroupsRepository } from '../needs/mutualisation-groups.repository.ts';
import { NeedsRepository } from '../needs/needs.repository.ts';
import { OcdsReleasesRepository } from '../open-data/ocds-releases.repository.ts';
import { ApiKeysRepository, PublicRepository } from '../public/public.repository.ts';
import { PurchasingRepository } from '../purchasing/purchasing.repository.ts';
import { StrategyRepository } from '../strategy/strategy.repository.ts';
import { StrategyPlansRepository } from '../strategy/strategy-plans.repository.ts';
import { WatchRepository } from '../watch/watch.repository.ts';
import type { Database, Executor } from './client.ts';

/** Every repository, bound to one executor: the database, or a transaction. */
export function repositoriesFor(db: Executor) {
  return {
    audit: new AuditRepository(db),
    communes: new CommunesRepository(db),
    diagnostic: diagnosticRepositories(db),
    implementation: new ImplementationRepository(db),
    loginFailures: new LoginFailuresRepository(db),
    missions: new MissionsRepository(db),
    sessions: new SessionsRepository(db),
    strategy: new StrategyRepository(db),
    strategyPlans: new StrategyPlansRepository(db),
    users: new UsersRepository(db),
    catalogue: new CatalogueRepository(db),
    watch: new WatchRepository(db),
    needs: new NeedsRepository(db),
    groupingRuns: new GroupingRunsRepository(db),
    mutualisationGroups: new MutualisationGroupsRepository(db),
    interestPolls: new InterestPollsRepository(db),
    jointPurchases: new JointPurchasesRepository(db),
    public: new PublicRepository(db),
    apiKeys: new ApiKeysRepository(db),
    purchasing: new PurchasingRepository(db),
    ocdsReleases: new OcdsReleasesRepository(db),
    targets: new TargetsRepository(db),
  };
}
export type Repositories = ReturnType<typeof repositoriesFor>;

/**
 * How services reach the data: `read` for queries, `write` for anything that changes rows, which runs in one
 * transaction with its audit entry, so a failure leaves nothing half-written.
 */
export class UnitOfWork {
  constructor(readonly db: Database) {}

  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return work(repositoriesFor(this.db));
  }

  write<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(repositoriesFor(tx)));
  }
}
