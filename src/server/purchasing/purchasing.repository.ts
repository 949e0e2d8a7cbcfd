import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  agencyProcurementFiles,
  centralPurchasingAdhesions,
  communes,
  mutualisationGroups,
  procedureCosts,
  procurementScenarios,
  scenarioGroups,
  scenarioParticipations,
} from '../db/schema/index.ts';

export type ScenarioRow = typeof procurementScenarios.$inferSelect;
export type ParticipationRow = typeof scenarioParticipations.$inferSelect & { communeName: string };
export type FileRow = typeof agencyProcurementFiles.$inferSelect;
export type ProcedureCostRow = typeof procedureCosts.$inferSelect;
export type AdhesionRow = typeof centralPurchasingAdhesions.$inferSelect & { communeName: string };

/** Scenarios, their lines and the communes' adhesions to the central purchasing body. SQL only here. */
export class PurchasingRepository {
  constructor(private readonly db: Executor) {}

  async insertScenario(row: typeof procurementScenarios.$inferInsert, groupIds: string[]): Promise<ScenarioRow> {
    const [scenario] = await this.db.insert(procurementScenarios).values(row).returning();
    await this.db.insert(scenarioGroups).values(groupIds.map((groupId) => ({ scenarioId: scenario!.id, groupId })));
    return scenario!;
  }

  async findScenario(id: string, options: { lock?: boolean } = {}): Promise<ScenarioRow | null> {
    const query = this.db.select().from(procurementScenarios).where(eq(procurementScenarios.id, id));
    const [row] = options.lock ? await query.for('update') : await query;
    return row ?? null;
  }

  async updateScenario(id: string, patch: Partial<typeof procurementScenarios.$inferInsert>): Promise<void> {
    await this.db
      .update(procurementScenarios)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(procurementScenarios.id, id));
  }

  /** Every scenario, or those where a commune has a line. */
  async listScenarios(filter: { communeNis?: string }): Promise<ScenarioRow[]> {
    return this.db
      .select()
      .from(procurementScenarios)
      .where(
        filter.communeNis
          ? sql`exists (select 1 from ${scenarioParticipations} sp where sp.scenario_id = procurement_scenarios.id
              and sp.commune_nis = ${filter.communeNis})`
          : undefined,
      )
      .orderBy(desc(procurementScenarios.updatedAt));
  }

  async scenarioGroups(scenarioIds: string[]): Promise<{ scenarioId: string; id: string; label: string }[]> {
    if (!scenarioIds.length) return [];
    return this.db
      .select({ scenarioId: scenarioGroups.scenarioId, id: mutualisationGroups.id, label: mutualisationGroups.label })
      .from(scenarioGroups)
      .innerJoin(mutualisationGroups, eq(mutualisationGroups.id, scenarioGroups.groupId))
      .where(inArray(scenarioGroups.scenarioId, scenarioIds))
      .orderBy(asc(mutualisationGroups.label));
  }

  async participations(scenarioIds: string[]): Promise<ParticipationRow[]> {
    if (!scenarioIds.length) return [];
    const rows = await this.db
      .select({ line: scenarioParticipations, communeName: communes.name })
      .from(scenarioParticipations)
      .innerJoin(communes, eq(communes.nisCode, scenarioParticipations.communeNis))
      .where(inArray(scenarioParticipations.scenarioId, scenarioIds))
      .orderBy(asc(scenarioParticipations.lotKey), asc(communes.name));
    return rows.map((r) => ({ ...r.line, communeName: r.communeName }));
  }

  async replaceParticipations(
    scenarioId: string,
    rows: Omit<typeof scenarioParticipations.$inferInsert, 'scenarioId'>[],
  ): Promise<void> {
    await this.db.delete(scenarioParticipations).where(eq(scenarioParticipations.scenarioId, scenarioId));
    if (rows.length) await this.db.insert(scenarioParticipations).values(rows.map((r) => ({ ...r, scenarioId })));
  }

  async updateParticipation(
    key: { scenarioId: string; lotKey: string; communeNis: string },
    patch: Partial<typeof scenarioParticipations.$inferInsert>,
  ): Promise<void> {
    await this.db
      .update(scenarioParticipations)
      .set(patch)
      .where(
        and(
          eq(scenarioParticipations.scenarioId, key.scenarioId),
          eq(scenarioParticipations.lotKey, key.lotKey),
          eq(scenarioParticipations.communeNis, key.communeNis),
        ),
      );
  }

  async adhesions(communeNis?: string): Promise<AdhesionRow[]> {
    const rows = await this.db
      .select({ adhesion: centralPurchasingAdhesions, communeName: communes.name })
      .from(centralPurchasingAdhesions)
      .innerJoin(communes, eq(communes.nisCode, centralPurchasingAdhesions.communeNis))
      .where(communeNis ? eq(centralPurchasingAdhesions.communeNis, communeNis) : undefined)
      .orderBy(asc(communes.name));
    return rows.map((r) => ({ ...r.adhesion, communeName: r.communeName }));
  }

  async upsertAdhesion(row: typeof centralPurchasingAdhesions.$inferInsert): Promise<void> {
    await this.db
      .insert(centralPurchasingAdhesions)
      .values(row)
      .onConflictDoUpdate({
        target: centralPurchasingAdhesions.communeNis,
        set: {
          decisionDate: row.decisionDate,
          councilDecisionRef: row.councilDecisionRef,
          recordedBy: row.recordedBy,
          recordedAt: new Date(),
        },
      });
  }

  async communeNames(nisCodes: string[]): Promise<Map<string, string>> {
    if (!nisCodes.length) return new Map();
    const rows = await this.db
      .select({ nisCode: communes.nisCode, name: communes.name })
      .from(communes)
      .where(inArray(communes.nisCode, nisCodes));
    return new Map(rows.map((r) => [r.nisCode, r.name]));
  }

  async file(scenarioId: string): Promise<FileRow | null> {
    const [row] = await this.db
      .select()
      .from(agencyProcurementFiles)
      .where(eq(agencyProcurementFiles.scenarioId, scenarioId));
    return row ?? null;
  }

  async saveFile(row: typeof agencyProcurementFiles.$inferInsert): Promise<void> {
    const { scenarioId, ...rest } = row;
    await this.db
      .insert(agencyProcurementFiles)
      .values(row)
      .onConflictDoUpdate({ target: agencyProcurementFiles.scenarioId, set: { ...rest, updatedAt: new Date() } });
  }

  async procedureCosts(): Promise<ProcedureCostRow[]> {
    return this.db.select().from(procedureCosts).orderBy(asc(procedureCosts.procedure));
  }

  /** Replaces the whole table of procedure costs (the admins edit it as one table). */
  async replaceProcedureCosts(rows: (typeof procedureCosts.$inferInsert)[]): Promise<void> {
    await this.db.delete(procedureCosts);
    if (rows.length) await this.db.insert(procedureCosts).values(rows);
  }
}
