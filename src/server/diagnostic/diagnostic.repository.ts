import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, max, sql } from 'drizzle-orm';
import type { MaturityModel } from '../../domain/diagnostic/model.ts';
import type { Executor } from '../db/client.ts';
import {
  communes,
  interviewAnswers,
  interviews,
  maturityModels,
  missionDiagnostics,
  missions,
  selfAssessmentLinks,
  swotItems,
  territorySpecificities,
} from '../db/schema/index.ts';

export type GuideRow = typeof maturityModels.$inferSelect;
export type InterviewRow = typeof interviews.$inferSelect;
export type AnswerRow = Omit<typeof interviewAnswers.$inferSelect, 'updatedAt'>;
export type SwotRow = typeof swotItems.$inferSelect;
export type SpecificitiesRow = typeof territorySpecificities.$inferSelect;
export type LinkRow = typeof selfAssessmentLinks.$inferSelect;
export type MissionDiagnosticRow = typeof missionDiagnostics.$inferSelect;

export type InterviewWithCounts = InterviewRow & { answered: number; dontKnow: number };

/** SQL of the diagnostic: guides, interviews and their answers, SWOT, specificities, self-assessment links. */
export class DiagnosticRepository {
  constructor(private readonly db: Executor) {}

  // -- guides ------------------------------------------------------------------------------------------------

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

  // -- the diagnostic of a mission ----------------------------------------------------------------------------

  async findMissionDiagnostic(missionId: string): Promise<MissionDiagnosticRow | null> {
    const [row] = await this.db.select().from(missionDiagnostics).where(eq(missionDiagnostics.missionId, missionId));
    return row ?? null;
  }

  async insertMissionDiagnostic(missionId: string, guideKey: string, guideVersion: number): Promise<void> {
    await this.db
      .insert(missionDiagnostics)
      .values({ missionId, guideKey, guideVersion })
      .onConflictDoNothing({ target: missionDiagnostics.missionId });
  }

  async saveScores(
    missionId: string,
    scores: {
      interviews: number;
      dimensionScores: Record<string, number | null>;
      overall: number | null;
      scoringMethod: number;
    },
  ): Promise<void> {
    await this.db
      .update(missionDiagnostics)
      .set({ ...scores, scoredAt: new Date() })
      .where(eq(missionDiagnostics.missionId, missionId));
  }

  /** Missions whose stored means were aggregated with an older method than `method`. */
  async missionsScoredBefore(method: number): Promise<string[]> {
    const rows = await this.db
      .select({ missionId: missionDiagnostics.missionId })
      .from(missionDiagnostics)
      .where(lt(missionDiagnostics.scoringMethod, method));
    return rows.map((r) => r.missionId);
  }

  /**
   * The latest diagnostic with interviews of each commune (by mission start date): what the province view and the
   * comparisons rest on. Merged communes keep their history.
   */
  async latestDiagnosticsByCommune() {
    const rows = await this.db
      .select({
        missionId: missions.id,
        missionTitle: missions.title,
        startDate: missions.startDate,
        nisCode: communes.nisCode,
        communeName: communes.name,
        population: communes.population,
        interviews: missionDiagnostics.interviews,
        guideKey: missionDiagnostics.guideKey,
        guideVersion: missionDiagnostics.guideVersion,
        dimensionScores: missionDiagnostics.dimensionScores,
        overall: missionDiagnostics.overall,
        scoredAt: missionDiagnostics.scoredAt,
      })
      .from(missionDiagnostics)
      .innerJoin(missions, eq(missions.id, missionDiagnostics.missionId))
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .where(and(sql`${missionDiagnostics.interviews} > 0`, isNotNull(missionDiagnostics.dimensionScores)))
      .orderBy(asc(communes.nisCode), desc(missions.startDate), desc(missionDiagnostics.scoredAt));
    const seen = new Set<string>();
    return rows.filter((r) => {
      if (seen.has(r.nisCode)) return false;
      seen.add(r.nisCode);
      return true;
    });
  }

  // -- interviews ---------------------------------------------------------------------------------------------

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

  // -- SWOT ---------------------------------------------------------------------------------------------------

  async listSwot(missionId: string): Promise<SwotRow[]> {
    return this.db
      .select()
      .from(swotItems)
      .where(eq(swotItems.missionId, missionId))
      .orderBy(
        sql`array_position(array['strength','weakness','opportunity','threat']::text[], ${swotItems.category})`,
        asc(swotItems.position),
        asc(swotItems.createdAt),
      );
  }

  async findSwotItems(ids: readonly string[]): Promise<SwotRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(swotItems)
      .where(inArray(swotItems.id, [...ids]));
  }

  async nextSwotPosition(missionId: string, category: SwotRow['category']): Promise<number> {
    const [row] = await this.db
      .select({ last: max(swotItems.position) })
      .from(swotItems)
      .where(and(eq(swotItems.missionId, missionId), eq(swotItems.category, category)));
    return row?.last === null || row?.last === undefined ? 0 : row.last + 1;
  }

  async insertSwot(row: typeof swotItems.$inferInsert): Promise<SwotRow> {
    const [created] = await this.db.insert(swotItems).values(row).returning();
    return created!;
  }

  async updateSwot(id: string, patch: Partial<typeof swotItems.$inferInsert>): Promise<void> {
    await this.db
      .update(swotItems)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(swotItems.id, id));
  }

  async deleteSwot(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.delete(swotItems).where(inArray(swotItems.id, [...ids]));
  }

  /** An interview is deleted: SWOT items no longer cite it. */
  async forgetInterviewInSwot(missionId: string, interviewId: string): Promise<void> {
    await this.db
      .update(swotItems)
      .set({ interviewIds: sql`array_remove(${swotItems.interviewIds}, ${interviewId}::uuid)` })
      .where(and(eq(swotItems.missionId, missionId), sql`${interviewId}::uuid = any(${swotItems.interviewIds})`));
  }

  // -- specificities ------------------------------------------------------------------------------------------

  async findSpecificities(missionId: string): Promise<SpecificitiesRow | null> {
    const [row] = await this.db
      .select()
      .from(territorySpecificities)
      .where(eq(territorySpecificities.missionId, missionId));
    return row ?? null;
  }

  async upsertSpecificities(row: typeof territorySpecificities.$inferInsert): Promise<void> {
    const { missionId: _id, ...set } = row;
    await this.db
      .insert(territorySpecificities)
      .values(row)
      .onConflictDoUpdate({ target: territorySpecificities.missionId, set: { ...set, updatedAt: new Date() } });
  }

  // -- self-assessment links ----------------------------------------------------------------------------------

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
