import {
  benchmarkByDimension,
  type CommuneMaturity,
  comparabilityOf,
  MIN_COMPARABLE_COMMUNES,
} from '../../domain/diagnostic/benchmark.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { guideSize, type MissionGuide, type MissionGuideChoice } from '../../domain/diagnostic/guides.ts';
import type { Interview, InterviewCreateInput, InterviewUpdateInput } from '../../domain/diagnostic/interviews.ts';
import { checkInterview, eraseIdentity, type MaturityModel, scaleRange } from '../../domain/diagnostic/model.ts';
import {
  buildResultsView,
  type DiagnosticResultsView,
  overallMaturity,
  type ProvinceOverview,
} from '../../domain/diagnostic/results.ts';
import { bandOf, type InterviewScore, SCORING_METHOD, scoreInterview } from '../../domain/diagnostic/scoring.ts';
import {
  mergeSwotItems,
  reorderSwotCategory,
  type SpecificitiesInput,
  type SwotItemInput,
  type SwotItemUpdateInput,
  type SwotMergeInput,
  type SwotReorderInput,
  type SwotResponse,
} from '../../domain/diagnostic/swot.ts';
import { DIMENSIONS, type Dimension } from '../../domain/shared/dimensions.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { MissionRecord } from '../missions/missions.repository.ts';
import {
  auditableSwot,
  presentInterviewSummary,
  presentPerson,
  presentSpecificities,
  presentSwotItem,
} from './diagnostic.presenter.ts';
import type { AnswerRow, InterviewRow } from './diagnostic.repository.ts';

/** Everything the results, the report and the spreadsheet are made from. */
export type DiagnosticData = {
  mission: MissionRecord;
  guide: MaturityModel;
  interviews: (InterviewRow & { answers: AnswerRow[] })[];
  results: DiagnosticResultsView;
};

/**
 * Phase 1 of a mission: interviews of resource persons, their aggregated results, the SWOT and the territory's
 * specificities. Scores are kept per mission (mission_diagnostics) after every change of an interview, so the
 * province view and the comparisons read them instead of aggregating every interview of the province.
 */
export class DiagnosticService {
  /** Published guide versions never change: safe to keep in memory. */
  private readonly guides = new Map<string, MaturityModel>();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  // -- access helpers -----------------------------------------------------------------------------------------

  async missionFor(
    repos: Repositories,
    actor: Actor,
    missionId: string,
    action: 'read' | 'create' | 'update' | 'delete',
  ) {
    const mission = await repos.missions.find(missionId);
    if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
    authorize(actor, action, { type: 'diagnostic', communeNis: mission.communeNis });
    return mission;
  }

  private seesNames(actor: Actor, communeNis: string) {
    return can(actor, 'read', { type: 'resource_person', communeNis });
  }

  private canEdit(actor: Actor, communeNis: string) {
    return can(actor, 'update', { type: 'diagnostic', communeNis });
  }

  async guide(repos: Repositories, key: string, version: number): Promise<MaturityModel> {
    const id = `${key}/${version}`;
    const cached = this.guides.get(id);
    if (cached) return cached;
    const row = await repos.diagnostic.findGuide(key, version);
    if (!row) throw new NotFoundError('GUIDE_NOT_FOUND', { key, version });
    if (row.status === 'published') this.guides.set(id, row.model);
    return row.model;
  }

  /** The guide the mission's diagnostic runs with; before its first interview, the latest published one. */
  async guideOfMission(repos: Repositories, missionId: string): Promise<MaturityModel> {
    const diagnostic = await repos.diagnostic.findMissionDiagnostic(missionId);
    if (diagnostic) return this.guide(repos, diagnostic.guideKey, diagnostic.guideVersion);
    const latest = await repos.diagnostic.latestPublishedGuide(GUIDE_FR_V1.key);
    if (!latest) throw new NotFoundError('GUIDE_NOT_FOUND', { key: '—', version: 0 });
    return this.guide(repos, latest.key, latest.version);
  }

  /** Which guide the mission's diagnostic uses, and whether it may still change (no interview yet). */
  async missionGuide(actor: Actor, missionId: string): Promise<MissionGuide> {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const chosen = await repos.diagnostic.findMissionDiagnostic(missionId);
      const guide = await this.guideOfMission(repos, missionId);
      const interviews = await repos.diagnostic.countMissionInterviews(missionId);
      return {
        key: guide.key,
        version: guide.version,
        title: guide.title,
        chosen: chosen !== null,
        changeable: interviews === 0 && this.canEdit(actor, mission.communeNis),
      };
    });
  }

  /**
   * A consultant chooses the guide of a mission's diagnostic before it starts: the latest published version of that
   * guide. Once an interview is recorded, the guide never changes (409), so the interviews stay comparable.
   */
  async chooseMissionGuide(ctx: RequestContext, missionId: string, input: MissionGuideChoice): Promise<MissionGuide> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      if ((await repos.diagnostic.countMissionInterviews(missionId)) > 0) {
        throw new ConflictError('DIAGNOSTIC_ALREADY_STARTED');
      }
      const before = await repos.diagnostic.findMissionDiagnostic(missionId);
      const guide = await this.latestPublishedOf(repos, input.key);
      if (!guide) throw new NotFoundError('GUIDE_NOT_PUBLISHED', { key: input.key });
      await repos.diagnostic.chooseMissionGuide(missionId, guide.key, guide.version);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'diagnostic.guide',
          entityType: 'mission',
          entityId: missionId,
          communeNis: mission.communeNis,
          ...(before ? { before: { guide: `${before.guideKey}/${before.guideVersion}` } } : {}),
          after: { guide: `${guide.key}/${guide.version}` },
        }),
      );
    });
    return this.missionGuide(ctx.actor, missionId);
  }

  private async latestPublishedOf(repos: Repositories, key: string) {
    const row = await repos.diagnostic.latestPublishedGuide(key);
    return row && row.key === key ? row : null;
  }

  /** The mission keeps the guide version it started with, so its interviews stay comparable. */
  async startDiagnostic(repos: Repositories, missionId: string): Promise<MaturityModel> {
    const guide = await this.guideOfMission(repos, missionId);
    await repos.diagnostic.insertMissionDiagnostic(missionId, guide.key, guide.version);
    return guide;
  }

  /** Scores the mission's interviews again and keeps the dimension means for the province view. */
  async rescore(repos: Repositories, missionId: string): Promise<void> {
    const diagnostic = await repos.diagnostic.findMissionDiagnostic(missionId);
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
    await repos.diagnostic.saveScores(missionId, {
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
      const missionIds = await repos.diagnostic.missionsScoredBefore(SCORING_METHOD);
      for (const missionId of missionIds) await this.rescore(repos, missionId);
      return missionIds.length;
    });
  }

  private async scoresOf(repos: Repositories, missionId: string, guide: MaturityModel) {
    const rows = await repos.diagnostic.listInterviews(missionId);
    const answers = await repos.diagnostic.answersOf(rows.map((r) => r.id));
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

  // -- interviews ---------------------------------------------------------------------------------------------

  async listInterviews(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const guide = await this.guideOfMission(repos, missionId);
      const rows = await repos.diagnostic.listInterviews(missionId);
      const seeNames = this.seesNames(actor, mission.communeNis);
      const questions = guideSize(guide).questions;
      return rows.map((row) => presentInterviewSummary(row, questions, seeNames));
    });
  }

  async getInterview(actor: Actor, missionId: string, interviewId: string): Promise<Interview> {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const row = (await repos.diagnostic.listInterviews(missionId)).find((r) => r.id === interviewId);
      if (!row) throw new NotFoundError('INTERVIEW_NOT_FOUND');
      const guide = await this.guide(repos, row.guideKey, row.guideVersion);
      const answers = await repos.diagnostic.answersOf([row.id]);
      const seeNames = this.seesNames(actor, mission.communeNis);
      return {
        ...presentInterviewSummary(row, guideSize(guide).questions, seeNames),
        answers: answers.map((a) => ({ questionKey: a.questionKey, level: a.level, comment: a.comment })),
        notes: row.notes,
        permissions: {
          edit: this.canEdit(actor, mission.communeNis),
          erase:
            can(actor, 'delete', { type: 'resource_person', communeNis: mission.communeNis }) && !row.identityErasedAt,
        },
      };
    });
  }

  async createInterview(ctx: RequestContext, missionId: string, input: InterviewCreateInput): Promise<Interview> {
    const id = await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'create');
      const guide = await this.startDiagnostic(repos, missionId);
      const created = await repos.diagnostic.insertInterview({
        missionId,
        guideKey: guide.key,
        guideVersion: guide.version,
        personType: input.resourcePerson.type,
        personRole: input.resourcePerson.role ?? null,
        personName: input.resourcePerson.name ?? null,
        date: input.date,
        interviewer: input.interviewer,
        notes: input.notes ?? null,
        source: 'interview',
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await this.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.create',
          entityType: 'interview',
          entityId: created.id,
          communeNis: mission.communeNis,
          after: {
            missionId,
            type: input.resourcePerson.type,
            date: input.date,
            guide: `${guide.key}/${guide.version}`,
          },
        }),
      );
      return created.id;
    });
    return this.getInterview(ctx.actor, missionId, id);
  }

  /** Saves as you go: the answers given are upserted by question, the others stay. */
  async updateInterview(
    ctx: RequestContext,
    missionId: string,
    interviewId: string,
    input: InterviewUpdateInput,
  ): Promise<Interview> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      const row = await repos.diagnostic.findInterview(interviewId);
      if (!row || row.missionId !== missionId) throw new NotFoundError('INTERVIEW_NOT_FOUND');
      const guide = await this.guide(repos, row.guideKey, row.guideVersion);
      const answers = input.answers ?? [];
      const issues = checkInterview(guide, { guide, answers });
      if (issues.length > 0) {
        throw new ValidationError(
          issues[0]!.code,
          { field: issues[0]!.path.join('.') },
          issues.map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
        );
      }
      if (row.identityErasedAt && (input.resourcePerson?.name || input.resourcePerson?.role)) {
        throw new ValidationError('IDENTITY_ERASED', { field: 'resourcePerson' });
      }
      const patch = {
        ...(input.resourcePerson
          ? {
              personType: input.resourcePerson.type,
              personRole: input.resourcePerson.role ?? null,
              personName: input.resourcePerson.name ?? null,
            }
          : {}),
        ...(input.date !== undefined ? { date: input.date } : {}),
        ...(input.interviewer !== undefined ? { interviewer: input.interviewer } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
      };
      await repos.diagnostic.updateInterview(interviewId, patch);
      await repos.diagnostic.upsertAnswers(interviewId, answers);
      await repos.diagnostic.deleteAnswers(interviewId, input.removeAnswers ?? []);
      await this.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.update',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          before: {
            ...(input.resourcePerson ? { type: row.personType } : {}),
            ...(input.date ? { date: row.date } : {}),
            ...(input.interviewer ? { interviewer: row.interviewer } : {}),
          },
          after: {
            ...(input.resourcePerson ? { type: input.resourcePerson.type } : {}),
            ...(input.date ? { date: input.date } : {}),
            ...(input.interviewer ? { interviewer: input.interviewer } : {}),
            ...(input.notes !== undefined ? { notes: 'changed' } : {}),
            ...(answers.length ? { answers: answers.map((a) => `${a.questionKey}=${a.level ?? '?'}`) } : {}),
            ...(input.removeAnswers?.length ? { removed: input.removeAnswers } : {}),
          },
        }),
      );
    });
    return this.getInterview(ctx.actor, missionId, interviewId);
  }

  async deleteInterview(ctx: RequestContext, missionId: string, interviewId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'delete');
      const row = await repos.diagnostic.findInterview(interviewId);
      if (!row || row.missionId !== missionId) throw new NotFoundError('INTERVIEW_NOT_FOUND');
      await repos.diagnostic.forgetInterviewInSwot(missionId, interviewId);
      await repos.diagnostic.deleteInterview(interviewId);
      await this.rescore(repos, missionId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.delete',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          before: { missionId, type: row.personType, date: row.date },
        }),
      );
    });
  }

  /** GDPR erasure: name and role go (here and on the link that produced the interview); the answers stay. */
  async eraseIdentity(ctx: RequestContext, missionId: string, interviewId: string): Promise<Interview> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'read');
      authorize(ctx.actor, 'delete', { type: 'resource_person', communeNis: mission.communeNis });
      const row = await repos.diagnostic.findInterview(interviewId);
      if (!row || row.missionId !== missionId) throw new NotFoundError('INTERVIEW_NOT_FOUND');
      const kept = eraseIdentity({ type: row.personType as never });
      await repos.diagnostic.updateInterview(interviewId, {
        personType: kept.type,
        personName: null,
        personRole: null,
        identityErasedAt: this.now(),
      });
      await repos.diagnostic.eraseLinkIdentity(interviewId);
      // The audit entry says that it happened, never what was erased.
      await repos.audit.record(
        auditOf(ctx, {
          action: 'interview.erase_identity',
          entityType: 'interview',
          entityId: interviewId,
          communeNis: mission.communeNis,
          before: { name: row.personName ? '(erased)' : null, role: row.personRole ? '(erased)' : null },
          after: { name: null, role: null },
        }),
      );
    });
    return this.getInterview(ctx.actor, missionId, interviewId);
  }

  // -- results ------------------------------------------------------------------------------------------------

  /** The province's diagnosed communes (latest diagnostic of each), for peers and z-scores. */
  private async provinceMaturity(repos: Repositories): Promise<CommuneMaturity[]> {
    const rows = await repos.diagnostic.latestDiagnosticsByCommune();
    return Promise.all(rows.map((r) => this.maturityOf(repos, r)));
  }

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
  ): Promise<CommuneMaturity & { guide: MaturityModel }> {
    const guide = await this.guide(repos, row.guideKey, row.guideVersion);
    return {
      nisCode: row.nisCode,
      population: row.population,
      dimensions: (row.dimensionScores ?? {}) as Partial<Record<Dimension, number | null>>,
      comparability: comparabilityOf({ key: guide.key, scale: scaleRange(guide) }),
      guide,
    };
  }

  async data(actor: Actor, missionId: string): Promise<DiagnosticData> {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const guide = await this.guideOfMission(repos, missionId);
      const { interviews, scores } = await this.scoresOf(repos, missionId, guide);
      const commune = await repos.communes.find(mission.communeNis);
      const results = buildResultsView({
        missionId,
        commune: { nisCode: mission.communeNis, population: commune?.population ?? null },
        guide,
        scores,
        province: await this.provinceMaturity(repos),
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
    return this.uow.read(async (repos) => {
      const rows = await repos.diagnostic.latestDiagnosticsByCommune();
      const all = await Promise.all(rows.map((r) => this.maturityOf(repos, r)));
      const groups = new Map<string, (typeof all)[number][]>();
      for (const c of all) {
        const key = c.comparability ?? '';
        groups.set(key, [...(groups.get(key) ?? []), c]);
      }
      const benchmarks = new Map([...groups].map(([key, members]) => [key, benchmarkByDimension(members)]));
      const visible = rows.filter(
        (r) => scope.kind === 'all' || (scope.kind === 'commune' && r.nisCode === scope.communeNis),
      );
      const maturityByNis = new Map(all.map((c) => [c.nisCode, c]));
      const average = Object.fromEntries(
        DIMENSIONS.map((d) => {
          const values = all.flatMap((c) => (typeof c.dimensions[d] === 'number' ? [c.dimensions[d] as number] : []));
          return [d, values.length ? values.reduce((a, b) => a + b, 0) / values.length : null];
        }),
      ) as Record<Dimension, number | null>;
      return {
        communes: [...visible]
          .sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr'))
          .map((r) => {
            const maturity = maturityByNis.get(r.nisCode)!;
            const { guide } = maturity;
            const bench = benchmarks.get(maturity.comparability ?? '')!;
            const dimensions = Object.fromEntries(
              DIMENSIONS.map((d) => [d, (r.dimensionScores?.[d] as number | null | undefined) ?? null]),
            ) as Record<Dimension, number | null>;
            const overall = overallMaturity(dimensions);
            const band = overall === null ? null : bandOf(overall, guide.bands);
            return {
              nisCode: r.nisCode,
              communeName: r.communeName,
              population: r.population,
              missionId: r.missionId,
              missionTitle: r.missionTitle,
              interviews: r.interviews,
              dimensions,
              overall,
              band: band ? { key: band.key, label: band.label, interpretation: band.interpretation } : null,
              bandPosition: band ? { index: guide.bands.indexOf(band), of: guide.bands.length } : null,
              guide: { key: guide.key, version: guide.version, title: guide.title },
              zScores: Object.fromEntries(
                DIMENSIONS.map((d) => {
                  const s = bench[d].z;
                  return [d, s.computable ? (s.scores[r.nisCode] ?? null) : null];
                }),
              ) as Record<Dimension, number | null>,
              updatedAt: r.scoredAt.toISOString(),
            };
          }),
        provinceAverage:
          scope.kind === 'all'
            ? average
            : (Object.fromEntries(DIMENSIONS.map((d) => [d, null])) as Record<Dimension, number | null>),
        benchmark: {
          minimum: MIN_COMPARABLE_COMMUNES,
          groups: [...groups.values()].map((members) => {
            const { guide } = members[0]!;
            const bench = benchmarks.get(members[0]!.comparability ?? '')!;
            return {
              guideKey: guide.key,
              guideTitle: guide.title,
              communes: members.length,
              method: DIMENSIONS.some((d) => bench[d].method === 'z_scores') ? 'z_scores' : 'indicative',
            } as const;
          }),
        },
      };
    });
  }

  // -- SWOT ---------------------------------------------------------------------------------------------------

  async swot(actor: Actor, missionId: string): Promise<SwotResponse> {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const rows = await repos.diagnostic.listSwot(missionId);
      return {
        missionId,
        communeNis: mission.communeNis,
        items: rows.map(presentSwotItem),
        permissions: { edit: this.canEdit(actor, mission.communeNis) },
      };
    });
  }

  private async checkInterviewIds(repos: Repositories, missionId: string, ids: readonly string[]) {
    if (ids.length === 0) return;
    const known = new Set((await repos.diagnostic.listInterviews(missionId)).map((r) => r.id));
    if (ids.some((id) => !known.has(id)))
      throw new ValidationError('SWOT_INTERVIEW_UNKNOWN', { field: 'interviewIds' });
  }

  async createSwot(ctx: RequestContext, missionId: string, input: SwotItemInput) {
    const created = await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'create');
      await this.checkInterviewIds(repos, missionId, input.interviewIds);
      const row = await repos.diagnostic.insertSwot({
        missionId,
        category: input.category,
        text: input.text,
        position: await repos.diagnostic.nextSwotPosition(missionId, input.category),
        dimensions: input.dimensions,
        interviewIds: [...new Set(input.interviewIds)],
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.create',
          entityType: 'swot_item',
          entityId: row.id,
          communeNis: mission.communeNis,
          after: auditableSwot(row),
        }),
      );
      return row;
    });
    return presentSwotItem(created);
  }

  private async swotItemOf(repos: Repositories, missionId: string, itemId: string) {
    const [row] = await repos.diagnostic.findSwotItems([itemId]);
    if (!row || row.missionId !== missionId) throw new NotFoundError('SWOT_ITEM_NOT_FOUND');
    return row;
  }

  async updateSwot(ctx: RequestContext, missionId: string, itemId: string, input: SwotItemUpdateInput) {
    const updated = await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      const before = await this.swotItemOf(repos, missionId, itemId);
      if (input.interviewIds) await this.checkInterviewIds(repos, missionId, input.interviewIds);
      const moved = input.category !== undefined && input.category !== before.category;
      await repos.diagnostic.updateSwot(itemId, {
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.dimensions !== undefined ? { dimensions: input.dimensions } : {}),
        ...(input.interviewIds !== undefined ? { interviewIds: [...new Set(input.interviewIds)] } : {}),
        ...(moved
          ? { category: input.category!, position: await repos.diagnostic.nextSwotPosition(missionId, input.category!) }
          : {}),
      });
      const after = await this.swotItemOf(repos, missionId, itemId);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.update',
          entityType: 'swot_item',
          entityId: itemId,
          communeNis: mission.communeNis,
          before: auditableSwot(before),
          after: auditableSwot(after),
        }),
      );
      return after;
    });
    return presentSwotItem(updated);
  }

  async deleteSwot(ctx: RequestContext, missionId: string, itemId: string): Promise<void> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'delete');
      const before = await this.swotItemOf(repos, missionId, itemId);
      await repos.diagnostic.deleteSwot([itemId]);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.delete',
          entityType: 'swot_item',
          entityId: itemId,
          communeNis: mission.communeNis,
          before: auditableSwot(before),
        }),
      );
    });
  }

  async reorderSwot(ctx: RequestContext, missionId: string, input: SwotReorderInput): Promise<SwotResponse> {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      const current = (await repos.diagnostic.listSwot(missionId)).filter((r) => r.category === input.category);
      let positions: Map<string, number>;
      try {
        positions = reorderSwotCategory(
          current.map((r) => r.id),
          input.itemIds,
        );
      } catch {
        throw new ValidationError('SWOT_REORDER_MISMATCH', { field: 'itemIds' });
      }
      for (const [id, position] of positions) await repos.diagnostic.updateSwot(id, { position });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.reorder',
          entityType: 'swot',
          entityId: missionId,
          communeNis: mission.communeNis,
          before: { category: input.category, order: current.map((r) => r.id) },
          after: { category: input.category, order: input.itemIds },
        }),
      );
    });
    return this.swot(ctx.actor, missionId);
  }

  async mergeSwot(ctx: RequestContext, missionId: string, input: SwotMergeInput) {
    const merged = await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      const ids = [...new Set(input.itemIds)];
      const rows = await repos.diagnostic.findSwotItems(ids);
      if (rows.length !== ids.length || rows.some((r) => r.missionId !== missionId)) {
        throw new ValidationError('SWOT_ITEM_UNKNOWN', { field: 'itemIds' });
      }
      const ordered = ids.map((id) => rows.find((r) => r.id === id)!);
      let result: (typeof ordered)[number];
      try {
        result = mergeSwotItems(
          ordered.map((r) => ({ ...r, dimensions: r.dimensions as Dimension[] })),
          input.text,
        );
      } catch {
        throw new ValidationError('SWOT_MERGE_CATEGORIES', { field: 'itemIds' });
      }
      await repos.diagnostic.updateSwot(result.id, {
        text: result.text,
        dimensions: result.dimensions,
        interviewIds: result.interviewIds,
      });
      await repos.strategy.moveSwotLinks(ids.slice(1), result.id);
      await repos.diagnostic.deleteSwot(ids.slice(1));
      await repos.audit.record(
        auditOf(ctx, {
          action: 'swot.merge',
          entityType: 'swot_item',
          entityId: result.id,
          communeNis: mission.communeNis,
          before: { items: ordered.map(auditableSwot) },
          after: auditableSwot(result),
        }),
      );
      return this.swotItemOf(repos, missionId, result.id);
    });
    return presentSwotItem(merged);
  }

  // -- specificities ------------------------------------------------------------------------------------------

  async specificities(actor: Actor, missionId: string) {
    return this.uow.read(async (repos) => {
      const mission = await this.missionFor(repos, actor, missionId, 'read');
      const row = await repos.diagnostic.findSpecificities(missionId);
      return presentSpecificities(missionId, row, this.canEdit(actor, mission.communeNis));
    });
  }

  async saveSpecificities(ctx: RequestContext, missionId: string, input: SpecificitiesInput) {
    await this.uow.write(async (repos) => {
      const mission = await this.missionFor(repos, ctx.actor, missionId, 'update');
      const before = await repos.diagnostic.findSpecificities(missionId);
      await repos.diagnostic.upsertSpecificities({
        missionId,
        ...input,
        updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'specificities.update',
          entityType: 'territory_specificities',
          entityId: missionId,
          communeNis: mission.communeNis,
          before: before
            ? {
                geography: before.geography,
                demography: before.demography,
                economy: before.economy,
                assets: before.assets,
              }
            : null,
          after: input,
        }),
      );
    });
    return this.specificities(ctx.actor, missionId);
  }

  /** Names of the people heard, when the caller may see them (the report asks). */
  personOf(actor: Actor, communeNis: string, row: InterviewRow) {
    return presentPerson(row, this.seesNames(actor, communeNis));
  }
}
