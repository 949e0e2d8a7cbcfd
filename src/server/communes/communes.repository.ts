import { and, asc, eq, getTableColumns, gt, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { communes, sites } from '../db/schema/index.ts';

export type CommuneRow = typeof communes.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;

/**
 * A designation column on a reference seed: the file's value, unless the agency confirmed the designation on the
 * screen — then it is the agency's own and the reference data no longer changes it.
 */
const unlessConfirmed = (column: 'official_name' | 'official_name_source' | 'official_name_verified') =>
  sql.raw(`case when communes.official_name_checked_at is null then excluded.${column} else communes.${column} end`);

export class CommunesRepository {
  constructor(private readonly db: Executor) {}

  /**
   * Communes without their boundary, with the codes of the communes merged into each, sorted by name;
   * `currentOn` keeps those not merged by that date.
   */
  async list(filter: { currentOn?: string; arrondissement?: string }) {
    const { boundary: _boundary, ...columns } = getTableColumns(communes);
    return this.db
      .select({
        ...columns,
        mergedFrom: sql<
          string[]
        >`array(select a.nis_code from communes a where a.merged_into = "communes"."nis_code" order by 1)`,
      })
      .from(communes)
      .where(
        and(
          filter.currentOn ? or(isNull(communes.mergedOn), gt(communes.mergedOn, filter.currentOn)) : undefined,
          filter.arrondissement ? eq(communes.arrondissement, filter.arrondissement) : undefined,
        ),
      )
      .orderBy(asc(communes.name));
  }

  async find(nisCode: string): Promise<CommuneRow | null> {
    const [row] = await this.db.select().from(communes).where(eq(communes.nisCode, nisCode));
    return row ?? null;
  }

  async absorbedBy(nisCode: string): Promise<{ nisCode: string; name: string }[]> {
    return this.db
      .select({ nisCode: communes.nisCode, name: communes.name })
      .from(communes)
      .where(eq(communes.mergedInto, nisCode))
      .orderBy(asc(communes.nisCode));
  }

  async boundaries(filter: { currentOn?: string }) {
    return this.db
      .select({
        nisCode: communes.nisCode,
        name: communes.name,
        arrondissement: communes.arrondissement,
        population: communes.population,
        areaKm2: communes.areaKm2,
        boundary: communes.boundary,
      })
      .from(communes)
      .where(filter.currentOn ? or(isNull(communes.mergedOn), gt(communes.mergedOn, filter.currentOn)) : undefined)
      .orderBy(asc(communes.nisCode));
  }

  async upsertReference(rows: (typeof communes.$inferInsert)[]): Promise<void> {
    if (rows.length === 0) return;
    // Two passes: a successor must exist before a commune can point to it.
    await this.db
      .insert(communes)
      .values(rows.map((r) => ({ ...r, mergedInto: null, mergedOn: null })))
      .onConflictDoUpdate({
        target: communes.nisCode,
        set: {
          name: sql`excluded.name`,
          officialName: unlessConfirmed('official_name'),
          officialNameSource: unlessConfirmed('official_name_source'),
          officialNameVerified: unlessConfirmed('official_name_verified'),
          nameNl: sql`excluded.name_nl`,
          arrondissementNis: sql`excluded.arrondissement_nis`,
          arrondissement: sql`excluded.arrondissement`,
          population: sql`excluded.population`,
          populationYear: sql`excluded.population_year`,
          areaKm2: sql`excluded.area_km2`,
          boundary: sql`excluded.boundary`,
          updatedAt: sql`now()`,
        },
      });
    for (const r of rows) {
      await this.db
        .update(communes)
        .set({ mergedInto: r.mergedInto ?? null, mergedOn: r.mergedOn ?? null })
        .where(eq(communes.nisCode, r.nisCode));
    }
  }

  async updateProfile(nisCode: string, patch: Partial<Pick<CommuneRow, 'description' | 'website' | 'contactEmail'>>) {
    const [row] = await this.db
      .update(communes)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(communes.nisCode, nisCode))
      .returning();
    return row!;
  }

  async updateDesignation(
    nisCode: string,
    designation: { officialName: string; officialNameSource: string; checkedAt: Date },
  ): Promise<CommuneRow> {
    const [row] = await this.db
      .update(communes)
      .set({
        officialName: designation.officialName,
        officialNameSource: designation.officialNameSource,
        officialNameVerified: true,
        officialNameCheckedAt: designation.checkedAt,
        updatedAt: new Date(),
      })
      .where(eq(communes.nisCode, nisCode))
      .returning();
    return row!;
  }

  async sitesOf(nisCode: string): Promise<SiteRow[]> {
    return this.db.select().from(sites).where(eq(sites.communeNis, nisCode)).orderBy(asc(sites.name));
  }

  async allSites(): Promise<SiteRow[]> {
    return this.db.select().from(sites).orderBy(asc(sites.name));
  }

  async findSite(id: string): Promise<SiteRow | null> {
    const [row] = await this.db.select().from(sites).where(eq(sites.id, id));
    return row ?? null;
  }

  async insertSite(row: typeof sites.$inferInsert): Promise<SiteRow> {
    const [created] = await this.db.insert(sites).values(row).returning();
    return created!;
  }

  async upsertReferenceSite(row: typeof sites.$inferInsert & { referenceKey: string }): Promise<void> {
    await this.db
      .insert(sites)
      .values(row)
      .onConflictDoUpdate({
        target: sites.referenceKey,
        set: { name: row.name, kind: row.kind, communeNis: row.communeNis },
      });
  }

  async updateSite(id: string, patch: Partial<typeof sites.$inferInsert>): Promise<SiteRow> {
    const [row] = await this.db
      .update(sites)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(sites.id, id))
      .returning();
    return row!;
  }

  async deleteSite(id: string): Promise<void> {
    await this.db.delete(sites).where(eq(sites.id, id));
  }
}
