import { and, asc, desc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { communes, missionDiagnostics, missions } from '../db/schema/index.ts';

export type MissionDiagnosticRow = typeof missionDiagnostics.$inferSelect;

/** The diagnostic of a mission: the guide it runs with and its stored scores (the province view reads them). */
export class MissionDiagnosticsRepository {
  constructor(private readonly db: Executor) {}

  async findMissionDiagnostic(missionId: string): Promise<MissionDiagnosticRow | null> {
    const [row] = await this.db.select().from(missionDiagnostics).where(eq(missionDiagnostics.missionId, missionId));
    return row ?? null;
  }

  async insertMissionDiagnostic(missionId: string, guideKey: string, guideVersion: number): Promise<void> {
    await this.db
      .insert(missionDiagnostics)
      .values({ missionId, guideKey, guideVersion })
      .onConflictDoNothing({ target: missionDiagnostics.missionId });
  }

  async saveScores(
    missionId: string,
    scores: {
      interviews: number;
      dimensionScores: Record<string, number | null>;
      overall: number | null;
      scoringMethod: number;
    },
  ): Promise<void> {
    await this.db
      .update(missionDiagnostics)
      .set({ ...scores, scoredAt: new Date() })
      .where(eq(missionDiagnostics.missionId, missionId));
  }

  /** Missions whose stored means were aggregated with an older method than `method`. */
  async missionsScoredBefore(method: number): Promise<string[]> {
    const rows = await this.db
      .select({ missionId: missionDiagnostics.missionId })
      .from(missionDiagnostics)
      .where(lt(missionDiagnostics.scoringMethod, method));
    return rows.map((r) => r.missionId);
  }

  /**
   * The latest diagnostic with interviews of each commune (by mission start date): what the province view and the
   * comparisons rest on. Merged communes keep their history.
   */
  async latestDiagnosticsByCommune() {
    const rows = await this.db
      .select({
        missionId: missions.id,
        missionTitle: missions.title,
        startDate: missions.startDate,
        nisCode: communes.nisCode,
        communeName: communes.name,
        population: communes.population,
        interviews: missionDiagnostics.interviews,
        guideKey: missionDiagnostics.guideKey,
        guideVersion: missionDiagnostics.guideVersion,
        dimensionScores: missionDiagnostics.dimensionScores,
        overall: missionDiagnostics.overall,
        scoredAt: missionDiagnostics.scoredAt,
      })
      .from(missionDiagnostics)
      .innerJoin(missions, eq(missions.id, missionDiagnostics.missionId))
      .innerJoin(communes, eq(communes.nisCode, missions.communeNis))
      .where(and(sql`${missionDiagnostics.interviews} > 0`, isNotNull(missionDiagnostics.dimensionScores)))
      .orderBy(asc(communes.nisCode), desc(missions.startDate), desc(missionDiagnostics.scoredAt));
    const seen = new Set<string>();
    return rows.filter((r) => {
      if (seen.has(r.nisCode)) return false;
      seen.add(r.nisCode);
      return true;
    });
  }
}
