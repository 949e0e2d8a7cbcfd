import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { communes, missionConsultants, missions, sites, users } from '../db/schema/index.ts';

export type MissionRow = typeof missions.$inferSelect;
export type MissionRecord = MissionRow & {
  communeName: string;
  siteName: string | null;
  consultants: { id: string; displayName: string; email: string }[];
};

export class MissionsRepository {
  constructor(private readonly db: Executor) {}

  async list(filter: { communeNis?: string; phase?: string }): Promise<MissionRecord[]> {
    const conditions: SQL[] = [];
    if (filter.communeNis) conditions.push(eq(missions.communeNis, filter.communeNis));
    if (filter.phase) conditions.push(eq(missions.phase, filter.phase as MissionRow['phase']));
    const rows = await this.db
      .select({ mission: missions, communeName: communes.name, siteName: sites.name })
      .from(missions)
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .leftJoin(sites, eq(sites.id, missions.siteId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(missions.startDate), asc(missions.title));
    return this.withConsultants(rows.map((r) => ({ ...r.mission, communeName: r.communeName, siteName: r.siteName })));
  }

  async find(id: string): Promise<MissionRecord | null> {
    const [row] = await this.db
      .select({ mission: missions, communeName: communes.name, siteName: sites.name })
      .from(missions)
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .leftJoin(sites, eq(sites.id, missions.siteId))
      .where(eq(missions.id, id));
    if (!row) return null;
    const [record] = await this.withConsultants([
      { ...row.mission, communeName: row.communeName, siteName: row.siteName },
    ]);
    return record!;
  }

  private async withConsultants(rows: Omit<MissionRecord, 'consultants'>[]): Promise<MissionRecord[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .select({
        missionId: missionConsultants.missionId,
        id: users.id,
        displayName: users.displayName,
        email: users.email,
      })
      .from(missionConsultants)
      .innerJoin(users, eq(users.id, missionConsultants.userId))
      .where(
        inArray(
          missionConsultants.missionId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(users.displayName));
    return rows.map((r) => ({
      ...r,
      consultants: links
        .filter((l) => l.missionId === r.id)
        .map(({ id, displayName, email }) => ({ id, displayName, email })),
    }));
  }

  async insert(row: typeof missions.$inferInsert): Promise<MissionRow> {
    const [created] = await this.db.insert(missions).values(row).returning();
    return created!;
  }

  async update(id: string, patch: Partial<typeof missions.$inferInsert>): Promise<void> {
    await this.db
      .update(missions)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(missions.id, id));
  }

  async setConsultants(missionId: string, userIds: string[]): Promise<void> {
    await this.db.delete(missionConsultants).where(eq(missionConsultants.missionId, missionId));
    if (userIds.length) {
      await this.db.insert(missionConsultants).values(userIds.map((userId) => ({ missionId, userId })));
    }
  }

  /** Active agency staff, who may be put in charge of a mission. */
  async staff(): Promise<{ id: string; displayName: string; email: string }[]> {
    return this.db
      .select({ id: users.id, displayName: users.displayName, email: users.email })
      .from(users)
      .where(and(inArray(users.role, ['agency_admin', 'consultant']), isNull(users.disabledAt)))
      .orderBy(asc(users.displayName));
  }
}
