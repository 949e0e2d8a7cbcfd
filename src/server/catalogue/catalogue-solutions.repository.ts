import { and, arrayOverlaps, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import {
  agreementLots,
  callOffs,
  catalogueImages,
  catalogueSolutions,
  frameworkAgreements,
  lotSolutions,
} from '../db/schema/index.ts';
import { CatalogueSearchRepository, searchColumns } from './catalogue-search.repository.ts';

export type SolutionRow = typeof catalogueSolutions.$inferSelect;
export type SolutionValues = Omit<
  typeof catalogueSolutions.$inferInsert,
  'id' | 'searchVector' | 'searchText' | 'createdAt' | 'updatedAt'
>;
export type SolutionLotRow = {
  solutionId: string;
  lotId: string;
  lotNumber: number;
  lotTitle: string;
  agreementId: string;
  agreementReference: string;
  unitPrice: number | null;
};

/** The catalogue's solutions: their rows (with their search columns), the lots offering them, images, their uses. */
export class CatalogueSolutionsRepository extends CatalogueSearchRepository {
  // ── solutions ────────────────────────────────────────────────────────────────────────────────────────────────
  async insertSolution(values: SolutionValues): Promise<SolutionRow> {
    const columns = searchColumns(values);
    const [row] = await this.db
      .insert(catalogueSolutions)
      .values({ ...values, ...columns })
      .returning();
    await this.addToLexicon([columns.searchText]);
    return row!;
  }

  /** Many at once (the demo seed, the benchmark). */
  async insertSolutions(values: SolutionValues[]): Promise<void> {
    for (let i = 0; i < values.length; i += 500) {
      const chunk = values.slice(i, i + 500).map((v) => ({ ...v, ...searchColumns(v) }));
      await this.db.insert(catalogueSolutions).values(chunk);
      await this.addToLexicon(chunk.map((c) => c.searchText));
    }
  }

  async updateSolution(id: string, values: SolutionValues): Promise<SolutionRow> {
    const columns = searchColumns(values);
    await this.addToLexicon([columns.searchText]);
    const [row] = await this.db
      .update(catalogueSolutions)
      .set({ ...values, ...columns, updatedAt: new Date() })
      .where(eq(catalogueSolutions.id, id))
      .returning();
    return row!;
  }

  async solution(id: string): Promise<SolutionRow | null> {
    const [row] = await this.db.select().from(catalogueSolutions).where(eq(catalogueSolutions.id, id));
    return row ?? null;
  }

  async solutions(ids: string[]): Promise<SolutionRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(catalogueSolutions).where(inArray(catalogueSolutions.id, ids));
  }

  async solutionsWhere(filter: { statuses: string[]; category?: string }): Promise<SolutionRow[]> {
    const conditions: SQL[] = [inArray(catalogueSolutions.status, filter.statuses as SolutionRow['status'][])];
    if (filter.category) conditions.push(arrayOverlaps(catalogueSolutions.categories, [filter.category]));
    return this.db
      .select()
      .from(catalogueSolutions)
      .where(and(...conditions))
      .orderBy(asc(catalogueSolutions.name));
  }

  async deleteSolution(id: string): Promise<void> {
    await this.db.delete(catalogueSolutions).where(eq(catalogueSolutions.id, id));
  }

  async solutionHasCallOffs(id: string): Promise<boolean> {
    const rows = await this.db.select({ id: callOffs.id }).from(callOffs).where(eq(callOffs.solutionId, id)).limit(1);
    return rows.length > 0;
  }

  async lotsOfSolutions(ids: string[]): Promise<SolutionLotRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .select({
        solutionId: lotSolutions.solutionId,
        lotId: agreementLots.id,
        lotNumber: agreementLots.number,
        lotTitle: agreementLots.title,
        agreementId: frameworkAgreements.id,
        agreementReference: frameworkAgreements.reference,
        unitPrice: lotSolutions.unitPrice,
      })
      .from(lotSolutions)
      .innerJoin(agreementLots, eq(agreementLots.id, lotSolutions.lotId))
      .innerJoin(frameworkAgreements, eq(frameworkAgreements.id, agreementLots.agreementId))
      .where(inArray(lotSolutions.solutionId, ids))
      .orderBy(asc(frameworkAgreements.reference), asc(agreementLots.number));
  }

  /** Communes that ordered each solution. */
  async orderingCommunes(ids: string[]): Promise<{ solutionId: string; communeNis: string }[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectDistinct({ solutionId: callOffs.solutionId, communeNis: callOffs.communeNis })
      .from(callOffs)
      .where(and(inArray(callOffs.solutionId, ids), isNull(callOffs.cancelledAt)));
  }

  // ── images ───────────────────────────────────────────────────────────────────────────────────────────────────
  /** The images of the solutions, without their bytes (logo first, then screenshots in upload order). */
  async imagesOf(solutionIds: string[]) {
    if (solutionIds.length === 0) return [];
    return this.db
      .select({
        id: catalogueImages.id,
        solutionId: catalogueImages.solutionId,
        kind: catalogueImages.kind,
        caption: catalogueImages.caption,
        sizeBytes: catalogueImages.sizeBytes,
      })
      .from(catalogueImages)
      .where(inArray(catalogueImages.solutionId, solutionIds))
      .orderBy(asc(catalogueImages.createdAt), asc(catalogueImages.id));
  }

  async image(id: string) {
    const [row] = await this.db.select().from(catalogueImages).where(eq(catalogueImages.id, id));
    return row ?? null;
  }

  async insertImage(values: typeof catalogueImages.$inferInsert): Promise<string> {
    const [row] = await this.db.insert(catalogueImages).values(values).returning({ id: catalogueImages.id });
    return row!.id;
  }

  async deleteImages(filter: { id?: string; solutionId?: string; kind?: 'logo' | 'screenshot' }): Promise<void> {
    const c: SQL[] = [];
    if (filter.id) c.push(eq(catalogueImages.id, filter.id));
    if (filter.solutionId) c.push(eq(catalogueImages.solutionId, filter.solutionId));
    if (filter.kind) c.push(eq(catalogueImages.kind, filter.kind));
    if (c.length === 0) return;
    await this.db.delete(catalogueImages).where(and(...c));
  }

  /** A call-off like this one (not cancelled) placed since `since`, if any: its time. */

  /** Every use of the solutions: call-offs and declared reference communes. */
  async uses(filter: { solutionId?: string; category?: string; visible: string[] }) {
    const c: SQL[] = [inArray(catalogueSolutions.status, filter.visible as SolutionRow['status'][])];
    if (filter.solutionId) c.push(eq(catalogueSolutions.id, filter.solutionId));
    if (filter.category) c.push(arrayOverlaps(catalogueSolutions.categories, [filter.category]));
    const ordered = await this.db
      .selectDistinct({
        communeNis: callOffs.communeNis,
        solutionId: catalogueSolutions.id,
        solutionName: catalogueSolutions.name,
      })
      .from(callOffs)
      .innerJoin(catalogueSolutions, eq(catalogueSolutions.id, callOffs.solutionId))
      .where(and(...c, isNull(callOffs.cancelledAt)));
    const referenced = await this.db
      .select({
        solutionId: catalogueSolutions.id,
        solutionName: catalogueSolutions.name,
        communes: catalogueSolutions.referenceCommunes,
      })
      .from(catalogueSolutions)
      .where(and(...c));
    return [
      ...ordered.map((o) => ({ ...o, source: 'call-off' as const })),
      ...referenced.flatMap((r) =>
        r.communes.map((communeNis) => ({
          communeNis,
          solutionId: r.solutionId,
          solutionName: r.solutionName,
          source: 'reference' as const,
        })),
      ),
    ];
  }
}
