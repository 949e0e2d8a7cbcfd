import { PROCEDURE_LABELS_FR, type ProcurementProcedure } from '../../domain/implementation/procurement.ts';
import {
  type ProcurementStep,
  stepLabelFr,
  stepsFor,
  validateProcurementFile,
} from '../../domain/implementation/procurement-file.ts';
import type { ThresholdTable } from '../../domain/implementation/thresholds.ts';
import {
  AgencyFileInput,
  AwardInput,
  type AwardInput as AwardInputType,
  agreementFromAward,
  standstillFor,
} from '../../domain/purchasing/agency-file.ts';
import { analyseScenario, type ScenarioAnalysis } from '../../domain/purchasing/analysis.ts';
import {
  type Adhesion,
  AdhesionInput,
  type AgencyFile,
  ParticipationConfirmInput,
  type ProcedureCostRecord,
  ScenarioCreateInput,
  type ScenarioDetail,
  type ScenarioStatus,
  type ScenarioSummary,
  ScenarioUpdateInput,
} from '../../domain/purchasing/api.ts';
import { launchBlockers } from '../../domain/purchasing/launch.ts';
import {
  estimateScenarioSavings,
  type ProcedureCost,
  parseProcedureCosts,
  parseSavingsAssumptions,
  procedureCostTable,
  type SavingsAssumptions,
  type ScenarioSavings,
} from '../../domain/purchasing/savings.ts';
import { type Participation, participationsFromAnswers, type ScenarioInput } from '../../domain/purchasing/scenario.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { belgianToday } from '../../domain/shared/format.ts';
import { smartCategory } from '../../domain/shared/smart-categories.ts';
import { type Actor, authorize, can, readScope } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, fromDomainError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import type { FileRow, ParticipationRow, ProcedureCostRow, ScenarioRow } from './purchasing.repository.ts';

type StoredLot = {
  key: string;
  label: string;
  category: string | null;
  nature: 'works' | 'supplies' | 'services';
  unit: string | null;
  unitPrice: number | null;
  options: { label: string; amount: number }[];
};

/**
 * Central purchasing (issue 12): the consultant builds a procurement scenario from confirmed groups of needs; the
 * communes adhere to the agency as central purchasing body and confirm their lines; the scenario is valued and
 * explained in law by the domain (`analyseScenario`) on the stored, dated threshold table.
 */
export class PurchasingService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(actor: Actor): Promise<ScenarioSummary[]> {
    authorize(actor, 'read', { type: 'purchasing' });
    const scope = readScope(actor, 'purchasing');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    return this.uow.read(async (repos) => {
      const rows = await repos.purchasing.listScenarios(
        scope.kind === 'commune' ? { communeNis: scope.communeNis } : {},
      );
      const lines = await repos.purchasing.participations(rows.map((r) => r.id));
      return rows.map((row) =>
        summaryOf(
          row,
          lines.filter((l) => l.scenarioId === row.id),
        ),
      );
    });
  }

  async get(actor: Actor, id: string): Promise<ScenarioDetail> {
    authorize(actor, 'read', { type: 'purchasing' });
    return this.uow.read((repos) => this.detail(repos, actor, id));
  }

  async create(ctx: RequestContext, body: ScenarioCreateInput): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'create', { type: 'purchasing' });
    const input = ScenarioCreateInput.parse(body);
    const groupIds = [...new Set(input.groupIds)];
    return this.uow.write(async (repos) => {
      const sources: { id: string; label: string; category: string | null; lines: Participation[] }[] = [];
      for (const [index, groupId] of groupIds.entries()) {
        const group = await repos.needs.findGroup(groupId);
        if (!group) throw new ValidationError('MUTUALISATION_GROUP_NOT_FOUND', {}, { field: `groupIds.${index}` });
        if (group.status !== 'confirmed') {
          throw new ConflictError('SCENARIO_GROUP_NOT_CONFIRMED', { label: group.label });
        }
        sources.push({
          id: group.id,
          label: group.label,
          category: group.category,
          lines: await linesOf(repos, group.id),
        });
      }
      const lots = groupLots(sources, input.lotsBy, input.nature);
      const scenario = await repos.purchasing.insertScenario(
        {
          title: input.title,
          launchDate: input.launchDate,
          initialMonths: input.initialMonths,
          renewals: input.renewals,
          renewalMonths: input.renewalMonths,
          lots: lots.map((l) => l.lot),
          createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        },
        groupIds,
      );
      const participations = lots.flatMap(({ lot, lines }) =>
        lines.map((p) => ({ lotKey: lot.key, communeNis: p.communeNis, quantity: p.quantity, amount: p.amount })),
      );
      await repos.purchasing.replaceParticipations(scenario.id, participations);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.create',
          entityType: 'procurement_scenario',
          entityId: scenario.id,
          after: { title: input.title, groupIds, lots: lots.map((l) => l.lot), participations },
        }),
      );
      return this.detail(repos, ctx.actor, scenario.id);
    });
  }

  async update(ctx: RequestContext, id: string, body: ScenarioUpdateInput): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = ScenarioUpdateInput.parse(body);
    return this.uow.write(async (repos) => {
      const row = await this.draft(repos, id);
      const keys = new Set<string>();
      input.lots.forEach((lot, i) => {
        if (keys.has(lot.key))
          throw new ValidationError('LOT_KEY_TWICE', { field: `lots.${i}.key` }, { field: `lots.${i}.key` });
        keys.add(lot.key);
      });
      const names = await repos.purchasing.communeNames([...new Set(input.participations.map((p) => p.communeNis))]);
      const seen = new Set<string>();
      input.participations.forEach((p, i) => {
        if (!keys.has(p.lotKey)) {
          throw new ValidationError(
            'SCENARIO_UNKNOWN_LOT',
            { lot: p.lotKey, field: `participations.${i}.lotKey` },
            { field: `participations.${i}.lotKey` },
          );
        }
        if (!names.has(p.communeNis)) {
          const field = `participations.${i}.communeNis`;
          throw new ValidationError('COMMUNE_NOT_FOUND', { nisCode: p.communeNis, field }, { field });
        }
        const key = `${p.lotKey}/${p.communeNis}`;
        if (seen.has(key)) {
          throw new ValidationError(
            'COMMUNE_TWICE_IN_LOT',
            { field: `participations.${i}.communeNis` },
            { field: `participations.${i}.communeNis` },
          );
        }
        seen.add(key);
      });
      const before = await repos.purchasing.participations([id]);
      // A line the consultant leaves as it was keeps the commune's answer; a changed one asks the commune again.
      const participations = input.participations.map((p) => {
        const old = before.find((b) => b.lotKey === p.lotKey && b.communeNis === p.communeNis);
        const same = old && old.quantity === p.quantity && old.amount === p.amount;
        return {
          lotKey: p.lotKey,
          communeNis: p.communeNis,
          quantity: p.quantity,
          amount: p.amount,
          status: same ? old.status : ('proposed' as const),
          confirmedAt: same ? old.confirmedAt : null,
          confirmedBy: same ? old.confirmedBy : null,
        };
      });
      await repos.purchasing.updateScenario(id, {
        title: input.title,
        launchDate: input.launchDate,
        initialMonths: input.initialMonths,
        renewals: input.renewals,
        renewalMonths: input.renewalMonths,
        lots: input.lots,
        route: input.route,
        routeNote: input.routeNote,
      });
      await repos.purchasing.replaceParticipations(id, participations);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.update',
          entityType: 'procurement_scenario',
          entityId: id,
          before: { ...termsOf(row), participations: before.map(lineFacts) },
          after: { ...input, participations: participations.map(lineFacts) },
        }),
      );
      return this.detail(repos, ctx.actor, id);
    });
  }

  /** A commune confirms or declines its line of a lot, with its quantity or amount. */
  async confirm(ctx: RequestContext, id: string, body: ParticipationConfirmInput): Promise<ScenarioDetail> {
    const input = ParticipationConfirmInput.parse(body);
    const communeNis = input.communeNis ?? (ctx.actor.kind === 'user' ? ctx.actor.communeNis : null);
    if (!communeNis) throw new ValidationError('COMMUNE_REQUIRED', { field: 'communeNis' }, { field: 'communeNis' });
    authorize(ctx.actor, 'update', { type: 'purchasing_participation', communeNis });
    return this.uow.write(async (repos) => {
      await this.draft(repos, id);
      const lines = await repos.purchasing.participations([id]);
      const line = lines.find((l) => l.lotKey === input.lotKey && l.communeNis === communeNis);
      if (!line) throw new NotFoundError('PARTICIPATION_NOT_FOUND');
      const patch = {
        status: input.participate ? ('confirmed' as const) : ('declined' as const),
        quantity: input.participate ? input.quantity : line.quantity,
        amount: input.participate ? input.amount : line.amount,
        confirmedAt: this.now(),
        confirmedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      };
      await repos.purchasing.updateParticipation({ scenarioId: id, lotKey: input.lotKey, communeNis }, patch);
      await repos.purchasing.updateScenario(id, {});
      await repos.audit.record(
        auditOf(ctx, {
          action: input.participate ? 'purchasing.participation.confirm' : 'purchasing.participation.decline',
          entityType: 'procurement_scenario',
          entityId: id,
          communeNis,
          before: lineFacts(line),
          after: {
            lotKey: input.lotKey,
            communeNis,
            status: patch.status,
            quantity: patch.quantity,
            amount: patch.amount,
          },
        }),
      );
      return this.detail(repos, ctx.actor, id);
    });
  }

  /** Launch: only once the agency chose its route and every commune answered (and adhered, through the body). */
  async launch(ctx: RequestContext, id: string): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    return this.uow.write(async (repos) => {
      await this.draft(repos, id);
      const detail = await this.detail(repos, ctx.actor, id);
      if (detail.analysisError) throw new ConflictError('SCENARIO_NOT_READY', { reasons: detail.analysisError });
      if (detail.launchBlockers.length) {
        throw new ConflictError('SCENARIO_NOT_READY', { reasons: detail.launchBlockers.join(' ') });
      }
      await repos.purchasing.updateScenario(id, { status: 'launched' });
      const analysis = detail.analysis as ScenarioAnalysis;
      const route = analysis.routes.find((r) => r.route === detail.route);
      // The agency runs the procedure itself unless each commune buys alone: its file starts with the lightest
      // procedure the aggregated value allows, and the steps that procedure has.
      const recommended = route?.advice?.proposals.find((p) => p.recommended)?.procedure;
      if (recommended && recommended !== 'framework-call-off') {
        await repos.purchasing.saveFile({
          scenarioId: id,
          procedure: recommended,
          steps: stepsFor(recommended).map((step) => ({ step })),
          documents: [],
          publication: { bdaReference: null, joueReference: null, publishedOn: null },
          bids: [],
        });
      }
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.launch',
          entityType: 'procurement_scenario',
          entityId: id,
          before: { status: 'draft' },
          after: {
            status: 'launched',
            route: detail.route,
            estimatedValue: (detail.analysis as ScenarioAnalysis).value.estimatedValue,
          },
        }),
      );
      return this.detail(repos, ctx.actor, id);
    });
  }

  async adhesions(actor: Actor): Promise<Adhesion[]> {
    authorize(actor, 'read', { type: 'central_purchasing_adhesion' });
    const scope = readScope(actor, 'central_purchasing_adhesion');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    return this.uow.read(async (repos) =>
      (await repos.purchasing.adhesions(scope.kind === 'commune' ? scope.communeNis : undefined)).map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        decisionDate: a.decisionDate,
        councilDecisionRef: a.councilDecisionRef,
        recordedAt: a.recordedAt.toISOString(),
      })),
    );
  }

  async adhere(ctx: RequestContext, body: AdhesionInput): Promise<Adhesion[]> {
    const input = AdhesionInput.parse(body);
    const communeNis = input.communeNis ?? (ctx.actor.kind === 'user' ? ctx.actor.communeNis : null);
    if (!communeNis) throw new ValidationError('COMMUNE_REQUIRED', { field: 'communeNis' }, { field: 'communeNis' });
    authorize(ctx.actor, 'create', { type: 'central_purchasing_adhesion', communeNis });
    await this.uow.write(async (repos) => {
      const names = await repos.purchasing.communeNames([communeNis]);
      if (!names.has(communeNis)) {
        throw new ValidationError(
          'COMMUNE_NOT_FOUND',
          { nisCode: communeNis, field: 'communeNis' },
          { field: 'communeNis' },
        );
      }
      const [before] = await repos.purchasing.adhesions(communeNis);
      await repos.purchasing.upsertAdhesion({
        communeNis,
        decisionDate: input.decisionDate,
        councilDecisionRef: input.councilDecisionRef,
        recordedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.adhesion',
          entityType: 'central_purchasing_adhesion',
          entityId: communeNis,
          communeNis,
          before: before ? { decisionDate: before.decisionDate, councilDecisionRef: before.councilDecisionRef } : null,
          after: { decisionDate: input.decisionDate, councilDecisionRef: input.councilDecisionRef },
        }),
      );
    });
    return this.adhesions(ctx.actor);
  }

  // ── savings ───────────────────────────────────────────────────────────────────────────────────────────────────

  /** The cost of each procedure type, as the admins set it, or the seed estimate for those not set yet. */
  async procedureCosts(actor: Actor): Promise<ProcedureCostRecord[]> {
    authorize(actor, 'read', { type: 'procedure_cost' });
    return this.uow.read(async (repos) => presentCosts(await repos.purchasing.procedureCosts()));
  }

  /** The admins replace the table: every procedure with its cost, its source and whether it was checked. */
  async saveProcedureCosts(ctx: RequestContext, body: unknown): Promise<ProcedureCostRecord[]> {
    authorize(ctx.actor, 'update', { type: 'procedure_cost' });
    const rows = domainOrThrow(() => parseProcedureCosts(body));
    return this.uow.write(async (repos) => {
      const before = await repos.purchasing.procedureCosts();
      await repos.purchasing.replaceProcedureCosts(
        rows.map((r) => ({ ...r, updatedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null })),
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.procedure_costs.update',
          entityType: 'procedure_cost',
          entityId: 'table',
          before: before.map(costOf),
          after: rows,
        }),
      );
      return presentCosts(await repos.purchasing.procedureCosts());
    });
  }

  /** A scenario's savings assumptions: the fee, its own procedure costs, the lots' price models (any status). */
  async saveSavings(ctx: RequestContext, id: string, body: unknown): Promise<ScenarioDetail> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = domainOrThrow(() => parseSavingsAssumptions(body));
    return this.uow.write(async (repos) => {
      const row = await repos.purchasing.findScenario(id, { lock: true });
      if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
      if (row.status === 'cancelled') throw new ConflictError('SCENARIO_NOT_DRAFT');
      const keys = new Set((row.lots as StoredLot[]).map((l) => l.key));
      input.priceModels.forEach((m, i) => {
        if (!keys.has(m.lotKey)) {
          const field = `priceModels.${i}.lotKey`;
          throw new ValidationError('SCENARIO_UNKNOWN_LOT', { lot: m.lotKey, field }, { field });
        }
      });
      await repos.purchasing.updateScenario(id, { savings: input });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.scenario.savings',
          entityType: 'procurement_scenario',
          entityId: id,
          before: storedAssumptions(row),
          after: input,
        }),
      );
      return this.detail(repos, ctx.actor, id);
    });
  }

  // ── the agency's procurement file ─────────────────────────────────────────────────────────────────────────────

  async file(actor: Actor, id: string): Promise<AgencyFile> {
    authorize(actor, 'read', { type: 'purchasing' });
    return this.uow.read(async (repos) => {
      await this.detail(repos, actor, id);
      return this.presentFile(repos, actor, id);
    });
  }

  async saveFile(ctx: RequestContext, id: string, body: AgencyFileInput): Promise<AgencyFile> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    const input = AgencyFileInput.parse(body);
    return this.uow.write(async (repos) => {
      const { row, file } = await this.openFile(repos, id);
      const detail = await this.detail(repos, ctx.actor, id);
      const analysis = detail.analysis as ScenarioAnalysis;
      const route = analysis.routes.find((r) => r.route === row.route);
      const proposal = route?.advice?.proposals.find((p) => p.procedure === input.procedure);
      if (!proposal?.allowed) {
        throw new ConflictError('PROCEDURE_NOT_ALLOWED', { procedure: PROCEDURE_LABELS_FR[input.procedure] });
      }
      const validation = validateProcurementFile(
        { procedure: input.procedure, steps: input.steps },
        belgianToday(this.now()),
      );
      const errors = validation.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        throw new ValidationError(
          'PROCUREMENT_FILE_INVALID',
          { problem: errors.map((e) => e.messageFr).join(' '), field: 'steps' },
          { field: 'steps' },
        );
      }
      const lotKeys = new Set(detail.lots.map((l) => l.key));
      input.bids.forEach((bid, i) => {
        if (!lotKeys.has(bid.lotKey)) {
          const field = `bids.${i}.lotKey`;
          throw new ValidationError('SCENARIO_UNKNOWN_LOT', { lot: bid.lotKey, field }, { field });
        }
      });
      await repos.purchasing.saveFile({ scenarioId: id, ...input });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.file.update',
          entityType: 'procurement_scenario',
          entityId: id,
          before: fileFacts(file),
          after: input,
        }),
      );
      return this.presentFile(repos, ctx.actor, id);
    });
  }

  /**
   * The award: the agency records each lot's vendor and amount, and the framework agreement appears in the
   * catalogue with its lots, ceilings (the estimated values), duration and participating communes — one transaction.
   */
  async award(ctx: RequestContext, id: string, body: AwardInputType): Promise<AgencyFile> {
    authorize(ctx.actor, 'update', { type: 'purchasing' });
    authorize(ctx.actor, 'create', { type: 'catalogue' });
    const input = AwardInput.parse(body);
    return this.uow.write(async (repos) => {
      const { row, file } = await this.openFile(repos, id);
      const detail = await this.detail(repos, ctx.actor, id);
      const analysis = detail.analysis as ScenarioAnalysis;
      const lines = await repos.purchasing.participations([id]);
      const confirmed = [...new Set(lines.filter((l) => l.status === 'confirmed').map((l) => l.communeNis))];
      let draft: ReturnType<typeof agreementFromAward>;
      try {
        draft = agreementFromAward(
          {
            title: row.title,
            analysis,
            confirmedCommunes: confirmed,
            lots: detail.lots.map((l) => ({ key: l.key, label: l.label })),
          },
          input,
        );
      } catch (error) {
        if (error instanceof DomainError) throw fromDomainError(error);
        throw error;
      }
      if (await repos.catalogue.agreementByReference(draft.reference)) {
        throw new ConflictError('AGREEMENT_REFERENCE_TAKEN', { reference: draft.reference });
      }
      const solutionIds = draft.lots.map((l) => l.solutionId).filter((s): s is string => s !== null);
      const solutions = await repos.catalogue.solutions(solutionIds);
      for (const [index, solutionId] of solutionIds.entries()) {
        const found = solutions.find((s) => s.id === solutionId);
        if (found?.status !== 'listed') {
          const field = `awards.${index}.solutionId`;
          throw new ValidationError('AWARD_SOLUTION_NOT_LISTED', { field }, { field });
        }
      }
      const agreement = await repos.catalogue.insertAgreement({
        reference: draft.reference,
        title: draft.title,
        description: draft.description,
        startDate: draft.startDate,
        endDate: draft.endDate,
        ceiling: draft.ceiling,
      });
      for (const lot of draft.lots) {
        const inserted = await repos.catalogue.insertLot({
          agreementId: agreement.id,
          number: lot.number,
          title: lot.title,
          vendor: lot.vendor,
          ceiling: lot.ceiling,
        });
        if (lot.solutionId)
          await repos.catalogue.setLotSolutions(inserted.id, [
            { solutionId: lot.solutionId, unitPrice: lot.unitPrice },
          ]);
      }
      for (const communeNis of draft.communes) {
        await repos.catalogue.adhere(agreement.id, communeNis, ctx.actor.kind === 'user' ? ctx.actor.id : null);
      }
      const standstill = standstillFor(analysis.europeanPublication.required, input.awardDate);
      await repos.purchasing.saveFile({
        scenarioId: id,
        procedure: file.procedure,
        steps: file.steps,
        documents: file.documents,
        publication: file.publication,
        bids: file.bids,
        awardDate: input.awardDate,
        awards: input.awards.map((a) => ({ lotKey: a.lotKey, vendor: a.vendor, amount: a.amount })),
        standstillEndsOn: standstill.endsOn,
        agreementId: agreement.id,
      });
      await repos.audit.record(
        auditOf(ctx, {
          action: 'purchasing.award',
          entityType: 'procurement_scenario',
          entityId: id,
          before: fileFacts(file),
          after: { award: input, agreement: draft },
        }),
      );
      await repos.audit.record(
        auditOf(ctx, {
          action: 'catalogue.agreement.create',
          entityType: 'agreement',
          entityId: agreement.id,
          after: { ...draft, fromScenario: id },
        }),
      );
      return this.presentFile(repos, ctx.actor, id);
    });
  }

  private async openFile(repos: Repositories, id: string): Promise<{ row: ScenarioRow; file: FileRow }> {
    const row = await repos.purchasing.findScenario(id, { lock: true });
    if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
    const file = await repos.purchasing.file(id);
    if (row.status !== 'launched' || !file) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
    if (file.agreementId) throw new ConflictError('SCENARIO_ALREADY_AWARDED');
    return { row, file };
  }

  private async presentFile(repos: Repositories, actor: Actor, id: string): Promise<AgencyFile> {
    const file = await repos.purchasing.file(id);
    if (!file) throw new ConflictError('SCENARIO_NOT_LAUNCHED');
    const detail = await this.detail(repos, actor, id);
    const analysis = detail.analysis as ScenarioAnalysis | null;
    const procedure = file.procedure as ProcurementProcedure;
    const steps = file.steps as {
      step: ProcurementStep;
      plannedDate?: string;
      actualDate?: string;
    }[];
    const validation = validateProcurementFile({ procedure, steps }, belgianToday(this.now()));
    const europeanPublication = analysis?.europeanPublication.required ?? false;
    const awards = file.awards as { lotKey: string; vendor: string; amount: number }[] | null;
    return {
      scenarioId: id,
      procedure,
      procedureLabel: PROCEDURE_LABELS_FR[procedure],
      steps: steps.map((s) => ({ ...s, label: stepLabelFr(s.step, procedure) })),
      documents: file.documents as AgencyFile['documents'],
      publication: file.publication as AgencyFile['publication'],
      bids: file.bids as AgencyFile['bids'],
      problems: validation.problems.map((p) => ({ severity: p.severity, messageFr: p.messageFr })),
      europeanPublication,
      standstill: file.awardDate ? standstillFor(europeanPublication, file.awardDate) : null,
      award:
        file.awardDate && awards ? { awardDate: file.awardDate, lots: awards, agreementId: file.agreementId } : null,
    };
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

  private async draft(repos: Repositories, id: string): Promise<ScenarioRow> {
    const row = await repos.purchasing.findScenario(id, { lock: true });
    if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
    if (row.status !== 'draft') throw new ConflictError('SCENARIO_NOT_DRAFT');
    return row;
  }

  private async detail(repos: Repositories, actor: Actor, id: string): Promise<ScenarioDetail> {
    const row = await repos.purchasing.findScenario(id);
    if (!row) throw new NotFoundError('PROCUREMENT_SCENARIO_NOT_FOUND');
    const lines = await repos.purchasing.participations([id]);
    const own = actor.kind === 'user' ? actor.communeNis : null;
    const manage = can(actor, 'update', { type: 'purchasing' });
    // A commune user reads the scenarios their commune has a line in, as the policy's « own » says.
    if (!manage) {
      const inIt = own !== null && lines.some((l) => l.communeNis === own);
      authorize(actor, 'read', { type: 'purchasing', communeNis: inIt ? own : '' });
    }
    const adhered = new Set((await repos.purchasing.adhesions()).map((a) => a.communeNis));
    const groups = await repos.purchasing.scenarioGroups([id]);
    const lots = row.lots as StoredLot[];
    const thresholds = (await repos.implementation.thresholds()).map((t) => ({
      validFrom: t.validFrom,
      validTo: t.validTo,
      source: t.source,
      values: t.values,
      evidence: t.evidence,
    })) as ThresholdTable;

    let analysis: ScenarioAnalysis | null = null;
    let analysisError: string | null = null;
    try {
      analysis = analyseScenario(scenarioInputOf(row, lots, lines), {
        thresholds,
        adheredCommunes: [...adhered],
        agencyActsAsCentralPurchasingBody: row.route === 'central-purchasing-body' ? true : null,
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      analysisError = error.message;
    }
    const assumptions = storedAssumptions(row);
    let savings: ScenarioSavings | null = null;
    let savingsError: string | null = null;
    if (analysis) {
      try {
        savings = estimateScenarioSavings(analysis, (await repos.purchasing.procedureCosts()).map(costOf), assumptions);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        savingsError = error.message;
      }
    }
    const blockers = launchBlockers(
      row.route,
      lines.map((l) => ({ ...l, adhered: adhered.has(l.communeNis) })),
    );
    const visible = manage ? lines : lines.filter((l) => l.communeNis === own);
    return {
      ...summaryOf(row, lines),
      groups: groups.map((g) => ({ id: g.id, label: g.label })),
      initialMonths: row.initialMonths,
      renewals: row.renewals,
      renewalMonths: row.renewalMonths,
      lots,
      participations: visible.map((l) => ({
        lotKey: l.lotKey,
        communeNis: l.communeNis,
        communeName: l.communeName,
        quantity: l.quantity,
        amount: l.amount,
        status: l.status,
        confirmedAt: l.confirmedAt?.toISOString() ?? null,
        adhered: adhered.has(l.communeNis),
      })),
      routeNote: row.routeNote,
      analysis: analysis && !manage ? restrictAnalysis(analysis, own) : analysis,
      analysisError,
      savings: savings && !manage ? restrictSavings(savings, own) : savings,
      savingsAssumptions: assumptions,
      savingsError,
      launchBlockers: manage ? blockers : [],
      permissions: {
        manage: manage && row.status === 'draft',
        confirm:
          row.status === 'draft' &&
          own !== null &&
          can(actor, 'update', { type: 'purchasing_participation', communeNis: own }) &&
          lines.some((l) => l.communeNis === own),
      },
    };
  }
}

/** The lines of a group's latest poll answered yes; without a poll, the budgets its needs gave, by commune. */
async function linesOf(repos: Repositories, groupId: string): Promise<Participation[]> {
  const [poll] = await repos.needs.pollsOfGroup(groupId);
  if (poll) {
    const answers = await repos.needs.pollCommunes([poll.id]);
    const lines = participationsFromAnswers(
      answers.map((a) => ({
        communeNis: a.communeNis,
        communeName: a.communeName,
        answer: a.answer,
        quantity: a.quantity,
        budget: a.budget === null ? null : Number(a.budget),
      })),
    );
    if (lines.length) return lines;
  }
  const needs = await repos.needs.findMany(await repos.needs.groupNeedIds(groupId));
  return participationsFromAnswers(
    needs.map((n) => ({
      communeNis: n.communeNis,
      communeName: n.communeName,
      answer: 'yes',
      quantity: null,
      budget: n.estimatedBudget === null ? null : Number(n.estimatedBudget),
    })),
  );
}

/** Lots from the groups: one per group, or one per category (groups without a category keep their own lot). */
function groupLots(
  sources: { id: string; label: string; category: string | null; lines: Participation[] }[],
  lotsBy: 'group' | 'category',
  nature: StoredLot['nature'],
): { lot: StoredLot; lines: Participation[] }[] {
  const buckets = new Map<string, typeof sources>();
  for (const source of sources) {
    const key = lotsBy === 'category' && source.category ? `category:${source.category}` : `group:${source.id}`;
    buckets.set(key, [...(buckets.get(key) ?? []), source]);
  }
  return [...buckets.values()].map((members, i) => {
    const category = members[0]!.category;
    const label =
      members.length === 1
        ? members[0]!.label
        : (smartCategory(category ?? '')?.fr ?? members.map((m) => m.label).join(' + '));
    const merged = participationsFromAnswers(
      members.flatMap((m) =>
        m.lines.map((l) => ({
          communeNis: l.communeNis,
          communeName: l.communeName,
          answer: 'yes' as const,
          quantity: l.quantity,
          budget: l.amount,
        })),
      ),
    );
    return {
      lot: { key: `lot-${i + 1}`, label, category, nature, unit: null, unitPrice: null, options: [] },
      lines: merged,
    };
  });
}

function scenarioInputOf(row: ScenarioRow, lots: StoredLot[], lines: ParticipationRow[]): ScenarioInput {
  return {
    launchDate: row.launchDate,
    initialMonths: row.initialMonths,
    renewals: row.renewals,
    renewalMonths: row.renewalMonths,
    lots: lots.map((lot) => ({
      ...lot,
      // Declined lines are out; proposed ones count until the commune answers (the estimate is a maximum).
      participations: lines
        .filter((l) => l.lotKey === lot.key && l.status !== 'declined')
        .map((l) => ({ communeNis: l.communeNis, communeName: l.communeName, quantity: l.quantity, amount: l.amount })),
    })),
  };
}

/** A commune user's view: the aggregated figures and the law, their own commune's lines only. */
function restrictAnalysis(analysis: ScenarioAnalysis, own: string | null): ScenarioAnalysis {
  return {
    ...analysis,
    value: {
      ...analysis.value,
      lots: analysis.value.lots.map((lot) => ({
        ...lot,
        participations: lot.participations.filter((p) => p.communeNis === own),
      })),
      communes: analysis.value.communes.filter((c) => c.communeNis === own),
    },
    routes: analysis.routes.map((r) => ({
      ...r,
      perCommune: r.perCommune?.filter((c) => c.communeNis === own),
    })),
    nearThresholds: analysis.nearThresholds.filter((n) => n.scope !== 'commune'),
    toVerifyFr: [],
  };
}

/** A commune user's view of the savings: the totals and the assumptions, their own commune's line only. */
function restrictSavings(savings: ScenarioSavings, own: string | null): ScenarioSavings {
  return {
    ...savings,
    communes: savings.communes.filter((c) => c.communeNis === own),
    lots: savings.lots.map((lot) =>
      lot.estimate
        ? {
            ...lot,
            estimate: { ...lot.estimate, participants: lot.estimate.participants.filter((p) => p.communeNis === own) },
          }
        : lot,
    ),
    toVerifyFr: [],
  };
}

/** The stored assumptions; a row written before they existed (`{}`) reads as the defaults. */
function storedAssumptions(row: ScenarioRow): SavingsAssumptions {
  try {
    return parseSavingsAssumptions(row.savings ?? {});
  } catch {
    return parseSavingsAssumptions({});
  }
}

function costOf(row: ProcedureCostRow): ProcedureCost {
  return {
    procedure: row.procedure as ProcedureCost['procedure'],
    cost: row.cost,
    source: row.source,
    verified: row.verified,
  };
}

function presentCosts(rows: ProcedureCostRow[]): ProcedureCostRecord[] {
  return procedureCostTable(rows.map(costOf)).map((cost) => {
    const stored = rows.find((r) => r.procedure === cost.procedure);
    return {
      ...cost,
      labelFr: PROCEDURE_LABELS_FR[cost.procedure],
      stored: stored !== undefined,
      updatedAt: stored?.updatedAt.toISOString() ?? null,
    };
  });
}

/** A domain rule broken by the input: a 422 with its French message. */
function domainOrThrow<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof DomainError) throw fromDomainError(error);
    throw error;
  }
}

function summaryOf(row: ScenarioRow, lines: ParticipationRow[]): ScenarioSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as ScenarioStatus,
    launchDate: row.launchDate,
    route: row.route,
    lotCount: (row.lots as StoredLot[]).length,
    communeCount: new Set(lines.filter((l) => l.status !== 'declined').map((l) => l.communeNis)).size,
    confirmedCount: lines.filter((l) => l.status === 'confirmed').length,
    pendingCount: lines.filter((l) => l.status === 'proposed').length,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function termsOf(row: ScenarioRow) {
  return {
    title: row.title,
    launchDate: row.launchDate,
    initialMonths: row.initialMonths,
    renewals: row.renewals,
    renewalMonths: row.renewalMonths,
    lots: row.lots,
    route: row.route,
    routeNote: row.routeNote,
  };
}

function lineFacts(l: {
  lotKey: string;
  communeNis: string;
  quantity: number | null;
  amount: number | null;
  status: string;
}) {
  return { lotKey: l.lotKey, communeNis: l.communeNis, quantity: l.quantity, amount: l.amount, status: l.status };
}

function fileFacts(file: FileRow) {
  return {
    procedure: file.procedure,
    steps: file.steps,
    documents: file.documents,
    publication: file.publication,
    bids: file.bids,
  };
}
