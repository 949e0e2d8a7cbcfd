import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import {
  communes,
  indicatorMeasurements,
  missions,
  notificationLog,
  notificationSettings,
  procurementFiles,
  procurementThresholds,
  projectDocuments,
  projectFollowUps,
  projectHistory,
  projectIndicators,
  projectMilestones,
  projectSheets,
  users,
} from '../db/schema/index.ts';

export type FollowUpRow = typeof projectFollowUps.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type IndicatorRow = typeof projectIndicators.$inferSelect;
export type MeasurementRow = typeof indicatorMeasurements.$inferSelect;
export type DocumentMetaRow = Omit<typeof projectDocuments.$inferSelect, 'content'>;
export type HistoryRow = typeof projectHistory.$inferSelect;
export type ProcurementRow = typeof procurementFiles.$inferSelect;
export type ThresholdRow = typeof procurementThresholds.$inferSelect;
export type NoticeRow = typeof notificationLog.$inferSelect;
export type SettingsRow = typeof notificationSettings.$inferSelect;

/** A project sheet followed in implementation, with its mission's commune and its follow-up row (if started). */
export type FollowedProject = {
  id: string;
  title: string;
  description: string | null;
  dimensions: string[];
  investmentCost: number;
  sheetStatus: string;
  missionId: string;
  missionTitle: string;
  missionPhase: string;
  communeNis: string;
  communeName: string;
  arrondissement: string;
  followUp: FollowUpRow | null;
};

const DOCUMENT_META = {
  id: projectDocuments.id,
  projectId: projectDocuments.projectId,
  kind: projectDocuments.kind,
  name: projectDocuments.name,
  url: projectDocuments.url,
  mimeType: projectDocuments.mimeType,
  sizeBytes: projectDocuments.sizeBytes,
  createdAt: projectDocuments.createdAt,
};

/** SQL of the implementation feature; reads the strategy's project sheets, never writes them. */
export class ImplementationRepository {
  constructor(private readonly db: Executor) {}

  private followedQuery() {
    return this.db
      .select({
        id: projectSheets.id,
        title: projectSheets.title,
        description: projectSheets.description,
        dimensions: projectSheets.dimensions,
        investmentCost: projectSheets.investmentCost,
        sheetStatus: projectSheets.status,
        missionId: missions.id,
        missionTitle: missions.title,
        missionPhase: missions.phase,
        communeNis: missions.communeNis,
        communeName: communes.name,
        arrondissement: communes.arrondissement,
        followUp: projectFollowUps,
      })
      .from(projectSheets)
      .innerJoin(missions, eq(missions.id, projectSheets.missionId))
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .leftJoin(projectFollowUps, eq(projectFollowUps.projectId, projectSheets.id));
  }

  /** The approved sheets of a mission: the projects its implementation follows. */
  async missionProjects(missionId: string): Promise<FollowedProject[]> {
    return this.followedQuery()
      .where(and(eq(projectSheets.missionId, missionId), eq(projectSheets.status, 'approved')))
      .orderBy(asc(projectSheets.createdAt), asc(projectSheets.id));
  }

  async project(id: string): Promise<FollowedProject | null> {
    const [row] = await this.followedQuery().where(eq(projectSheets.id, id));
    return row ?? null;
  }

  /** Every followed project of missions in implementation (or closed), optionally of one commune. */
  async followed(filter: { communeNis?: string; publishedOnly?: boolean } = {}): Promise<FollowedProject[]> {
    return this.followedQuery()
      .where(
        and(
          eq(projectSheets.status, 'approved'),
          inArray(missions.phase, ['implementation', 'closed']),
          filter.communeNis ? eq(missions.communeNis, filter.communeNis) : undefined,
          filter.publishedOnly ? eq(projectFollowUps.published, true) : undefined,
        ),
      )
      .orderBy(asc(communes.name), asc(projectSheets.createdAt), asc(projectSheets.id));
  }

  async upsertFollowUp(projectId: string, patch: Partial<typeof projectFollowUps.$inferInsert>): Promise<FollowUpRow> {
    const [row] = await this.db
      .insert(projectFollowUps)
      .values({ projectId, ...patch })
      .onConflictDoUpdate({ target: projectFollowUps.projectId, set: { ...patch, updatedAt: new Date() } })
      .returning();
    return row!;
  }

  // ── milestones ──────────────────────────────────────────────────────────────────────────────────────────────
  async milestones(projectIds: string[]): Promise<MilestoneRow[]> {
    if (projectIds.length === 0) return [];
    return this.db
      .select()
      .from(projectMilestones)
      .where(inArray(projectMilestones.projectId, projectIds))
      .orderBy(asc(projectMilestones.dueDate), asc(projectMilestones.createdAt));
  }

  async milestone(id: string): Promise<MilestoneRow | null> {
    const [row] = await this.db.select().from(projectMilestones).where(eq(projectMilestones.id, id));
    return row ?? null;
  }

  async insertMilestone(row: typeof projectMilestones.$inferInsert): Promise<MilestoneRow> {
    const [created] = await this.db.insert(projectMilestones).values(row).returning();
    return created!;
  }

  async updateMilestone(id: string, patch: Partial<typeof projectMilestones.$inferInsert>): Promise<void> {
    await this.db.update(projectMilestones).set(patch).where(eq(projectMilestones.id, id));
  }

  async deleteMilestone(id: string): Promise<void> {
    await this.db.delete(projectMilestones).where(eq(projectMilestones.id, id));
  }

  // ── indicators ──────────────────────────────────────────────────────────────────────────────────────────────
  async indicators(projectIds: string[]): Promise<(IndicatorRow & { measurements: MeasurementRow[] })[]> {
    if (projectIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(projectIndicators)
      .where(inArray(projectIndicators.projectId, projectIds))
      .orderBy(asc(projectIndicators.createdAt), asc(projectIndicators.id));
    if (rows.length === 0) return [];
    const measurements = await this.db
      .select()
      .from(indicatorMeasurements)
      .where(
        inArray(
          indicatorMeasurements.indicatorId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(indicatorMeasurements.date), asc(indicatorMeasurements.id));
    return rows.map((r) => ({ ...r, measurements: measurements.filter((m) => m.indicatorId === r.id) }));
  }

  async indicator(id: string): Promise<IndicatorRow | null> {
    const [row] = await this.db.select().from(projectIndicators).where(eq(projectIndicators.id, id));
    return row ?? null;
  }

  async insertIndicator(row: typeof projectIndicators.$inferInsert): Promise<IndicatorRow> {
    const [created] = await this.db.insert(projectIndicators).values(row).returning();
    return created!;
  }

  async deleteIndicator(id: string): Promise<void> {
    await this.db.delete(projectIndicators).where(eq(projectIndicators.id, id));
  }

  async insertMeasurement(row: typeof indicatorMeasurements.$inferInsert): Promise<MeasurementRow> {
    const [created] = await this.db.insert(indicatorMeasurements).values(row).returning();
    return created!;
  }

  async updateIndicator(id: string, patch: Partial<typeof projectIndicators.$inferInsert>): Promise<void> {
    await this.db.update(projectIndicators).set(patch).where(eq(projectIndicators.id, id));
  }

  async measurement(id: string): Promise<MeasurementRow | null> {
    const [row] = await this.db.select().from(indicatorMeasurements).where(eq(indicatorMeasurements.id, id));
    return row ?? null;
  }

  async updateMeasurement(id: string, patch: Partial<typeof indicatorMeasurements.$inferInsert>): Promise<void> {
    await this.db.update(indicatorMeasurements).set(patch).where(eq(indicatorMeasurements.id, id));
  }

  async deleteMeasurement(id: string): Promise<void> {
    await this.db.delete(indicatorMeasurements).where(eq(indicatorMeasurements.id, id));
  }

  // ── documents ───────────────────────────────────────────────────────────────────────────────────────────────
  async documents(projectId: string): Promise<DocumentMetaRow[]> {
    return this.db
      .select(DOCUMENT_META)
      .from(projectDocuments)
      .where(eq(projectDocuments.projectId, projectId))
      .orderBy(desc(projectDocuments.createdAt));
  }

  async document(id: string): Promise<(DocumentMetaRow & { content: Buffer | null }) | null> {
    const [row] = await this.db.select().from(projectDocuments).where(eq(projectDocuments.id, id));
    return row ?? null;
  }

  async insertDocument(row: typeof projectDocuments.$inferInsert): Promise<DocumentMetaRow> {
    const [created] = await this.db.insert(projectDocuments).values(row).returning(DOCUMENT_META);
    return created!;
  }

  async deleteDocument(id: string): Promise<void> {
    await this.db.delete(projectDocuments).where(eq(projectDocuments.id, id));
  }

  // ── history ─────────────────────────────────────────────────────────────────────────────────────────────────
  /** By project, the month it first went to procurement or into progress (from its history): its actual start. */
  async actualStarts(projectIds: string[]): Promise<Map<string, string>> {
    if (projectIds.length === 0) return new Map();
    const rows = await this.db
      .select({ projectId: projectHistory.projectId, at: sql<Date | string>`min(${projectHistory.at})` })
      .from(projectHistory)
      .where(
        and(
          inArray(projectHistory.projectId, projectIds),
          eq(projectHistory.action, 'implementation.status'),
          sql`${projectHistory.params}->>'to' in ('procurement', 'in-progress')`,
        ),
      )
      .groupBy(projectHistory.projectId);
    return new Map(rows.map((r) => [r.projectId, new Date(r.at).toISOString().slice(0, 7)]));
  }

  async history(projectId: string): Promise<HistoryRow[]> {
    return this.db
      .select()
      .from(projectHistory)
      .where(eq(projectHistory.projectId, projectId))
      .orderBy(desc(projectHistory.seq));
  }

  async addHistory(row: typeof projectHistory.$inferInsert): Promise<void> {
    await this.db.insert(projectHistory).values(row);
  }

  // ── procurement ─────────────────────────────────────────────────────────────────────────────────────────────
  async procurements(projectIds: string[]): Promise<ProcurementRow[]> {
    if (projectIds.length === 0) return [];
    return this.db.select().from(procurementFiles).where(inArray(procurementFiles.projectId, projectIds));
  }

  async upsertProcurement(row: typeof procurementFiles.$inferInsert): Promise<ProcurementRow> {
    const { projectId, ...rest } = row;
    const [saved] = await this.db
      .insert(procurementFiles)
      .values(row)
      .onConflictDoUpdate({ target: procurementFiles.projectId, set: { ...rest, updatedAt: new Date() } })
      .returning();
    return saved!;
  }

  async deleteProcurement(projectId: string): Promise<void> {
    await this.db.delete(procurementFiles).where(eq(procurementFiles.projectId, projectId));
  }

  // ── thresholds ──────────────────────────────────────────────────────────────────────────────────────────────
  async thresholds(): Promise<ThresholdRow[]> {
    return this.db.select().from(procurementThresholds).orderBy(asc(procurementThresholds.validFrom));
  }

  /** Seeds the periods not yet stored; never overwrites a period an admin edited. */
  async seedThresholds(rows: (typeof procurementThresholds.$inferInsert)[]): Promise<number> {
    const inserted = await this.db
      .insert(procurementThresholds)
      .values(rows)
      .onConflictDoNothing()
      .returning({ validFrom: procurementThresholds.validFrom });
    return inserted.length;
  }

  async deleteThreshold(validFrom: string): Promise<void> {
    await this.db.delete(procurementThresholds).where(eq(procurementThresholds.validFrom, validFrom));
  }

  async replaceThresholds(rows: (typeof procurementThresholds.$inferInsert)[]): Promise<void> {
    await this.db.delete(procurementThresholds);
    if (rows.length > 0) await this.db.insert(procurementThresholds).values(rows);
  }

  // ── notices ─────────────────────────────────────────────────────────────────────────────────────────────────
  async settings(userId: string): Promise<SettingsRow | null> {
    const [row] = await this.db.select().from(notificationSettings).where(eq(notificationSettings.userId, userId));
    return row ?? null;
  }

  async upsertSettings(userId: string, patch: Partial<typeof notificationSettings.$inferInsert>): Promise<SettingsRow> {
    const [row] = await this.db
      .insert(notificationSettings)
      .values({ userId, ...patch })
      .onConflictDoUpdate({ target: notificationSettings.userId, set: patch })
      .returning();
    return row!;
  }

  /** Active users with their notice settings (defaults when they never changed them). */
  async recipients() {
    return this.db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        communeNis: users.communeNis,
        alertEmails: sql<boolean>`coalesce(${notificationSettings.alertEmails}, true)`,
        weeklyDigest: sql<boolean>`coalesce(${notificationSettings.weeklyDigest}, false)`,
        lastDigestAt: notificationSettings.lastDigestAt,
      })
      .from(users)
      .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
      .where(isNull(users.disabledAt))
      .orderBy(asc(users.email));
  }

  async notifiedKeys(userId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ keys: notificationLog.alertKeys })
      .from(notificationLog)
      .where(and(eq(notificationLog.userId, userId), inArray(notificationLog.kind, ['alert', 'poll'])));
    return new Set(rows.flatMap((r) => r.keys));
  }

  async logNotice(row: typeof notificationLog.$inferInsert): Promise<NoticeRow> {
    const [created] = await this.db.insert(notificationLog).values(row).returning();
    return created!;
  }

  async notices(limit: number): Promise<NoticeRow[]> {
    return this.db.select().from(notificationLog).orderBy(desc(notificationLog.sentAt)).limit(limit);
  }
}
