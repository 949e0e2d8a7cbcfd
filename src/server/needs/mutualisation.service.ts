import type {
  GroupAction,
  GroupDetail,
  GroupSummary,
  InterestPoll,
  JointPurchase,
  MutualisationRun,
  PollAnswerInput,
  PollCreateInput,
  PurchaseDraft,
  PurchaseInput,
  ScenarioQuantities,
} from '../../domain/mutualisation/api.ts';
import { GroupExplanation } from '../../domain/mutualisation/grouping.ts';
import { frenchList, purchaseWarnings, unconfirmed } from '../../domain/mutualisation/purchase.ts';
import { estimateSavings, type PriceModel } from '../../domain/mutualisation/savings.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, can, needView, readScope } from '../auth/policy.ts';
import { lockLot, placeCallOffs } from '../catalogue/call-offs.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { AppError, ConflictError, fromDomainError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MessageCode } from '../i18n/messages.ts';
import type { JobContext, JobDefinition, JobQueue } from '../jobs/job-queue.ts';
import { type GroupingOutcome, type GroupingRunner, GroupingTimeoutError } from './grouping-runner.ts';
import type { GroupRow, NeedRow, PollCommuneRow, PollRow, RunRow } from './needs.repository.ts';

/** A lot named in the body that does not exist is the caller's mistake about that field: 400, not 404. */
const rethrowAs = (code: MessageCode, field: string) => (error: unknown) => {
  if (error instanceof NotFoundError) throw new ValidationError(code, {}, { field });
  throw error;
};

/** The job queue's name for grouping runs. */
export const GROUPING_JOB = 'mutualisation-run';
/** What a grouping run's job carries: the run, and who asked (for the audit of its result). */
type GroupingJob = { runId: string; actor: Actor; ip: string | null };

/** A run's failure, in the words the consultant reads under « Le regroupement a échoué : … ». */
const RUN_FAILURES = {
  timeout: (seconds: number) =>
    `le regroupement a dépassé la durée permise (${seconds} s) ; il a été arrêté sans rien changer.`,
  lost: 'l’instance qui le traitait s’est arrêtée et la reprise n’a pas abouti ; relancez le regroupement.',
} as const;

/**
 * The mutualisation (issue 5): grouping runs as jobs of the database's queue (issue 15: any instance does them and
 * shows their progress, a run whose process died is retried or failed), the groups a consultant confirms, splits,
 * merges or dismisses, interest polls, the savings model and the joint purchase.
 */
export class MutualisationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly log: {
      error(object: unknown, message: string): void;
      info?(object: unknown, message: string): void;
    },
    private readonly now: () => Date,
    private readonly jobs: Pick<JobQueue, 'send' | 'find'>,
    private readonly runner: GroupingRunner,
    private readonly runTimeoutSeconds: number,
  ) {}

  /** The queue's definition of a grouping run: expires (counts as lost) a little after the run's own bound. */
  jobDefinition(): JobDefinition<GroupingJob> {
    return {
      name: GROUPING_JOB,
      handler: (data, job) => this.execute(data, job),
      expireInSeconds: this.runTimeoutSeconds + Math.max(5, Math.ceil(this.runTimeoutSeconds / 10)),
      retryLimit: 1,
    };
  }

  private async createRun(ctx: RequestContext) {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    return this.uow.write(async (repos) => {
      // One run at a time, across instances: the check and the insert are serialised by a transaction lock.
      await repos.needs.lockRuns();
      if (await repos.needs.hasRunningRun()) throw new ConflictError('MUTUALISATION_RUN_IN_PROGRESS');
      const created = await repos.needs.insertRun(ctx.actor.kind === 'user' ? ctx.actor.id : null);
      await repos.needs.updateRun(created.id, { step: 'queued' });
      await repos.audit.record(
        auditOf(ctx, { action: 'mutualisation.run', entityType: 'mutualisation_run', entityId: created.id }),
      );
      return { ...created, step: 'queued' };
    });
  }

  async startRun(ctx: RequestContext): Promise<MutualisationRun> {
    // Runs whose job is gone (its process died and its retries are spent) are closed first, so they block nothing.
    await this.settleLostRuns();
    const run = await this.createRun(ctx);
    try {
      await this.jobs.send(GROUPING_JOB, { runId: run.id, actor: ctx.actor, ip: ctx.ip } satisfies GroupingJob, {
        id: run.id,
      });
    } catch (error) {
      await this.uow.write((repos) =>
        repos.needs.updateRun(run.id, { status: 'failed', error: (error as Error).message, finishedAt: this.now() }),
      );
      throw error;
    }
    return this.presentRun(run);
  }

  /**
   * A run done at once by the caller, without the queue: the demo's seed, which writes everything in one transaction
   * that the queue's own connection could not see (and on PGlite would wait for).
   */
  async runNow(ctx: RequestContext): Promise<MutualisationRun> {
    const run = await this.createRun(ctx);
    await this.execute({ runId: run.id, actor: ctx.actor, ip: ctx.ip }, { id: run.id, attempt: 0 }, 'in-place');
    const ended = await this.uow.read((repos) => repos.needs.findRun(run.id));
    return this.presentRun(ended!);
  }

  /** Resolves when the run has ended, whichever instance ran it (tests, CLI). */
  async waitForRun(id: string, timeoutMs = 120_000): Promise<MutualisationRun> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = await this.uow.read((repos) => repos.needs.findRun(id));
      if (!run) throw new NotFoundError('MUTUALISATION_RUN_NOT_FOUND');
      if (run.status !== 'running') return this.presentRun(run);
      if (Date.now() > until) throw new Error(`the grouping run ${id} has not ended`);
      await this.settleLostRuns();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async getRun(actor: Actor, id: string): Promise<MutualisationRun> {
    authorize(actor, 'read', { type: 'mutualisation' });
    let run = await this.uow.read((repos) => repos.needs.findRun(id));
    if (!run) throw new NotFoundError('MUTUALISATION_RUN_NOT_FOUND');
    if (run.status === 'running' && (await this.settleIfLost(run)))
      run = (await this.uow.read((repos) => repos.needs.findRun(id)))!;
    return this.presentRun(run);
  }

  async latestRun(actor: Actor): Promise<MutualisationRun | null> {
    authorize(actor, 'read', { type: 'mutualisation' });
    const run = await this.uow.read((repos) => repos.needs.latestRun());
    return run ? this.getRun(actor, run.id) : null;
  }

  /** Closes every « running » run whose job no longer runs nor waits for a retry. */
  private async settleLostRuns(): Promise<void> {
    for (const run of await this.uow.read((repos) => repos.needs.runningRuns())) await this.settleIfLost(run);
  }

  /**
   * A run is « running » while its job is queued, active or waiting for its retry. A job that failed (its process
   * died twice, or stopped with no retry left), was cancelled or is gone leaves the run failed with the reason —
   * never « running » forever (finding 6). Answers whether it changed the run.
   */
  private async settleIfLost(run: RunRow): Promise<boolean> {
    const job = await this.jobs.find(GROUPING_JOB, run.id);
    if (job && (job.state === 'created' || job.state === 'retry' || job.state === 'active')) return false;
    if (job?.state === 'completed') {
      // The handler ended without settling the run (it could not write): read it again before judging.
      const fresh = await this.uow.read((repos) => repos.needs.findRun(run.id));
      if (fresh?.status !== 'running') return true;
    }
    await this.uow.write((repos) =>
      repos.needs.settleRun(run.id, { status: 'failed', error: RUN_FAILURES.lost, finishedAt: this.now() }),
    );
    return true;
  }

  /** The job: reads the needs, groups them where it does not block the server (bounded), saves the proposals. */
  private async execute(
    data: GroupingJob,
    job: JobContext,
    where: 'queue' | 'in-place' = 'queue',
  ): Promise<{ status: string }> {
    const { runId } = data;
    const ctx: RequestContext = { actor: data.actor, ip: data.ip };
    const started = Date.now();
    const current = await this.uow.read((repos) => repos.needs.findRun(runId));
    if (current?.status !== 'running') return { status: 'settled' };
    // A retry starts over: the attempt before it died with its process, having saved nothing.
    const begin = job.attempt > 0 ? 'retry' : 'load';
    this.log.info?.({ runId, attempt: job.attempt, pid: process.pid }, 'grouping run started');
    await this.uow.read((repos) => repos.needs.updateRun(runId, { progress: 0, step: begin }));
    try {
      const needs = await this.uow.read((repos) => repos.needs.needsToGroup());
      const outcome = await this.runner.run(
        needs.map((n) => ({
          id: n.id,
          communeNis: n.communeNis,
          title: n.title,
          description: n.description,
          category: n.category,
        })),
        {
          deadline: started + this.runTimeoutSeconds * 1000,
          // Stored with the run, so every instance shows it; the last 10 % are the saving.
          onProgress: (fraction, step) =>
            this.uow.read((repos) => repos.needs.updateRun(runId, { progress: Math.round(fraction * 90) / 100, step })),
        },
      );
      await this.uow.read((repos) => repos.needs.updateRun(runId, { progress: 0.9, step: 'save' }));
      // An attempt that overran and was given up by the queue must not save over the attempt that replaced it.
      const now = where === 'queue' ? await this.jobs.find(GROUPING_JOB, job.id) : null;
      if (now && (now.state !== 'active' || now.retryCount !== job.attempt)) return { status: 'superseded' };
      await this.save(ctx, runId, needs, outcome, started);
      return { status: 'done' };
    } catch (error) {
      const message =
        error instanceof GroupingTimeoutError
          ? RUN_FAILURES.timeout(this.runTimeoutSeconds)
          : (error as Error).message.slice(0, 500);
      if (!(error instanceof GroupingTimeoutError)) this.log.error({ err: error, runId }, 'mutualisation run failed');
      // The run is settled here (the job completes): a run that fails on its data would fail again if retried.
      await this.uow.write((repos) =>
        repos.needs.settleRun(runId, { status: 'failed', error: message, finishedAt: this.now() }),
      );
      return { status: 'failed' };
    }
  }

  private async save(
    ctx: RequestContext,
    runId: string,
    needs: NeedRow[],
    outcome: GroupingOutcome,
    started: number,
  ): Promise<void> {
    await this.uow.write(async (repos) => {
      const dismissed = (await repos.needs.dismissedMemberSets()).map((set) => new Set(set));
      const replaced = await repos.needs.deleteProposedGroups();
      let saved = 0;
      for (const group of outcome.groups) {
        // A group the consultant dismissed is not proposed again with the same needs.
        if (dismissed.some((set) => group.needIds.every((id) => set.has(id)))) continue;
        await repos.needs.insertGroup(
          {
            runId,
            label: group.label,
            category: group.category,
            reason: group.reason,
            explanation: group.explanation,
            sharedTerms: group.sharedTerms,
          },
          group.needIds,
        );
        saved++;
      }
      // The categories recognised in needs entered without one: proposed on each need, replacing the last run's.
      const categorised = await repos.needs.replaceSuggestedCategories(
        needs.map((n) => n.id),
        outcome.suggestions,
      );
      const stats = {
        needs: needs.length,
        groups: saved,
        suggestedCategories: categorised,
        durationMs: Date.now() - started,
      };
      await repos.needs.updateRun(runId, {
        status: 'done',
        progress: 1,
        step: 'done',
        stats,
        finishedAt: this.now(),
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.groups-proposed',
          entityType: 'mutualisation_run',
          entityId: runId,
          // The proposals it replaced, and those it kept because someone had worked on them.
          after: { ...stats, replacedGroups: replaced.deleted, keptGroups: replaced.kept },
        }),
      );
    });
  }

  async listGroups(actor: Actor, filter: { status?: GroupSummary['status'] }): Promise<GroupSummary[]> {
    const scope = readScope(actor, 'mutualisation');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const rows = await this.uow.read((repos) =>
      repos.needs.listGroups({ ...filter, ...(scope.kind === 'commune' ? { communeNis: scope.communeNis } : {}) }),
    );
    return rows.map((r) => ({
      ...this.presentGroupBase(r.group),
      needCount: r.needCount,
      communeCount: r.communeCount,
      communeNames: r.communeNames,
    }));
  }

  async getGroup(actor: Actor, id: string): Promise<GroupDetail> {
    const detail = await this.uow.read(async (repos) => {
      const group = await repos.needs.findGroup(id);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const needs = await repos.needs.findMany(await repos.needs.groupNeedIds(id));
      const polls = await repos.needs.pollsOfGroup(id);
      const answers = await repos.needs.pollCommunes(polls.map((p) => p.id));
      const communes = await repos.needs.communesFacts([...new Set(needs.map((n) => n.communeNis))]);
      const found = await repos.needs.findPurchase(id);
      const purchase = found
        ? {
            ...found,
            callOffs: await repos.needs.purchaseCallOffs(found.id),
            solutionName: found.solutionId ? ((await repos.catalogue.solution(found.solutionId))?.name ?? null) : null,
          }
        : null;
      const purchaseLot = await this.lotLabel(repos, purchase?.lotId ?? null);
      return { group, needs, polls, answers, communes, purchase, purchaseLot };
    });
    const communeCodes = detail.communes.map((c) => c.nisCode);
    if (actor.kind === 'user' && !can(actor, 'read', { type: 'mutualisation', communeNis: '00000' })) {
      // A commune user reads a group only when their commune is in it.
      authorize(actor, 'read', {
        type: 'mutualisation',
        communeNis: communeCodes.includes(actor.communeNis ?? '') ? actor.communeNis : '00000',
      });
    } else authorize(actor, 'read', { type: 'mutualisation' });
    // What the caller sees of each commune's needs: in full, or by name and title only (policy.ts, needView).
    const full = (communeNis: string) => needView(actor, { communeNis }, communeCodes) === 'full';
    const seesAll = communeCodes.every(full);
    const communes = detail.communes.map((c) => {
      const own = detail.needs.filter((n) => n.communeNis === c.nisCode);
      return {
        nisCode: c.nisCode,
        name: c.name,
        population: c.population,
        needCount: own.length,
        budget: full(c.nisCode) ? own.reduce((sum, n) => sum + (n.estimatedBudget ?? 0), 0) : null,
      };
    });
    const priceModel = (detail.group.priceModel as PriceModel | null) ?? null;
    const quantities = (detail.group.scenarioQuantities as ScenarioQuantities | null) ?? null;
    return {
      ...this.presentGroupBase(detail.group),
      needCount: detail.needs.length,
      communeCount: communes.length,
      communeNames: communes.map((c) => c.name),
      needs: detail.needs.map((n) =>
        full(n.communeNis)
          ? {
              id: n.id,
              communeNis: n.communeNis,
              communeName: n.communeName,
              title: n.title,
              restricted: false,
              description: n.description,
              estimatedBudget: n.estimatedBudget,
              urgency: n.urgency,
            }
          : {
              id: n.id,
              communeNis: n.communeNis,
              communeName: n.communeName,
              title: n.title,
              restricted: true,
              description: null,
              estimatedBudget: null,
              urgency: null,
            },
      ),
      communes,
      totals: {
        population: communes.reduce((sum, c) => sum + (c.population ?? 0), 0),
        budget: seesAll ? communes.reduce((sum, c) => sum + (c.budget ?? 0), 0) : null,
      },
      priceModel,
      scenarioQuantities:
        quantities && !seesAll
          ? Object.fromEntries(Object.entries(quantities).filter(([nis]) => full(nis)))
          : quantities,
      yourShare: seesAll ? null : this.shareOf(actor, priceModel, quantities),
      polls: detail.polls.map((p) =>
        this.presentPoll(
          p,
          detail.answers.filter((a) => a.pollId === p.id),
          actor,
        ),
      ),
      purchase: detail.purchase ? this.presentPurchase(detail.purchase, detail.purchaseLot, actor) : null,
      permissions: { manage: can(actor, 'update', { type: 'mutualisation' }) },
    };
  }

  /** A commune user's line of the saved estimate: what their commune pays alone and together. */
  private shareOf(actor: Actor, model: PriceModel | null, quantities: ScenarioQuantities | null) {
    const nis = actor.kind === 'user' ? actor.communeNis : null;
    if (!model || !quantities || !nis || quantities[nis] === undefined) return null;
    try {
      const estimate = estimateSavings(
        model,
        Object.entries(quantities).map(([communeNis, quantity]) => ({ communeNis, quantity })),
      );
      const line = estimate.participants.find((p) => p.communeNis === nis)!;
      return {
        quantity: line.quantity,
        costAlone: line.costAlone,
        costTogether: line.costTogether,
        saving: line.saving,
      };
    } catch {
      return null;
    }
  }

  async act(ctx: RequestContext, id: string, action: GroupAction): Promise<GroupDetail> {
    authorize(ctx.actor, 'update', { type: 'mutualisation' });
    let resultId = id;
    await this.uow.write(async (repos) => {
      const group = await repos.needs.findGroup(id);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const memberIds = await repos.needs.groupNeedIds(id);
      const before = { status: group.status, label: group.label, needIds: memberIds };
      let after: Record<string, unknown> = {};
      switch (action.action) {
        case 'confirm':
        case 'dismiss':
        case 'reopen': {
          const status =
            action.action === 'confirm' ? 'confirmed' : action.action === 'dismiss' ? 'dismissed' : 'proposed';
          await repos.needs.updateGroup(id, { status });
          after = { status };
          break;
        }
        case 'rename':
          await repos.needs.updateGroup(id, { label: action.label });
          after = { label: action.label };
          break;
        case 'price-model': {
          if (action.priceModel) this.checkPriceModel(action.priceModel);
          if (action.quantities) await this.checkScenarioCommunes(repos, id, memberIds, action.quantities);
          const quantities = action.quantities === undefined ? group.scenarioQuantities : action.quantities;
          await repos.needs.updateGroup(id, { priceModel: action.priceModel, scenarioQuantities: quantities });
          after = { priceModel: action.priceModel, quantities };
          break;
        }
        case 'split': {
          const leaving = new Set(action.needIds);
          if (![...leaving].every((n) => memberIds.includes(n)))
            throw new ValidationError('NEED_NOT_IN_GROUP', { field: 'needIds' });
          const staying = memberIds.filter((n) => !leaving.has(n));
          if (staying.length === 0) throw new ValidationError('SPLIT_LEAVES_NOTHING', { field: 'needIds' });
          await repos.needs.setGroupNeeds(id, staying);
          // A consultant's change: the next grouping run keeps this group as it is now.
          await repos.needs.updateGroup(id, {});
          // The new group says whose needs it holds, so the two read apart in the list.
          const names = [...new Set((await repos.needs.findMany([...leaving])).map((n) => n.communeName))];
          const created = await repos.needs.insertGroup(
            {
              label: `${group.label} — ${frenchList(names)}`.slice(0, 200),
              category: group.category,
              reason: group.reason,
              explanation: group.explanation,
              sharedTerms: group.sharedTerms,
              status: 'proposed',
            },
            [...leaving],
          );
          after = { needIds: staying, newGroupId: created.id, newGroupNeedIds: [...leaving] };
          break;
        }
        case 'merge': {
          if (action.groupId === id) throw new ValidationError('MERGE_SAME_GROUP', { field: 'groupId' });
          const other = await repos.needs.findGroup(action.groupId);
          if (!other) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
          const otherIds = await repos.needs.groupNeedIds(other.id);
          const merged = [...new Set([...memberIds, ...otherIds])];
          // The merged group's polls (and the communes' answers), its purchase and its scenarios go to this one:
          // a merge deletes nothing anyone entered (decision 110).
          const carried = await repos.needs.carryGroupWork(other.id, id);
          if (!carried) throw new ConflictError('MERGE_TWO_PURCHASES');
          await repos.needs.deleteGroup(other.id);
          await repos.needs.setGroupNeeds(id, merged);
          await repos.needs.updateGroup(id, {
            sharedTerms: [...new Set([...group.sharedTerms, ...other.sharedTerms])],
            // The consultant's savings model and quantities: this group's, or the merged one's when it had none.
            ...(group.priceModel === null && other.priceModel !== null ? { priceModel: other.priceModel } : {}),
          });
          after = {
            needIds: merged,
            mergedGroupId: other.id,
            carriedPollIds: carried.pollIds,
            carriedPurchase: carried.purchase,
          };
          break;
        }
      }
      resultId = id;
      await repos.audit.record(
        auditOf(ctx, {
          action: `mutualisation.${action.action}`,
          entityType: 'mutualisation_group',
          entityId: id,
          before,
          after,
        }),
      );
    });
    return this.getGroup(ctx.actor, resultId);
  }

  async createPoll(ctx: RequestContext, groupId: string, input: PollCreateInput): Promise<InterestPoll> {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    const today = belgianToday(this.now());
    if (input.deadline < today) throw new ValidationError('DEADLINE_IN_PAST', { field: 'deadline' });
    const pollId = await this.uow.write(async (repos) => {
      const group = await repos.needs.findGroup(groupId);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const communeNis =
        input.audience === 'all'
          ? await repos.needs.currentCommuneCodes(today)
          : [
              ...new Set(
                (await repos.needs.findMany(await repos.needs.groupNeedIds(groupId))).map((n) => n.communeNis),
              ),
            ];
      const poll = await repos.needs.insertPoll(
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
      const poll = await repos.needs.findPoll(pollId);
      if (!poll) throw new NotFoundError('POLL_NOT_FOUND');
      return { poll, answers: await repos.needs.pollCommunes([poll.id]) };
    });
    return this.presentPoll(poll, answers, actor);
  }

  /** Polls the caller's commune is asked (a commune user), or every open poll (agency staff). */
  async myPolls(actor: Actor): Promise<InterestPoll[]> {
    authorize(actor, 'read', { type: 'interest_answer' });
    if (actor.kind !== 'user' || !actor.communeNis) return [];
    const communeNis = actor.communeNis;
    const rows = await this.uow.read((repos) => repos.needs.pollsForCommune(communeNis));
    return rows.map((r) => ({
      ...this.presentPoll(r.poll, [{ ...r.answer, communeName: '' }], actor),
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
      const poll = await repos.needs.findPoll(pollId);
      if (!poll) throw new NotFoundError('POLL_NOT_FOUND');
      if (poll.deadline < belgianToday(this.now())) throw new ConflictError('POLL_CLOSED');
      const answered = await repos.needs.answerPoll(pollId, communeNis, {
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

  /**
   * What the purchase would be (issue 10): the lines of the communes that said yes, priced with the group's model,
   * what the lot has left, and what the consultant must confirm and why. Writes nothing.
   */
  async draftPurchase(actor: Actor, groupId: string, query: { lotId?: string; solutionId?: string }) {
    authorize(actor, 'create', { type: 'mutualisation' });
    return this.uow.read(async (repos) => {
      const group = await repos.needs.findGroup(groupId);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      return this.draft(repos, group, query.lotId ?? null);
    });
  }

  private async draft(repos: Repositories, group: GroupRow, lotId: string | null): Promise<PurchaseDraft> {
    const [poll] = await repos.needs.pollsOfGroup(group.id);
    const yes = poll ? (await repos.needs.pollCommunes([poll.id])).filter((a) => a.answer === 'yes') : [];
    const { lines, totals } = this.priceLines(group, yes);
    // A commune with nothing to pay (no quantity under the price model) does not take part.
    const buying = lines.filter((l) => l.amount > 0);
    let lot: PurchaseDraft['lot'] = null;
    let notAdherent: string[] = [];
    let reference: string | null = null;
    if (lotId) {
      const row = await repos.catalogue.lot(lotId);
      const agreement = row ? await repos.catalogue.agreement(row.agreementId) : null;
      if (!row || !agreement) throw new ValidationError('LOT_NOT_FOUND', {}, { field: 'lotId' });
      const ordered = await repos.catalogue.orderedTotals([agreement.id]);
      const sum = (rows: typeof ordered) => rows.reduce((s, t) => s + t.amount, 0);
      lot = {
        id: row.id,
        label: (await this.lotLabel(repos, row.id))!.label,
        remaining: Math.round((row.ceiling - sum(ordered.filter((t) => t.lotId === row.id))) * 100) / 100,
        agreementRemaining:
          agreement.ceiling === null ? null : Math.round((agreement.ceiling - sum(ordered)) * 100) / 100,
      };
      reference = agreement.reference;
      for (const line of buying) {
        if (!(await repos.catalogue.hasAdhered(agreement.id, line.communeNis))) notAdherent.push(line.communeName);
      }
      notAdherent = notAdherent.sort((a, b) => a.localeCompare(b, 'fr'));
    }
    return {
      lines: buying,
      totals,
      amount: Math.round(buying.reduce((s, l) => s + l.amount, 0) * 100) / 100,
      lot,
      warnings: purchaseWarnings({ communes: buying.length, totals, notAdherent, agreementReference: reference }),
    };
  }

  /**
   * A confirmed group becomes a joint purchase of the communes that said yes, priced with the group's model. Through
   * a framework lot, each commune's line is a call-off of the chosen solution, placed by the catalogue's one
   * mechanism (placeCallOffs): it consumes the lot's and the agreement's ceilings and is refused beyond them, also
   * when orders arrive at the same time. A purchase of one commune, without saving, or of communes that have not
   * adhered waits for the consultant's confirmation of each reason (409 with the reasons otherwise).
   */
  async createPurchase(ctx: RequestContext, groupId: string, input: PurchaseInput): Promise<JointPurchase> {
    authorize(ctx.actor, 'create', { type: 'mutualisation' });
    const actorId = ctx.actor.kind === 'user' ? ctx.actor.id : null;
    const purchaseId = await this.uow.write(async (repos) => {
      // Through a lot, its ceilings are locked first, as every order under it does (call-offs.ts, lockLot); then
      // the group, so two requests for one group cannot both make its purchase.
      if (input.lotId) await lockLot(repos, input.lotId).catch(rethrowAs('LOT_NOT_FOUND', 'lotId'));
      const group = await repos.needs.findGroup(groupId, { lock: true });
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      if (group.status !== 'confirmed') throw new ConflictError('GROUP_NOT_CONFIRMED');
      if (await repos.needs.findPurchase(groupId)) throw new ConflictError('PURCHASE_EXISTS');
      const draft = await this.draft(repos, group, input.lotId);
      if (draft.lines.length === 0) throw new ConflictError('PURCHASE_WITHOUT_ANSWERS');
      const missing = unconfirmed(draft.warnings, input.confirmed);
      if (missing.length) {
        throw new AppError(
          409,
          'PURCHASE_NEEDS_CONFIRMATION',
          { reasons: missing.map((w) => w.messageFr).join(' ') },
          { warnings: missing },
        );
      }
      const created = await repos.needs.insertPurchase({
        groupId,
        title: input.title,
        lotId: input.lotId,
        solutionId: input.solutionId,
        lines: draft.lines,
        totals: draft.totals,
        createdBy: actorId,
      });
      if (input.lotId && input.solutionId) {
        const lot = (await repos.catalogue.lot(input.lotId))!;
        // The adhesions the consultant confirmed, recorded on the communes' behalf before their orders.
        for (const line of draft.lines) {
          if (await repos.catalogue.adhere(lot.agreementId, line.communeNis, actorId)) {
            await repos.audit.record(
              auditOf(ctx, {
                action: 'catalogue.adhesion.create',
                entityType: 'agreement',
                entityId: lot.agreementId,
                communeNis: line.communeNis,
                after: { communeNis: line.communeNis, onBehalf: true, jointPurchaseId: created.id },
              }),
            );
          }
        }
        const placed = await placeCallOffs(repos, {
          lotId: input.lotId,
          solutionId: input.solutionId,
          today: belgianToday(this.now()),
          visibleStatuses: ['listed'],
          orderedBy: actorId,
          lines: draft.lines.map((line) => ({
            communeNis: line.communeNis,
            // A commune that gave a budget and no quantity orders one unit of the solution for that budget.
            quantity: Math.max(1, line.quantity),
            amount: line.amount,
            note: `Achat groupé « ${input.title} »`,
          })),
        });
        await repos.needs.linkCallOffs(created.id, placed.ids);
      }
      await repos.audit.record(
        auditOf(ctx, {
          action: 'mutualisation.purchase',
          entityType: 'joint_purchase',
          entityId: created.id,
          after: {
            groupId,
            title: input.title,
            lotId: input.lotId,
            solutionId: input.solutionId,
            lines: draft.lines,
            totals: draft.totals,
            confirmed: input.confirmed,
          },
        }),
      );
      return created.id;
    });
    return (await this.getGroup(ctx.actor, groupId)).purchase ?? this.missingPurchase(purchaseId);
  }

  private missingPurchase(id: string): never {
    throw new NotFoundError('PURCHASE_NOT_FOUND', { id });
  }

  /** "lot 2 « Territoire connecté » de l’accord-cadre REF, attribué à VENDOR": how a purchase names its framework lot. */
  private async lotLabel(repos: Repositories, lotId: string | null) {
    if (!lotId) return null;
    const lot = await repos.catalogue.lot(lotId);
    const agreement = lot ? await repos.catalogue.agreement(lot.agreementId) : null;
    if (!lot || !agreement) return null;
    const vendor = lot.vendor ? `, attribué à ${lot.vendor}` : '';
    return {
      id: lot.id,
      agreementId: agreement.id,
      label: `lot ${lot.number} « ${lot.title} » de l’accord-cadre ${agreement.reference}${vendor}`,
    };
  }

  private priceLines(group: GroupRow, yes: PollCommuneRow[]) {
    const model = group.priceModel as PriceModel | null;
    if (model && yes.some((a) => (a.quantity ?? 0) > 0)) {
      const estimate = this.estimate(
        model,
        yes.map((a) => ({ communeNis: a.communeNis, quantity: a.quantity ?? 0 })),
      );
      return {
        lines: estimate.participants.map((p) => ({
          communeNis: p.communeNis,
          communeName: yes.find((a) => a.communeNis === p.communeNis)!.communeName,
          quantity: p.quantity,
          amount: p.costTogether,
        })),
        totals: {
          quantity: estimate.totals.quantity,
          costAlone: estimate.totals.costAlone,
          costTogether: estimate.totals.costTogether,
          saving: estimate.totals.saving,
        },
      };
    }
    return {
      lines: yes.map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        quantity: a.quantity ?? 0,
        amount: a.budget ?? 0,
      })),
      totals: null,
    };
  }

  private estimate(model: PriceModel, participants: { communeNis: string; quantity: number }[]) {
    try {
      return estimateSavings(model, participants);
    } catch (error) {
      if (error instanceof DomainError) throw fromDomainError(error);
      throw error;
    }
  }

  /** A scenario counts the group's communes and those its polls asked, no other. */
  private async checkScenarioCommunes(
    repos: Repositories,
    groupId: string,
    memberIds: string[],
    quantities: ScenarioQuantities,
  ) {
    const members = new Set((await repos.needs.findMany(memberIds)).map((n) => n.communeNis));
    const polls = await repos.needs.pollsOfGroup(groupId);
    for (const answer of await repos.needs.pollCommunes(polls.map((p) => p.id))) members.add(answer.communeNis);
    const stranger = Object.keys(quantities).find((nis) => !members.has(nis));
    if (stranger) throw new ValidationError('COMMUNE_NOT_IN_GROUP', { nisCode: stranger }, { field: 'quantities' });
  }

  private checkPriceModel(model: PriceModel) {
    this.estimate(model, [{ communeNis: '00000', quantity: 1 }]);
  }

  private presentRun(run: RunRow): MutualisationRun {
    return {
      id: run.id,
      status: run.status,
      progress: run.progress,
      step: run.step,
      stats: (run.stats as MutualisationRun['stats']) ?? null,
      error: run.error,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    };
  }

  private presentGroupBase(group: GroupRow) {
    return {
      id: group.id,
      status: group.status,
      label: group.label,
      category: group.category,
      reason: group.reason,
      explanation: GroupExplanation.nullable()
        .catch(null)
        .parse(group.explanation ?? null),
      sharedTerms: group.sharedTerms,
      updatedAt: group.updatedAt.toISOString(),
    };
  }

  private presentPoll(poll: PollRow, answers: PollCommuneRow[], actor: Actor): InterestPoll {
    const visible = answers.filter((a) => can(actor, 'read', { type: 'interest_answer', communeNis: a.communeNis }));
    return {
      id: poll.id,
      groupId: poll.groupId,
      question: poll.question,
      unit: poll.unit,
      deadline: poll.deadline,
      audience: poll.audience,
      closed: poll.deadline < belgianToday(this.now()),
      asked: answers.length,
      answers: visible.map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        answer: a.answer,
        quantity: a.quantity,
        budget: a.budget,
        comment: a.comment,
        answeredAt: a.answeredAt?.toISOString() ?? null,
      })),
      createdAt: poll.createdAt.toISOString(),
    };
  }

  /** A commune user reads their own commune's line only; the totals would add up the others'. */
  private presentPurchase(
    row: NonNullable<Awaited<ReturnType<Repositories['needs']['findPurchase']>>> & {
      callOffs: { callOffId: string; communeNis: string }[];
      solutionName: string | null;
    },
    lot: JointPurchase['lot'],
    actor: Actor,
  ): JointPurchase {
    const lines = row.lines as Omit<JointPurchase['lines'][number], 'callOffId'>[];
    const visible = lines.filter((l) => can(actor, 'read', { type: 'interest_answer', communeNis: l.communeNis }));
    return {
      id: row.id,
      title: row.title,
      lot,
      solution: row.solutionId ? { id: row.solutionId, name: row.solutionName ?? '' } : null,
      lines: visible.map((l) => ({
        ...l,
        callOffId: row.callOffs.find((c) => c.communeNis === l.communeNis)?.callOffId ?? null,
      })),
      totals: visible.length === lines.length ? ((row.totals as JointPurchase['totals']) ?? null) : null,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
