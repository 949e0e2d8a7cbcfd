import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import {
  DocumentInput,
  FollowUpUpdateInput,
  IndicatorInput,
  MeasurementInput,
  MilestoneInput,
  ProcedureAdviceQuery,
  ProcurementInput,
  StatusChangeInput,
} from './follow-up.ts';
import {
  AlertList,
  Dashboard,
  DashboardQuery,
  ImplementationArea,
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
} from './implementation-api.ts';
import { ThresholdTable } from './thresholds.ts';

const IdParams = z.object({ id: z.uuid() });
/** The refusals of a write on a follow-up, beyond the usual 400/401/403/404. */
const rules = {
  409: 'The mission is not in its implementation phase',
  422: 'A rule of the follow-up is broken (e.g. STATUS_TRANSITION_NOT_ALLOWED): the message names it',
} as const;

type ChangeMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Change<P extends z.ZodType> = {
  method: ChangeMethod;
  path: `/api/${string}`;
  summary: string;
  params: P;
  response: typeof ProjectFollowUp;
  refusals: typeof rules;
};

/** A change to a project's follow-up: it answers with the whole follow-up, as the project page shows it. */
function change<P extends z.ZodType>(
  method: ChangeMethod,
  path: `/api/${string}`,
  summary: string,
  params: P,
): Change<P>;
function change<P extends z.ZodType, B extends z.ZodType>(
  method: ChangeMethod,
  path: `/api/${string}`,
  summary: string,
  params: P,
  body: B,
): Change<P> & { body: B };
function change(method: ChangeMethod, path: `/api/${string}`, summary: string, params: z.ZodType, body?: z.ZodType) {
  return { method, path, summary, params, ...(body ? { body } : {}), response: ProjectFollowUp, refusals: rules };
}

/**
 * The implementation phase (decision 070): each approved project's follow-up and procurement file, the thresholds,
 * alerts and notices, the province dashboard and the communes' public progress pages. Paths name no commune: the
 * server loads the project and asks the policy with its commune.
 */
export const implementationContract = defineContract('implementation', {
  area: {
    method: 'GET',
    path: '/api/implementation/area',
    summary: 'What the caller may open in the implementation area (dashboard, thresholds, notices log)',
    response: ImplementationArea,
  },
  mission: {
    method: 'GET',
    path: '/api/missions/:missionId/implementation',
    summary: 'The approved projects of a mission and their follow-up at a glance',
    params: z.object({ missionId: z.uuid() }),
    response: MissionImplementation,
  },
  followUp: {
    method: 'GET',
    path: '/api/implementation/projects/:id',
    summary: 'A project’s follow-up: status, milestones, budget, funding, risks, indicators, documents, history',
    params: IdParams,
    response: ProjectFollowUp,
  },
  changeStatus: change(
    'POST',
    '/api/implementation/projects/:id/status',
    'Change the status (planned → procurement → in progress → delivered → evaluated; suspended, abandoned)',
    IdParams,
    StatusChangeInput,
  ),
  update: change(
    'PATCH',
    '/api/implementation/projects/:id',
    'Update progress, budget by year, funding sources or risks',
    IdParams,
    FollowUpUpdateInput,
  ),
  addMilestone: {
    ...change('POST', '/api/implementation/projects/:id/milestones', 'Add a milestone', IdParams, MilestoneInput),
    status: 201 as const,
  },
  updateMilestone: change(
    'PUT',
    '/api/implementation/milestones/:id',
    'Change a milestone (its date, owner, or the day it was done)',
    IdParams,
    MilestoneInput,
  ),
  deleteMilestone: change('DELETE', '/api/implementation/milestones/:id', 'Delete a milestone', IdParams),
  addIndicator: {
    ...change(
      'POST',
      '/api/implementation/projects/:id/indicators',
      'Add an indicator (baseline, target, unit)',
      IdParams,
      IndicatorInput,
    ),
    status: 201 as const,
  },
  deleteIndicator: change(
    'DELETE',
    '/api/implementation/indicators/:id',
    'Delete an indicator and its measurements',
    IdParams,
  ),
  updateIndicator: change(
    'PUT',
    '/api/implementation/indicators/:id',
    'Change an indicator (name, unit, baseline, target); its measurements stay',
    IdParams,
    IndicatorInput,
  ),
  updateMeasurement: change(
    'PUT',
    '/api/implementation/measurements/:id',
    'Correct a measurement of an indicator (its date or value)',
    IdParams,
    MeasurementInput,
  ),
  deleteMeasurement: change(
    'DELETE',
    '/api/implementation/measurements/:id',
    'Delete a measurement of an indicator',
    IdParams,
  ),
  addMeasurement: {
    ...change(
      'POST',
      '/api/implementation/indicators/:id/measurements',
      'Record a measurement of an indicator',
      IdParams,
      MeasurementInput,
    ),
    status: 201 as const,
  },
  addDocument: {
    ...change(
      'POST',
      '/api/implementation/projects/:id/documents',
      'Attach a document: a link, or a small file (base64, at most 512 KiB) kept in the database',
      IdParams,
      DocumentInput,
    ),
    status: 201 as const,
  },
  deleteDocument: change('DELETE', '/api/implementation/documents/:id', 'Delete a document', IdParams),
  publish: change(
    'PUT',
    '/api/implementation/projects/:id/publication',
    'Publish the project on the commune’s public progress page (or withdraw it)',
    IdParams,
    PublishInput,
  ),
  procedureAdvice: {
    method: 'GET',
    path: '/api/implementation/projects/:id/procurement/advice',
    summary: 'The procedures Belgian law allows for this nature, amount excl. VAT and launch date, and why',
    params: IdParams,
    query: ProcedureAdviceQuery,
    response: ProcedureAdviceSchema,
    refusals: rules,
  },
  saveProcurement: change(
    'PUT',
    '/api/implementation/projects/:id/procurement',
    'Save the procurement file: procedure, steps and dates, vendor, awarded amount',
    IdParams,
    ProcurementInput,
  ),
  thresholds: {
    method: 'GET',
    path: '/api/implementation/thresholds',
    summary: 'The procurement thresholds by period of validity',
    response: z.array(ThresholdPeriodRecord),
  },
  replaceThresholds: {
    method: 'PUT',
    path: '/api/implementation/thresholds',
    summary: 'Replace the thresholds table (agency admins; periods must not overlap, figures in order)',
    body: ThresholdTable,
    response: z.array(ThresholdPeriodRecord),
  },
  deleteThresholdPeriod: {
    method: 'DELETE',
    path: '/api/implementation/thresholds/:validFrom',
    summary: 'Delete a period of thresholds (agency admins; only the first or last, never the one in force today)',
    params: z.object({ validFrom: IsoDate }),
    response: z.array(ThresholdPeriodRecord),
    refusals: rules,
  },
  alerts: {
    method: 'GET',
    path: '/api/implementation/alerts',
    summary: 'Late milestones, budgets over plan, overdue procurement steps of the projects the caller may see',
    response: AlertList,
  },
  notificationSettings: {
    method: 'GET',
    path: '/api/account/notifications',
    summary: 'My alert e-mails and weekly digest settings',
    response: NotificationSettings,
  },
  updateNotificationSettings: {
    method: 'PUT',
    path: '/api/account/notifications',
    summary: 'Change my alert e-mails and weekly digest settings',
    body: NotificationSettings,
    response: NotificationSettings,
  },
  notices: {
    method: 'GET',
    path: '/api/implementation/notices',
    summary: 'The notices sent by e-mail, or only logged when no SMTP server is configured',
    response: z.array(Notice),
  },
  runNotices: {
    method: 'POST',
    path: '/api/implementation/notices/run',
    summary: 'Send the alert notices and due digests now',
    response: NoticeRunResult,
  },
  dashboard: {
    method: 'GET',
    path: '/api/implementation/dashboard',
    summary: 'The province dashboard: missions by phase, projects by status and dimension, budgets, late items',
    query: DashboardQuery,
    response: Dashboard,
  },
  publishedCommunes: {
    method: 'GET',
    path: '/api/public/progress',
    summary: 'The communes that published projects on their public progress page',
    response: PublishedCommunes,
  },
  publicProgress: {
    method: 'GET',
    path: '/api/public/communes/:nisCode/progress',
    summary: 'The projects a commune published: status, progress, indicators (no personal data)',
    params: z.object({ nisCode: NisCode }),
    response: PublicProgress,
  },
});

/**
 * The routes that answer a file rather than JSON the contract describes (decision 130: they keep a plain route):
 * their paths, declared once for the server and the web's links.
 */
export const implementationFiles = {
  document: '/api/implementation/documents/:id',
  ocds: '/api/implementation/projects/:id/procurement/ocds',
  dashboardXlsx: '/api/implementation/dashboard.xlsx',
} as const;
