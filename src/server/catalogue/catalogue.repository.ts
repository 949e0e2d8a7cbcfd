import { and, arrayContains, arrayOverlaps, asc, desc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { type SearchDocument, searchDocument, trigramText } from '../../domain/catalogue/search.ts';
import { type Executor, rowsOf } from '../db/client.ts';
import {
  agreementAdhesions,
  agreementLots,
  callOffs,
  catalogueImages,
  catalogueLexicon,
  catalogueSavedSearches,
  catalogueShortlists,
  catalogueSolutions,
  communes,
  frameworkAgreements,
  lotSolutions,
  users,
} from '../db/schema/index.ts';

export type SolutionRow = typeof catalogueSolutions.$inferSelect;
export type SolutionValues = Omit<
  typeof catalogueSolutions.$inferInsert,
  'id' | 'searchVector' | 'searchText' | 'createdAt' | 'updatedAt'
>;
export type AgreementRow = typeof frameworkAgreements.$inferSelect;
export type LotRow = typeof agreementLots.$inferSelect;
export type ShortlistRow = typeof catalogueShortlists.$inferSelect;
export type SavedSearchRow = typeof catalogueSavedSearches.$inferSelect;
export type SolutionLotRow = {
  solutionId: string;
  lotId: string;
  lotNumber: number;
  lotTitle: string;
  agreementId: string;
  agreementReference: string;
  unitPrice: number | null;
};
export type CallOffRecord = typeof callOffs.$inferSelect & {
  agreementReference: string;
  lotNumber: number;
  lotTitle: string;
  vendor: string | null;
  solutionName: string;
  communeName: string;
  orderedByName: string | null;
};

/** The text conditions and filters of a search, already folded by the domain. */
export type SearchSpec = {
  /** each word must match, as itself or as one of its alternatives (corrections of a typo) */
  words: { word: string; alternatives: string[] }[];
  filters: {
    category: string[];
    dimension: string[];
    standard: string[];
    hosting: string[];
    priceModel: string[];
    status: string[];
  };
  /** statuses the caller may see at all */
  visible: string[];
  limit: number;
  offset: number;
};
export type SearchHitRow = {
  id: string;
  name: string;
  vendor: string;
  summary: string;
  categories: string[];
  dimensions: string[];
  hosting: string;
  status: string;
  demo: boolean;
  logo_url: string | null;
  price_model: string;
  standards: string[];
  score: number;
  total: number;
};

const vectorOf = (doc: SearchDocument) =>
  sql`setweight(to_tsvector('french', unaccent(${doc.a}::text)), 'A') || setweight(to_tsvector('french', unaccent(${doc.b}::text)), 'B') || setweight(to_tsvector('french', unaccent(${doc.c}::text)), 'C')`;

function searchColumns(
  values: Pick<SolutionValues, 'name' | 'vendor' | 'summary' | 'description' | 'categories' | 'standards'>,
) {
  const doc = searchDocument({
    name: values.name,
    vendor: values.vendor,
    summary: values.summary,
    description: values.description ?? '',
    categories: values.categories ?? [],
    standards: values.standards ?? [],
  });
  return { searchVector: vectorOf(doc) as unknown as string, searchText: trigramText(doc) };
}

/** The catalogue's tables: solutions (and their search columns), agreements, lots, adhesions, call-offs, shortlists. */
export class CatalogueRepository {
  constructor(private readonly db: Executor) {}

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

  // ── search ───────────────────────────────────────────────────────────────────────────────────────────────────
  private textCondition(spec: SearchSpec): SQL {
    if (spec.words.length === 0) return sql`true`;
    const perWord = spec.words.map(({ word, alternatives }) => {
      const matches = [word, ...alternatives].map(
        (w) => sql`${catalogueSolutions.searchVector} @@ plainto_tsquery('french', unaccent(${w}::text))`,
      );
      return sql`(${sql.join(matches, sql` OR `)})`;
    });
    return sql.join(perWord, sql` AND `);
  }

  /** Words of the lexicon close to a misspelt one (trigram similarity), closest first. */
  async corrections(word: string, limit = 3): Promise<string[]> {
    const rows = rowsOf<{ word: string }>(
      await this.db.execute(sql`
        SELECT word FROM ${catalogueLexicon}
        WHERE word % ${word}::text
        ORDER BY similarity(word, ${word}::text) DESC, word
        LIMIT ${limit}`),
    );
    return rows.map((r) => r.word);
  }

  private async addToLexicon(texts: string[]): Promise<void> {
    const words = [...new Set(texts.flatMap((t) => t.split(' ')).filter((w) => w.length >= 4 && w.length <= 60))];
    for (let i = 0; i < words.length; i += 1000) {
      await this.db
        .insert(catalogueLexicon)
        .values(words.slice(i, i + 1000).map((word) => ({ word })))
        .onConflictDoNothing();
    }
  }

  private filterConditions(spec: SearchSpec, except: string | null): SQL[] {
    const f = spec.filters;
    const c: SQL[] = [inArray(catalogueSolutions.status, spec.visible as SolutionRow['status'][])];
    if (except !== 'category' && f.category.length) c.push(arrayOverlaps(catalogueSolutions.categories, f.category));
    if (except !== 'dimension' && f.dimension.length) c.push(arrayOverlaps(catalogueSolutions.dimensions, f.dimension));
    if (except !== 'standard' && f.standard.length) c.push(arrayContains(catalogueSolutions.standards, f.standard));
    if (except !== 'hosting' && f.hosting.length)
      c.push(inArray(catalogueSolutions.hosting, f.hosting as SolutionRow['hosting'][]));
    if (except !== 'priceModel' && f.priceModel.length)
      c.push(inArray(catalogueSolutions.priceModel, f.priceModel as SolutionRow['priceModel'][]));
    if (except !== 'status' && f.status.length)
      c.push(inArray(catalogueSolutions.status, f.status as SolutionRow['status'][]));
    return c;
  }

  /** One page of hits, best first, with the total, and the facet counts (each without its own filter). */
  async search(
    spec: SearchSpec,
  ): Promise<{ hits: SearchHitRow[]; facets: { facet: string; value: string; count: number }[] }> {
    const db = this.db;
    const text = this.textCondition(spec);
    const folded = spec.words.map((w) => w.word).join(' ');
    const score =
      spec.words.length === 0
        ? sql`0::float8`
        : sql`ts_rank_cd(${catalogueSolutions.searchVector}, plainto_tsquery('french', unaccent(${folded}::text)))::float8`;
    const where = and(text, ...this.filterConditions(spec, null));
    const hits = rowsOf<SearchHitRow>(
      await db.execute(sql`
          SELECT id, name, vendor, summary, categories, dimensions, hosting, status, demo, logo_url, price_model, standards,
                 ${score} AS score, count(*) OVER ()::int AS total
          FROM ${catalogueSolutions}
          WHERE ${where}
          ORDER BY score DESC, (status = 'listed') DESC, name ASC, id ASC
          LIMIT ${spec.limit} OFFSET ${spec.offset}`),
    );
    const facetQuery = (facet: string, column: SQL, array: boolean) => {
      const condition = and(text, ...this.filterConditions(spec, facet));
      return array
        ? sql`SELECT ${facet}::text AS facet, v AS value, count(*)::int AS count FROM ${catalogueSolutions}, unnest(${column}) AS v WHERE ${condition} GROUP BY v`
        : sql`SELECT ${facet}::text AS facet, ${column} AS value, count(*)::int AS count FROM ${catalogueSolutions} WHERE ${condition} GROUP BY ${column}`;
    };
    const facets = rowsOf<{ facet: string; value: string; count: number }>(
      await db.execute(
        sql.join(
          [
            facetQuery('category', sql`${catalogueSolutions.categories}`, true),
            facetQuery('dimension', sql`${catalogueSolutions.dimensions}`, true),
            facetQuery('standard', sql`${catalogueSolutions.standards}`, true),
            facetQuery('hosting', sql`${catalogueSolutions.hosting}`, false),
            facetQuery('priceModel', sql`${catalogueSolutions.priceModel}`, false),
            facetQuery('status', sql`${catalogueSolutions.status}`, false),
          ],
          sql` UNION ALL `,
        ),
      ),
    );
    return { hits, facets };
  }

  /** The naive baseline the benchmark compares with: ILIKE over every text column, no index. */
  async naiveSearch(q: string, limit: number): Promise<{ id: string }[]> {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return this.db
      .select({ id: catalogueSolutions.id })
      .from(catalogueSolutions)
      .where(
        sql`unaccent(${catalogueSolutions.name} || ' ' || ${catalogueSolutions.summary} || ' ' || ${catalogueSolutions.description}) ILIKE unaccent(${pattern}::text)`,
      )
      .orderBy(asc(catalogueSolutions.name))
      .limit(limit);
  }

  // ── agreements and lots ──────────────────────────────────────────────────────────────────────────────────────
  async insertAgreement(values: typeof frameworkAgreements.$inferInsert): Promise<AgreementRow> {
    const [row] = await this.db.insert(frameworkAgreements).values(values).returning();
    return row!;
  }

  async updateAgreement(id: string, values: Partial<typeof frameworkAgreements.$inferInsert>): Promise<AgreementRow> {
    const [row] = await this.db
      .update(frameworkAgreements)
      .set(values)
      .where(eq(frameworkAgreements.id, id))
      .returning();
    return row!;
  }

  async agreementByReference(reference: string): Promise<AgreementRow | null> {
    const [row] = await this.db.select().from(frameworkAgreements).where(eq(frameworkAgreements.reference, reference));
    return row ?? null;
  }

  async agreements(): Promise<AgreementRow[]> {
    return this.db.select().from(frameworkAgreements).orderBy(desc(frameworkAgreements.startDate));
  }

  async agreement(id: string, options: { lock?: boolean } = {}): Promise<AgreementRow | null> {
    const query = this.db.select().from(frameworkAgreements).where(eq(frameworkAgreements.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async lots(agreementIds: string[]): Promise<LotRow[]> {
    if (agreementIds.length === 0) return [];
    return this.db
      .select()
      .from(agreementLots)
      .where(inArray(agreementLots.agreementId, agreementIds))
      .orderBy(asc(agreementLots.number));
  }

  async callOff(id: string): Promise<typeof callOffs.$inferSelect | null> {
    const [row] = await this.db.select().from(callOffs).where(eq(callOffs.id, id));
    return row ?? null;
  }

  async lot(id: string, options: { lock?: boolean } = {}): Promise<LotRow | null> {
    const query = this.db.select().from(agreementLots).where(eq(agreementLots.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async insertLot(values: typeof agreementLots.$inferInsert): Promise<LotRow> {
    const [row] = await this.db.insert(agreementLots).values(values).returning();
    return row!;
  }

  async updateLot(id: string, values: Partial<typeof agreementLots.$inferInsert>): Promise<LotRow> {
    const [row] = await this.db.update(agreementLots).set(values).where(eq(agreementLots.id, id)).returning();
    return row!;
  }

  async lotByNumber(agreementId: string, number: number): Promise<LotRow | null> {
    const [row] = await this.db
      .select()
      .from(agreementLots)
      .where(and(eq(agreementLots.agreementId, agreementId), eq(agreementLots.number, number)));
    return row ?? null;
  }

  async setLotSolutions(lotId: string, solutions: { solutionId: string; unitPrice: number | null }[]): Promise<void> {
    await this.db.delete(lotSolutions).where(eq(lotSolutions.lotId, lotId));
    if (solutions.length > 0) await this.db.insert(lotSolutions).values(solutions.map((s) => ({ lotId, ...s })));
  }

  async lotSolutions(lotIds: string[]) {
    if (lotIds.length === 0) return [];
    return this.db
      .select({
        lotId: lotSolutions.lotId,
        solutionId: lotSolutions.solutionId,
        unitPrice: lotSolutions.unitPrice,
        name: catalogueSolutions.name,
        status: catalogueSolutions.status,
      })
      .from(lotSolutions)
      .innerJoin(catalogueSolutions, eq(catalogueSolutions.id, lotSolutions.solutionId))
      .where(inArray(lotSolutions.lotId, lotIds))
      .orderBy(asc(catalogueSolutions.name));
  }

  /** Sum of call-offs per lot and per agreement. */
  async orderedTotals(agreementIds: string[]): Promise<{ lotId: string; agreementId: string; amount: number }[]> {
    if (agreementIds.length === 0) return [];
    const rows = await this.db
      .select({
        lotId: callOffs.lotId,
        agreementId: callOffs.agreementId,
        amount: sql<string>`coalesce(sum(${callOffs.amount}), 0)`,
      })
      .from(callOffs)
      .where(and(inArray(callOffs.agreementId, agreementIds), isNull(callOffs.cancelledAt)))
      .groupBy(callOffs.lotId, callOffs.agreementId);
    return rows.map((r) => ({ ...r, amount: Number(r.amount) }));
  }

  // ── adhesions and call-offs ──────────────────────────────────────────────────────────────────────────────────
  async adhesions(agreementIds: string[]) {
    if (agreementIds.length === 0) return [];
    return this.db
      .select()
      .from(agreementAdhesions)
      .where(inArray(agreementAdhesions.agreementId, agreementIds))
      .orderBy(asc(agreementAdhesions.communeNis));
  }

  async adhere(agreementId: string, communeNis: string, userId: string | null): Promise<boolean> {
    const rows = await this.db
      .insert(agreementAdhesions)
      .values({ agreementId, communeNis, adheredBy: userId })
      .onConflictDoNothing()
      .returning({ communeNis: agreementAdhesions.communeNis });
    return rows.length > 0;
  }

  async hasAdhered(agreementId: string, communeNis: string): Promise<boolean> {
    const rows = await this.db
      .select({ n: agreementAdhesions.communeNis })
      .from(agreementAdhesions)
      .where(and(eq(agreementAdhesions.agreementId, agreementId), eq(agreementAdhesions.communeNis, communeNis)));
    return rows.length > 0;
  }

  async lotOffers(lotId: string, solutionId: string): Promise<boolean> {
    const rows = await this.db
      .select({ id: lotSolutions.solutionId })
      .from(lotSolutions)
      .where(and(eq(lotSolutions.lotId, lotId), eq(lotSolutions.solutionId, solutionId)));
    return rows.length > 0;
  }

  /** The first and last dates (YYYY-MM-DD, Brussels time) of the agreement's call-offs not cancelled. */
  async callOffSpan(agreementId: string): Promise<{ first: string | null; last: string | null }> {
    const [row] = await this.db
      .select({
        first: sql<string | null>`to_char(min(${callOffs.orderedAt} at time zone 'Europe/Brussels'), 'YYYY-MM-DD')`,
        last: sql<string | null>`to_char(max(${callOffs.orderedAt} at time zone 'Europe/Brussels'), 'YYYY-MM-DD')`,
      })
      .from(callOffs)
      .where(and(eq(callOffs.agreementId, agreementId), isNull(callOffs.cancelledAt)));
    return { first: row?.first ?? null, last: row?.last ?? null };
  }

  async callOffRow(id: string, options: { lock?: boolean } = {}) {
    const query = this.db.select().from(callOffs).where(eq(callOffs.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async cancelCallOff(id: string, values: { cancelledBy: string | null; reason: string; at: Date }): Promise<void> {
    await this.db
      .update(callOffs)
      .set({ cancelledAt: values.at, cancelledBy: values.cancelledBy, cancellationReason: values.reason })
      .where(eq(callOffs.id, id));
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
  async identicalCallOff(
    values: { lotId: string; solutionId: string; communeNis: string; quantity: number; amount: number },
    since: Date,
  ): Promise<Date | null> {
    const [row] = await this.db
      .select({ orderedAt: callOffs.orderedAt })
      .from(callOffs)
      .where(
        and(
          eq(callOffs.lotId, values.lotId),
          eq(callOffs.solutionId, values.solutionId),
          eq(callOffs.communeNis, values.communeNis),
          eq(callOffs.quantity, values.quantity),
          sql`${callOffs.amount} = ${values.amount}`,
          isNull(callOffs.cancelledAt),
          gte(callOffs.orderedAt, since),
        ),
      )
      .orderBy(desc(callOffs.orderedAt))
      .limit(1);
    return row?.orderedAt ?? null;
  }

  async insertCallOff(values: typeof callOffs.$inferInsert): Promise<string> {
    const [row] = await this.db.insert(callOffs).values(values).returning({ id: callOffs.id });
    return row!.id;
  }

  async callOffs(filter: {
    ids?: string[];
    communeNis?: string;
    agreementId?: string;
    lotId?: string;
    vendor?: string;
    solutionIds?: string[];
  }): Promise<CallOffRecord[]> {
    const c: SQL[] = [];
    if (filter.ids) c.push(inArray(callOffs.id, filter.ids));
    if (filter.communeNis) c.push(eq(callOffs.communeNis, filter.communeNis));
    if (filter.agreementId) c.push(eq(callOffs.agreementId, filter.agreementId));
    if (filter.lotId) c.push(eq(callOffs.lotId, filter.lotId));
    if (filter.vendor) c.push(eq(agreementLots.vendor, filter.vendor));
    if (filter.solutionIds) c.push(inArray(callOffs.solutionId, filter.solutionIds));
    const rows = await this.db
      .select({
        callOff: callOffs,
        agreementReference: frameworkAgreements.reference,
        lotNumber: agreementLots.number,
        lotTitle: agreementLots.title,
        vendor: agreementLots.vendor,
        solutionName: catalogueSolutions.name,
        communeName: communes.name,
        orderedByName: users.displayName,
      })
      .from(callOffs)
      .innerJoin(frameworkAgreements, eq(frameworkAgreements.id, callOffs.agreementId))
      .innerJoin(agreementLots, eq(agreementLots.id, callOffs.lotId))
      .innerJoin(catalogueSolutions, eq(catalogueSolutions.id, callOffs.solutionId))
      .innerJoin(communes, eq(communes.nisCode, callOffs.communeNis))
      .leftJoin(users, eq(users.id, callOffs.orderedBy))
      .where(c.length ? and(...c) : undefined)
      .orderBy(desc(callOffs.orderedAt), asc(callOffs.id));
    return rows.map(({ callOff, ...rest }) => ({ ...callOff, ...rest }));
  }

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
