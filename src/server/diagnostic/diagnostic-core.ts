import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { checkInterview, type MaturityModel } from '../../domain/diagnostic/model.ts';
import { buildResultsView } from '../../domain/diagnostic/results.ts';
import { type InterviewScore, SCORING_METHOD, scoreInterview } from '../../domain/diagnostic/scoring.ts';
import { type Actor, authorize, can } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { AnswerRow } from './diagnostic.repository.ts';

export type Action = 'read' | 'create' | 'update' | 'delete';

/**
 * What every use case of the diagnostic shares: the mission a caller may act on (policy on its commune), the guide
 * versions (published ones cached), the guide a mission runs with, and the scores kept per mission
 * (mission_diagnostics) after every change of an interview, which the province view and the comparisons read.
 */
export class DiagnosticCore {
  /** Published guide versions never change: safe to keep in memory. */
  private readonly guides = new Map<string, MaturityModel>();

  constructor(
    readonly uow: UnitOfWork,
    readonly now: () => Date = () => new Date(),
  ) {}

  async missionFor(repos: Repositories, actor: Actor, missionId: string, action: Action) {
    const mission = await repos.missions.find(missionId);
    if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
    authorize(actor, action, { type: 'diagnostic', communeNis: mission.communeNis });
    return mission;
  }

  seesNames(actor: Actor, communeNis: string) {
    return can(actor, 'read', { type: 'resource_person', communeNis });
  }

  canEdit(actor: Actor, communeNis: string) {
    return can(actor, 'update', { type: 'diagnostic', communeNis });
  }

  async guide(repos: Repositories, key: string, version: number): Promise<MaturityModel> {
    const id = `${key}/${version}`;
    const cached = this.guides.get(id);
    if (cached) return cached;
    const row = await repos.diagnostic.guides.findGuide(key, version);
    if (!row) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
    if (row.status === 'published') this.guides.set(id, row.model);
    return row.model;
  }

  /** The guide the mission's diagnostic runs with; before its first interview, the latest published one. */
  async guideOfMission(repos: Repositories, missionId: string): Promise<MaturityModel> {
    const diagnostic = await repos.diagnostic.scores.findMissionDiagnostic(missionId);
    if (diagnostic) return this.guide(repos, diagnostic.guideKey, diagnostic.guideVersion);
    const latest = await repos.diagnostic.guides.latestPublishedGuide(GUIDE_FR_V1.key);
    if (!latest) throw new NotFoundError('GUIDE_NOT_FOUND', { key: '—', version: 0 });
    return this.guide(repos, latest.key, latest.version);
  }

  /** The mission keeps the guide version it started with, so its interviews stay comparable. */
  async startDiagnostic(repos: Repositories, missionId: string): Promise<MaturityModel> {
    const guide = await this.guideOfMission(repos, missionId);
    await repos.diagnostic.scores.insertMissionDiagnostic(missionId, guide.key, guide.version);
    return guide;
  }

  /** Answers that do not fit the guide are refused, each issue named (400). */
  checkAnswers(guide: MaturityModel, answers: Parameters<typeof checkInterview>[1]['answers']): void {
    const issues = checkInterview(guide, { guide, answers });
    if (issues.length === 0) return;
    throw new ValidationError(
      issues[0]!.code,
      { field: issues[0]!.path.join('.') },
      issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
    );
  }

  /** Scores the mission's interviews again and keeps the dimension means for the province view. */
  async rescore(repos: Repositories, missionId: string): Promise<void> {
    const diagnostic = await repos.diagnostic.scores.findMissionDiagnostic(missionId);
    if (!diagnostic) return;
    const guide = await this.guide(repos, diagnostic.guideKey, diagnostic.guideVersion);
    const { scores } = await this.scoresOf(repos, missionId, guide);
    const results = buildResultsView({
      missionId,
      commune: { nisCode: '00000', population: null },
      guide,
      scores,
      province: [],
    });
    const dimensionScores = Object.fromEntries(results.dimensions.map((d) => [d.dimension, d.mean]));
    await repos.diagnostic.scores.saveScores(missionId, {
      interviews: scores.length,
      dimensionScores,
      overall: results.overall.mean,
      scoringMethod: SCORING_METHOD,
    });
  }

  /**
   * Scores again the missions whose stored means an older aggregation method made (run at start): the province
   * view and the comparisons read the stored means, which must agree with the results page. Returns how many.
   */
  async rescoreOutdated(): Promise<number> {
    return this.uow.write(async (repos) => {
      const missionIds = await repos.diagnostic.scores.missionsScoredBefore(SCORING_METHOD);
      for (const missionId of missionIds) await this.rescore(repos, missionId);
      return missionIds.length;
    });
  }

  /** The mission's interviews with their answers, and each one scored against the guide. */
  async scoresOf(repos: Repositories, missionId: string, guide: MaturityModel) {
    const rows = await repos.diagnostic.interviews.listInterviews(missionId);
    const answers = await repos.diagnostic.interviews.answersOf(rows.map((r) => r.id));
    const byInterview = new Map<string, AnswerRow[]>();
    for (const a of answers) {
      const list = byInterview.get(a.interviewId);
      if (list) list.push(a);
      else byInterview.set(a.interviewId, [a]);
    }
    const interviews = rows.map((r) => ({ ...r, answers: byInterview.get(r.id) ?? [] }));
    const scores: InterviewScore[] = interviews.map((i) =>
      scoreInterview(guide, {
        guide: { key: i.guideKey, version: i.guideVersion },
        resourcePerson: { type: i.personType as never },
        answers: i.answers.map((a) => ({ questionKey: a.questionKey, level: a.level })),
      }),
    );
    return { interviews, scores };
  }
}
