import { desc, eq } from 'drizzle-orm';
import { catalogueSavedSearches, catalogueShortlists, communes } from '../db/schema/index.ts';
import { CatalogueAgreementsRepository } from './catalogue-agreements.repository.ts';

export type { AgreementRow, CallOffRecord, LotRow } from './catalogue-agreements.repository.ts';
export type { SearchHitRow, SearchSpec } from './catalogue-search.repository.ts';
export type { SolutionLotRow, SolutionRow, SolutionValues } from './catalogue-solutions.repository.ts';
export type ShortlistRow = typeof catalogueShortlists.$inferSelect;
export type SavedSearchRow = typeof catalogueSavedSearches.$inferSelect;

/**
 * The catalogue's tables (`repos.catalogue`), in layers by use case: search (catalogue-search.repository.ts),
 * solutions and images (catalogue-solutions.repository.ts), agreements, lots, adhesions and call-offs
 * (catalogue-agreements.repository.ts), and here the buyers' saved searches and shortlists. SQL lives here only.
 */
export class CatalogueRepository extends CatalogueAgreementsRepository {
  // ── saved searches and shortlists ────────────────────────────────────────────────────────────────────────────
  async savedSearches(userId: string): Promise<SavedSearchRow[]> {
    return this.db
      .select()
      .from(catalogueSavedSearches)
      .where(eq(catalogueSavedSearches.userId, userId))
      .orderBy(desc(catalogueSavedSearches.createdAt));
  }

  async savedSearch(id: string): Promise<SavedSearchRow | null> {
    const [row] = await this.db.select().from(catalogueSavedSearches).where(eq(catalogueSavedSearches.id, id));
    return row ?? null;
  }

  async insertSavedSearch(values: typeof catalogueSavedSearches.$inferInsert): Promise<SavedSearchRow> {
    const [row] = await this.db.insert(catalogueSavedSearches).values(values).returning();
    return row!;
  }

  async deleteSavedSearch(id: string): Promise<void> {
    await this.db.delete(catalogueSavedSearches).where(eq(catalogueSavedSearches.id, id));
  }

  async shortlists(filter: { communeNis?: string }): Promise<ShortlistRow[]> {
    return this.db
      .select()
      .from(catalogueShortlists)
      .where(filter.communeNis ? eq(catalogueShortlists.communeNis, filter.communeNis) : undefined)
      .orderBy(desc(catalogueShortlists.updatedAt));
  }

  async shortlist(id: string): Promise<ShortlistRow | null> {
    const [row] = await this.db.select().from(catalogueShortlists).where(eq(catalogueShortlists.id, id));
    return row ?? null;
  }

  async insertShortlist(values: typeof catalogueShortlists.$inferInsert): Promise<ShortlistRow> {
    const [row] = await this.db.insert(catalogueShortlists).values(values).returning();
    return row!;
  }

  async updateShortlist(id: string, values: Partial<typeof catalogueShortlists.$inferInsert>): Promise<ShortlistRow> {
    const [row] = await this.db
      .update(catalogueShortlists)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(catalogueShortlists.id, id))
      .returning();
    return row!;
  }

  async deleteShortlist(id: string): Promise<void> {
    await this.db.delete(catalogueShortlists).where(eq(catalogueShortlists.id, id));
  }

  async communeExists(nis: string): Promise<boolean> {
    const rows = await this.db.select({ n: communes.nisCode }).from(communes).where(eq(communes.nisCode, nis));
    return rows.length > 0;
  }
}
