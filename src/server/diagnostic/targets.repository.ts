import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MaturityTarget } from '../../domain/diagnostic/targets.ts';
import type { HorizonKey } from '../../domain/strategy/horizons.ts';
import type { Executor } from '../db/client.ts';
import { maturityTargets, projectGapFactors, projectSheets, strategyHorizons } from '../db/schema/index.ts';

/** Targets per dimension and horizon, and the gaps project sheets close (decision 160). SQL lives here only. */
export class TargetsRepository {
  constructor(private readonly db: Executor) {}

  async targets(missionId: string): Promise<MaturityTarget[]> {
    const rows = await this.db
      .select({ dimension: maturityTargets.dimension, horizon: maturityTargets.horizon, level: maturityTargets.level })
      .from(maturityTargets)
      .where(eq(maturityTargets.missionId, missionId))
      .orderBy(asc(maturityTargets.dimension), asc(maturityTargets.horizon));
    return rows as MaturityTarget[];
  }

  async replaceTargets(missionId: string, targets: readonly MaturityTarget[], userId: string | null): Promise<void> {
    await this.db.delete(maturityTargets).where(eq(maturityTargets.missionId, missionId));
    if (targets.length === 0) return;
    await this.db.insert(maturityTargets).values(targets.map((t) => ({ missionId, ...t, updatedBy: userId })));
  }

  /** The horizons the mission's strategy set, if it did. */
  async horizons(missionId: string): Promise<{ key: HorizonKey; startYear: number; endYear: number }[]> {
    return this.db
      .select({ key: strategyHorizons.key, startYear: strategyHorizons.startYear, endYear: strategyHorizons.endYear })
      .from(strategyHorizons)
      .where(eq(strategyHorizons.missionId, missionId));
  }

  /** Which sheet of the mission closes which factor's gap. */
  async sheetLinks(missionId: string): Promise<{ projectId: string; title: string; factorKey: string }[]> {
    return this.db
      .select({ projectId: projectSheets.id, title: projectSheets.title, factorKey: projectGapFactors.factorKey })
      .from(projectGapFactors)
      .innerJoin(projectSheets, eq(projectSheets.id, projectGapFactors.projectId))
      .where(eq(projectSheets.missionId, missionId))
      .orderBy(asc(projectSheets.title));
  }

  async sheet(projectId: string): Promise<{ id: string; missionId: string; title: string } | null> {
    const [row] = await this.db
      .select({ id: projectSheets.id, missionId: projectSheets.missionId, title: projectSheets.title })
      .from(projectSheets)
      .where(eq(projectSheets.id, projectId));
    return row ?? null;
  }

  async sheetFactors(projectId: string): Promise<string[]> {
    const rows = await this.db
      .select({ factorKey: projectGapFactors.factorKey })
      .from(projectGapFactors)
      .where(eq(projectGapFactors.projectId, projectId))
      .orderBy(asc(projectGapFactors.factorKey));
    return rows.map((r) => r.factorKey);
  }

  async replaceSheetFactors(projectId: string, factorKeys: readonly string[]): Promise<void> {
    const kept = await this.sheetFactors(projectId);
    const gone = kept.filter((k) => !factorKeys.includes(k));
    if (gone.length > 0) {
      await this.db
        .delete(projectGapFactors)
        .where(and(eq(projectGapFactors.projectId, projectId), inArray(projectGapFactors.factorKey, gone)));
    }
    const added = factorKeys.filter((k) => !kept.includes(k));
    if (added.length > 0)
      await this.db.insert(projectGapFactors).values(added.map((factorKey) => ({ projectId, factorKey })));
  }
}
