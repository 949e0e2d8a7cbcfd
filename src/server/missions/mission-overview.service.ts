import {
  type MissionOverview,
  summariseDiagnostic,
  summariseImplementation,
  summariseStrategy,
} from '../../domain/missions/overview.ts';
import type { Actor } from '../auth/policy.ts';
import type { DiagnosticServices } from '../diagnostic/diagnostic-services.ts';
import { ForbiddenError } from '../errors.ts';
import type { FollowUpService } from '../implementation/follow-up.service.ts';
import type { StrategyStateService } from '../strategy/strategy-state.service.ts';
import type { MissionsService } from './missions.service.ts';

/** A part the caller may not read is left out (null) rather than refusing the whole overview. */
async function readable<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ForbiddenError) return null;
    throw error;
  }
}

/**
 * A mission's *Aperçu*: each phase's feature answers with the caller's rights (its own policy checks), and the
 * domain sums it up.
 */
export class MissionOverviewService {
  constructor(
    private readonly missions: MissionsService,
    private readonly diagnostic: DiagnosticServices,
    private readonly strategy: StrategyStateService,
    private readonly implementation: FollowUpService,
  ) {}

  async overview(actor: Actor, missionId: string): Promise<MissionOverview> {
    await this.missions.get(actor, missionId);
    const [diagnostic, strategy, implementation] = await Promise.all([
      readable(async () => {
        const [interviews, results, swot] = await Promise.all([
          this.diagnostic.interviews.list(actor, missionId),
          this.diagnostic.results.results(actor, missionId),
          this.diagnostic.swot.list(actor, missionId),
        ]);
        return summariseDiagnostic(interviews, results, swot.items);
      }),
      readable(async () => summariseStrategy((await this.strategy.state(actor, missionId)).projects)),
      readable(async () => {
        const view = await this.implementation.missionImplementation(actor, missionId);
        return summariseImplementation(view.started, view.projects);
      }),
    ]);
    return { missionId, diagnostic, strategy, implementation };
  }
}
