import {
  type DocumentInput,
  type IndicatorInput,
  MAX_DOCUMENT_BYTES,
  type MeasurementInput,
  type MilestoneInput,
} from '../../domain/implementation/follow-up.ts';
import type { ProjectFollowUp } from '../../domain/implementation/implementation-api.ts';
import { formatDate } from '../../domain/shared/format.ts';
import type { Actor } from '../auth/policy.ts';
import type { Repositories } from '../db/unit-of-work.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { RequestContext } from '../http/request-context.ts';
import type { Action, ImplementationCore } from './implementation-core.ts';

/** "08/12/2026" from "2026-12-08", as the messages read. */
const frDate = (isoDate: string) => formatDate(isoDate, 'fr');

/** The items of a project's follow-up: milestones, indicators and their measurements, documents. */
export class FollowUpItemsService {
  constructor(private readonly core: ImplementationCore) {}

  /** Reads the project of an item, checks the policy on it, runs the change and answers with the new follow-up. */
  private change<T>(
    ctx: RequestContext,
    find: (repos: Repositories) => Promise<T & { project: Parameters<ImplementationCore['present']>[2] }>,
    run: (repos: Repositories, found: T) => Promise<Parameters<ImplementationCore['record']>[3]>,
  ): Promise<ProjectFollowUp> {
    return this.core.uow.write(async (repos) => {
      const found = await find(repos);
      await this.core.record(repos, ctx, found.project, await run(repos, found));
      return this.core.present(repos, ctx.actor, found.project);
    });
  }

  private async projectOf(repos: Repositories, actor: Actor, projectId: string, action: Action) {
    return { project: await this.core.project(repos, actor, projectId, action) };
  }

  private async milestoneOf(repos: Repositories, actor: Actor, id: string, action: Action) {
    const milestone = await repos.implementation.milestone(id);
    if (!milestone) throw new NotFoundError('MILESTONE_NOT_FOUND');
    return { milestone, project: await this.core.project(repos, actor, milestone.projectId, action) };
  }

  private async indicatorOf(repos: Repositories, actor: Actor, id: string, action: Action) {
    const indicator = await repos.implementation.indicator(id);
    if (!indicator) throw new NotFoundError('INDICATOR_NOT_FOUND');
    return { indicator, project: await this.core.project(repos, actor, indicator.projectId, action) };
  }

  private async measurementOf(repos: Repositories, actor: Actor, id: string, action: Action) {
    const measurement = await repos.implementation.measurement(id);
    if (!measurement) throw new NotFoundError('MEASUREMENT_NOT_FOUND');
    return { measurement, ...(await this.indicatorOf(repos, actor, measurement.indicatorId, action)) };
  }

  private async documentOf(repos: Repositories, actor: Actor, id: string, action: Action) {
    const document = await repos.implementation.document(id);
    if (!document) throw new NotFoundError('DOCUMENT_NOT_FOUND');
    return { document, project: await this.core.project(repos, actor, document.projectId, action) };
  }

  /** A milestone is met on a day that has come: a future date would read as done and silence its alert. */
  private checkMetDate(input: MilestoneInput): void {
    const today = this.core.today();
    if (input.doneDate && input.doneDate > today) {
      throw new ValidationError('MILESTONE_DONE_IN_FUTURE', { date: frDate(input.doneDate), today: frDate(today) });
    }
  }

  // ── milestones ──────────────────────────────────────────────────────────────────────────────────────────────
  addMilestone(ctx: RequestContext, projectId: string, input: MilestoneInput) {
    return this.change(
      ctx,
      (repos) => this.projectOf(repos, ctx.actor, projectId, 'create'),
      async (repos) => {
        this.checkMetDate(input);
        const created = await repos.implementation.insertMilestone({ projectId, ...input });
        const { title, dueDate, owner } = input;
        return {
          event: { action: 'implementation.milestone.create', title, dueDate, owner },
          entityType: 'project_milestone',
          entityId: created.id,
          after: input,
        };
      },
    );
  }

  updateMilestone(ctx: RequestContext, id: string, input: MilestoneInput) {
    return this.change(
      ctx,
      (repos) => this.milestoneOf(repos, ctx.actor, id, 'update'),
      async (repos, { milestone }) => {
        this.checkMetDate(input);
        await repos.implementation.updateMilestone(id, input);
        const met = Boolean(!milestone.doneDate && input.doneDate);
        const { title, dueDate, doneDate } = input;
        return {
          event: { action: 'implementation.milestone.update', title, dueDate, doneDate, met },
          entityType: 'project_milestone',
          entityId: id,
          before: milestone,
          after: input,
        };
      },
    );
  }

  deleteMilestone(ctx: RequestContext, id: string) {
    return this.change(
      ctx,
      (repos) => this.milestoneOf(repos, ctx.actor, id, 'delete'),
      async (repos, { milestone }) => {
        await repos.implementation.deleteMilestone(id);
        return {
          event: { action: 'implementation.milestone.delete', title: milestone.title },
          entityType: 'project_milestone',
          entityId: id,
          before: milestone,
        };
      },
    );
  }

  // ── indicators and measurements ─────────────────────────────────────────────────────────────────────────────
  addIndicator(ctx: RequestContext, projectId: string, input: IndicatorInput) {
    return this.change(
      ctx,
      (repos) => this.projectOf(repos, ctx.actor, projectId, 'create'),
      async (repos) => {
        const created = await repos.implementation.insertIndicator({ projectId, ...input });
        return {
          event: { action: 'implementation.indicator.create', ...input },
          entityType: 'project_indicator',
          entityId: created.id,
          after: input,
        };
      },
    );
  }

  updateIndicator(ctx: RequestContext, id: string, input: IndicatorInput) {
    return this.change(
      ctx,
      (repos) => this.indicatorOf(repos, ctx.actor, id, 'update'),
      async (repos, { indicator }) => {
        await repos.implementation.updateIndicator(id, input);
        const previousName = indicator.name === input.name ? null : indicator.name;
        const { name, unit, baseline, target } = indicator;
        return {
          event: { action: 'implementation.indicator.update', ...input, previousName },
          entityType: 'project_indicator',
          entityId: id,
          before: { name, unit, baseline, target },
          after: input,
        };
      },
    );
  }

  deleteIndicator(ctx: RequestContext, id: string) {
    return this.change(
      ctx,
      (repos) => this.indicatorOf(repos, ctx.actor, id, 'delete'),
      async (repos, { indicator }) => {
        await repos.implementation.deleteIndicator(id);
        return {
          event: { action: 'implementation.indicator.delete', name: indicator.name },
          entityType: 'project_indicator',
          entityId: id,
          before: indicator,
        };
      },
    );
  }

  addMeasurement(ctx: RequestContext, indicatorId: string, input: MeasurementInput) {
    return this.change(
      ctx,
      (repos) => this.indicatorOf(repos, ctx.actor, indicatorId, 'create'),
      async (repos, { indicator }) => {
        const created = await repos.implementation.insertMeasurement({ indicatorId, ...input });
        const { name, unit } = indicator;
        return {
          event: { action: 'implementation.measurement.create', name, unit, ...input },
          entityType: 'indicator_measurement',
          entityId: created.id,
          after: input,
        };
      },
    );
  }

  updateMeasurement(ctx: RequestContext, id: string, input: MeasurementInput) {
    return this.change(
      ctx,
      (repos) => this.measurementOf(repos, ctx.actor, id, 'update'),
      async (repos, { measurement, indicator }) => {
        await repos.implementation.updateMeasurement(id, input);
        const { name, unit } = indicator;
        const previous = { previousValue: measurement.value, previousDate: measurement.date };
        return {
          event: { action: 'implementation.measurement.update', name, unit, ...previous, ...input },
          entityType: 'indicator_measurement',
          entityId: id,
          before: { date: measurement.date, value: measurement.value },
          after: input,
        };
      },
    );
  }

  deleteMeasurement(ctx: RequestContext, id: string) {
    return this.change(
      ctx,
      (repos) => this.measurementOf(repos, ctx.actor, id, 'delete'),
      async (repos, { measurement, indicator }) => {
        await repos.implementation.deleteMeasurement(id);
        const { value, date } = measurement;
        return {
          event: {
            action: 'implementation.measurement.delete',
            name: indicator.name,
            unit: indicator.unit,
            value,
            date,
          },
          entityType: 'indicator_measurement',
          entityId: id,
          before: { date, value },
        };
      },
    );
  }

  // ── documents ───────────────────────────────────────────────────────────────────────────────────────────────
  addDocument(ctx: RequestContext, projectId: string, input: DocumentInput) {
    return this.change(
      ctx,
      (repos) => this.projectOf(repos, ctx.actor, projectId, 'create'),
      async (repos) => {
        const created = await repos.implementation.insertDocument(documentRow(projectId, input));
        return {
          event: { action: 'implementation.document.create', name: input.name },
          entityType: 'project_document',
          entityId: created.id,
          after: { kind: created.kind, name: created.name, url: created.url, sizeBytes: created.sizeBytes },
        };
      },
    );
  }

  async document(actor: Actor, id: string) {
    return this.core.uow.read(async (repos) => (await this.documentOf(repos, actor, id, 'read')).document);
  }

  deleteDocument(ctx: RequestContext, id: string) {
    return this.change(
      ctx,
      (repos) => this.documentOf(repos, ctx.actor, id, 'delete'),
      async (repos, { document }) => {
        await repos.implementation.deleteDocument(id);
        return {
          event: { action: 'implementation.document.delete', name: document.name },
          entityType: 'project_document',
          entityId: id,
          before: { kind: document.kind, name: document.name, url: document.url },
        };
      },
    );
  }
}

/** The row of a new document: a link, or a file decoded from base64 and refused above its size limit. */
function documentRow(projectId: string, input: DocumentInput) {
  if (input.kind === 'link') return { projectId, kind: 'link' as const, name: input.name, url: input.url };
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length > MAX_DOCUMENT_BYTES) throw new ValidationError('DOCUMENT_TOO_LARGE');
  return {
    projectId,
    kind: 'file' as const,
    name: input.name,
    mimeType: input.mimeType,
    sizeBytes: content.length,
    content,
  };
}
