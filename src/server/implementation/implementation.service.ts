import { type Alert, computeAlerts, isMilestoneLate } from '../../domain/implementation/alerts.ts';
import {
  allowedNextStatuses,
  type BudgetLine,
  checkStatusChange,
  type DocumentInput,
  type FollowUpStatus,
  type FollowUpUpdateInput,
  type FrameworkChoice,
  type FundingLine,
  type IndicatorInput,
  MAX_DOCUMENT_BYTES,
  type MeasurementInput,
  type MilestoneInput,
  type ProcedureAdviceQuery,
  type ProcurementInput,
  type Risk,
  type StatusChangeInput,
} from '../../domain/implementation/follow-up.ts';
import type {
  AlertList,
  BudgetTotals,
  Dashboard,
  DashboardQuery,
  MissionImplementation,
  NotificationSettings,
  ProcurementState,
  ProjectFollowUp,
  ProjectSummary,
  PublicProgress,
  PublishedCommunes,
  PublishInput,
  ThresholdPeriodRecord,
} from '../../domain/implementation/implementation-api.ts';
import { buildReleasePackage, type OcdsRelease, type OcdsReleasePackage } from '../../domain/implementation/ocds.ts';
import { type PlanAgainstActual, PlanBaseline, planAgainstActual } from '../../domain/implementation/plan-baseline.ts';
import {
  type FrameworkMatch,
  type ProcedureAdvice,
  proposeProcedures,
} from '../../domain/implementation/procedures.ts';
import { PROCEDURE_LABELS_FR, type ProcurementProcedure } from '../../domain/implementation/procurement.ts';
import {
  nextStep,
  type ProcurementFile,
  type ProcurementStepRecord,
  stepLabelFr,
  stepsFor,
  validateProcurementFile,
} from '../../domain/implementation/procurement-file.ts';
import { checkPeriodRemoval, SEED_THRESHOLD_TABLE, ThresholdTable } from '../../domain/implementation/thresholds.ts';
import { DomainError } from '../../domain/shared/errors.ts';
import { belgianToday, formatDate, formatEuro } from '../../domain/shared/format.ts';
import { countOf } from '../../domain/shared/french.ts';
import { type Actor, authorize, can, readScope, type UserActor } from '../auth/policy.ts';
import type { Repositories, UnitOfWork } from '../db/unit-of-work.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { auditOf, type RequestContext } from '../http/request-context.ts';
import { buyerName, PLACEHOLDER_OCDS_PREFIX, publishReleases, releasesOf } from '../open-data/ocds-publication.ts';
import type { FollowedProject, MilestoneRow, ProcurementRow, ThresholdRow } from './implementation.repository.ts';

type Action = 'read' | 'create' | 'update' | 'delete';
/** Who publishes when the open data is read: the platform itself. */
const OPEN_DATA_CONTEXT: RequestContext = { actor: { kind: 'system', label: 'open-data' }, ip: null };
/** The OCDS publisher prefix: a placeholder until the agency registers its own (setting OCDS_PREFIX, decision 140). */
export const OCID_PREFIX = PLACEHOLDER_OCDS_PREFIX;

const STATUS_FR: Record<FollowUpStatus, string> = {
  planned: 'prévu',
  procurement: 'en marché public',
  'in-progress': 'en cours',
  delivered: 'livré',
  evaluated: 'évalué',
  suspended: 'suspendu',
  abandoned: 'abandonné',
};

type Loaded = FollowedProject & {
  status: FollowUpStatus;
  progress: number;
  budget: BudgetLine[];
  milestones: MilestoneRow[];
  procurement: ProcurementRow | null;
};

export function budgetTotals(lines: BudgetLine[]): BudgetTotals {
  return lines.reduce(
    (t, l) => ({ planned: t.planned + l.planned, committed: t.committed + l.committed, spent: t.spent + l.spent }),
    { planned: 0, committed: 0, spent: 0 },
  );
}

function procurementFileOf(row: ProcurementRow): ProcurementFile | null {
  if (!row.procedure) return null;
  return {
    procedure: row.procedure as ProcurementProcedure,
    steps: row.steps as ProcurementStepRecord[],
    ...(row.awardAmount === null ? {} : { awardAmountExclVat: row.awardAmount }),
  };
}

function alertsOf(p: Loaded, today: string): Alert[] {
  return computeAlerts(
    {
      projectId: p.id,
      projectTitle: p.title,
      missionId: p.missionId,
      communeNis: p.communeNis,
      communeName: p.communeName,
      status: p.status,
      milestones: p.milestones,
      budget: p.budget,
      procurement: p.procurement ? procurementFileOf(p.procurement) : null,
    },
    today,
  );
}

/** The follow-up of the projects in implementation, their procurement, alerts, dashboard and public page. */
export class ImplementationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly now: () => Date,
    private readonly ocidPrefix: string = OCID_PREFIX,
  ) {}

  today(): string {
    return belgianToday(this.now());
  }

  // ── access and loading ──────────────────────────────────────────────────────────────────────────────────────
  private async project(
    repos: Repositories,
    actor: Actor,
    projectId: string,
    action: Action,
    type: 'implementation' | 'procurement' | 'implementation_publication' = 'implementation',
  ): Promise<FollowedProject> {
    const project = await repos.implementation.project(projectId);
    if (!project) throw new NotFoundError('IMPLEMENTATION_PROJECT_NOT_FOUND');
    authorize(actor, action, { type, communeNis: project.communeNis });
    if (project.sheetStatus !== 'approved') throw new NotFoundError('IMPLEMENTATION_PROJECT_NOT_FOUND');
    if (action !== 'read' && !['implementation', 'closed'].includes(project.missionPhase)) {
      throw new ConflictError('IMPLEMENTATION_NOT_STARTED');
    }
    return project;
  }

  private async load(repos: Repositories, projects: FollowedProject[]): Promise<Loaded[]> {
    const ids = projects.map((p) => p.id);
    const [milestones, procurements] = await Promise.all([
      repos.implementation.milestones(ids),
      repos.implementation.procurements(ids),
    ]);
    return projects.map((p) => ({
      ...p,
      status: (p.followUp?.status ?? 'planned') as FollowUpStatus,
      progress: p.followUp?.progress ?? 0,
      budget: (p.followUp?.budget ?? []) as BudgetLine[],
      milestones: milestones.filter((m) => m.projectId === p.id),
      procurement: procurements.find((r) => r.projectId === p.id) ?? null,
    }));
  }

  /** Plan against actual for the projects that came from an approved plan. */
  private async planAgainstActualOf(
    repos: Repositories,
    projects: readonly Loaded[],
    today: string,
  ): Promise<PlanAgainstActual> {
    const withBaseline = projects.flatMap((p) => {
      const parsed = PlanBaseline.safeParse(p.followUp?.planBaseline);
      return parsed.success ? [{ p, baseline: parsed.data }] : [];
    });
    const starts = await repos.implementation.actualStarts(withBaseline.map(({ p }) => p.id));
    return planAgainstActual(
      withBaseline.map(({ p, baseline }) => ({
        projectId: p.id,
        title: p.title,
        baseline,
        budget: p.budget,
        actualStart: starts.get(p.id) ?? null,
      })),
      today,
    );
  }

  private summary(p: Loaded, today: string): ProjectSummary {
    const next = p.milestones.find((m) => m.doneDate === null);
    return {
      id: p.id,
      title: p.title,
      dimensions: p.dimensions,
      missionId: p.missionId,
      communeNis: p.communeNis,
      communeName: p.communeName,
      status: p.status,
      statusReason: p.followUp?.statusReason ?? null,
      progress: p.progress,
      budget: budgetTotals(p.budget),
      published: p.followUp?.published ?? false,
      alertCount: alertsOf(p, today).length,
      nextMilestone: next ? { title: next.title, dueDate: next.dueDate } : null,
    };
  }

  private async actorName(repos: Repositories, ctx: RequestContext): Promise<string> {
    if (ctx.actor.kind === 'user') return (await repos.users.findById(ctx.actor.id))?.displayName ?? ctx.actor.email;
    return ctx.actor.kind === 'system' ? `(${ctx.actor.label})` : '(public)';
  }

  /** The audit entry and the project's history line of one change, in the change's transaction. */
  private async record(
    repos: Repositories,
    ctx: RequestContext,
    project: FollowedProject,
    entry: {
      action: string;
      summary: string;
      entityType?: string;
      entityId?: string;
      before?: unknown;
      after?: unknown;
      params?: Record<string, unknown>;
    },
  ) {
    await repos.audit.record(
      auditOf(ctx, {
        action: entry.action,
        entityType: entry.entityType ?? 'project_follow_up',
        entityId: entry.entityId ?? project.id,
        communeNis: project.communeNis,
        before: entry.before,
        after: entry.after,
      }),
    );
    await repos.implementation.addHistory({
      projectId: project.id,
      at: this.now(),
      actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
      actorName: await this.actorName(repos, ctx),
      action: entry.action,
      summary: entry.summary,
      params: entry.params ?? {},
    });
  }

  // ── reads ───────────────────────────────────────────────────────────────────────────────────────────────────
  async missionImplementation(actor: Actor, missionId: string): Promise<MissionImplementation> {
    return this.uow.read(async (repos) => {
      const mission = await repos.missions.find(missionId);
      if (!mission) throw new NotFoundError('MISSION_NOT_FOUND');
      authorize(actor, 'read', { type: 'implementation', communeNis: mission.communeNis });
      const today = this.today();
      const projects = await this.load(repos, await repos.implementation.missionProjects(missionId));
      return {
        missionId,
        communeNis: mission.communeNis,
        phase: mission.phase,
        started: ['implementation', 'closed'].includes(mission.phase),
        projects: projects.map((p) => this.summary(p, today)),
        permissions: { edit: can(actor, 'update', { type: 'implementation', communeNis: mission.communeNis }) },
        planAgainstActual: await this.planAgainstActualOf(repos, projects, today),
      };
    });
  }

  async followUp(actor: Actor, projectId: string): Promise<ProjectFollowUp> {
    return this.uow.read(async (repos) => {
      const project = await this.project(repos, actor, projectId, 'read');
      return this.present(repos, actor, project);
    });
  }

  private async present(repos: Repositories, actor: Actor, project: FollowedProject): Promise<ProjectFollowUp> {
    const today = this.today();
    const [loaded] = await this.load(repos, [project]);
    const p = loaded!;
    const [indicators, documents, history] = await Promise.all([
      repos.implementation.indicators([p.id]),
      repos.implementation.documents(p.id),
      repos.implementation.history(p.id),
    ]);
    const f = p.followUp;
    const communeNis = p.communeNis;
    return {
      id: p.id,
      title: p.title,
      description: p.description,
      dimensions: p.dimensions,
      investmentCost: p.investmentCost,
      missionId: p.missionId,
      missionTitle: p.missionTitle,
      communeNis,
      communeName: p.communeName,
      started: ['implementation', 'closed'].includes(p.missionPhase),
      status: p.status,
      statusReason: f?.statusReason ?? null,
      nextStatuses: [...allowedNextStatuses(p.status)],
      progress: p.progress,
      budget: p.budget,
      budgetTotals: budgetTotals(p.budget),
      funding: (f?.funding ?? []) as FundingLine[],
      baseline: PlanBaseline.safeParse(f?.planBaseline).data ?? null,
      planAgainstActual: (await this.planAgainstActualOf(repos, [p], today)).projects[0] ?? null,
      risks: (f?.risks ?? []) as Risk[],
      milestones: p.milestones.map((m) => ({
        id: m.id,
        title: m.title,
        dueDate: m.dueDate,
        owner: m.owner,
        doneDate: m.doneDate,
        late: isMilestoneLate(m, today),
      })),
      indicators: indicators.map((i) => ({
        id: i.id,
        name: i.name,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        measurements: i.measurements.map((m) => ({ id: m.id, date: m.date, value: m.value })),
      })),
      documents: documents.map((d) => ({
        id: d.id,
        kind: d.kind,
        name: d.name,
        url: d.url,
        mimeType: d.mimeType,
        sizeBytes: d.sizeBytes,
        createdAt: d.createdAt.toISOString(),
      })),
      procurement: p.procurement ? this.procurementState(p.procurement, today) : null,
      published: f?.published ?? false,
      publishAmounts: f?.publishAmounts ?? false,
      history: history.map((h) => ({
        id: h.id,
        at: h.at.toISOString(),
        actor: h.actorName,
        action: h.action,
        summary: h.summary,
        params: (h.params as Record<string, unknown> | null) ?? null,
      })),
      alerts: alertsOf(p, today),
      today,
      permissions: {
        edit: can(actor, 'update', { type: 'implementation', communeNis }),
        procurement: can(actor, 'update', { type: 'procurement', communeNis }),
        publish: can(actor, 'update', { type: 'implementation_publication', communeNis }),
      },
    };
  }

  private procurementState(row: ProcurementRow, today: string): ProcurementState {
    const file = procurementFileOf(row);
    const validation = file ? validateProcurementFile(file, today) : { valid: true, problems: [] };
    return {
      nature: row.nature,
      estimatedAmountExclVat: row.estimatedAmount,
      launchDate: row.launchDate,
      procedure: (row.procedure as ProcurementProcedure | null) ?? null,
      framework:
        row.frameworkSolutionId && row.frameworkLotId
          ? { solutionId: row.frameworkSolutionId, lotId: row.frameworkLotId, callOffId: row.callOffId }
          : null,
      frameworkLabel: row.frameworkReference,
      reference: row.reference,
      steps: row.steps as ProcurementStepRecord[],
      vendorName: row.vendorName,
      vendorEnterpriseNumber: row.vendorEnterpriseNumber,
      awardAmountExclVat: row.awardAmount,
      validation: {
        valid: validation.valid,
        problems: validation.problems.map((p) => ({ code: p.code, severity: p.severity, messageFr: p.messageFr })),
      },
      nextStep: file ? nextStep(file) : null,
      applicableSteps: file ? [...stepsFor(file.procedure)] : [],
    };
  }

  // ── writes: follow-up ───────────────────────────────────────────────────────────────────────────────────────
  async changeStatus(ctx: RequestContext, projectId: string, input: StatusChangeInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'update');
      const from = (project.followUp?.status ?? 'planned') as FollowUpStatus;
      const { progressAtLeast } = checkStatusChange(from, input.status, input.reason);
      const reason = input.reason?.trim() || null;
      const progress = Math.max(project.followUp?.progress ?? 0, progressAtLeast ?? 0);
      const saved = await repos.implementation.upsertFollowUp(projectId, {
        status: input.status,
        statusReason: reason,
        progress,
      });
      await this.record(repos, ctx, project, {
        action: 'implementation.status',
        summary: `Statut : ${STATUS_FR[from]} → ${STATUS_FR[input.status]}${reason ? ` (${reason})` : ''}`,
        params: { from, to: input.status, reason },
        before: { status: from },
        after: { status: saved.status, reason, progress },
      });
      return this.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }

  async updateFollowUp(ctx: RequestContext, projectId: string, input: FollowUpUpdateInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'update');
      const before = project.followUp;
      const patch = {
        ...(input.progress === undefined ? {} : { progress: input.progress }),
        ...(input.budget === undefined ? {} : { budget: [...input.budget].sort((a, b) => a.year - b.year) }),
        ...(input.funding === undefined ? {} : { funding: input.funding }),
        ...(input.risks === undefined ? {} : { risks: input.risks }),
      };
      const saved = await repos.implementation.upsertFollowUp(projectId, patch);
      const parts: string[] = [];
      if (input.progress !== undefined && input.progress !== (before?.progress ?? 0)) {
        parts.push(`avancement ${before?.progress ?? 0} % → ${input.progress} %`);
      }
      if (input.budget !== undefined) parts.push('budget par année mis à jour');
      if (input.funding !== undefined) parts.push('sources de financement mises à jour');
      if (input.risks !== undefined) parts.push(countOf(input.risks.length, 'risque', 'risques'));
      await this.record(repos, ctx, project, {
        action: 'implementation.update',
        summary: parts.length ? `Suivi : ${parts.join(', ')}` : 'Suivi enregistré sans changement',
        params: {
          progressFrom: before?.progress ?? 0,
          progressTo: input.progress ?? null,
          budget: input.budget !== undefined,
          funding: input.funding !== undefined,
          risks: input.risks?.length ?? null,
        },
        before: before
          ? { progress: before.progress, budget: before.budget, funding: before.funding, risks: before.risks }
          : null,
        after: patch,
      });
      return this.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }

  async addMilestone(ctx: RequestContext, projectId: string, input: MilestoneInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'create');
      this.checkMetDate(input);
      const created = await repos.implementation.insertMilestone({ projectId, ...input });
      await this.record(repos, ctx, project, {
        action: 'implementation.milestone.create',
        entityType: 'project_milestone',
        entityId: created.id,
        summary: `Jalon ajouté : « ${input.title} » pour le ${frDate(input.dueDate)}${input.owner ? ` (${input.owner})` : ''}`,
        params: { title: input.title, dueDate: input.dueDate, owner: input.owner },
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  /** A milestone is met on a day that has come: a future date would read as done and silence its alert. */
  private checkMetDate(input: MilestoneInput): void {
    const today = this.today();
    if (input.doneDate && input.doneDate > today) {
      throw new ValidationError('MILESTONE_DONE_IN_FUTURE', { date: frDate(input.doneDate), today: frDate(today) });
    }
  }

  private async milestoneProject(repos: Repositories, actor: Actor, id: string, action: Action) {
    const milestone = await repos.implementation.milestone(id);
    if (!milestone) throw new NotFoundError('MILESTONE_NOT_FOUND');
    return { milestone, project: await this.project(repos, actor, milestone.projectId, action) };
  }

  async updateMilestone(ctx: RequestContext, id: string, input: MilestoneInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { milestone, project } = await this.milestoneProject(repos, ctx.actor, id, 'update');
      this.checkMetDate(input);
      await repos.implementation.updateMilestone(id, input);
      const done = !milestone.doneDate && input.doneDate;
      await this.record(repos, ctx, project, {
        action: 'implementation.milestone.update',
        entityType: 'project_milestone',
        entityId: id,
        summary: done
          ? `Jalon atteint : « ${input.title} » le ${frDate(input.doneDate ?? '')}`
          : `Jalon modifié : « ${input.title} » pour le ${frDate(input.dueDate)}`,
        params: { title: input.title, dueDate: input.dueDate, doneDate: input.doneDate, met: Boolean(done) },
        before: milestone,
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async deleteMilestone(ctx: RequestContext, id: string): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { milestone, project } = await this.milestoneProject(repos, ctx.actor, id, 'delete');
      await repos.implementation.deleteMilestone(id);
      await this.record(repos, ctx, project, {
        action: 'implementation.milestone.delete',
        entityType: 'project_milestone',
        entityId: id,
        summary: `Jalon supprimé : « ${milestone.title} »`,
        params: { title: milestone.title },
        before: milestone,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async addIndicator(ctx: RequestContext, projectId: string, input: IndicatorInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'create');
      const created = await repos.implementation.insertIndicator({ projectId, ...input });
      await this.record(repos, ctx, project, {
        action: 'implementation.indicator.create',
        entityType: 'project_indicator',
        entityId: created.id,
        summary: `Indicateur ajouté : « ${input.name} » (${input.baseline} → ${input.target} ${input.unit})`,
        params: { ...input },
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  private async indicatorProject(repos: Repositories, actor: Actor, id: string, action: Action) {
    const indicator = await repos.implementation.indicator(id);
    if (!indicator) throw new NotFoundError('INDICATOR_NOT_FOUND');
    return { indicator, project: await this.project(repos, actor, indicator.projectId, action) };
  }

  async deleteIndicator(ctx: RequestContext, id: string): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { indicator, project } = await this.indicatorProject(repos, ctx.actor, id, 'delete');
      await repos.implementation.deleteIndicator(id);
      await this.record(repos, ctx, project, {
        action: 'implementation.indicator.delete',
        entityType: 'project_indicator',
        entityId: id,
        summary: `Indicateur supprimé : « ${indicator.name} »`,
        params: { name: indicator.name },
        before: indicator,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async addMeasurement(ctx: RequestContext, indicatorId: string, input: MeasurementInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { indicator, project } = await this.indicatorProject(repos, ctx.actor, indicatorId, 'create');
      const created = await repos.implementation.insertMeasurement({ indicatorId, ...input });
      await this.record(repos, ctx, project, {
        action: 'implementation.measurement.create',
        entityType: 'indicator_measurement',
        entityId: created.id,
        summary: `Mesure « ${indicator.name} » : ${input.value} ${indicator.unit} le ${frDate(input.date)}`,
        params: { name: indicator.name, unit: indicator.unit, value: input.value, date: input.date },
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async updateIndicator(ctx: RequestContext, id: string, input: IndicatorInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { indicator, project } = await this.indicatorProject(repos, ctx.actor, id, 'update');
      await repos.implementation.updateIndicator(id, input);
      await this.record(repos, ctx, project, {
        action: 'implementation.indicator.update',
        entityType: 'project_indicator',
        entityId: id,
        summary:
          `Indicateur modifié : « ${input.name} » (${input.baseline} → ${input.target} ${input.unit})` +
          `${indicator.name === input.name ? '' : `, anciennement « ${indicator.name} »`}`,
        params: { ...input, previousName: indicator.name === input.name ? null : indicator.name },
        before: { name: indicator.name, unit: indicator.unit, baseline: indicator.baseline, target: indicator.target },
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  private async measurementProject(repos: Repositories, actor: Actor, id: string, action: Action) {
    const measurement = await repos.implementation.measurement(id);
    if (!measurement) throw new NotFoundError('MEASUREMENT_NOT_FOUND');
    return { measurement, ...(await this.indicatorProject(repos, actor, measurement.indicatorId, action)) };
  }

  async updateMeasurement(ctx: RequestContext, id: string, input: MeasurementInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { measurement, indicator, project } = await this.measurementProject(repos, ctx.actor, id, 'update');
      await repos.implementation.updateMeasurement(id, input);
      await this.record(repos, ctx, project, {
        action: 'implementation.measurement.update',
        entityType: 'indicator_measurement',
        entityId: id,
        summary:
          `Mesure « ${indicator.name} » corrigée : ${measurement.value} ${indicator.unit} le ${frDate(measurement.date)}` +
          ` → ${input.value} ${indicator.unit} le ${frDate(input.date)}`,
        params: {
          name: indicator.name,
          unit: indicator.unit,
          previousValue: measurement.value,
          previousDate: measurement.date,
          value: input.value,
          date: input.date,
        },
        before: { date: measurement.date, value: measurement.value },
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async deleteMeasurement(ctx: RequestContext, id: string): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const { measurement, indicator, project } = await this.measurementProject(repos, ctx.actor, id, 'delete');
      await repos.implementation.deleteMeasurement(id);
      await this.record(repos, ctx, project, {
        action: 'implementation.measurement.delete',
        entityType: 'indicator_measurement',
        entityId: id,
        summary: `Mesure « ${indicator.name} » supprimée : ${measurement.value} ${indicator.unit} le ${frDate(measurement.date)}`,
        params: { name: indicator.name, unit: indicator.unit, value: measurement.value, date: measurement.date },
        before: { date: measurement.date, value: measurement.value },
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async addDocument(ctx: RequestContext, projectId: string, input: DocumentInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'create');
      const row =
        input.kind === 'link'
          ? { projectId, kind: 'link' as const, name: input.name, url: input.url }
          : (() => {
              const content = Buffer.from(input.contentBase64, 'base64');
              return {
                projectId,
                kind: 'file' as const,
                name: input.name,
                mimeType: input.mimeType,
                sizeBytes: content.length,
                content,
              };
            })();
      if (row.kind === 'file' && (row.sizeBytes ?? 0) > MAX_DOCUMENT_BYTES)
        throw new ValidationError('DOCUMENT_TOO_LARGE');
      const created = await repos.implementation.insertDocument(row);
      await this.record(repos, ctx, project, {
        action: 'implementation.document.create',
        entityType: 'project_document',
        entityId: created.id,
        summary: `Document ajouté : « ${input.name} »`,
        params: { name: input.name },
        after: { kind: created.kind, name: created.name, url: created.url, sizeBytes: created.sizeBytes },
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async document(actor: Actor, id: string) {
    return this.uow.read(async (repos) => {
      const document = await repos.implementation.document(id);
      if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND');
      await this.project(repos, actor, document.projectId, 'read');
      return document;
    });
  }

  async deleteDocument(ctx: RequestContext, id: string): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const document = await repos.implementation.document(id);
      if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND');
      const project = await this.project(repos, ctx.actor, document.projectId, 'delete');
      await repos.implementation.deleteDocument(id);
      await this.record(repos, ctx, project, {
        action: 'implementation.document.delete',
        entityType: 'project_document',
        entityId: id,
        summary: `Document supprimé : « ${document.name} »`,
        params: { name: document.name },
        before: { kind: document.kind, name: document.name, url: document.url },
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async publish(ctx: RequestContext, projectId: string, input: PublishInput): Promise<ProjectFollowUp> {
    const { published } = input;
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'update', 'implementation_publication');
      const wasPublished = project.followUp?.published ?? false;
      const hadAmounts = project.followUp?.publishAmounts ?? false;
      // Amounts are shown only with the project: withdrawing it withdraws them too.
      const publishAmounts = published ? (input.publishAmounts ?? hadAmounts) : false;
      const saved = await repos.implementation.upsertFollowUp(projectId, {
        published,
        publishAmounts,
        publishedAt: published ? (wasPublished ? (project.followUp?.publishedAt ?? this.now()) : this.now()) : null,
      });
      await this.record(repos, ctx, project, {
        action: published ? 'implementation.publish' : 'implementation.unpublish',
        summary: published
          ? publishAmounts
            ? 'Publié sur les pages publiques de la commune, avec ses montants'
            : 'Publié sur les pages publiques de la commune, sans ses montants'
          : 'Retiré des pages publiques de la commune',
        before: { published: wasPublished, publishAmounts: hadAmounts },
        after: { published, publishAmounts },
      });
      return this.present(repos, ctx.actor, { ...project, followUp: saved });
    });
  }

  // ── procurement ─────────────────────────────────────────────────────────────────────────────────────────────
  private async thresholdTable(repos: Repositories): Promise<ThresholdTable> {
    const rows = await repos.implementation.thresholds();
    return rows.map(periodOf);
  }

  async procedureAdvice(actor: Actor, projectId: string, query: ProcedureAdviceQuery): Promise<ProcedureAdvice> {
    return this.uow.read(async (repos) => {
      await this.project(repos, actor, projectId, 'read', 'procurement');
      const { frameworkMatch } = await this.frameworkMatch(
        repos,
        query.frameworkSolutionId && query.frameworkLotId
          ? { solutionId: query.frameworkSolutionId, lotId: query.frameworkLotId }
          : null,
        query.launchDate,
      );
      const advice = proposeProcedures({
        nature: query.nature,
        estimatedAmountExclVat: query.estimatedAmountExclVat,
        launchDate: query.launchDate,
        thresholds: await this.thresholdTable(repos),
        ...(frameworkMatch ? { frameworkMatch } : {}),
      });
      return can(actor, 'read', { type: 'threshold_verification_note' })
        ? advice
        : { ...advice, verificationNotesFr: [] };
    });
  }

  /**
   * A call-off's solution and lot, checked against the catalogue: the solution is listed, the lot offers it, and the
   * agreement is in force on the launch date. Returns the match the procedure advice takes, and its words.
   */
  private async frameworkMatch(
    repos: Repositories,
    choice: Omit<FrameworkChoice, 'callOffId'> | null,
    launchDate: string,
  ): Promise<{ frameworkMatch?: FrameworkMatch; frameworkLabel?: string }> {
    if (!choice) return {};
    const [solution] = await repos.catalogue.solutions([choice.solutionId]);
    const offer = solution
      ? (await repos.catalogue.lotsOfSolutions([solution.id])).find((l) => l.lotId === choice.lotId)
      : undefined;
    if (solution?.status !== 'listed' || !offer) {
      throw new ValidationError('FRAMEWORK_SOLUTION_NOT_IN_LOT', { field: 'framework' });
    }
    const agreement = (await repos.catalogue.agreement(offer.agreementId))!;
    if (launchDate < agreement.startDate || launchDate > agreement.endDate) {
      throw new ValidationError('FRAMEWORK_AGREEMENT_NOT_IN_FORCE', {
        reference: agreement.reference,
        start: agreement.startDate,
        end: agreement.endDate,
      });
    }
    return {
      frameworkMatch: {
        solutionId: solution.name,
        lot: `${offer.lotNumber} (${offer.lotTitle}), accord-cadre ${agreement.reference}`,
        centralPurchasingBody: 'IDELUX',
      },
      frameworkLabel: `${solution.name} — lot ${offer.lotNumber} « ${offer.lotTitle} », accord-cadre ${agreement.reference}`,
    };
  }

  async saveProcurement(ctx: RequestContext, projectId: string, input: ProcurementInput): Promise<ProjectFollowUp> {
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, ctx.actor, projectId, 'update', 'procurement');
      if (input.procedure === 'framework-call-off' && !input.framework) {
        throw new ValidationError('CALL_OFF_NEEDS_REFERENCE');
      }
      const { frameworkMatch, frameworkLabel } = await this.frameworkMatch(repos, input.framework, input.launchDate);
      if (input.framework?.callOffId) {
        // The order the commune placed in the catalogue: its own, for this solution and lot, and not cancelled.
        const callOff = await repos.catalogue.callOff(input.framework.callOffId);
        if (
          !callOff ||
          callOff.communeNis !== project.communeNis ||
          callOff.solutionId !== input.framework.solutionId ||
          callOff.lotId !== input.framework.lotId ||
          callOff.cancelledAt !== null
        ) {
          throw new ValidationError('CALL_OFF_NOT_FOR_THIS_FILE', { field: 'framework.callOffId' });
        }
      }
      if (input.procedure) {
        // The chosen procedure must be one the rules allow on the launch date (conditional ones included: to motivate).
        const advice = proposeProcedures({
          nature: input.nature,
          estimatedAmountExclVat: input.estimatedAmountExclVat,
          launchDate: input.launchDate,
          thresholds: await this.thresholdTable(repos),
          ...(frameworkMatch ? { frameworkMatch } : {}),
        });
        const proposal = advice.proposals.find((p) => p.procedure === input.procedure);
        if (!proposal?.allowed) {
          throw new ValidationError('PROCEDURE_NOT_ALLOWED', { procedure: proposal?.labelFr ?? input.procedure });
        }
        const today = this.today();
        const validation = validateProcurementFile(
          {
            procedure: input.procedure,
            steps: input.steps,
            ...(input.awardAmountExclVat === null ? {} : { awardAmountExclVat: input.awardAmountExclVat }),
          },
          today,
        );
        const future = validation.problems.find((p) => p.code === 'STEP_DONE_IN_FUTURE');
        if (future?.step) {
          const done = input.steps.find((s) => s.step === future.step)?.actualDate ?? today;
          throw new ValidationError('PROCUREMENT_STEP_DONE_IN_FUTURE', {
            step: stepLabelFr(future.step, input.procedure),
            date: formatDate(done, 'fr'),
            today: formatDate(today, 'fr'),
          });
        }
        const error = validation.problems.find((p) => p.severity === 'error');
        if (error)
          throw new ValidationError('PROCUREMENT_FILE_INVALID', { problem: error.messageFr }, validation.problems);
      } else if (input.steps.length > 0) {
        throw new ValidationError('PROCUREMENT_STEPS_NEED_PROCEDURE');
      }
      const before = (await repos.implementation.procurements([projectId]))[0] ?? null;
      await repos.implementation.upsertProcurement({
        projectId,
        nature: input.nature,
        estimatedAmount: input.estimatedAmountExclVat,
        launchDate: input.launchDate,
        procedure: input.procedure,
        frameworkSolutionId: input.framework?.solutionId ?? null,
        frameworkLotId: input.framework?.lotId ?? null,
        callOffId: input.framework?.callOffId ?? null,
        frameworkReference: frameworkLabel ?? null,
        reference: input.reference,
        steps: input.steps,
        vendorName: input.vendorName,
        vendorEnterpriseNumber: input.vendorEnterpriseNumber,
        awardAmount: input.awardAmountExclVat,
      });
      const done = input.steps.filter((s) => s.actualDate).map((s) => s.step);
      await this.record(repos, ctx, project, {
        action: before ? 'implementation.procurement.update' : 'implementation.procurement.create',
        entityType: 'procurement_file',
        summary:
          `Dossier de marché : ${input.procedure ? PROCEDURE_LABELS_FR[input.procedure] : 'procédure à choisir'}, ` +
          `${formatEuro(input.estimatedAmountExclVat, 'fr')} HTVA` +
          `${done.length ? `, étapes faites : ${done.map((s) => stepLabelFr(s, input.procedure)).join(', ')}` : ''}` +
          `${input.vendorName ? `, attribué à ${input.vendorName}` : ''}`,
        params: {
          procedure: input.procedure,
          amount: input.estimatedAmountExclVat,
          steps: done,
          vendor: input.vendorName,
        },
        before,
        after: input,
      });
      return this.present(repos, ctx.actor, project);
    });
  }

  async ocds(actor: Actor, projectId: string, origin: string): Promise<OcdsReleasePackage> {
    // Exporting publishes: releases not yet published are appended (decision 140), never rewritten.
    return this.uow.write(async (repos) => {
      const project = await this.project(repos, actor, projectId, 'read', 'procurement');
      const pkg = await this.ocdsOf(
        repos,
        project,
        `${origin}/api/implementation/projects/${projectId}/procurement/ocds`,
      );
      if (!pkg) throw new NotFoundError('PROCUREMENT_NOT_FOUND');
      return this.published(repos, { actor, ip: null }, [pkg]).then((all) => all[0]!);
    });
  }

  /** The packages with their releases as published: what was already published, plus what changed since. */
  private async published(
    repos: Repositories,
    ctx: RequestContext,
    packages: OcdsReleasePackage[],
  ): Promise<OcdsReleasePackage[]> {
    const stored = await publishReleases(
      repos,
      ctx,
      packages.map((p) => p.releases),
      this.now(),
    );
    return packages.map((p) => {
      const ocid = p.releases[0]?.ocid;
      return { ...p, releases: releasesOf(stored.filter((r) => r.ocid === ocid)) as OcdsRelease[] };
    });
  }

  /**
   * The OCDS packages of the published projects' procurement files, for the open data (issue 14): the same data as
   * the staff export, for the projects the communes published with their amounts only. `uri` names the package.
   */
  async publishedOcds(uri: string, ctx: RequestContext = OPEN_DATA_CONTEXT): Promise<OcdsReleasePackage[]> {
    return this.uow.write(async (repos) => {
      const projects = await repos.implementation.followed({ publishedOnly: true });
      const packages: OcdsReleasePackage[] = [];
      // Procurement is about amounts: only the projects whose commune also publishes its amounts (decision 120).
      for (const project of projects.filter((p) => p.followUp?.publishAmounts)) {
        try {
          const pkg = await this.ocdsOf(repos, project, uri);
          if (pkg) packages.push(pkg);
        } catch (error) {
          // A file still too incomplete for OCDS is not published yet; the staff export names what is missing.
          if (!(error instanceof DomainError)) throw error;
        }
      }
      return this.published(repos, ctx, packages);
    });
  }

  private async ocdsOf(repos: Repositories, project: FollowedProject, uri: string): Promise<OcdsReleasePackage | null> {
    const projectId = project.id;
    const [row] = await repos.implementation.procurements([projectId]);
    if (!row?.procedure) return null;
    const agency = (await repos.users.getAgency())?.name ?? 'IDELUX Projets publics';
    const steps = row.steps as ProcurementStepRecord[];
    const awardDate = steps.find((s) => s.step === 'award')?.actualDate;
    const contractDate = steps.find((s) => s.step === 'contract')?.actualDate;
    const award =
      awardDate && row.awardAmount && row.vendorName
        ? {
            date: awardDate,
            amountExclVat: row.awardAmount,
            supplier: {
              name: row.vendorName,
              ...(row.vendorEnterpriseNumber ? { enterpriseNumber: row.vendorEnterpriseNumber } : {}),
            },
          }
        : undefined;
    const milestones = await repos.implementation.milestones([projectId]);
    return buildReleasePackage({
      ocidPrefix: this.ocidPrefix,
      procurementId: projectId,
      ...(row.reference ? { reference: row.reference } : {}),
      package: {
        uri,
        publishedDate: this.now().toISOString(),
        publisher: { name: agency },
        license: 'https://creativecommons.org/licenses/by/4.0/',
      },
      buyer: { nisCode: project.communeNis, name: await buyerName(repos, project.communeNis) },
      title: project.title,
      ...(project.description ? { description: project.description } : {}),
      nature: row.nature,
      procedure: row.procedure as ProcurementProcedure,
      estimatedAmountExclVat: row.estimatedAmount,
      planning: { projectId: project.id, projectTitle: project.title },
      steps,
      ...(row.procedure === 'framework-call-off'
        ? { framework: { title: row.frameworkReference ?? 'Marché-cadre' } }
        : {}),
      ...(award ? { award } : {}),
      ...(award && contractDate
        ? {
            contract: {
              amountExclVat: award.amountExclVat,
              dateSigned: contractDate,
              milestones: milestones.map((m) => ({
                id: m.id,
                title: m.title,
                dueDate: m.dueDate,
                ...(m.doneDate ? { dateMet: m.doneDate, status: 'met' as const } : {}),
              })),
            },
          }
        : {}),
    });
  }

  // ── thresholds ──────────────────────────────────────────────────────────────────────────────────────────────
  async thresholds(actor: Actor): Promise<ThresholdPeriodRecord[]> {
    authorize(actor, 'read', { type: 'procurement_threshold' });
    const notes = can(actor, 'read', { type: 'threshold_verification_note' });
    return this.uow.read(async (repos) =>
      (await repos.implementation.thresholds()).map((row) => presentThreshold(row, notes)),
    );
  }

  async replaceThresholds(ctx: RequestContext, table: ThresholdTable): Promise<ThresholdPeriodRecord[]> {
    authorize(ctx.actor, 'update', { type: 'procurement_threshold' });
    const parsed = ThresholdTable.safeParse(table);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ValidationError('THRESHOLDS_INVALID', { problem: `${issue.path.join('.')} : ${issue.message}` });
    }
    return this.uow.write(async (repos) => {
      const before = await repos.implementation.thresholds();
      await repos.implementation.replaceThresholds(parsed.data.map(rowOf));
      await repos.audit.record(
        auditOf(ctx, {
          action: 'procurement_thresholds.update',
          entityType: 'procurement_thresholds',
          entityId: 'table',
          before: before.map(periodOf),
          after: parsed.data,
        }),
      );
      return (await repos.implementation.thresholds()).map((row) => presentThreshold(row));
    });
  }

  /** Delete one period (the first or last, not in force today: `checkPeriodRemoval`), audited with its figures. */
  async deleteThresholdPeriod(ctx: RequestContext, validFrom: string): Promise<ThresholdPeriodRecord[]> {
    authorize(ctx.actor, 'delete', { type: 'procurement_threshold' });
    return this.uow.write(async (repos) => {
      const rows = await repos.implementation.thresholds();
      const row = rows.find((r) => r.validFrom === validFrom);
      if (!row) throw new NotFoundError('THRESHOLD_PERIOD_UNKNOWN', { date: validFrom });
      checkPeriodRemoval(rows.map(periodOf), validFrom, this.today());
      await repos.implementation.deleteThreshold(validFrom);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'procurement_thresholds.delete',
          entityType: 'procurement_thresholds',
          entityId: validFrom,
          before: periodOf(row),
        }),
      );
      return (await repos.implementation.thresholds()).map((row) => presentThreshold(row));
    });
  }

  // ── alerts, dashboard, public page ──────────────────────────────────────────────────────────────────────────
  /** The followed projects an actor may see, loaded with what alerts need. */
  async visibleProjects(repos: Repositories, actor: Actor): Promise<Loaded[]> {
    const scope = readScope(actor, 'implementation');
    if (scope.kind === 'none' || scope.kind === 'published') return [];
    const projects = await repos.implementation.followed(
      scope.kind === 'commune' ? { communeNis: scope.communeNis } : {},
    );
    return this.load(repos, projects);
  }

  async alerts(actor: Actor): Promise<AlertList> {
    return this.uow.read(async (repos) => {
      const today = this.today();
      return { today, alerts: (await this.visibleProjects(repos, actor)).flatMap((p) => alertsOf(p, today)) };
    });
  }

  /** Alerts by user, for the notices: what each active user may see. */
  async alertsFor(repos: Repositories, actor: UserActor, today: string): Promise<Alert[]> {
    return (await this.visibleProjects(repos, actor)).flatMap((p) => alertsOf(p, today));
  }

  async dashboard(actor: Actor, query: DashboardQuery): Promise<Dashboard> {
    authorize(actor, 'read', { type: 'implementation_dashboard' });
    return this.uow.read(async (repos) => {
      const today = this.today();
      const communes = await repos.communes.list({ currentOn: today });
      const arrondissements = [...new Set(communes.map((c) => c.arrondissement))].sort((a, b) => a.localeCompare(b));
      const inArr = (nis: string) =>
        !query.arrondissement || communes.find((c) => c.nisCode === nis)?.arrondissement === query.arrondissement;
      const missions = (await repos.missions.list({})).filter((m) => inArr(m.communeNis));
      const projects = (await this.load(repos, await repos.implementation.followed())).filter(
        (p) => inArr(p.communeNis) && (!query.dimension || p.dimensions.includes(query.dimension)),
      );
      const count = <T>(items: T[], key: (t: T) => string[]) => {
        const out: Record<string, number> = {};
        for (const item of items) for (const k of key(item)) out[k] = (out[k] ?? 0) + 1;
        return out;
      };
      const byYear = new Map<number, BudgetLine>();
      for (const line of projects.flatMap((p) => p.budget)) {
        const t = byYear.get(line.year) ?? { year: line.year, planned: 0, committed: 0, spent: 0 };
        byYear.set(line.year, {
          year: line.year,
          planned: t.planned + line.planned,
          committed: t.committed + line.committed,
          spent: t.spent + line.spent,
        });
      }
      const alerts = projects.flatMap((p) => alertsOf(p, today));
      return {
        today,
        arrondissements,
        missionsByPhase: count(missions, (m) => [m.phase]),
        projectsByStatus: count(projects, (p) => [p.status]),
        projectsByDimension: count(projects, (p) => p.dimensions),
        budget: budgetTotals(projects.flatMap((p) => p.budget)),
        budgetByYear: [...byYear.values()].sort((a, b) => a.year - b.year),
        procurementsInProgress: projects
          .filter((p) => p.procurement && p.status !== 'abandoned' && p.status !== 'evaluated')
          .map((p) => ({ p, file: procurementFileOf(p.procurement!) }))
          // In progress: no procedure chosen yet, or a step still to do before the contract.
          .filter(({ file }) => !file || nextStep(file) !== null)
          .map(({ p, file }) => {
            return {
              projectId: p.id,
              projectTitle: p.title,
              communeName: p.communeName,
              procedure: p.procurement!.procedure,
              nextStep: file ? nextStep(file) : null,
              estimatedAmountExclVat: p.procurement!.estimatedAmount,
            };
          }),
        lateItems: alerts,
        communes: communes
          .filter((c) => inArr(c.nisCode))
          .map((c) => {
            const own = projects.filter((p) => p.communeNis === c.nisCode);
            return {
              nisCode: c.nisCode,
              name: c.name,
              arrondissement: c.arrondissement,
              projects: own.length,
              late: alerts.filter((a) => a.communeNis === c.nisCode).length,
              budgetPlanned: budgetTotals(own.flatMap((p) => p.budget)).planned,
            };
          }),
        projects: projects.map((p) => this.summary(p, today)),
        planAgainstActual: await this.planAgainstActualOf(repos, projects, today),
      };
    });
  }

  /** The communes that published at least one project, for the public to find their pages. */
  async publishedCommunes(): Promise<PublishedCommunes> {
    return this.uow.read(async (repos) => {
      const projects = await repos.implementation.followed({ publishedOnly: true });
      const byCommune = new Map<string, { nisCode: string; name: string; projects: number }>();
      for (const p of projects) {
        const entry = byCommune.get(p.communeNis) ?? { nisCode: p.communeNis, name: p.communeName, projects: 0 };
        entry.projects++;
        byCommune.set(p.communeNis, entry);
      }
      return [...byCommune.values()];
    });
  }

  async publicProgress(nisCode: string): Promise<PublicProgress> {
    return this.uow.read(async (repos) => {
      const commune = await repos.communes.find(nisCode);
      if (!commune) throw new NotFoundError('COMMUNE_NOT_FOUND', { nisCode });
      const projects = await this.load(
        repos,
        await repos.implementation.followed({ communeNis: nisCode, publishedOnly: true }),
      );
      const indicators = await repos.implementation.indicators(projects.map((p) => p.id));
      return {
        communeNis: nisCode,
        communeName: commune.name,
        // No owner, no names, no amounts of the budget: what a resident needs to follow the commune's projects.
        projects: projects.map((p) => ({
          id: p.id,
          title: p.title,
          description: p.description,
          dimensions: p.dimensions,
          status: p.status,
          progress: p.progress,
          indicators: indicators
            .filter((i) => i.projectId === p.id)
            .map((i) => ({
              id: i.id,
              name: i.name,
              unit: i.unit,
              baseline: i.baseline,
              target: i.target,
              measurements: i.measurements.map((m) => ({ id: m.id, date: m.date, value: m.value })),
            })),
          milestones: p.milestones.map((m) => ({ title: m.title, dueDate: m.dueDate, done: m.doneDate !== null })),
        })),
      };
    });
  }

  // ── notice settings ─────────────────────────────────────────────────────────────────────────────────────────
  async settings(actor: Actor): Promise<NotificationSettings> {
    const user = selfOf(actor);
    return this.uow.read(async (repos) => {
      const row = await repos.implementation.settings(user.id);
      return { alertEmails: row?.alertEmails ?? true, weeklyDigest: row?.weeklyDigest ?? false };
    });
  }

  async updateSettings(ctx: RequestContext, input: NotificationSettings): Promise<NotificationSettings> {
    const user = selfOf(ctx.actor);
    return this.uow.write(async (repos) => {
      const before = await repos.implementation.settings(user.id);
      const row = await repos.implementation.upsertSettings(user.id, input);
      await repos.audit.record(
        auditOf(ctx, {
          action: 'notification_settings.update',
          entityType: 'user',
          entityId: user.id,
          before: before ? { alertEmails: before.alertEmails, weeklyDigest: before.weeklyDigest } : null,
          after: input,
        }),
      );
      return { alertEmails: row.alertEmails, weeklyDigest: row.weeklyDigest };
    });
  }
}

/** "08/12/2026" from "2026-12-08", as the history reads. */
function frDate(isoDate: string): string {
  return formatDate(isoDate, 'fr');
}

function selfOf(actor: Actor): UserActor {
  authorize(actor, 'read', { type: 'account' });
  if (actor.kind !== 'user') throw new ForbiddenError();
  return actor;
}

function periodOf(row: ThresholdRow): ThresholdTable[number] {
  return {
    validFrom: row.validFrom,
    validTo: row.validTo,
    source: row.source,
    values: row.values as ThresholdTable[number]['values'],
    evidence: row.evidence as ThresholdTable[number]['evidence'],
  };
}

function rowOf(period: ThresholdTable[number]) {
  return {
    validFrom: period.validFrom,
    validTo: period.validTo,
    source: period.source,
    values: period.values,
    evidence: period.evidence,
  };
}

/**
 * A period as the API shows it. Without `withNotes` (policy: `threshold_verification_note`), the admins' notes on
 * what remains to check are left out; the legal basis, the documents compared and the « verified » flag stay.
 */
function presentThreshold(row: ThresholdRow, withNotes = true): ThresholdPeriodRecord {
  const period = periodOf(row);
  const evidence = withNotes
    ? period.evidence
    : Object.fromEntries(Object.entries(period.evidence).map(([key, { note: _, ...rest }]) => [key, rest]));
  return { ...period, evidence, updatedAt: row.updatedAt.toISOString() };
}

/** The seed periods of the domain, stored once (an admin's edits are kept). */
export async function seedProcurementThresholds(uow: UnitOfWork): Promise<number> {
  return uow.write((repos) => repos.implementation.seedThresholds(SEED_THRESHOLD_TABLE.map(rowOf)));
}
