import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  communes,
  interestPolls,
  jointPurchases,
  mutualisationGroupNeeds,
  mutualisationGroups,
  needs,
} from '../db/schema/index.ts';

export type GroupRow = typeof mutualisationGroups.$inferSelect;

/**
 * A proposed group someone worked on, which a grouping run keeps (on `mutualisation_groups`): it has an interest
 * poll, a joint purchase or a price model, was made by a consultant (a split: no run), or a consultant changed it
 * since its run made it (renamed, reopened, split, merged into: its `updated_at` moved).
 */
export const keptGroup = (alias: string) => {
  const g = sql.raw(alias);
  return sql`(exists (select 1 from interest_polls p where p.group_id = ${g}.id)
    or exists (select 1 from joint_purchases jp where jp.group_id = ${g}.id)
    or ${g}.price_model is not null or ${g}.scenario_quantities is not null
    or ${g}.run_id is null or ${g}.updated_at > ${g}.created_at)`;
};

/** The mutualisation groups, their needs and communes (`repos.mutualisationGroups`). */
export class MutualisationGroupsRepository {
  constructor(private readonly db: Executor) {}

  async insertGroup(row: typeof mutualisationGroups.$inferInsert, needIds: string[]): Promise<GroupRow> {
    const [group] = await this.db.insert(mutualisationGroups).values(row).returning();
    await this.setGroupNeeds(group!.id, needIds);
    return group!;
  }

  async setGroupNeeds(groupId: string, needIds: string[]): Promise<void> {
    await this.db.delete(mutualisationGroupNeeds).where(eq(mutualisationGroupNeeds.groupId, groupId));
    for (let i = 0; i < needIds.length; i += 1000) {
      await this.db
        .insert(mutualisationGroupNeeds)
        .values(needIds.slice(i, i + 1000).map((needId) => ({ groupId, needId })));
    }
  }

  async updateGroup(id: string, patch: Partial<typeof mutualisationGroups.$inferInsert>): Promise<void> {
    await this.db
      .update(mutualisationGroups)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(mutualisationGroups.id, id));
  }

  /**
   * Carries what was entered on group `fromId` to group `toId` before `fromId` is merged into it and deleted: its
   * interest polls (with the communes' answers), its joint purchase and its place in procurement scenarios. Nothing a
   * commune entered is deleted by a merge. Answers the polls carried, and whether a purchase was; `null` when both
   * groups have a joint purchase (a group holds one at most: the consultant must choose).
   */
  async carryGroupWork(fromId: string, toId: string): Promise<{ pollIds: string[]; purchase: boolean } | null> {
    const purchases = await this.db
      .select({ id: jointPurchases.id, groupId: jointPurchases.groupId })
      .from(jointPurchases)
      .where(inArray(jointPurchases.groupId, [fromId, toId]));
    if (purchases.length > 1) return null;
    const carriedPurchase = purchases.some((p) => p.groupId === fromId);
    if (carriedPurchase) {
      await this.db.update(jointPurchases).set({ groupId: toId }).where(eq(jointPurchases.groupId, fromId));
    }
    const polls = await this.db
      .update(interestPolls)
      .set({ groupId: toId })
      .where(eq(interestPolls.groupId, fromId))
      .returning({ id: interestPolls.id });
    // Procurement scenarios name groups (`restrict`): the kept group takes the merged one's place.
    await this.db.execute(sql`insert into scenario_groups (scenario_id, group_id)
      select scenario_id, ${toId}::uuid from scenario_groups where group_id = ${fromId}::uuid
      on conflict do nothing`);
    await this.db.execute(sql`delete from scenario_groups where group_id = ${fromId}::uuid`);
    return { pollIds: polls.map((p) => p.id), purchase: carriedPurchase };
  }

  async deleteGroup(id: string): Promise<void> {
    await this.db.delete(mutualisationGroups).where(eq(mutualisationGroups.id, id));
  }

  async findGroup(id: string, options: { lock?: boolean } = {}): Promise<GroupRow | null> {
    const query = this.db.select().from(mutualisationGroups).where(eq(mutualisationGroups.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async groupNeedIds(groupId: string): Promise<string[]> {
    const rows = await this.db
      .select({ needId: mutualisationGroupNeeds.needId })
      .from(mutualisationGroupNeeds)
      .where(eq(mutualisationGroupNeeds.groupId, groupId));
    return rows.map((r) => r.needId);
  }

  /** Groups with their size, largest first; `communeNis` keeps those with a need of that commune. */
  async listGroups(filter: { status?: GroupRow['status']; communeNis?: string }) {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(mutualisationGroups.status, filter.status));
    if (filter.communeNis)
      conditions.push(
        sql`exists (select 1 from ${mutualisationGroupNeeds} gn join ${needs} n on n.id = gn.need_id
          where gn.group_id = mutualisation_groups.id and n.commune_nis = ${filter.communeNis})`,
      );
    return this.db
      .select({
        group: mutualisationGroups,
        needCount: sql<number>`(select count(*)::int from ${mutualisationGroupNeeds} gn where gn.group_id = mutualisation_groups.id)`,
        communeCount: sql<number>`(select count(distinct n.commune_nis)::int from ${mutualisationGroupNeeds} gn
          join ${needs} n on n.id = gn.need_id where gn.group_id = mutualisation_groups.id)`,
        communeNames: sql<
          string[]
        >`(select coalesce(array_agg(distinct c.name order by c.name), '{}') from ${mutualisationGroupNeeds} gn
          join ${needs} n on n.id = gn.need_id join ${communes} c on c.nis_code = n.commune_nis
          where gn.group_id = mutualisation_groups.id)`,
      })
      .from(mutualisationGroups)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(
        sql`case ${mutualisationGroups.status} when 'confirmed' then 0 when 'proposed' then 1 else 2 end`,
        sql`(select count(*) from ${mutualisationGroupNeeds} gn where gn.group_id = mutualisation_groups.id) desc`,
        asc(mutualisationGroups.label),
      );
  }

  async communesFacts(nisCodes: string[]) {
    if (!nisCodes.length) return [];
    return this.db
      .select({ nisCode: communes.nisCode, name: communes.name, population: communes.population })
      .from(communes)
      .where(inArray(communes.nisCode, nisCodes))
      .orderBy(asc(communes.name));
  }

  async currentCommuneCodes(today: string): Promise<string[]> {
    const rows = await this.db
      .select({ nisCode: communes.nisCode })
      .from(communes)
      .where(or(isNull(communes.mergedOn), sql`${communes.mergedOn} > ${today}`));
    return rows.map((r) => r.nisCode);
  }

  /** The groups a need belongs to, for its detail page. */
  async groupsOfNeed(needId: string): Promise<{ id: string; label: string; status: GroupRow['status'] }[]> {
    return this.db
      .select({ id: mutualisationGroups.id, label: mutualisationGroups.label, status: mutualisationGroups.status })
      .from(mutualisationGroupNeeds)
      .innerJoin(mutualisationGroups, eq(mutualisationGroups.id, mutualisationGroupNeeds.groupId))
      .where(eq(mutualisationGroupNeeds.needId, needId));
  }
}
