import type { PriceModel } from '../../domain/mutualisation/savings.ts';
import type { ScenarioCreateInput } from '../../domain/purchasing/api.ts';
import { lotPricingFromGroup } from '../../domain/purchasing/lot-from-group.ts';
import { type Participation, participationsFromAnswers } from '../../domain/purchasing/scenario.ts';
import { smartCategory } from '../../domain/shared/smart-categories.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import type { StoredLot } from './purchasing.presenter.ts';

/**
 * A confirmed group a scenario starts from, with the communes' lines its poll (or its needs) gave, the unit its poll
 * counted and the price model of its savings estimate, when the consultant set one.
 */
export type GroupSource = {
  id: string;
  label: string;
  category: string | null;
  lines: Participation[];
  pollUnit: string | null;
  priceModel: PriceModel | null;
};

/** The confirmed groups a new scenario starts from; an unknown or unconfirmed group is refused. */
export async function groupSources(repos: Repositories, groupIds: string[]): Promise<GroupSource[]> {
  const sources: GroupSource[] = [];
  for (const [index, groupId] of groupIds.entries()) {
    const group = await repos.mutualisationGroups.findGroup(groupId);
    if (!group) throw new ValidationError('MUTUALISATION_GROUP_NOT_FOUND', {}, { field: `groupIds.${index}` });
    if (group.status !== 'confirmed') {
      throw new ConflictError('SCENARIO_GROUP_NOT_CONFIRMED', { label: group.label });
    }
    const [poll] = await repos.interestPolls.pollsOfGroup(group.id);
    sources.push({
      id: group.id,
      label: group.label,
      category: group.category,
      lines: await linesOf(repos, group.id, poll?.id ?? null),
      pollUnit: poll?.unit ?? null,
      priceModel: group.priceModel ?? null,
    });
  }
  return sources;
}

/** The lines of a group's latest poll answered yes; without a poll, the budgets its needs gave, by commune. */
async function linesOf(repos: Repositories, groupId: string, latestPollId: string | null): Promise<Participation[]> {
  if (latestPollId) {
    const answers = await repos.interestPolls.pollCommunes([latestPollId]);
    const lines = participationsFromAnswers(
      answers.map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        answer: a.answer,
        quantity: a.quantity,
        budget: a.budget === null ? null : Number(a.budget),
      })),
    );
    if (lines.length) return lines;
  }
  const needs = await repos.needs.findMany(await repos.mutualisationGroups.groupNeedIds(groupId));
  return participationsFromAnswers(
    needs.map((n) => ({
      communeNis: n.communeNis,
      communeName: n.communeName,
      answer: 'yes',
      quantity: null,
      budget: n.estimatedBudget === null ? null : Number(n.estimatedBudget),
    })),
  );
}

/** Lots from the groups: one per group, or one per category (groups without a category keep their own lot). */
export function groupLots(
  sources: GroupSource[],
  lotsBy: NonNullable<ScenarioCreateInput['lotsBy']>,
  nature: StoredLot['nature'],
): { lot: StoredLot; lines: Participation[]; priceModel: PriceModel | null }[] {
  const buckets = new Map<string, GroupSource[]>();
  for (const source of sources) {
    const key = lotsBy === 'category' && source.category ? `category:${source.category}` : `group:${source.id}`;
    buckets.set(key, [...(buckets.get(key) ?? []), source]);
  }
  return [...buckets.values()].map((members, i) => {
    const category = members[0]!.category;
    const label =
      members.length === 1
        ? members[0]!.label
        : (smartCategory(category ?? '')?.fr ?? members.map((m) => m.label).join(' + '));
    const merged = participationsFromAnswers(
      members.flatMap((m) =>
        m.lines.map((l) => ({
          communeNis: l.communeNis,
          communeName: l.communeName,
          answer: 'yes' as const,
          quantity: l.quantity,
          budget: l.amount,
        })),
      ),
    );
    // A lot of one group starts from that group's savings estimate; a lot of several has no one price to start from.
    const only = members.length === 1 ? members[0]! : null;
    const pricing = only
      ? lotPricingFromGroup(only.priceModel, only.pollUnit, merged)
      : { unit: new Set(members.map((m) => m.pollUnit)).size === 1 ? members[0]!.pollUnit : null, unitPrice: null };
    return {
      lot: { key: `lot-${i + 1}`, label, category, nature, ...pricing, options: [] },
      lines: merged,
      priceModel: only?.priceModel ?? null,
    };
  });
}
