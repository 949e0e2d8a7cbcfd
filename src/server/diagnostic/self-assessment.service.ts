import { createHash, randomBytes } from 'node:crypto';
import {
  type SelfAssessmentCreated,
  type SelfAssessmentCreateInput,
  type SelfAssessmentLink,
  type SelfAssessmentSubmission,
  selfAssessmentStatus,
} from '../../domain/diagnostic/interviews.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import type { Actor } from '../auth/policy.ts';
import { authorize } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, ForbiddenError, NotFoundError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { LinkRow } from './diagnostic.repository.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';
import { presentLink } from './self-assessment.presenter.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The database keeps only this digest: a stolen backup gives no usable link. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A link that can no longer be used says why, in words the person can act on (410: it existed, it is gone). */
function refuseUnusable(link: LinkRow, now: Date): void {
  const status = selfAssessmentStatus(link, now);
  if (status === 'used') throw new AppError(410, 'SELF_ASSESSMENT_USED');
  if (status === 'revoked') throw new AppError(410, 'SELF_ASSESSMENT_REVOKED');
  if (status === 'expired') throw new AppError(410, 'SELF_ASSESSMENT_EXPIRED');
}

/**
 * Personal self-assessment links: a consultant makes one for a resource person (single use, expiring, bound to the
 * mission); the person fills the mission's guide without an account. The public routes are authorised by the token
 * itself, checked here: unknown, expired, used, revoked or another mission's token writes nothing.
 */
export class SelfAssessmentService {
  private readonly uow: UnitOfWork;
  private readonly now: () => Date;

  constructor(
    private readonly core: DiagnosticCore,
    private readonly agencyName: () => Promise<string>,
  ) {
    this.uow = core.uow;
    this.now = core.now;
  }

  private async missionFor(repos: Repositories, actor: Actor, missionId: string) {
    const mission = await repos.missions.find(missionId);
    if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
    authorize(actor, 'create', { type: 'self_assessment', communeNis: mission.communeNis });
    return mission;
  }

  async list(actor: Actor, missionId: string): Promise<SelfAssessmentLink[]> {
    return this.uow.read(async (repos) => {
      await this.missionFor(repos, actor, missionId);
      const rows = await repos.diagnostic.links.listLinks(missionId);
      const staff = new Map((await repos.missions.staff()).map((s) => [s.id, s.displayName]));
      return rows.map((row) => presentLink(row, this.now(), row.createdBy ? (staff.get(row.createdBy) ?? null) : null));
    });
  }

  async create(
    ctx: RequestContext,
    missionId: string,
    input: SelfAssessmentCreateInput,
  ): Promise<SelfAssessmentCreated> {
    const token = randomBytes(32).toString('base64url');
    const row = await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId);
      await this.core.startDiagnostic(repos, missionId);
      const created = await repos.diagnostic.links.insertLink({
        missionId,
        tokenHash: hashToken(token),
        personType: input.resourcePerson.type,
        personRole: input.resourcePerson.role ?? null,
        personName: input.resourcePerson.name ?? null,
        expiresAt: new Date(this.now().getTime() + input.validDays * DAY_MS),
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'self_assessment.create',
          entityType: 'self_assessment_link',
          entityId: created.id,
          communeNis: mission.communeNis,
          after: { missionId, type: input.resourcePerson.type, expiresAt: created.expiresAt.toISOString() },
        }),
      );
      return created;
    });
    const createdBy = ctx.actor.kind === 'user' ? ctx.actor.email : null;
    return { link: presentLink(row, this.now(), createdBy), token, path: `/self-assessment/${token}` };
  }

  async revoke(ctx: RequestContext, missionId: string, linkId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId);
      const link = await repos.diagnostic.links.findLink(linkId);
      if (!link || link.missionId !== missionId) throw new NotFoundError('SELF_ASSESSMENT_LINK_NOT_FOUND');
      if (link.usedAt) throw new AppError(409, 'SELF_ASSESSMENT_USED');
      await repos.diagnostic.links.revokeLink(linkId, this.now());
      await repos.audit.record(
        auditOf(ctx, {
          action: 'self_assessment.revoke',
          entityType: 'self_assessment_link',
          entityId: linkId,
          communeNis: mission.communeNis,
          before: { revoked: Boolean(link.revokedAt) },
          after: { revoked: true },
        }),
      );
    });
  }

  private async usableLink(repos: Repositories, token: string): Promise<LinkRow> {
    const link = await repos.diagnostic.links.findLinkByHash(hashToken(token));
    if (!link) throw new NotFoundError('SELF_ASSESSMENT_INVALID');
    refuseUnusable(link, this.now());
    return link;
  }

  /** What the person sees: the beneficiary's name, the guide, the expiry. Nothing else of the mission. */
  async open(token: string) {
    const found = await this.uow.read(async (repos) => {
      const link = await this.usableLink(repos, token);
      const mission = (await repos.missions.find(link.missionId))!;
      const guide = await this.core.guideOfMission(repos, link.missionId);
      return { link, mission, guide };
    });
    const { link, mission, guide } = found;
    return {
      missionId: link.missionId,
      beneficiary: mission.siteName ? `${mission.siteName} (${mission.communeName})` : mission.communeName,
      agencyName: await this.agencyName(),
      intervieweeType: link.personType as never,
      expiresAt: link.expiresAt.toISOString(),
      guide,
    };
  }

  /** One submission per link: the interview is recorded and the link spent, in one transaction. */
  async submit(ctx: RequestContext, token: string, input: SelfAssessmentSubmission): Promise<{ received: true }> {
    await this.uow.write(async (repos) => {
      const link = await this.usableLink(repos, token);
      if (link.missionId !== input.missionId) throw new ForbiddenError('SELF_ASSESSMENT_OTHER_MISSION');
      const guide = await this.core.guideOfMission(repos, link.missionId);
      this.core.checkAnswers(guide, input.answers);
      const mission = (await repos.missions.find(link.missionId))!;
      await repos.diagnostic.scores.insertMissionDiagnostic(link.missionId, guide.key, guide.version);
      const interview = await repos.diagnostic.interviews.insertInterview({
        missionId: link.missionId,
        guideKey: guide.key,
        guideVersion: guide.version,
        personType: link.personType,
        personRole: link.personRole,
        personName: link.personName,
        date: belgianToday(this.now()),
        interviewer: 'Auto-évaluation en ligne',
        notes: input.notes ?? null,
        source: 'self_assessment',
      });
      await repos.diagnostic.interviews.upsertAnswers(interview.id, input.answers);
      // Two tabs submitting at once: only one marks the link used; the other's transaction is rolled back.
      if (!(await repos.diagnostic.links.markLinkUsed(link.id, interview.id, this.now()))) {
        throw new AppError(410, 'SELF_ASSESSMENT_USED');
      }
      await this.core.rescore(repos, link.missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'self_assessment.submit',
          entityType: 'interview',
          entityId: interview.id,
          communeNis: mission.communeNis,
          after: { missionId: link.missionId, linkId: link.id, answers: input.answers.length },
        }),
      );
    });
    return { received: true };
  }
}
