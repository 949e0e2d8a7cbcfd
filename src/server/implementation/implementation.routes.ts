import { z } from 'zod';
import { implementationContract, implementationFiles } from '../../domain/implementation/implementation.contract.ts';
import { DashboardQuery } from '../../domain/implementation/implementation-api.ts';
import type { ResourceType } from '../auth/policy.ts';
import { NotFoundError } from '../errors.ts';
import { registerContract } from '../http/contract.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import { renderDashboardXlsx } from './dashboard-xlsx.ts';
import type { ImplementationServices } from './implementation-services.ts';
import type { NoticesService } from './notices.service.ts';

type Action = 'read' | 'create' | 'update' | 'delete';
const access = (action: Action, resource: ResourceType = 'implementation') => ({ action, resource }) as const;
const IdParams = z.object({ id: z.uuid() });
const tags = ['implementation'];
const c = implementationContract;

/**
 * The implementation phase, registered from its contract (src/domain/implementation/implementation.contract.ts), one
 * use case at a time. Routes name no commune: the service loads the project and asks the policy with its commune.
 */
export async function implementationRoutes(
  app: ApiInstance,
  options: { implementation: ImplementationServices; notices: NoticesService },
) {
  const services = options.implementation;
  registerFollowUpRoutes(app, services);
  registerFollowUpItemRoutes(app, services);
  registerProcurementRoutes(app, services);
  registerThresholdRoutes(app, services);
  registerNotificationRoutes(app, services, options.notices);
  registerProvinceRoutes(app, services);
}

/** A project's follow-up: the mission's view, the project's sheet, its status, its publication. */
function registerFollowUpRoutes(app: ApiInstance, { followUp }: ImplementationServices) {
  registerContract(app, c.mission, access('read'), (request) =>
    followUp.missionImplementation(request.actor, request.params.missionId),
  );
  registerContract(app, c.followUp, access('read'), (request) => followUp.followUp(request.actor, request.params.id));
  registerContract(app, c.changeStatus, access('update'), (request) =>
    followUp.changeStatus(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.update, access('update'), (request) =>
    followUp.updateFollowUp(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.publish, access('update', 'implementation_publication'), (request) =>
    followUp.publish(request.ctx, request.params.id, request.body),
  );
}

/** What a follow-up holds: milestones, indicators and their measurements, documents (and a document's file). */
function registerFollowUpItemRoutes(app: ApiInstance, { items }: ImplementationServices) {
  registerContract(app, c.addMilestone, access('create'), (request) =>
    items.addMilestone(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.updateMilestone, access('update'), (request) =>
    items.updateMilestone(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteMilestone, access('delete'), (request) =>
    items.deleteMilestone(request.ctx, request.params.id),
  );
  registerContract(app, c.addIndicator, access('create'), (request) =>
    items.addIndicator(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.updateIndicator, access('update'), (request) =>
    items.updateIndicator(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteIndicator, access('delete'), (request) =>
    items.deleteIndicator(request.ctx, request.params.id),
  );
  registerContract(app, c.addMeasurement, access('create'), (request) =>
    items.addMeasurement(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.updateMeasurement, access('update'), (request) =>
    items.updateMeasurement(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteMeasurement, access('delete'), (request) =>
    items.deleteMeasurement(request.ctx, request.params.id),
  );
  registerContract(app, c.addDocument, access('create'), (request) =>
    items.addDocument(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteDocument, access('delete'), (request) =>
    items.deleteDocument(request.ctx, request.params.id),
  );

  // A file is a plain route (decision 130), its path declared beside the contract.
  app.get(
    implementationFiles.document,
    {
      config: { access: access('read') },
      schema: { tags, summary: 'Download a document file', params: IdParams, response: errorResponses },
    },
    async (request, reply) => {
      const document = await items.document(request.actor, request.params.id);
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
}

/** A project's procurement: the procedure's advice, the saved file, and that file as an OCDS release package. */
function registerProcurementRoutes(app: ApiInstance, { procurement }: ImplementationServices) {
  registerContract(app, c.procedureAdvice, access('read', 'procurement'), (request) =>
    procurement.procedureAdvice(request.actor, request.params.id, request.query),
  );
  registerContract(app, c.saveProcurement, access('update', 'procurement'), (request) =>
    procurement.saveProcurement(request.ctx, request.params.id, request.body),
  );

  app.get(
    implementationFiles.ocds,
    {
      config: { access: access('read', 'procurement') },
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
      const pkg = await procurement.ocds(request.actor, request.params.id, origin);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ocds-${request.params.id}.json"`)
        .send(JSON.stringify(pkg, null, 2) as never);
    },
  );
}

/** The procurement thresholds by period of validity. */
function registerThresholdRoutes(app: ApiInstance, { thresholds }: ImplementationServices) {
  registerContract(app, c.thresholds, access('read', 'procurement_threshold'), (request) =>
    thresholds.thresholds(request.actor),
  );
  registerContract(app, c.replaceThresholds, access('update', 'procurement_threshold'), (request) =>
    thresholds.replaceThresholds(request.ctx, request.body),
  );
  registerContract(app, c.deleteThresholdPeriod, access('delete', 'procurement_threshold'), (request) =>
    thresholds.deleteThresholdPeriod(request.ctx, request.params.validFrom),
  );
}

/** An account's notification settings and the log of notices sent. */
function registerNotificationRoutes(app: ApiInstance, { settings }: ImplementationServices, notices: NoticesService) {
  registerContract(app, c.notificationSettings, access('read', 'account'), (request) =>
    settings.settings(request.actor),
  );
  registerContract(app, c.updateNotificationSettings, access('update', 'account'), (request) =>
    settings.updateSettings(request.ctx, request.body),
  );
  registerContract(app, c.notices, access('read', 'notification_log'), (request) => notices.notices(request.actor));
  registerContract(app, c.runNotices, access('create', 'notification_log'), (request) => notices.runNow(request.ctx));
}

/** The province's view: its area, alerts, dashboard (and its spreadsheet), and the public progress pages. */
function registerProvinceRoutes(app: ApiInstance, { province }: ImplementationServices) {
  registerContract(app, c.area, access('read', 'implementation_alert'), (request) => province.area(request.actor));
  registerContract(app, c.alerts, access('read', 'implementation_alert'), (request) => province.alerts(request.actor));
  registerContract(app, c.dashboard, access('read', 'implementation_dashboard'), (request) =>
    province.dashboard(request.actor, request.query),
  );
  registerContract(app, c.publishedCommunes, { public: true }, () => province.publishedCommunes());
  registerContract(app, c.publicProgress, { public: true }, (request) =>
    province.publicProgress(request.params.nisCode),
  );

  app.get(
    implementationFiles.dashboardXlsx,
    {
      config: { access: access('read', 'implementation_dashboard') },
      schema: {
        tags,
        summary: 'The province dashboard as a spreadsheet',
        querystring: DashboardQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const body = await renderDashboardXlsx(await province.dashboard(request.actor, request.query));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="tableau-de-bord-mise-en-oeuvre.xlsx"')
        .header('cache-control', 'no-store')
        .send(body as never);
    },
  );
}
