import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import { communes, needs } from '../db/schema/index.ts';

export type NeedRow = typeof needs.$inferSelect;
export type NeedRecord = NeedRow & { communeName: string };

/**
 * `repos.needs`: the needs register. The mutualisation built on it has one repository per use case beside it:
 * `repos.groupingRuns`, `repos.mutualisationGroups`, `repos.interestPolls`, `repos.jointPurchases`.
 */
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
}
