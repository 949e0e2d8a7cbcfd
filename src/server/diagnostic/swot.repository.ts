import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { swotItems, territorySpecificities } from '../db/schema/index.ts';

export type SwotRow = typeof swotItems.$inferSelect;
export type SpecificitiesRow = typeof territorySpecificities.$inferSelect;

/** SWOT items of a mission and its territory specificities. */
export class SwotRepository {
  constructor(private readonly db: Executor) {}

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
}
