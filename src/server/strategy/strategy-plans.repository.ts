import { and, asc, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { PlanResult } from '../../domain/strategy/strategy-api.ts';
import type { Executor } from '../db/client.ts';
import { communes, missions, projectSheets, strategyPlanRuns, strategySettings } from '../db/schema/index.ts';

export type PlanRunRow = typeof strategyPlanRuns.$inferSelect;
export type OverviewRow = Awaited<ReturnType<StrategyPlansRepository['overview']>>['rows'][number];

/** The plans of the missions (one row per solve, its progress while it runs) and the strategies' overview. */
export class StrategyPlansRepository {
  constructor(private readonly db: Executor) {}

  // ── plan runs ────────────────────────────────────────────────────────────────────────────────────────────────
  async latestRun(missionId: string): Promise<PlanRunRow | null> {
    const [row] = await this.db
      .select()
      .from(strategyPlanRuns)
      .where(eq(strategyPlanRuns.missionId, missionId))
      .orderBy(desc(strategyPlanRuns.startedAt))
      .limit(1);
    return row ?? null;
  }

  /** The latest run that finished with a result. */
  async latestDoneRun(missionId: string): Promise<PlanRunRow | null> {
    const [row] = await this.db
      .select()
      .from(strategyPlanRuns)
      .where(and(eq(strategyPlanRuns.missionId, missionId), eq(strategyPlanRuns.status, 'done')))
      .orderBy(desc(strategyPlanRuns.startedAt))
      .limit(1);
    return row ?? null;
  }

  async insertRun(row: typeof strategyPlanRuns.$inferInsert): Promise<PlanRunRow> {
    const [created] = await this.db.insert(strategyPlanRuns).values(row).returning();
    return created!;
  }

  async finishRun(id: string, result: PlanResult): Promise<void> {
    await this.db
      .update(strategyPlanRuns)
      .set({ status: 'done', result, progress: 1, step: 'done', finishedAt: new Date() })
      .where(and(eq(strategyPlanRuns.id, id), eq(strategyPlanRuns.status, 'running')));
  }

  async failRun(id: string, code: string, message: string): Promise<void> {
    await this.db
      .update(strategyPlanRuns)
      .set({ status: 'failed', errorCode: code, errorMessage: message, step: 'failed', finishedAt: new Date() })
      .where(and(eq(strategyPlanRuns.id, id), eq(strategyPlanRuns.status, 'running')));
  }

  /** One plan request at a time per mission, across instances: the check and the insert hold this lock. */
  async lockMissionPlans(missionId: string): Promise<void> {
    await this.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`smart-rural:strategy-plan:${missionId}`}))`);
  }

  async findRun(id: string): Promise<PlanRunRow | null> {
    const [row] = await this.db.select().from(strategyPlanRuns).where(eq(strategyPlanRuns.id, id));
    return row ?? null;
  }

  /** Runs still « running » (queued or being solved), oldest first; `startedBefore` keeps the older ones. */
  async runningRuns(startedBefore?: Date): Promise<PlanRunRow[]> {
    return this.db
      .select()
      .from(strategyPlanRuns)
      .where(
        and(
          eq(strategyPlanRuns.status, 'running'),
          startedBefore ? lt(strategyPlanRuns.startedAt, startedBefore) : undefined,
        ),
      )
      .orderBy(asc(strategyPlanRuns.startedAt));
  }

  /** The progress of a running solve, stored with its run so every instance shows it. */
  async updateProgress(id: string, progress: number, step: string): Promise<void> {
    await this.db
      .update(strategyPlanRuns)
      .set({ progress, step })
      .where(and(eq(strategyPlanRuns.id, id), eq(strategyPlanRuns.status, 'running')));
  }

  // ── across missions ──────────────────────────────────────────────────────────────────────────────────────────
  /** Every mission (of one commune when given) with its strategy's size and latest plan. */
  async overview(communeNis: string | null) {
    const missionRows = await this.db
      .select({
        missionId: missions.id,
        missionTitle: missions.title,
        communeNis: missions.communeNis,
        communeName: communes.name,
        phase: missions.phase,
        startedAt: strategySettings.startedAt,
      })
      .from(missions)
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .leftJoin(strategySettings, eq(strategySettings.missionId, missions.id))
      .where(communeNis ? eq(missions.communeNis, communeNis) : undefined)
      .orderBy(asc(communes.name), asc(missions.title));
    if (missionRows.length === 0) return { rows: [], costOf: new Map<string, number>() };
    const ids = missionRows.map((m) => m.missionId);
    const projectCounts = await this.db
      .select({ missionId: projectSheets.missionId, n: count() })
      .from(projectSheets)
      .where(inArray(projectSheets.missionId, ids))
      .groupBy(projectSheets.missionId);
    const runs = await this.db
      .selectDistinctOn([strategyPlanRuns.missionId], {
        missionId: strategyPlanRuns.missionId,
        status: strategyPlanRuns.status,
        result: strategyPlanRuns.result,
        finishedAt: strategyPlanRuns.finishedAt,
      })
      .from(strategyPlanRuns)
      .where(and(inArray(strategyPlanRuns.missionId, ids), eq(strategyPlanRuns.status, 'done')))
      .orderBy(strategyPlanRuns.missionId, desc(strategyPlanRuns.startedAt));
    const counts = new Map(projectCounts.map((c) => [c.missionId, Number(c.n)]));
    const latest = new Map(runs.map((r) => [r.missionId, r]));
    const costs = await this.db
      .select({ id: projectSheets.id, cost: projectSheets.investmentCost })
      .from(projectSheets)
      .where(inArray(projectSheets.missionId, ids));
    const costOf = new Map(costs.map((c) => [c.id, c.cost]));
    return {
      rows: missionRows.map((m) => ({ ...m, projects: counts.get(m.missionId) ?? 0, run: latest.get(m.missionId) })),
      costOf,
    };
  }
}
