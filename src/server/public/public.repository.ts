import { and, asc, countDistinct, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { callOffs, catalogueSolutions } from '../db/schema/catalogue.ts';
import { communes } from '../db/schema/communes.ts';
import { projectFollowUps } from '../db/schema/implementation.ts';
import { missions } from '../db/schema/missions.ts';
import { jointPurchaseCallOffs, jointPurchases } from '../db/schema/needs.ts';
import { apiKeys } from '../db/schema/public.ts';
import { projectSheets, strategyObjectives } from '../db/schema/strategy.ts';

/**
 * SQL of the public side (issue 14). Every query here returns published data only, whatever the caller passes: a
 * project is public when its sheet is approved, its mission in implementation (or closed) and the commune published
 * it; a catalogue solution when it is listed. Nothing in this file reads needs, drafts or names of people.
 */
export class PublicRepository {
  constructor(private readonly db: Executor) {}

  private publishedWhere(communeNis?: string) {
    return and(
      eq(projectSheets.status, 'approved'),
      inArray(missions.phase, ['implementation', 'closed']),
      eq(projectFollowUps.published, true),
      communeNis ? eq(missions.communeNis, communeNis) : undefined,
    );
  }

  /** The published projects (of one commune, or all), with what the public pages show of them. */
  async publishedProjects(filter: { communeNis?: string } = {}) {
    return this.db
      .select({
        id: projectSheets.id,
        title: projectSheets.title,
        description: projectSheets.description,
        dimensions: projectSheets.dimensions,
        objectiveId: projectSheets.objectiveId,
        missionId: missions.id,
        communeNis: missions.communeNis,
        communeName: communes.name,
        arrondissement: communes.arrondissement,
        status: projectFollowUps.status,
        progress: projectFollowUps.progress,
        budget: projectFollowUps.budget,
        publishAmounts: projectFollowUps.publishAmounts,
        publishedAt: projectFollowUps.publishedAt,
        updatedAt: projectFollowUps.updatedAt,
      })
      .from(projectSheets)
      .innerJoin(missions, eq(missions.id, projectSheets.missionId))
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .innerJoin(projectFollowUps, eq(projectFollowUps.projectId, projectSheets.id))
      .where(this.publishedWhere(filter.communeNis))
      .orderBy(asc(communes.name), asc(projectSheets.createdAt), asc(projectSheets.id));
  }

  /** The objectives of the missions given (only those missions holding a published project are ever asked). */
  async objectives(missionIds: string[]) {
    if (missionIds.length === 0) return [];
    return this.db
      .select({
        id: strategyObjectives.id,
        parentId: strategyObjectives.parentId,
        position: strategyObjectives.position,
        title: strategyObjectives.title,
        description: strategyObjectives.description,
      })
      .from(strategyObjectives)
      .where(inArray(strategyObjectives.missionId, missionIds))
      .orderBy(asc(strategyObjectives.position), asc(strategyObjectives.createdAt));
  }

  /** Communes the agency accompanies: those with a mission, whatever its phase (a count, no detail). */
  async communesAccompanied(): Promise<number> {
    const [row] = await this.db.select({ n: countDistinct(missions.communeNis) }).from(missions);
    return Number(row?.n ?? 0);
  }

  async pooledPurchaseCount(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)` }).from(jointPurchases);
    return Number(row?.n ?? 0);
  }

  /** The uses of listed solutions: orders (not cancelled) and the reference communes the solutions declare. */
  async listedSolutionUses(filter: { category?: string; communeNis?: string } = {}) {
    const listed = and(
      eq(catalogueSolutions.status, 'listed'),
      filter.category ? sql`${filter.category} = any(${catalogueSolutions.categories})` : undefined,
    );
    const ordered = await this.db
      .selectDistinct({ communeNis: callOffs.communeNis, solutionId: catalogueSolutions.id })
      .from(callOffs)
      .innerJoin(catalogueSolutions, eq(catalogueSolutions.id, callOffs.solutionId))
      .where(
        and(
          listed,
          isNull(callOffs.cancelledAt),
          filter.communeNis ? eq(callOffs.communeNis, filter.communeNis) : undefined,
        ),
      );
    const solutions = await this.db
      .select({
        id: catalogueSolutions.id,
        name: catalogueSolutions.name,
        vendor: catalogueSolutions.vendor,
        summary: catalogueSolutions.summary,
        categories: catalogueSolutions.categories,
        referenceCommunes: catalogueSolutions.referenceCommunes,
      })
      .from(catalogueSolutions)
      .where(listed)
      .orderBy(asc(catalogueSolutions.name));
    const uses = new Set(ordered.map((o) => `${o.solutionId}|${o.communeNis}`));
    for (const s of solutions) {
      for (const nis of s.referenceCommunes) {
        if (!filter.communeNis || nis === filter.communeNis) uses.add(`${s.id}|${nis}`);
      }
    }
    return {
      solutions,
      uses: [...uses].map((u) => {
        const [solutionId, communeNis] = u.split('|') as [string, string];
        return { solutionId, communeNis };
      }),
    };
  }

  /** The pooled purchases a commune takes part in (through its call-offs): the solution bought and how many communes. */
  async pooledPurchasesOf(communeNis: string) {
    const mine = this.db
      .selectDistinct({ purchaseId: jointPurchaseCallOffs.purchaseId })
      .from(jointPurchaseCallOffs)
      .innerJoin(callOffs, eq(callOffs.id, jointPurchaseCallOffs.callOffId))
      .where(and(eq(callOffs.communeNis, communeNis), isNull(callOffs.cancelledAt)));
    return this.db
      .select({
        id: jointPurchases.id,
        createdAt: jointPurchases.createdAt,
        solutionName: catalogueSolutions.name,
        solutionStatus: catalogueSolutions.status,
        communes: countDistinct(callOffs.communeNis),
      })
      .from(jointPurchases)
      .innerJoin(jointPurchaseCallOffs, eq(jointPurchaseCallOffs.purchaseId, jointPurchases.id))
      .innerJoin(callOffs, eq(callOffs.id, jointPurchaseCallOffs.callOffId))
      .leftJoin(catalogueSolutions, eq(catalogueSolutions.id, jointPurchases.solutionId))
      .where(inArray(jointPurchases.id, mine))
      .groupBy(jointPurchases.id, catalogueSolutions.name, catalogueSolutions.status)
      .orderBy(desc(jointPurchases.createdAt));
  }

  /** The latest change to anything published, for « mis à jour le ». */
  async lastPublishedChange(communeNis?: string): Promise<Date | null> {
    const [row] = await this.db
      .select({ at: max(projectFollowUps.updatedAt) })
      .from(projectSheets)
      .innerJoin(missions, eq(missions.id, projectSheets.missionId))
      .innerJoin(projectFollowUps, eq(projectFollowUps.projectId, projectSheets.id))
      .where(this.publishedWhere(communeNis));
    return row?.at ? new Date(row.at) : null;
  }
}

/** The API keys (issue 14): only hashes are stored. */
export class ApiKeysRepository {
  constructor(private readonly db: Executor) {}

  async list() {
    return this.db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt));
  }

  async find(id: string) {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    return row ?? null;
  }

  async byHash(hash: string) {
    const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.hash, hash));
    return row ?? null;
  }

  async insert(row: typeof apiKeys.$inferInsert) {
    const [created] = await this.db.insert(apiKeys).values(row).returning();
    return created!;
  }

  async revoke(id: string, at: Date) {
    const [row] = await this.db.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, id)).returning();
    return row!;
  }

  async touch(id: string, at: Date) {
    await this.db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, id));
  }
}
