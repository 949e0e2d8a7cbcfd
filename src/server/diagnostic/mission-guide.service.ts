import type { MissionGuide, MissionGuideChoice } from '../../domain/diagnostic/guides.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';

/** The guide a mission's diagnostic uses: read it, or choose another before the first interview. */
export class MissionGuideService {
  constructor(private readonly core: DiagnosticCore) {}

  /** Which guide the mission's diagnostic uses, and whether it may still change (no interview yet). */
  async get(actor: Actor, missionId: string): Promise<MissionGuide> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const chosen = await repos.diagnostic.scores.findMissionDiagnostic(missionId);
      const guide = await this.core.guideOfMission(repos, missionId);
      const interviews = await repos.diagnostic.guides.countMissionInterviews(missionId);
      return {
        key: guide.key,
        version: guide.version,
        title: guide.title,
        chosen: chosen !== null,
        changeable: interviews === 0 && this.core.canEdit(actor, mission.communeNis),
      };
    });
  }

  /**
   * A consultant chooses the guide of a mission's diagnostic before it starts: the latest published version of that
   * guide. Once an interview is recorded, the guide never changes (409), so the interviews stay comparable.
   */
  async choose(ctx: RequestContext, missionId: string, input: MissionGuideChoice): Promise<MissionGuide> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      if ((await repos.diagnostic.guides.countMissionInterviews(missionId)) > 0) {
        throw new ConflictError('DIAGNOSTIC_ALREADY_STARTED');
      }
      const before = await repos.diagnostic.scores.findMissionDiagnostic(missionId);
      const guide = await this.latestPublishedOf(repos, input.key);
      if (!guide) throw new NotFoundError('GUIDE_NOT_PUBLISHED', { key: input.key });
      await repos.diagnostic.guides.chooseMissionGuide(missionId, guide.key, guide.version);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'diagnostic.guide',
          entityType: 'mission',
          entityId: missionId,
          communeNis: mission.communeNis,
          ...(before ? { before: { guide: `${before.guideKey}/${before.guideVersion}` } } : {}),
          after: { guide: `${guide.key}/${guide.version}` },
        }),
      );
    });
    return this.get(ctx.actor, missionId);
  }

  private async latestPublishedOf(repos: Repositories, key: string) {
    const row = await repos.diagnostic.guides.latestPublishedGuide(key);
    return row && row.key === key ? row : null;
  }
}
