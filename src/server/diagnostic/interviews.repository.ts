import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { interviewAnswers, interviews } from '../db/schema/index.ts';

export type InterviewRow = typeof interviews.$inferSelect;
export type AnswerRow = Omit<typeof interviewAnswers.$inferSelect, 'updatedAt'>;
export type InterviewWithCounts = InterviewRow & { answered: number; dontKnow: number };

/** Interviews of a mission and their answers. */
export class InterviewsRepository {
  constructor(private readonly db: Executor) {}

  async listInterviews(missionId: string): Promise<InterviewWithCounts[]> {
    const rows = await this.db
      .select({
        interview: interviews,
        answered: sql<number>`count(${interviewAnswers.questionKey}) filter (where ${interviewAnswers.level} is not null)`,
        dontKnow: sql<number>`count(${interviewAnswers.questionKey}) filter (where ${interviewAnswers.level} is null)`,
      })
      .from(interviews)
      .leftJoin(interviewAnswers, eq(interviewAnswers.interviewId, interviews.id))
      .where(eq(interviews.missionId, missionId))
      .groupBy(interviews.id)
      .orderBy(asc(interviews.date), asc(interviews.createdAt));
    return rows.map((r) => ({ ...r.interview, answered: Number(r.answered), dontKnow: Number(r.dontKnow) }));
  }

  async findInterview(id: string): Promise<InterviewRow | null> {
    const [row] = await this.db.select().from(interviews).where(eq(interviews.id, id));
    return row ?? null;
  }

  /** The answers of interviews, without their timestamps (40 interviews are 3 500 rows: keep them light). */
  async answersOf(interviewIds: readonly string[]): Promise<AnswerRow[]> {
    if (interviewIds.length === 0) return [];
    return this.db
      .select({
        interviewId: interviewAnswers.interviewId,
        questionKey: interviewAnswers.questionKey,
        level: interviewAnswers.level,
        comment: interviewAnswers.comment,
      })
      .from(interviewAnswers)
      .where(inArray(interviewAnswers.interviewId, [...interviewIds]))
      .orderBy(asc(interviewAnswers.interviewId), asc(interviewAnswers.questionKey));
  }

  async insertInterview(row: typeof interviews.$inferInsert): Promise<InterviewRow> {
    const [created] = await this.db.insert(interviews).values(row).returning();
    return created!;
  }

  async updateInterview(id: string, patch: Partial<typeof interviews.$inferInsert>): Promise<void> {
    await this.db
      .update(interviews)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(interviews.id, id));
  }

  async upsertAnswers(
    interviewId: string,
    answers: readonly { questionKey: string; level: number | null; comment?: string | undefined }[],
  ): Promise<void> {
    if (answers.length === 0) return;
    await this.db
      .insert(interviewAnswers)
      .values(
        answers.map((a) => ({
          interviewId,
          questionKey: a.questionKey,
          level: a.level,
          comment: a.comment ? a.comment : null,
        })),
      )
      .onConflictDoUpdate({
        target: [interviewAnswers.interviewId, interviewAnswers.questionKey],
        set: { level: sql`excluded.level`, comment: sql`excluded.comment`, updatedAt: sql`now()` },
      });
  }

  async deleteAnswers(interviewId: string, questionKeys: readonly string[]): Promise<void> {
    if (questionKeys.length === 0) return;
    await this.db
      .delete(interviewAnswers)
      .where(
        and(eq(interviewAnswers.interviewId, interviewId), inArray(interviewAnswers.questionKey, [...questionKeys])),
      );
  }

  async deleteInterview(id: string): Promise<void> {
    await this.db.delete(interviews).where(eq(interviews.id, id));
  }
}
