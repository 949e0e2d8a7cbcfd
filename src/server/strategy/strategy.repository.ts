import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import type { MissionAhp } from '../../domain/strategy/strategy-api.ts';
import type { Executor } from '../db/client.ts';
import {
  projectComments,
  projectDependencies,
  projectExclusions,
  projectNeeds,
  projectSheets,
  projectSwotItems,
  strategyCriteria,
  strategyEvaluations,
  strategyHorizons,
  strategyLocks,
  strategyObjectives,
  strategyScenarios,
  strategySettings,
} from '../db/schema/index.ts';

export type SettingsRow = typeof strategySettings.$inferSelect;
export type CriterionRow = typeof strategyCriteria.$inferSelect;
export type ProjectRow = typeof projectSheets.$inferSelect;
export type ProjectRecord = ProjectRow & {
  swotItemIds: string[];
  needIds: string[];
  requires: string[];
  excludes: string[];
  commentCount: number;
};
export type EvaluationRow = typeof strategyEvaluations.$inferSelect;
export type ScenarioRow = typeof strategyScenarios.$inferSelect;
export type HorizonRow = typeof strategyHorizons.$inferSelect;
export type LockRow = typeof strategyLocks.$inferSelect;
export type ObjectiveRow = typeof strategyObjectives.$inferSelect;
export type CommentRow = typeof projectComments.$inferSelect;

/** Every table of a mission's strategy. SQL lives here only. */
export class StrategyRepository {
  constructor(private readonly db: Executor) {}

  // ── settings ─────────────────────────────────────────────────────────────────────────────────────────────────
  async settings(missionId: string): Promise<SettingsRow | null> {
    const [row] = await this.db.select().from(strategySettings).where(eq(strategySettings.missionId, missionId));
    return row ?? null;
  }

  /** Creates the settings row; false when it already existed (the strategy was started by someone else). */
  async start(missionId: string): Promise<boolean> {
    const inserted = await this.db
      .insert(strategySettings)
      .values({ missionId })
      .onConflictDoNothing()
      .returning({ missionId: strategySettings.missionId });
    return inserted.length > 0;
  }

  async setAhp(missionId: string, ahp: MissionAhp | null): Promise<void> {
    await this.db
      .update(strategySettings)
      .set({ ahp, updatedAt: new Date() })
      .where(eq(strategySettings.missionId, missionId));
  }

  // ── criteria ─────────────────────────────────────────────────────────────────────────────────────────────────
  async criteria(missionId: string): Promise<CriterionRow[]> {
    return this.db
      .select()
      .from(strategyCriteria)
      .where(eq(strategyCriteria.missionId, missionId))
      .orderBy(asc(strategyCriteria.position), asc(strategyCriteria.createdAt));
  }

  async criterion(id: string): Promise<CriterionRow | null> {
    const [row] = await this.db.select().from(strategyCriteria).where(eq(strategyCriteria.id, id));
    return row ?? null;
  }

  async insertCriteria(rows: (typeof strategyCriteria.$inferInsert)[]): Promise<CriterionRow[]> {
    if (rows.length === 0) return [];
    return this.db.insert(strategyCriteria).values(rows).returning();
  }

  async updateCriterion(id: string, patch: Partial<typeof strategyCriteria.$inferInsert>): Promise<void> {
    await this.db.update(strategyCriteria).set(patch).where(eq(strategyCriteria.id, id));
  }

  async deleteCriterion(id: string): Promise<void> {
    await this.db.delete(strategyCriteria).where(eq(strategyCriteria.id, id));
  }

  // ── project sheets ───────────────────────────────────────────────────────────────────────────────────────────
  async projects(missionId: string): Promise<ProjectRecord[]> {
    const rows = await this.db
      .select()
      .from(projectSheets)
      .where(eq(projectSheets.missionId, missionId))
      .orderBy(asc(projectSheets.createdAt), asc(projectSheets.id));
    return this.withLinks(rows);
  }

  async project(id: string): Promise<ProjectRecord | null> {
    const rows = await this.db.select().from(projectSheets).where(eq(projectSheets.id, id));
    const [record] = await this.withLinks(rows);
    return record ?? null;
  }

  /** The ids of `ids` that are sheets of the mission. */
  async projectIdsIn(missionId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: projectSheets.id })
      .from(projectSheets)
      .where(and(eq(projectSheets.missionId, missionId), inArray(projectSheets.id, ids)));
    return new Set(rows.map((r) => r.id));
  }

  private async withLinks(rows: ProjectRow[]): Promise<ProjectRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [swot, linkedNeeds, requires, excludes, comments] = await Promise.all([
      this.db.select().from(projectSwotItems).where(inArray(projectSwotItems.projectId, ids)),
      this.db.select().from(projectNeeds).where(inArray(projectNeeds.projectId, ids)),
      this.db.select().from(projectDependencies).where(inArray(projectDependencies.projectId, ids)),
      this.db
        .select()
        .from(projectExclusions)
        .where(or(inArray(projectExclusions.firstId, ids), inArray(projectExclusions.secondId, ids))),
      this.db
        .select({ projectId: projectComments.projectId, n: count() })
        .from(projectComments)
        .where(inArray(projectComments.projectId, ids))
        .groupBy(projectComments.projectId),
    ]);
    const commentCount = new Map(comments.map((c) => [c.projectId, Number(c.n)]));
    return rows.map((row) => ({
      ...row,
      swotItemIds: swot.filter((s) => s.projectId === row.id).map((s) => s.swotItemId),
      needIds: linkedNeeds.filter((n) => n.projectId === row.id).map((n) => n.needId),
      requires: requires.filter((d) => d.projectId === row.id).map((d) => d.requiresId),
      excludes: excludes.flatMap((e) =>
        e.firstId === row.id ? [e.secondId] : e.secondId === row.id ? [e.firstId] : [],
      ),
      commentCount: commentCount.get(row.id) ?? 0,
    }));
  }

  async insertProject(row: typeof projectSheets.$inferInsert): Promise<ProjectRow> {
    const [created] = await this.db.insert(projectSheets).values(row).returning();
    return created!;
  }

  async updateProject(id: string, patch: Partial<typeof projectSheets.$inferInsert>): Promise<void> {
    await this.db
      .update(projectSheets)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(projectSheets.id, id));
  }

  async deleteProject(id: string): Promise<void> {
    await this.db.delete(projectSheets).where(eq(projectSheets.id, id));
  }

  /** SWOT items merged into `toId`: the sheets that answered them now answer the merged item. */
  async moveSwotLinks(fromIds: readonly string[], toId: string): Promise<void> {
    if (fromIds.length === 0) return;
    await this.db
      .insert(projectSwotItems)
      .select(
        this.db
          .selectDistinct({
            projectId: projectSwotItems.projectId,
            swotItemId: sql<string>`${toId}::uuid`.as('swot_item_id'),
          })
          .from(projectSwotItems)
          .where(inArray(projectSwotItems.swotItemId, [...fromIds])),
      )
      .onConflictDoNothing();
  }

  async setNeeds(projectId: string, needIds: string[]): Promise<void> {
    await this.db.delete(projectNeeds).where(eq(projectNeeds.projectId, projectId));
    if (needIds.length > 0) {
      await this.db.insert(projectNeeds).values(needIds.map((needId) => ({ projectId, needId })));
    }
  }

  async setSwotItems(projectId: string, swotItemIds: string[]): Promise<void> {
    await this.db.delete(projectSwotItems).where(eq(projectSwotItems.projectId, projectId));
    if (swotItemIds.length > 0) {
      await this.db.insert(projectSwotItems).values(swotItemIds.map((swotItemId) => ({ projectId, swotItemId })));
    }
  }

  async setRequires(projectId: string, requiresIds: string[]): Promise<void> {
    await this.db.delete(projectDependencies).where(eq(projectDependencies.projectId, projectId));
    if (requiresIds.length > 0) {
      await this.db.insert(projectDependencies).values(requiresIds.map((requiresId) => ({ projectId, requiresId })));
    }
  }

  /** Exclusions are symmetric: the pairs of this project are replaced, each stored once, smaller id first. */
  async setExcludes(projectId: string, otherIds: string[]): Promise<void> {
    await this.db
      .delete(projectExclusions)
      .where(or(eq(projectExclusions.firstId, projectId), eq(projectExclusions.secondId, projectId)));
    if (otherIds.length > 0) {
      await this.db
        .insert(projectExclusions)
        .values(
          otherIds.map((other) =>
            projectId < other ? { firstId: projectId, secondId: other } : { firstId: other, secondId: projectId },
          ),
        )
        .onConflictDoNothing();
    }
  }

  // ── evaluations ──────────────────────────────────────────────────────────────────────────────────────────────
  async evaluations(missionId: string): Promise<EvaluationRow[]> {
    return this.db
      .select({
        projectId: strategyEvaluations.projectId,
        criterionId: strategyEvaluations.criterionId,
        value: strategyEvaluations.value,
        updatedAt: strategyEvaluations.updatedAt,
      })
      .from(strategyEvaluations)
      .innerJoin(projectSheets, eq(projectSheets.id, strategyEvaluations.projectId))
      .where(eq(projectSheets.missionId, missionId));
  }

  async upsertEvaluations(rows: { projectId: string; criterionId: string; value: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(strategyEvaluations)
      .values(rows.map((r) => ({ ...r, updatedAt: new Date() })))
      .onConflictDoUpdate({
        target: [strategyEvaluations.projectId, strategyEvaluations.criterionId],
        set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
      });
  }

  async deleteEvaluations(cells: { projectId: string; criterionId: string }[]): Promise<void> {
    for (const cell of cells) {
      await this.db
        .delete(strategyEvaluations)
        .where(
          and(eq(strategyEvaluations.projectId, cell.projectId), eq(strategyEvaluations.criterionId, cell.criterionId)),
        );
    }
  }

  // ── scenarios ────────────────────────────────────────────────────────────────────────────────────────────────
  async scenarios(missionId: string): Promise<ScenarioRow[]> {
    return this.db
      .select()
      .from(strategyScenarios)
      .where(eq(strategyScenarios.missionId, missionId))
      .orderBy(asc(strategyScenarios.createdAt));
  }

  async scenario(id: string): Promise<ScenarioRow | null> {
    const [row] = await this.db.select().from(strategyScenarios).where(eq(strategyScenarios.id, id));
    return row ?? null;
  }

  async insertScenario(row: typeof strategyScenarios.$inferInsert): Promise<ScenarioRow> {
    const [created] = await this.db.insert(strategyScenarios).values(row).returning();
    return created!;
  }

  async deleteScenario(id: string): Promise<void> {
    await this.db.delete(strategyScenarios).where(eq(strategyScenarios.id, id));
  }

  // ── horizons and locks ───────────────────────────────────────────────────────────────────────────────────────
  async horizons(missionId: string): Promise<HorizonRow[]> {
    return this.db.select().from(strategyHorizons).where(eq(strategyHorizons.missionId, missionId));
  }

  async setHorizons(missionId: string, rows: Omit<HorizonRow, 'missionId'>[]): Promise<void> {
    await this.db.delete(strategyHorizons).where(eq(strategyHorizons.missionId, missionId));
    await this.db.insert(strategyHorizons).values(rows.map((r) => ({ ...r, missionId })));
  }

  async locks(missionId: string): Promise<LockRow[]> {
    return this.db.select().from(strategyLocks).where(eq(strategyLocks.missionId, missionId));
  }

  async setLocks(missionId: string, locks: { projectId: string; horizon: LockRow['horizon'] }[]): Promise<void> {
    await this.db.delete(strategyLocks).where(eq(strategyLocks.missionId, missionId));
    if (locks.length > 0) await this.db.insert(strategyLocks).values(locks.map((l) => ({ ...l, missionId })));
  }

  async deleteLock(projectId: string): Promise<void> {
    await this.db.delete(strategyLocks).where(eq(strategyLocks.projectId, projectId));
  }

  // ── objectives ───────────────────────────────────────────────────────────────────────────────────────────────
  async objectives(missionId: string): Promise<ObjectiveRow[]> {
    return this.db
      .select()
      .from(strategyObjectives)
      .where(eq(strategyObjectives.missionId, missionId))
      .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.createdAt));
  }

  async objective(id: string): Promise<ObjectiveRow | null> {
    const [row] = await this.db.select().from(strategyObjectives).where(eq(strategyObjectives.id, id));
    return row ?? null;
  }

  async insertObjective(row: typeof strategyObjectives.$inferInsert): Promise<ObjectiveRow> {
    const [created] = await this.db.insert(strategyObjectives).values(row).returning();
    return created!;
  }

  async updateObjective(id: string, patch: Partial<typeof strategyObjectives.$inferInsert>): Promise<void> {
    await this.db.update(strategyObjectives).set(patch).where(eq(strategyObjectives.id, id));
  }

  async deleteObjective(id: string): Promise<void> {
    await this.db.delete(strategyObjectives).where(eq(strategyObjectives.id, id));
  }

  // ── comments ─────────────────────────────────────────────────────────────────────────────────────────────────
  async comments(projectId: string): Promise<CommentRow[]> {
    return this.db
      .select()
      .from(projectComments)
      .where(eq(projectComments.projectId, projectId))
      .orderBy(asc(projectComments.createdAt));
  }

  async comment(id: string): Promise<(CommentRow & { missionId: string }) | null> {
    const [row] = await this.db
      .select({ comment: projectComments, missionId: projectSheets.missionId })
      .from(projectComments)
      .innerJoin(projectSheets, eq(projectSheets.id, projectComments.projectId))
      .where(eq(projectComments.id, id));
    return row ? { ...row.comment, missionId: row.missionId } : null;
  }

  async insertComment(row: typeof projectComments.$inferInsert): Promise<CommentRow> {
    const [created] = await this.db.insert(projectComments).values(row).returning();
    return created!;
  }

  async deleteComment(id: string): Promise<void> {
    await this.db.delete(projectComments).where(eq(projectComments.id, id));
  }
}
