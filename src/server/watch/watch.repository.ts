import { and, arrayOverlaps, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { watchItems } from '../db/schema/index.ts';

export type WatchItemRow = typeof watchItems.$inferSelect;

/** The technology watch's items. SQL lives here only. */
export class WatchRepository {
  constructor(private readonly db: Executor) {}

  async feed(filter: { tag?: string; category?: string; limit: number }): Promise<WatchItemRow[]> {
    const c: SQL[] = [];
    if (filter.tag) c.push(arrayOverlaps(watchItems.tags, [filter.tag]));
    if (filter.category) c.push(arrayOverlaps(watchItems.categories, [filter.category]));
    return this.db
      .select()
      .from(watchItems)
      .where(c.length ? and(...c) : undefined)
      .orderBy(desc(watchItems.publishedOn), desc(watchItems.createdAt))
      .limit(filter.limit);
  }

  async item(id: string): Promise<WatchItemRow | null> {
    const [row] = await this.db.select().from(watchItems).where(eq(watchItems.id, id));
    return row ?? null;
  }

  async insert(values: typeof watchItems.$inferInsert): Promise<WatchItemRow> {
    const [row] = await this.db.insert(watchItems).values(values).returning();
    return row!;
  }

  async update(id: string, values: Partial<typeof watchItems.$inferInsert>): Promise<WatchItemRow> {
    const [row] = await this.db.update(watchItems).set(values).where(eq(watchItems.id, id)).returning();
    return row!;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(watchItems).where(eq(watchItems.id, id));
  }
}
