import { benchmarkByDimension, comparabilityOf } from '../../domain/diagnostic/benchmark.ts';
import type { MaturityModel } from '../../domain/diagnostic/model.ts';
import { scaleRange } from '../../domain/diagnostic/model.ts';
import {
  buildResultsView,
  type DiagnosticResultsView,
  type ProvinceOverview,
} from '../../domain/diagnostic/results.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import { type Actor, authorize, readScope } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import type { MissionRecord } from '../missions/missions.repository.ts';
import type { AnswerRow, InterviewRow } from './diagnostic.repository.ts';
import type { DiagnosticCore } from './diagnostic-core.ts';
import {
  type GuidedMaturity,
  noAverage,
  presentBenchmark,
  presentProvinceCommune,
  provinceAverage,
} from './results.presenter.ts';

/** Everything the results, the report and the spreadsheet are made from. */
export type DiagnosticData = {
  mission: MissionRecord;
  guide: MaturityModel;
  interviews: (InterviewRow & { answers: AnswerRow[] })[];
  results: DiagnosticResultsView;
};

/**
 * The results of a mission's diagnostic (maturity per factor and dimension, compared with the province and its
 * peers) and the province view of every diagnosed commune; both read the scores stored per mission.
 */
export class ResultsService {
  constructor(private readonly core: DiagnosticCore) {}

  /** A diagnosed commune's stored means, with what it is comparable with (its mission's guide and scale). */
  private async maturityOf(
    repos: Repositories,
    row: {
      nisCode: string;
      population: number | null;
      dimensionScores: Record<string, number | null> | null;
      guideKey: string;
      guideVersion: number;
    },
  ): Promise<GuidedMaturity> {
    const guide = await this.core.guide(repos, row.guideKey, row.guideVersion);
    return {
      nisCode: row.nisCode,
      population: row.population,
      dimensions: (row.dimensionScores ?? {}) as Partial<Record<Dimension, number | null>>,
      comparability: comparabilityOf({ key: guide.key, scale: scaleRange(guide) }),
      guide,
    };
  }

  async data(actor: Actor, missionId: string): Promise<DiagnosticData> {
    return this.core.uow.read(async (repos) => {
      const mission = await this.core.missionFor(repos, actor, missionId, 'read');
      const guide = await this.core.guideOfMission(repos, missionId);
      const { interviews, scores } = await this.core.scoresOf(repos, missionId, guide);
      const commune = await repos.communes.find(mission.communeNis);
      // The province's diagnosed communes (latest diagnostic of each), for peers and z-scores.
      const rows = await repos.diagnostic.scores.latestDiagnosticsByCommune();
      const results = buildResultsView({
        missionId,
        commune: { nisCode: mission.communeNis, population: commune?.population ?? null },
        guide,
        scores,
        province: await Promise.all(rows.map((r) => this.maturityOf(repos, r))),
      });
      return { mission, guide, interviews, results };
    });
  }

  async results(actor: Actor, missionId: string): Promise<DiagnosticResultsView> {
    return (await this.data(actor, missionId)).results;
  }

  /**
   * Which communes have a diagnostic and their maturity. z-scores are computed within each group of communes
   * diagnosed with the same guide and scale, and only where the group has enough of them (MIN_COMPARABLE_COMMUNES);
   * each commune's band comes from the bands of the guide its mission used.
   */
  async province(actor: Actor): Promise<ProvinceOverview> {
    authorize(actor, 'read', { type: 'diagnostic' });
    const scope = readScope(actor, 'diagnostic');
    return this.core.uow.read(async (repos) => {
      const rows = await repos.diagnostic.scores.latestDiagnosticsByCommune();
      const all = await Promise.all(rows.map((r) => this.maturityOf(repos, r)));
      const groups = new Map<string, GuidedMaturity[]>();
      for (const c of all) {
        const key = c.comparability ?? '';
        groups.set(key, [...(groups.get(key) ?? []), c]);
      }
      const benchmarks = new Map([...groups].map(([key, members]) => [key, benchmarkByDimension(members)]));
      const visible = rows.filter(
        (r) => scope.kind === 'all' || (scope.kind === 'commune' && r.nisCode === scope.communeNis),
      );
      const maturityByNis = new Map(all.map((c) => [c.nisCode, c]));
      return {
        communes: [...visible]
          .sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr'))
          .map((r) => {
            const maturity = maturityByNis.get(r.nisCode)!;
            return presentProvinceCommune(r, maturity, benchmarks.get(maturity.comparability ?? '')!);
          }),
        provinceAverage: scope.kind === 'all' ? provinceAverage(all) : noAverage(),
        benchmark: presentBenchmark(groups, benchmarks),
      };
    });
  }
}
