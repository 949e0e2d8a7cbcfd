import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { selfAssessmentLinks } from '../db/schema/index.ts';

export type LinkRow = typeof selfAssessmentLinks.$inferSelect;

/** Self-assessment links: personal, single-use, expiring; only the token's digest is kept. */
export class SelfAssessmentLinksRepository {
  constructor(private readonly db: Executor) {}

  async listLinks(missionId: string): Promise<LinkRow[]> {
    return this.db
      .select()
      .from(selfAssessmentLinks)
      .where(eq(selfAssessmentLinks.missionId, missionId))
      .orderBy(desc(selfAssessmentLinks.createdAt));
  }

  async findLink(id: string): Promise<LinkRow | null> {
    const [row] = await this.db.select().from(selfAssessmentLinks).where(eq(selfAssessmentLinks.id, id));
    return row ?? null;
  }

  async findLinkByHash(tokenHash: string): Promise<LinkRow | null> {
    const [row] = await this.db.select().from(selfAssessmentLinks).where(eq(selfAssessmentLinks.tokenHash, tokenHash));
    return row ?? null;
  }

  async insertLink(row: typeof selfAssessmentLinks.$inferInsert): Promise<LinkRow> {
    const [created] = await this.db.insert(selfAssessmentLinks).values(row).returning();
    return created!;
  }

  /** Marks a link used, only if nobody used it first: returns false when another request won. */
  async markLinkUsed(id: string, interviewId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .update(selfAssessmentLinks)
      .set({ usedAt: at, interviewId })
      .where(
        and(eq(selfAssessmentLinks.id, id), isNull(selfAssessmentLinks.usedAt), isNull(selfAssessmentLinks.revokedAt)),
      )
      .returning({ id: selfAssessmentLinks.id });
    return rows.length === 1;
  }

  async revokeLink(id: string, at: Date): Promise<void> {
    await this.db
      .update(selfAssessmentLinks)
      .set({ revokedAt: at })
      .where(and(eq(selfAssessmentLinks.id, id), isNull(selfAssessmentLinks.usedAt)));
  }

  async eraseLinkIdentity(interviewId: string): Promise<void> {
    await this.db
      .update(selfAssessmentLinks)
      .set({ personName: null, personRole: null })
      .where(eq(selfAssessmentLinks.interviewId, interviewId));
  }
}
