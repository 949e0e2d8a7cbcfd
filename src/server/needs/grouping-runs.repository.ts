import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { mutualisationGroupNeeds, mutualisationGroups, mutualisationRuns, needs } from '../db/schema/index.ts';
import { keptGroup } from './mutualisation-groups.repository.ts';
import type { NeedRow } from './needs.repository.ts';

export type RunRow = typeof mutualisationRuns.$inferSelect;

/** The grouping runs: their queue and progress, the needs they group and the groups they replace (`repos.groupingRuns`). */
export class GroupingRunsRepository {
  constructor(private readonly db: Executor) {}

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
}
