import type { Specificities, SpecificitiesInput } from '../../domain/diagnostic/swot.ts';
import type { Actor } from '../auth/policy.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';
import { auditableSpecificities, presentSpecificities } from './swot.presenter.ts';

/** The territory's specificities beside the SWOT: geography, demography, economy, assets. */
export class SpecificitiesService {
  constructor(private readonly core: DiagnosticCore) {}

  async get(actor: Actor, missionId: string): Promise<Specificities> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const row = await repos.diagnostic.swot.findSpecificities(missionId);
      return presentSpecificities(missionId, row, this.core.canEdit(actor, mission.communeNis));
    });
  }

  async save(ctx: RequestContext, missionId: string, input: SpecificitiesInput): Promise<Specificities> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      const before = await repos.diagnostic.swot.findSpecificities(missionId);
      await repos.diagnostic.swot.upsertSpecificities({
        missionId,
        ...input,
        updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'specificities.update',
          entityType: 'territory_specificities',
          entityId: missionId,
          communeNis: mission.communeNis,
          before: auditableSpecificities(before),
          after: input,
        }),
      );
    });
    return this.get(ctx.actor, missionId);
  }
}
