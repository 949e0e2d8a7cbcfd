import { and, asc, desc, eq, gte, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import {
  agreementAdhesions,
  agreementLots,
  callOffs,
  catalogueSolutions,
  communes,
  frameworkAgreements,
  lotSolutions,
  users,
} from '../db/schema/index.ts';
import { CatalogueSolutionsRepository } from './catalogue-solutions.repository.ts';

export type AgreementRow = typeof frameworkAgreements.$inferSelect;
export type LotRow = typeof agreementLots.$inferSelect;
export type CallOffRecord = typeof callOffs.$inferSelect & {
  agreementReference: string;
  lotNumber: number;
  lotTitle: string;
  vendor: string | null;
  solutionName: string;
  communeName: string;
  orderedByName: string | null;
};

/** Framework agreements, their lots and the solutions they offer, adhesions and call-offs (orders under a lot). */
export class CatalogueAgreementsRepository extends CatalogueSolutionsRepository {
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
}
