import type { InterestPoll, PollAnswerInput, PollCreateInput } from '../../domain/mutualisation/api.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize } from '../auth/policy.ts';
import type { UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { presentPoll } from './mutualisation.presenter.ts';

/** The interest polls of a group (issue 5): the consultant asks, each commune answers for itself. */
export class InterestPolls {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date,
  ) {}

  async createPoll(ctx: RequestContext, groupId: string, input: PollCreateInput): Promise<InterestPoll> {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    const today = belgianToday(this.now());
    if (input.deadline < today) throw new ValidationError('DEADLINE_IN_PAST', { field: 'deadline' });
    const pollId = await this.uow.write(async (repos) => {
      const group = await repos.mutualisationGroups.findGroup(groupId);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const communeNis =
        input.audience === 'all'
          ? await repos.mutualisationGroups.currentCommuneCodes(today)
          : [
              ...new Set(
                (await repos.needs.findMany(await repos.mutualisationGroups.groupNeedIds(groupId))).map(
                  (n) => n.communeNis,
                ),
              ),
            ];
      const poll = await repos.interestPolls.insertPoll(
        { ...input, groupId, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null },
        communeNis,
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.poll',
          entityType: 'interest_poll',
          entityId: poll.id,
          after: { groupId, ...input, communes: communeNis },
        }),
      );
      return poll.id;
    });
    return this.getPoll(ctx.actor, pollId);
  }

  async getPoll(actor: Actor, pollId: string): Promise<InterestPoll> {
    const { poll, answers } = await this.uow.read(async (repos) => {
      const poll = await repos.interestPolls.findPoll(pollId);
      if (!poll) throw new NotFoundError('POLL_NOT_FOUND');
      return { poll, answers: await repos.interestPolls.pollCommunes([poll.id]) };
    });
    return presentPoll(poll, answers, actor, belgianToday(this.now()));
  }

  /** Polls the caller's commune is asked (a commune user), or every open poll (agency staff). */
  async myPolls(actor: Actor): Promise<InterestPoll[]> {
    authorize(actor, 'read', { type: 'interest_answer' });
    if (actor.kind !== 'user' || !actor.communeNis) return [];
    const communeNis = actor.communeNis;
    const today = belgianToday(this.now());
    const rows = await this.uow.read((repos) => repos.interestPolls.pollsForCommune(communeNis));
    return rows.map((r) => ({
      ...presentPoll(r.poll, [{ ...r.answer, communeName: '' }], actor, today),
      asked: r.asked,
      groupLabel: r.groupLabel,
    }));
  }

  async answer(ctx: RequestContext, pollId: string, input: PollAnswerInput): Promise<InterestPoll> {
    const actor = ctx.actor;
    const communeNis = input.communeNis ?? (actor.kind === 'user' ? actor.communeNis : null);
    if (!communeNis) throw new ValidationError('VALIDATION_FAILED', { problem: 'communeNis' }, { field: 'communeNis' });
    authorize(actor, 'update', { type: 'interest_answer', communeNis });
    await this.uow.write(async (repos) => {
      const poll = await repos.interestPolls.findPoll(pollId);
      if (!poll) throw new NotFoundError('POLL_NOT_FOUND');
      if (poll.deadline < belgianToday(this.now())) throw new ConflictError('POLL_CLOSED');
      const answered = await repos.interestPolls.answerPoll(pollId, communeNis, {
        answer: input.answer,
        quantity: input.quantity,
        budget: input.budget,
        comment: input.comment,
        answeredBy: actor.kind === 'user' ? actor.id : null,
      });
      if (!answered) throw new ValidationError('COMMUNE_NOT_POLLED', { field: 'communeNis' });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.answer',
          entityType: 'interest_poll',
          entityId: pollId,
          communeNis,
          after: { answer: input.answer, quantity: input.quantity, budget: input.budget, comment: input.comment },
        }),
      );
    });
    return this.getPoll(actor, pollId);
  }
}
