import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../db/client.ts';
import {
  callOffs,
  communes,
  interestPollCommunes,
  interestPolls,
  jointPurchaseCallOffs,
  jointPurchases,
  mutualisationGroupNeeds,
  mutualisationGroups,
  mutualisationRuns,
  needs,
} from '../db/schema/index.ts';

export type NeedRow = typeof needs.$inferSelect;
export type NeedRecord = NeedRow & { communeName: string };
export type GroupRow = typeof mutualisationGroups.$inferSelect;
export type RunRow = typeof mutualisationRuns.$inferSelect;
export type PollRow = typeof interestPolls.$inferSelect;
export type PollCommuneRow = typeof interestPollCommunes.$inferSelect & { communeName: string };

/**
 * A proposed group someone worked on, which a grouping run keeps (on `mutualisation_groups`): it has an interest
 * poll, a joint purchase or a price model, was made by a consultant (a split: no run), or a consultant changed it
 * since its run made it (renamed, reopened, split, merged into: its `updated_at` moved).
 */
const keptGroup = (alias: string) => {
  const g = sql.raw(alias);
  return sql`(exists (select 1 from interest_polls p where p.group_id = ${g}.id)
    or exists (select 1 from joint_purchases jp where jp.group_id = ${g}.id)
    or ${g}.price_model is not null or ${g}.scenario_quantities is not null
    or ${g}.run_id is null or ${g}.updated_at > ${g}.created_at)`;
};

export class NeedsRepository {
  constructor(private readonly db: Executor) {}

  async list(filter: { communeNis?: string; category?: string; q?: string }): Promise<NeedRecord[]> {
    const conditions: SQL[] = [];
    if (filter.communeNis) conditions.push(eq(needs.communeNis, filter.communeNis));
    if (filter.category) conditions.push(eq(needs.category, filter.category));
    if (filter.q) {
      // French full-text search: stems, no accents; the title's trigrams catch a word typed differently.
      conditions.push(
        or(
          sql`to_tsvector('french', unaccent(${needs.title} || ' ' || ${needs.description})) @@ plainto_tsquery('french', unaccent(${filter.q}))`,
          sql`word_similarity(lower(unaccent(${filter.q})), lower(unaccent(${needs.title}))) >= 0.6`,
        )!,
      );
    }
    const rows = await this.db
      .select({ need: needs, communeName: communes.name })
      .from(needs)
      .innerJoin(communes, eq(communes.nisCode, needs.communeNis))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(asc(communes.name), desc(needs.createdAt));
    return rows.map((r) => ({ ...r.need, communeName: r.communeName }));
  }

  async find(id: string): Promise<NeedRecord | null> {
    const [row] = await this.db
      .select({ need: needs, communeName: communes.name })
      .from(needs)
      .innerJoin(communes, eq(communes.nisCode, needs.communeNis))
      .where(eq(needs.id, id));
    return row ? { ...row.need, communeName: row.communeName } : null;
  }

  async findMany(ids: string[]): Promise<NeedRecord[]> {
    if (!ids.length) return [];
    const rows = await this.db
      .select({ need: needs, communeName: communes.name })
      .from(needs)
      .innerJoin(communes, eq(communes.nisCode, needs.communeNis))
      .where(inArray(needs.id, ids))
      .orderBy(asc(communes.name), asc(needs.title));
    return rows.map((r) => ({ ...r.need, communeName: r.communeName }));
  }

  async insert(rows: (typeof needs.$inferInsert)[]): Promise<NeedRow[]> {
    if (!rows.length) return [];
    const created: NeedRow[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      created.push(
        ...(await this.db
          .insert(needs)
          .values(rows.slice(i, i + 500))
          .returning()),
      );
    }
    return created;
  }

  async update(id: string, patch: Partial<typeof needs.$inferInsert>): Promise<void> {
    await this.db
      .update(needs)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(needs.id, id));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(needs).where(eq(needs.id, id));
  }

  /**
   * Replaces the categories proposed by an earlier grouping run for the needs this run grouped (needs of confirmed
   * groups are left out of runs and keep theirs): needs still without a category get the new suggestion (or none).
   * Returns how many needs got one. The need's own `updated_at` is left alone: nobody edited it.
   */
  async replaceSuggestedCategories(
    groupedIds: string[],
    suggestions: { id: string; category: string }[],
  ): Promise<number> {
    await this.db.execute(sql`update needs set suggested_category = null where suggested_category is not null
      and id in (select x::uuid from jsonb_array_elements_text(${JSON.stringify(groupedIds)}::jsonb) as x)`);
    if (!suggestions.length) return 0;
    const rows = await this.db.execute(sql`update needs n set suggested_category = s.category
      from jsonb_to_recordset(${JSON.stringify(suggestions)}::jsonb) as s(id uuid, category text)
      where n.id = s.id and n.category is null returning n.id`);
    return rowsOf(rows).length;
  }

  /** The groups a need belongs to, for its detail page. */
  async groupsOfNeed(needId: string): Promise<{ id: string; label: string; status: GroupRow['status'] }[]> {
    return this.db
      .select({ id: mutualisationGroups.id, label: mutualisationGroups.label, status: mutualisationGroups.status })
      .from(mutualisationGroupNeeds)
      .innerJoin(mutualisationGroups, eq(mutualisationGroups.id, mutualisationGroupNeeds.groupId))
      .where(eq(mutualisationGroupNeeds.needId, needId));
  }

  // Mutualisation runs and groups.

  async insertRun(startedBy: string | null): Promise<RunRow> {
    const [row] = await this.db.insert(mutualisationRuns).values({ startedBy }).returning();
    return row!;
  }

  async updateRun(id: string, patch: Partial<typeof mutualisationRuns.$inferInsert>): Promise<void> {
    await this.db.update(mutualisationRuns).set(patch).where(eq(mutualisationRuns.id, id));
  }

  /** Settles a run still « running »: a run already settled (by the attempt that finished) keeps its result. */
  async settleRun(id: string, patch: Partial<typeof mutualisationRuns.$inferInsert>): Promise<void> {
    await this.db
      .update(mutualisationRuns)
      .set(patch)
      .where(and(eq(mutualisationRuns.id, id), eq(mutualisationRuns.status, 'running')));
  }

  /** Serialises starting runs across instances until the end of the transaction. */
  async lockRuns(): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext('smart-rural:mutualisation-run'))`);
  }

  async hasRunningRun(): Promise<boolean> {
    const rows = await this.db
      .select({ id: mutualisationRuns.id })
      .from(mutualisationRuns)
      .where(eq(mutualisationRuns.status, 'running'))
      .limit(1);
    return rows.length > 0;
  }

  async runningRuns(): Promise<RunRow[]> {
    return this.db.select().from(mutualisationRuns).where(eq(mutualisationRuns.status, 'running'));
  }

  async findRun(id: string): Promise<RunRow | null> {
    const [row] = await this.db.select().from(mutualisationRuns).where(eq(mutualisationRuns.id, id));
    return row ?? null;
  }

  async latestRun(): Promise<RunRow | null> {
    const [row] = await this.db.select().from(mutualisationRuns).orderBy(desc(mutualisationRuns.startedAt)).limit(1);
    return row ?? null;
  }

  /**
   * Needs a new run may group: those not already in a confirmed group, nor in a proposed group a run must keep (a
   * poll, a purchase, a price model or a consultant's change: `KEPT_GROUP`), which keeps its needs like a confirmed one.
   */
  async needsToGroup(): Promise<NeedRow[]> {
    return this.db
      .select()
      .from(needs)
      .where(
        sql`not exists (select 1 from ${mutualisationGroupNeeds} gn join ${mutualisationGroups} g on g.id = gn.group_id
          where gn.need_id = needs.id and (g.status = 'confirmed' or (g.status = 'proposed' and ${keptGroup('g')})))`,
      );
  }

  /**
   * Deletes the proposed groups a new run replaces: those nobody has worked on. A proposed group holding a poll
   * (and so the communes' answers), a joint purchase, a price model or a consultant's change is kept (issue 15,
   * finding 5): a run never deletes what a commune or a consultant entered. Answers how many were kept.
   */
  async deleteProposedGroups(): Promise<{ deleted: number; kept: number }> {
    const deleted = await this.db
      .delete(mutualisationGroups)
      .where(sql`${mutualisationGroups.status} = 'proposed' and not ${keptGroup('mutualisation_groups')}`)
      .returning({ id: mutualisationGroups.id });
    const [kept] = await this.db
      .select({ count: sql<number>`count(*)::int` })
      .from(mutualisationGroups)
      .where(sql`${mutualisationGroups.status} = 'proposed' and ${keptGroup('mutualisation_groups')}`);
    return { deleted: deleted.length, kept: kept?.count ?? 0 };
  }

  /** Member sets of dismissed groups, so a new run does not propose them again. */
  async dismissedMemberSets(): Promise<string[][]> {
    const rows = await this.db
      .select({ groupId: mutualisationGroupNeeds.groupId, needId: mutualisationGroupNeeds.needId })
      .from(mutualisationGroupNeeds)
      .innerJoin(mutualisationGroups, eq(mutualisationGroups.id, mutualisationGroupNeeds.groupId))
      .where(eq(mutualisationGroups.status, 'dismissed'));
    const sets = new Map<string, string[]>();
    for (const r of rows) sets.set(r.groupId, [...(sets.get(r.groupId) ?? []), r.needId]);
    return [...sets.values()];
  }

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

  // Interest polls.

  async insertPoll(row: typeof interestPolls.$inferInsert, communeNis: string[]): Promise<PollRow> {
    const [poll] = await this.db.insert(interestPolls).values(row).returning();
    if (communeNis.length)
      await this.db
        .insert(interestPollCommunes)
        .values(communeNis.map((nis) => ({ pollId: poll!.id, communeNis: nis })));
    return poll!;
  }

  async pollsOfGroup(groupId: string): Promise<PollRow[]> {
    return this.db
      .select()
      .from(interestPolls)
      .where(eq(interestPolls.groupId, groupId))
      .orderBy(desc(interestPolls.createdAt));
  }

  async findPoll(id: string): Promise<PollRow | null> {
    const [row] = await this.db.select().from(interestPolls).where(eq(interestPolls.id, id));
    return row ?? null;
  }

  async pollCommunes(pollIds: string[]): Promise<PollCommuneRow[]> {
    if (!pollIds.length) return [];
    const rows = await this.db
      .select({ answer: interestPollCommunes, communeName: communes.name })
      .from(interestPollCommunes)
      .innerJoin(communes, eq(communes.nisCode, interestPollCommunes.communeNis))
      .where(inArray(interestPollCommunes.pollId, pollIds))
      .orderBy(asc(communes.name));
    return rows.map((r) => ({ ...r.answer, communeName: r.communeName }));
  }

  /** Polls a commune is asked, with the group's label. */
  async pollsForCommune(communeNis: string) {
    return this.db
      .select({
        poll: interestPolls,
        groupLabel: mutualisationGroups.label,
        answer: interestPollCommunes,
        asked: sql<number>`(select count(*)::int from ${interestPollCommunes} pc where pc.poll_id = ${interestPolls.id})`,
      })
      .from(interestPollCommunes)
      .innerJoin(interestPolls, eq(interestPolls.id, interestPollCommunes.pollId))
      .innerJoin(mutualisationGroups, eq(mutualisationGroups.id, interestPolls.groupId))
      .where(eq(interestPollCommunes.communeNis, communeNis))
      .orderBy(asc(interestPolls.deadline));
  }

  async answerPoll(
    pollId: string,
    communeNis: string,
    answer: Pick<typeof interestPollCommunes.$inferInsert, 'answer' | 'quantity' | 'budget' | 'comment' | 'answeredBy'>,
  ): Promise<boolean> {
    const rows = await this.db
      .update(interestPollCommunes)
      .set({ ...answer, answeredAt: new Date() })
      .where(and(eq(interestPollCommunes.pollId, pollId), eq(interestPollCommunes.communeNis, communeNis)))
      .returning();
    return rows.length > 0;
  }

  // Joint purchases.

  async findPurchase(groupId: string) {
    const [row] = await this.db.select().from(jointPurchases).where(eq(jointPurchases.groupId, groupId));
    return row ?? null;
  }

  async insertPurchase(row: typeof jointPurchases.$inferInsert) {
    const [created] = await this.db.insert(jointPurchases).values(row).returning();
    return created!;
  }

  async linkCallOffs(purchaseId: string, callOffIds: string[]): Promise<void> {
    if (!callOffIds.length) return;
    await this.db.insert(jointPurchaseCallOffs).values(callOffIds.map((callOffId) => ({ purchaseId, callOffId })));
  }

  /** The call-offs a purchase placed, by commune. */
  async purchaseCallOffs(purchaseId: string): Promise<{ callOffId: string; communeNis: string }[]> {
    return this.db
      .select({ callOffId: jointPurchaseCallOffs.callOffId, communeNis: callOffs.communeNis })
      .from(jointPurchaseCallOffs)
      .innerJoin(callOffs, eq(callOffs.id, jointPurchaseCallOffs.callOffId))
      .where(eq(jointPurchaseCallOffs.purchaseId, purchaseId));
  }
}
