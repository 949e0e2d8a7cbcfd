import { guideSize } from '../../domain/diagnostic/guides.ts';
import type {
  Interview,
  InterviewCreateInput,
  InterviewSummary,
  InterviewUpdateInput,
} from '../../domain/diagnostic/interviews.ts';
import { eraseIdentity } from '../../domain/diagnostic/model.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';
import { auditableInterviewChange, interviewPatchOf, presentInterviewSummary } from './interviews.presenter.ts';

/**
 * Interviews of resource persons: who was heard, when, by whom, and their answers, saved as you go. Every change
 * scores the mission again (DiagnosticCore.rescore).
 */
export class InterviewsService {
  constructor(private readonly core: DiagnosticCore) {}

  async list(actor: Actor, missionId: string): Promise<InterviewSummary[]> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const guide = await this.core.guideOfMission(repos, missionId);
      const rows = await repos.diagnostic.interviews.listInterviews(missionId);
      const seeNames = this.core.seesNames(actor, mission.communeNis);
      const questions = guideSize(guide).questions;
      return rows.map((row) => presentInterviewSummary(row, questions, seeNames));
    });
  }

  async get(actor: Actor, missionId: string, interviewId: string): Promise<Interview> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const row = (await repos.diagnostic.interviews.listInterviews(missionId)).find((r) => r.id === interviewId);
      if (!row) throw new NotFoundError('INTERVIEW_NOT_FOUND');
      const guide = await this.core.guide(repos, row.guideKey, row.guideVersion);
      const answers = await repos.diagnostic.interviews.answersOf([row.id]);
      const seeNames = this.core.seesNames(actor, mission.communeNis);
      return {
        ...presentInterviewSummary(row, guideSize(guide).questions, seeNames),
        answers: answers.map((a) => ({ questionKey: a.questionKey, level: a.level, comment: a.comment })),
        notes: row.notes,
        permissions: {
          edit: this.core.canEdit(actor, mission.communeNis),
          erase:
            can(actor, 'delete', { type: 'resource_person', communeNis: mission.communeNis }) && !row.identityErasedAt,
        },
      };
    });
  }

  async create(ctx: RequestContext, missionId: string, input: InterviewCreateInput): Promise<Interview> {
    const id = await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'create');
      const guide = await this.core.startDiagnostic(repos, missionId);
      const created = await repos.diagnostic.interviews.insertInterview({
        missionId,
        guideKey: guide.key,
        guideVersion: guide.version,
        personType: input.resourcePerson.type,
        personRole: input.resourcePerson.role ?? null,
        personName: input.resourcePerson.name ?? null,
        date: input.date,
        interviewer: input.interviewer,
        notes: input.notes ?? null,
        source: 'interview',
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await this.core.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.create',
          entityType: 'interview',
          entityId: created.id,
          communeNis: mission.communeNis,
          after: {
            missionId,
            type: input.resourcePerson.type,
            date: input.date,
            guide: `${guide.key}/${guide.version}`,
          },
        }),
      );
      return created.id;
    });
    return this.get(ctx.actor, missionId, id);
  }

  private async interviewOf(repos: Repositories, missionId: string, interviewId: string) {
    const row = await repos.diagnostic.interviews.findInterview(interviewId);
    if (!row || row.missionId !== missionId) throw new NotFoundError('INTERVIEW_NOT_FOUND');
    return row;
  }

  /** Saves as you go: the answers given are upserted by question, the others stay. */
  async update(
    ctx: RequestContext,
    missionId: string,
    interviewId: string,
    input: InterviewUpdateInput,
  ): Promise<Interview> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'update');
      const row = await this.interviewOf(repos, missionId, interviewId);
      const guide = await this.core.guide(repos, row.guideKey, row.guideVersion);
      const answers = input.answers ?? [];
      this.core.checkAnswers(guide, answers);
      if (row.identityErasedAt && (input.resourcePerson?.name || input.resourcePerson?.role)) {
        throw new ValidationError('IDENTITY_ERASED', { field: 'resourcePerson' });
      }
      await repos.diagnostic.interviews.updateInterview(interviewId, interviewPatchOf(input));
      await repos.diagnostic.interviews.upsertAnswers(interviewId, answers);
      await repos.diagnostic.interviews.deleteAnswers(interviewId, input.removeAnswers ?? []);
      await this.core.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.update',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          ...auditableInterviewChange(row, input),
        }),
      );
    });
    return this.get(ctx.actor, missionId, interviewId);
  }

  async delete(ctx: RequestContext, missionId: string, interviewId: string): Promise<void> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'delete');
      const row = await this.interviewOf(repos, missionId, interviewId);
      await repos.diagnostic.swot.forgetInterviewInSwot(missionId, interviewId);
      await repos.diagnostic.interviews.deleteInterview(interviewId);
      await this.core.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.delete',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          before: { missionId, type: row.personType, date: row.date },
        }),
      );
    });
  }

  /** GDPR erasure: name and role go (here and on the link that produced the interview); the answers stay. */
  async eraseIdentity(ctx: RequestContext, missionId: string, interviewId: string): Promise<Interview> {
    await this.core.uow.write(async (repos) => {
      const mission = await this.core.missionFor(repos, ctx.actor, missionId, 'read');
      authorize(ctx.actor, 'delete', { type: 'resource_person', communeNis: mission.communeNis });
      const row = await this.interviewOf(repos, missionId, interviewId);
      const kept = eraseIdentity({ type: row.personType as never });
      await repos.diagnostic.interviews.updateInterview(interviewId, {
        personType: kept.type,
        personName: null,
        personRole: null,
        identityErasedAt: this.core.now(),
      });
      await repos.diagnostic.links.eraseLinkIdentity(interviewId);
      // The audit entry says that it happened, never what was erased.
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.erase_identity',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          before: { name: row.personName ? '(erased)' : null, role: row.personRole ? '(erased)' : null },
          after: { name: null, role: null },
        }),
      );
    });
    return this.get(ctx.actor, missionId, interviewId);
  }
}
