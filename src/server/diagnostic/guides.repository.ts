import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { MaturityModel } from '../../domain/diagnostic/model.ts';
import type { Executor } from '../db/client.ts';
import { interviews, maturityModels, missionDiagnostics } from '../db/schema/index.ts';

export type GuideRow = typeof maturityModels.$inferSelect;

/** The interview guide's versions: drafts, publication, and how many interviews use each. */
export class GuidesRepository {
  constructor(private readonly db: Executor) {}

  async listGuides(): Promise<(GuideRow & { interviews: number })[]> {
    const rows = await this.db
      .select({
        guide: maturityModels,
        interviews: sql<number>`(select count(*)::int from interviews i where i.guide_key = ${maturityModels.key} and i.guide_version = ${maturityModels.version})`,
      })
      .from(maturityModels)
      .orderBy(asc(maturityModels.key), desc(maturityModels.version));
    return rows.map((r) => ({ ...r.guide, interviews: Number(r.interviews) }));
  }

  async findGuide(key: string, version: number): Promise<GuideRow | null> {
    const [row] = await this.db
      .select()
      .from(maturityModels)
      .where(and(eq(maturityModels.key, key), eq(maturityModels.version, version)));
    return row ?? null;
  }

  async latestGuide(key: string): Promise<GuideRow | null> {
    const [row] = await this.db
      .select()
      .from(maturityModels)
      .where(eq(maturityModels.key, key))
      .orderBy(desc(maturityModels.version))
      .limit(1);
    return row ?? null;
  }

  /**
   * The guide new diagnostics start with: the highest published version of `key` (the reference guide unless a
   * consultant chose another), else of any guide.
   */
  async latestPublishedGuide(key?: string): Promise<GuideRow | null> {
    const [row] = await this.db
      .select()
      .from(maturityModels)
      .where(eq(maturityModels.status, 'published'))
      .orderBy(
        ...(key ? [desc(sql`${maturityModels.key} = ${key}`)] : []),
        desc(maturityModels.version),
        desc(maturityModels.publishedAt),
      )
      .limit(1);
    return row ?? null;
  }

  /** The guide a mission's diagnostic uses, chosen before its first interview (replaces an earlier choice). */
  async chooseMissionGuide(missionId: string, guideKey: string, guideVersion: number): Promise<void> {
    await this.db
      .insert(missionDiagnostics)
      .values({ missionId, guideKey, guideVersion })
      .onConflictDoUpdate({ target: missionDiagnostics.missionId, set: { guideKey, guideVersion } });
  }

  async countMissionInterviews(missionId: string): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(interviews).where(eq(interviews.missionId, missionId));
    return Number(row?.n ?? 0);
  }

  async countInterviewsWithGuide(key: string, version: number): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(interviews)
      .where(and(eq(interviews.guideKey, key), eq(interviews.guideVersion, version)));
    return row?.n ?? 0;
  }

  async insertGuide(row: typeof maturityModels.$inferInsert): Promise<GuideRow> {
    const [created] = await this.db.insert(maturityModels).values(row).returning();
    return created!;
  }

  async updateDraft(key: string, version: number, model: MaturityModel): Promise<void> {
    await this.db
      .update(maturityModels)
      .set({ model, title: model.title })
      .where(and(eq(maturityModels.key, key), eq(maturityModels.version, version), eq(maturityModels.status, 'draft')));
  }

  async publish(key: string, version: number, by: string | null, at: Date): Promise<void> {
    await this.db
      .update(maturityModels)
      .set({ status: 'published', publishedAt: at, publishedBy: by })
      .where(and(eq(maturityModels.key, key), eq(maturityModels.version, version), eq(maturityModels.status, 'draft')));
  }

  async deleteDraft(key: string, version: number): Promise<void> {
    await this.db
      .delete(maturityModels)
      .where(and(eq(maturityModels.key, key), eq(maturityModels.version, version), eq(maturityModels.status, 'draft')));
  }
}
