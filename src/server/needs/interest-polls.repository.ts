import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { communes, interestPollCommunes, interestPolls, mutualisationGroups } from '../db/schema/index.ts';

export type PollRow = typeof interestPolls.$inferSelect;
export type PollCommuneRow = typeof interestPollCommunes.$inferSelect & { communeName: string };

/** The interest polls of the groups and the communes' answers (`repos.interestPolls`). */
export class InterestPollsRepository {
  constructor(private readonly db: Executor) {}

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
}
