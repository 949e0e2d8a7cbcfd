import type {
  GroupDetail,
  InterestPoll,
  JointPurchase,
  MutualisationRun,
  ScenarioQuantities,
} from '../../domain/mutualisation/api.ts';
import { GroupExplanation } from '../../domain/mutualisation/grouping.ts';
import { estimateSavings, type PriceModel } from '../../domain/mutualisation/savings.ts';
import { type Actor, can, needView } from '../auth/policy.ts';
import type { jointPurchases } from '../db/schema/index.ts';
import type { RunRow } from './grouping-runs.repository.ts';
import type { PollCommuneRow, PollRow } from './interest-polls.repository.ts';
import type { GroupRow } from './mutualisation-groups.repository.ts';
import type { NeedRecord } from './needs.repository.ts';

type PurchaseRow = typeof jointPurchases.$inferSelect;

/** A joint purchase as read with its call-offs and its solution's name. */
export type PurchaseFacts = PurchaseRow & {
  callOffs: { callOffId: string; communeNis: string }[];
  solutionName: string | null;
};

/** What the service reads of a group before presenting it to one caller. */
export type GroupFacts = {
  group: GroupRow;
  needs: NeedRecord[];
  polls: PollRow[];
  answers: PollCommuneRow[];
  communes: { nisCode: string; name: string; population: number | null }[];
  purchase: PurchaseFacts | null;
  purchaseLot: JointPurchase['lot'];
};

export function presentRun(run: RunRow): MutualisationRun {
  return {
    id: run.id,
    status: run.status,
    progress: run.progress,
    step: run.step,
    stats: run.stats ?? null,
    error: run.error,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function presentGroupBase(group: GroupRow) {
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

/** A commune's own polls are its users' to answer: staff may record an answer for a commune, not be asked (auth.routes.ts). */
function answersForOwnCommune(actor: Actor): boolean {
  return (
    actor.kind === 'user' &&
    actor.communeNis !== null &&
    can(actor, 'update', { type: 'interest_answer', communeNis: actor.communeNis })
  );
}

export function presentPoll(poll: PollRow, answers: PollCommuneRow[], actor: Actor, today: string): InterestPoll {
  const visible = answers.filter((a) => can(actor, 'read', { type: 'interest_answer', communeNis: a.communeNis }));
  const closed = poll.deadline < today;
  return {
    id: poll.id,
    groupId: poll.groupId,
    question: poll.question,
    unit: poll.unit,
    deadline: poll.deadline,
    audience: poll.audience,
    closed,
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
    permissions: { answer: !closed && answersForOwnCommune(actor) },
  };
}

/** A commune user reads their own commune's line only; the totals would add up the others'. */
export function presentPurchase(row: PurchaseFacts, lot: JointPurchase['lot'], actor: Actor): JointPurchase {
  const lines = row.lines;
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
    totals: visible.length === lines.length ? (row.totals ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A group as one caller may read it: the needs of communes they may not read in full are named only (policy.ts). */
export function presentGroupDetail(detail: GroupFacts, actor: Actor, today: string): GroupDetail {
  const communeCodes = detail.communes.map((c) => c.nisCode);
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
  const priceModel = detail.group.priceModel ?? null;
  const quantities = detail.group.scenarioQuantities ?? null;
  return {
    ...presentGroupBase(detail.group),
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
      quantities && !seesAll ? Object.fromEntries(Object.entries(quantities).filter(([nis]) => full(nis))) : quantities,
    yourShare: seesAll ? null : shareOf(actor, priceModel, quantities),
    polls: detail.polls.map((p) =>
      presentPoll(
        p,
        detail.answers.filter((a) => a.pollId === p.id),
        actor,
        today,
      ),
    ),
    purchase: detail.purchase ? presentPurchase(detail.purchase, detail.purchaseLot, actor) : null,
    permissions: {
      manage: can(actor, 'update', { type: 'mutualisation' }),
      poll: can(actor, 'create', { type: 'mutualisation' }),
      buy: !detail.purchase && detail.group.status === 'confirmed' && can(actor, 'create', { type: 'mutualisation' }),
    },
  };
}

/** A commune user's line of the saved estimate: what their commune pays alone and together. */
function shareOf(actor: Actor, model: PriceModel | null, quantities: ScenarioQuantities | null) {
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
