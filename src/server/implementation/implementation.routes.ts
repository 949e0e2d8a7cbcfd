import { z } from 'zod';
import {
  DocumentInput,
  FollowUpUpdateInput,
  IndicatorInput,
  MeasurementInput,
  MilestoneInput,
  ProcedureAdviceQuery,
  ProcurementInput,
  StatusChangeInput,
} from '../../domain/implementation/follow-up.ts';
import {
  AlertList,
  Dashboard,
  DashboardQuery,
  MissionImplementation,
  Notice,
  NoticeRunResult,
  NotificationSettings,
  ProcedureAdviceSchema,
  ProjectFollowUp,
  PublicProgress,
  PublishedCommunes,
  PublishInput,
  ThresholdPeriodRecord,
} from '../../domain/implementation/implementation-api.ts';
import { ThresholdTable } from '../../domain/implementation/thresholds.ts';
import { ApiError, IsoDate, NisCode } from '../../domain/shared/schemas.ts';
import type { ResourceType } from '../auth/policy.ts';
import { NotFoundError } from '../errors.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import { renderDashboardXlsx } from './dashboard-xlsx.ts';
import type { ImplementationService } from './implementation.service.ts';
import type { NoticesService } from './notices.service.ts';

const MissionParams = z.object({ missionId: z.uuid() });
const IdParams = z.object({ id: z.uuid() });
const withRules = {
  ...errorResponses,
  409: ApiError.describe('The mission is not in its implementation phase'),
  422: ApiError.describe(
    'A rule of the follow-up is broken (e.g. STATUS_TRANSITION_NOT_ALLOWED): the message names it',
  ),
} as const;
const access = (action: 'read' | 'create' | 'update' | 'delete', resource: ResourceType = 'implementation') =>
  ({ access: { action, resource } }) as const;
const tags = ['implementation'];

/**
 * The implementation phase: each approved project's follow-up and procurement file, the thresholds, alerts and
 * notices, the province dashboard and the communes' public progress pages. Routes name no commune: the service
 * loads the project and asks the policy with its commune.
 */
export async function implementationRoutes(
  app: ApiInstance,
  options: { implementation: ImplementationService; notices: NoticesService },
) {
  const { implementation, notices } = options;

  app.get(
    '/api/missions/:missionId/implementation',
    {
      config: access('read'),
      schema: {
        tags,
        summary: 'The approved projects of a mission and their follow-up at a glance',
        params: MissionParams,
        response: { 200: MissionImplementation, ...errorResponses },
      },
    },
    async (request) => implementation.missionImplementation(request.actor, request.params.missionId),
  );

  app.get(
    '/api/implementation/projects/:id',
    {
      config: access('read'),
      schema: {
        tags,
        summary: 'A project’s follow-up: status, milestones, budget, funding, risks, indicators, documents, history',
        params: IdParams,
        response: { 200: ProjectFollowUp, ...errorResponses },
      },
    },
    async (request) => implementation.followUp(request.actor, request.params.id),
  );

  app.post(
    '/api/implementation/projects/:id/status',
    {
      config: access('update'),
      schema: {
        tags,
        summary:
          'Change the status (planned → procurement → in progress → delivered → evaluated; suspended, abandoned)',
        params: IdParams,
        body: StatusChangeInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.changeStatus(request.ctx, request.params.id, request.body),
  );

  app.patch(
    '/api/implementation/projects/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: 'Update progress, budget by year, funding sources or risks',
        params: IdParams,
        body: FollowUpUpdateInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.updateFollowUp(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/implementation/projects/:id/milestones',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Add a milestone',
        params: IdParams,
        body: MilestoneInput,
        response: { 201: ProjectFollowUp, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await implementation.addMilestone(request.ctx, request.params.id, request.body)),
  );

  app.put(
    '/api/implementation/milestones/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: 'Change a milestone (its date, owner, or the day it was done)',
        params: IdParams,
        body: MilestoneInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.updateMilestone(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/implementation/milestones/:id',
    {
      config: access('delete'),
      schema: {
        tags,
        summary: 'Delete a milestone',
        params: IdParams,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.deleteMilestone(request.ctx, request.params.id),
  );

  app.post(
    '/api/implementation/projects/:id/indicators',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Add an indicator (baseline, target, unit)',
        params: IdParams,
        body: IndicatorInput,
        response: { 201: ProjectFollowUp, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await implementation.addIndicator(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/implementation/indicators/:id',
    {
      config: access('delete'),
      schema: {
        tags,
        summary: 'Delete an indicator and its measurements',
        params: IdParams,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.deleteIndicator(request.ctx, request.params.id),
  );

  app.put(
    '/api/implementation/indicators/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: 'Change an indicator (name, unit, baseline, target); its measurements stay',
        params: IdParams,
        body: IndicatorInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.updateIndicator(request.ctx, request.params.id, request.body),
  );

  app.put(
    '/api/implementation/measurements/:id',
    {
      config: access('update'),
      schema: {
        tags,
        summary: 'Correct a measurement of an indicator (its date or value)',
        params: IdParams,
        body: MeasurementInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.updateMeasurement(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/implementation/measurements/:id',
    {
      config: access('delete'),
      schema: {
        tags,
        summary: 'Delete a measurement of an indicator',
        params: IdParams,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.deleteMeasurement(request.ctx, request.params.id),
  );

  app.post(
    '/api/implementation/indicators/:id/measurements',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Record a measurement of an indicator',
        params: IdParams,
        body: MeasurementInput,
        response: { 201: ProjectFollowUp, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await implementation.addMeasurement(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/api/implementation/projects/:id/documents',
    {
      config: access('create'),
      schema: {
        tags,
        summary: 'Attach a document: a link, or a small file (base64, at most 512 KiB) kept in the database',
        params: IdParams,
        body: DocumentInput,
        response: { 201: ProjectFollowUp, ...withRules },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await implementation.addDocument(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/implementation/documents/:id',
    {
      config: access('read'),
      schema: { tags, summary: 'Download a document file', params: IdParams, response: errorResponses },
    },
    async (request, reply) => {
      const document = await implementation.document(request.actor, request.params.id);
      if (document.kind !== 'file' || !document.content) throw new NotFoundError('DOCUMENT_NOT_FOUND');
      const filename = document.name.replace(/[^\w.\- ]+/g, '_');
      return reply
        .header('content-type', document.mimeType ?? 'application/octet-stream')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(document.content as never);
    },
  );

  app.delete(
    '/api/implementation/documents/:id',
    {
      config: access('delete'),
      schema: {
        tags,
        summary: 'Delete a document',
        params: IdParams,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.deleteDocument(request.ctx, request.params.id),
  );

  app.put(
    '/api/implementation/projects/:id/publication',
    {
      config: access('update', 'implementation_publication'),
      schema: {
        tags,
        summary: 'Publish the project on the commune’s public progress page (or withdraw it)',
        params: IdParams,
        body: PublishInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.publish(request.ctx, request.params.id, request.body),
  );

  // ── procurement ─────────────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/implementation/projects/:id/procurement/advice',
    {
      config: access('read', 'procurement'),
      schema: {
        tags,
        summary: 'The procedures Belgian law allows for this nature, amount excl. VAT and launch date, and why',
        params: IdParams,
        querystring: ProcedureAdviceQuery,
        response: { 200: ProcedureAdviceSchema, ...withRules },
      },
    },
    async (request) => implementation.procedureAdvice(request.actor, request.params.id, request.query),
  );

  app.put(
    '/api/implementation/projects/:id/procurement',
    {
      config: access('update', 'procurement'),
      schema: {
        tags,
        summary: 'Save the procurement file: procedure, steps and dates, vendor, awarded amount',
        params: IdParams,
        body: ProcurementInput,
        response: { 200: ProjectFollowUp, ...withRules },
      },
    },
    async (request) => implementation.saveProcurement(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/implementation/projects/:id/procurement/ocds',
    {
      config: access('read', 'procurement'),
      schema: {
        tags,
        summary: 'The procurement file as an OCDS 1.1 release package (JSON)',
        params: IdParams,
        produces: ['application/json'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const pkg = await implementation.ocds(request.actor, request.params.id, origin);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ocds-${request.params.id}.json"`)
        .send(JSON.stringify(pkg, null, 2) as never);
    },
  );

  app.get(
    '/api/implementation/thresholds',
    {
      config: access('read', 'procurement_threshold'),
      schema: {
        tags,
        summary: 'The procurement thresholds by period of validity',
        response: { 200: z.array(ThresholdPeriodRecord), ...errorResponses },
      },
    },
    async (request) => implementation.thresholds(request.actor),
  );

  app.put(
    '/api/implementation/thresholds',
    {
      config: access('update', 'procurement_threshold'),
      schema: {
        tags,
        summary: 'Replace the thresholds table (agency admins; periods must not overlap, figures in order)',
        body: ThresholdTable,
        response: { 200: z.array(ThresholdPeriodRecord), ...errorResponses },
      },
    },
    async (request) => implementation.replaceThresholds(request.ctx, request.body),
  );

  app.delete(
    '/api/implementation/thresholds/:validFrom',
    {
      config: access('delete', 'procurement_threshold'),
      schema: {
        tags,
        summary: 'Delete a period of thresholds (agency admins; only the first or last, never the one in force today)',
        params: z.object({ validFrom: IsoDate }),
        response: { 200: z.array(ThresholdPeriodRecord), ...withRules },
      },
    },
    async (request) => implementation.deleteThresholdPeriod(request.ctx, request.params.validFrom),
  );

  // ── alerts and notices ──────────────────────────────────────────────────────────────────────────────────────
  app.get(
    '/api/implementation/alerts',
    {
      config: access('read', 'implementation_alert'),
      schema: {
        tags,
        summary: 'Late milestones, budgets over plan, overdue procurement steps of the projects the caller may see',
        response: { 200: AlertList, ...errorResponses },
      },
    },
    async (request) => implementation.alerts(request.actor),
  );

  app.get(
    '/api/account/notifications',
    {
      config: access('read', 'account'),
      schema: {
        tags,
        summary: 'My alert e-mails and weekly digest settings',
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (request) => implementation.settings(request.actor),
  );

  app.put(
    '/api/account/notifications',
    {
      config: access('update', 'account'),
      schema: {
        tags,
        summary: 'Change my alert e-mails and weekly digest settings',
        body: NotificationSettings,
        response: { 200: NotificationSettings, ...errorResponses },
      },
    },
    async (request) => implementation.updateSettings(request.ctx, request.body),
  );

  app.get(
    '/api/implementation/notices',
    {
      config: access('read', 'notification_log'),
      schema: {
        tags,
        summary: 'The notices sent by e-mail, or only logged when no SMTP server is configured',
        response: { 200: z.array(Notice), ...errorResponses },
      },
    },
    async (request) => notices.notices(request.actor),
  );

  app.post(
    '/api/implementation/notices/run',
    {
      config: access('create', 'notification_log'),
      schema: {
        tags,
        summary: 'Send the alert notices and due digests now',
        response: { 200: NoticeRunResult, ...errorResponses },
      },
    },
    async (request) => notices.runNow(request.ctx),
  );

  // ── province dashboard and public page ──────────────────────────────────────────────────────────────────────
  app.get(
    '/api/implementation/dashboard',
    {
      config: access('read', 'implementation_dashboard'),
      schema: {
        tags,
        summary: 'The province dashboard: missions by phase, projects by status and dimension, budgets, late items',
        querystring: DashboardQuery,
        response: { 200: Dashboard, ...errorResponses },
      },
    },
    async (request) => implementation.dashboard(request.actor, request.query),
  );

  app.get(
    '/api/implementation/dashboard.xlsx',
    {
      config: access('read', 'implementation_dashboard'),
      schema: {
        tags,
        summary: 'The province dashboard as a spreadsheet',
        querystring: DashboardQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const body = await renderDashboardXlsx(await implementation.dashboard(request.actor, request.query));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="tableau-de-bord-mise-en-oeuvre.xlsx"')
        .header('cache-control', 'no-store')
        .send(body as never);
    },
  );

  app.get(
    '/api/public/progress',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The communes that published projects on their public progress page',
        response: { 200: PublishedCommunes, ...errorResponses },
      },
    },
    async () => implementation.publishedCommunes(),
  );

  app.get(
    '/api/public/communes/:nisCode/progress',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'The projects a commune published: status, progress, indicators (no personal data)',
        params: z.object({ nisCode: NisCode }),
        response: { 200: PublicProgress, ...errorResponses },
      },
    },
    async (request) => implementation.publicProgress(request.params.nisCode),
  );
}
