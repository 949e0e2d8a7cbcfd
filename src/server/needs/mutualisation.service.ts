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
import { frenchList } from '../../domain/mutualisation/purchase.ts';
import type { PriceModel } from '../../domain/mutualisation/savings.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { GroupingRunner } from './grouping-runner.ts';
import { GroupingRuns } from './grouping-runs.ts';
import { InterestPolls } from './interest-polls.ts';
import { JointPurchases, lotLabel, priceEstimate } from './joint-purchases.ts';
import { presentGroupBase, presentGroupDetail } from './mutualisation.presenter.ts';
import type { GroupRow } from './mutualisation-groups.repository.ts';

export { GROUPING_JOB } from './grouping-runs.ts';

/**
 * The mutualisation (issue 5), one entry point split by use case: the grouping runs (grouping-runs.ts), the groups a
 * consultant confirms, splits, merges or dismisses (here), the interest polls (interest-polls.ts) and the joint
 * purchase (joint-purchases.ts); what each caller reads of them is in mutualisation.presenter.ts.
 */
export class MutualisationService {
  private readonly runs: GroupingRuns;
  private readonly polls: InterestPolls;
  private readonly purchases: JointPurchases;

  constructor(
    private readonly uow: UnitOfWork,
    log: {
      error(object: unknown, message: string): void;
      info?(object: unknown, message: string): void;
    },
    private readonly now: () => Date,
    jobs: Pick<JobQueue, 'send' | 'find'>,
    runner: GroupingRunner,
    runTimeoutSeconds: number,
  ) {
    this.runs = new GroupingRuns(uow, log, now, jobs, runner, runTimeoutSeconds);
    this.polls = new InterestPolls(uow, now);
    this.purchases = new JointPurchases(uow, now, (actor, groupId) => this.getGroup(actor, groupId));
  }

  // Grouping runs (grouping-runs.ts).
  jobDefinition() {
    return this.runs.jobDefinition();
  }
  startRun(ctx: RequestContext): Promise<MutualisationRun> {
    return this.runs.startRun(ctx);
  }
  runNow(ctx: RequestContext): Promise<MutualisationRun> {
    return this.runs.runNow(ctx);
  }
  waitForRun(id: string, timeoutMs?: number): Promise<MutualisationRun> {
    return this.runs.waitForRun(id, timeoutMs);
  }
  getRun(actor: Actor, id: string): Promise<MutualisationRun> {
    return this.runs.getRun(actor, id);
  }
  latestRun(actor: Actor): Promise<MutualisationRun | null> {
    return this.runs.latestRun(actor);
  }

  // Interest polls (interest-polls.ts).
  createPoll(ctx: RequestContext, groupId: string, input: PollCreateInput): Promise<InterestPoll> {
    return this.polls.createPoll(ctx, groupId, input);
  }
  getPoll(actor: Actor, pollId: string): Promise<InterestPoll> {
    return this.polls.getPoll(actor, pollId);
  }
  myPolls(actor: Actor): Promise<InterestPoll[]> {
    return this.polls.myPolls(actor);
  }
  answer(ctx: RequestContext, pollId: string, input: PollAnswerInput): Promise<InterestPoll> {
    return this.polls.answer(ctx, pollId, input);
  }

  // Joint purchase (joint-purchases.ts).
  draftPurchase(actor: Actor, groupId: string, query: { lotId?: string; solutionId?: string }): Promise<PurchaseDraft> {
    return this.purchases.draftPurchase(actor, groupId, query);
  }
  createPurchase(ctx: RequestContext, groupId: string, input: PurchaseInput): Promise<JointPurchase> {
    return this.purchases.createPurchase(ctx, groupId, input);
  }

  // Groups.

  async listGroups(actor: Actor, filter: { status?: GroupSummary['status'] }): Promise<GroupSummary[]> {
    const scope = readScope(actor, 'mutualisation');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const rows = await this.uow.read((repos) =>
      repos.mutualisationGroups.listGroups({
        ...filter,
        ...(scope.kind === 'commune' ? { communeNis: scope.communeNis } : {}),
      }),
    );
    return rows.map((r) => ({
      ...presentGroupBase(r.group),
      needCount: r.needCount,
      communeCount: r.communeCount,
      communeNames: r.communeNames,
    }));
  }

  async getGroup(actor: Actor, id: string): Promise<GroupDetail> {
    const detail = await this.uow.read(async (repos) => {
      const group = await repos.mutualisationGroups.findGroup(id);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const needs = await repos.needs.findMany(await repos.mutualisationGroups.groupNeedIds(id));
      const polls = await repos.interestPolls.pollsOfGroup(id);
      const answers = await repos.interestPolls.pollCommunes(polls.map((p) => p.id));
      const communes = await repos.mutualisationGroups.communesFacts([...new Set(needs.map((n) => n.communeNis))]);
      const found = await repos.jointPurchases.findPurchase(id);
      const purchase = found
        ? {
            ...found,
            callOffs: await repos.jointPurchases.purchaseCallOffs(found.id),
            solutionName: found.solutionId ? ((await repos.catalogue.solution(found.solutionId))?.name ?? null) : null,
          }
        : null;
      const purchaseLot = await lotLabel(repos, purchase?.lotId ?? null);
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
    return presentGroupDetail(detail, actor, belgianToday(this.now()));
  }

  async act(ctx: RequestContext, id: string, action: GroupAction): Promise<GroupDetail> {
    authorize(ctx.actor, 'update', { type: 'mutualisation' });
    let resultId = id;
    await this.uow.write(async (repos) => {
      const group = await repos.mutualisationGroups.findGroup(id);
      if (!group) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
      const memberIds = await repos.mutualisationGroups.groupNeedIds(id);
      const before = { status: group.status, label: group.label, needIds: memberIds };
      let after: Record<string, unknown> = {};
      switch (action.action) {
        case 'confirm':
        case 'dismiss':
        case 'reopen': {
          const status =
            action.action === 'confirm' ? 'confirmed' : action.action === 'dismiss' ? 'dismissed' : 'proposed';
          await repos.mutualisationGroups.updateGroup(id, { status });
          after = { status };
          break;
        }
        case 'rename':
          await repos.mutualisationGroups.updateGroup(id, { label: action.label });
          after = { label: action.label };
          break;
        case 'price-model': {
          if (action.priceModel) this.checkPriceModel(action.priceModel);
          if (action.quantities) await this.checkScenarioCommunes(repos, id, memberIds, action.quantities);
          const quantities = action.quantities === undefined ? group.scenarioQuantities : action.quantities;
          await repos.mutualisationGroups.updateGroup(id, {
            priceModel: action.priceModel,
            scenarioQuantities: quantities,
          });
          after = { priceModel: action.priceModel, quantities };
          break;
        }
        case 'split':
          after = await this.split(repos, group, memberIds, action.needIds);
          break;
        case 'merge': {
          if (action.groupId === id) throw new ValidationError('MERGE_SAME_GROUP', { field: 'groupId' });
          const other = await repos.mutualisationGroups.findGroup(action.groupId);
          if (!other) throw new NotFoundError('MUTUALISATION_GROUP_NOT_FOUND');
          const otherIds = await repos.mutualisationGroups.groupNeedIds(other.id);
          const merged = [...new Set([...memberIds, ...otherIds])];
          // The merged group's polls (and the communes' answers), its purchase and its scenarios go to this one:
          // a merge deletes nothing anyone entered (decision 110).
          const carried = await repos.mutualisationGroups.carryGroupWork(other.id, id);
          if (!carried) throw new ConflictError('MERGE_TWO_PURCHASES');
          await repos.mutualisationGroups.deleteGroup(other.id);
          await repos.mutualisationGroups.setGroupNeeds(id, merged);
          await repos.mutualisationGroups.updateGroup(id, {
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

  /** Splits the given needs off a group into a new proposed group; the group keeps the others. */
  private async split(repos: Repositories, group: GroupRow, memberIds: string[], needIds: string[]) {
    const leaving = new Set(needIds);
    if (![...leaving].every((n) => memberIds.includes(n)))
      throw new ValidationError('NEED_NOT_IN_GROUP', { field: 'needIds' });
    const staying = memberIds.filter((n) => !leaving.has(n));
    if (staying.length === 0) throw new ValidationError('SPLIT_LEAVES_NOTHING', { field: 'needIds' });
    await repos.mutualisationGroups.setGroupNeeds(group.id, staying);
    // A consultant's change: the next grouping run keeps this group as it is now.
    await repos.mutualisationGroups.updateGroup(group.id, {});
    // The new group says whose needs it holds, so the two read apart in the list.
    const names = [...new Set((await repos.needs.findMany([...leaving])).map((n) => n.communeName))];
    const created = await repos.mutualisationGroups.insertGroup(
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
    return { needIds: staying, newGroupId: created.id, newGroupNeedIds: [...leaving] };
  }

  /** A scenario counts the group's communes and those its polls asked, no other. */
  private async checkScenarioCommunes(
    repos: Repositories,
    groupId: string,
    memberIds: string[],
    quantities: ScenarioQuantities,
  ) {
    const members = new Set((await repos.needs.findMany(memberIds)).map((n) => n.communeNis));
    const polls = await repos.interestPolls.pollsOfGroup(groupId);
    for (const answer of await repos.interestPolls.pollCommunes(polls.map((p) => p.id))) members.add(answer.communeNis);
    const stranger = Object.keys(quantities).find((nis) => !members.has(nis));
    if (stranger) throw new ValidationError('COMMUNE_NOT_IN_GROUP', { nisCode: stranger }, { field: 'quantities' });
  }

  private checkPriceModel(model: PriceModel) {
    priceEstimate(model, [{ communeNis: '00000', quantity: 1 }]);
  }
}
