import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  GuideCreateInput,
  GuideDiffResponse,
  GuideKeyParams,
  GuideParams,
  GuideVersion,
  GuideVersionSummary,
  MissionGuide,
  MissionGuideChoice,
} from '../../domain/diagnostic/guides.ts';
import {
  Interview,
  InterviewCreateInput,
  InterviewSummary,
  InterviewUpdateInput,
  SelfAssessmentCreated,
  SelfAssessmentCreateInput,
  SelfAssessmentForm,
  SelfAssessmentLink,
  SelfAssessmentSubmission,
} from '../../domain/diagnostic/interviews.ts';
import { MaturityModel } from '../../domain/diagnostic/model.ts';
import { DiagnosticResultsView, ProvinceOverview } from '../../domain/diagnostic/results.ts';
import {
  Specificities,
  SpecificitiesInput,
  SwotItem,
  SwotItemInput,
  SwotItemUpdateInput,
  SwotMergeInput,
  SwotReorderInput,
  SwotResponse,
} from '../../domain/diagnostic/swot.ts';
import { RateLimitedError } from '../errors.ts';
import { errorResponses } from '../http/responses.ts';
import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticService } from './diagnostic.service.ts';
import type { GuidesService } from './guides.service.ts';
import type { ReportService } from './report.service.ts';
import type { SelfAssessmentService } from './self-assessment.service.ts';

const MissionParams = z.object({ id: z.uuid() });
const InterviewParams = z.object({ id: z.uuid(), interviewId: z.uuid() });
const SwotParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(20).max(200) });
const ReportQuery = z.object({
  names: z.enum(['true', 'false']).optional().describe('agency staff: print the names kept of the people heard'),
});

const tags = ['diagnostic'];
const read = { access: { action: 'read', resource: 'diagnostic' } } as const;
const write = (action: 'create' | 'update' | 'delete') => ({ access: { action, resource: 'diagnostic' } }) as const;

export async function diagnosticRoutes(
  app: ApiInstance,
  options: {
    diagnostic: DiagnosticService;
    guides: GuidesService;
    selfAssessment: SelfAssessmentService;
    reports: ReportService;
  },
) {
  const { diagnostic, guides, selfAssessment, reports } = options;

  // -- the interview guide -------------------------------------------------------------------------------------

  app.get(
    '/api/diagnostic/guides',
    {
      config: { access: { action: 'read', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'Versions of the interview guide (drafts for admins only)',
        response: { 200: z.array(GuideVersionSummary), ...errorResponses },
      },
    },
    async (request) => guides.list(request.actor),
  );

  app.get(
    '/api/diagnostic/guides/:key/versions/:version',
    {
      config: { access: { action: 'read', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'One version of the guide, whole',
        params: GuideParams,
        response: { 200: GuideVersion, ...errorResponses },
      },
    },
    async (request) => guides.get(request.actor, request.params.key, request.params.version),
  );

  app.get(
    '/api/diagnostic/guides/:key/versions/:version/changes',
    {
      config: { access: { action: 'read', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'What changed from the previous version',
        params: GuideParams,
        response: { 200: GuideDiffResponse, ...errorResponses },
      },
    },
    async (request) => guides.diff(request.actor, request.params.key, request.params.version),
  );

  app.post(
    '/api/diagnostic/guides',
    {
      config: { access: { action: 'create', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'Create a new guide: version 1 as a draft copy of a published guide, under a new key and title',
        body: GuideCreateInput,
        response: { 201: GuideVersion, ...errorResponses, 409: errorResponses[400].describe('The key is taken') },
      },
    },
    async (request, reply) => reply.status(201).send(await guides.createGuide(request.ctx, request.body)),
  );

  app.post(
    '/api/diagnostic/guides/:key/drafts',
    {
      config: { access: { action: 'create', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'Start the next version: a draft copy of the latest one',
        params: GuideKeyParams,
        response: { 201: GuideVersion, ...errorResponses, 409: errorResponses[400].describe('A draft already exists') },
      },
    },
    async (request, reply) => reply.status(201).send(await guides.createDraft(request.ctx, request.params.key)),
  );

  app.put(
    '/api/diagnostic/guides/:key/versions/:version',
    {
      config: { access: { action: 'update', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'Replace the content of a draft (a published version never changes: 422)',
        params: GuideParams,
        body: MaturityModel,
        response: { 200: GuideVersion, ...errorResponses },
      },
    },
    async (request) => guides.updateDraft(request.ctx, request.params.key, request.params.version, request.body),
  );

  app.post(
    '/api/diagnostic/guides/:key/versions/:version/publish',
    {
      config: { access: { action: 'update', resource: 'maturity_model' } },
      schema: {
        tags,
        summary: 'Publish a draft: new diagnostics start with it',
        params: GuideParams,
        response: { 200: GuideVersion, ...errorResponses },
      },
    },
    async (request) => guides.publish(request.ctx, request.params.key, request.params.version),
  );

  app.delete(
    '/api/diagnostic/guides/:key/versions/:version',
    {
      config: { access: { action: 'delete', resource: 'maturity_model' } },
      schema: { tags, summary: 'Discard a draft', params: GuideParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (request, reply) => {
      await guides.deleteDraft(request.ctx, request.params.key, request.params.version);
      return reply.status(204).send(null);
    },
  );

  // -- province view ---------------------------------------------------------------------------------------------

  app.get(
    '/api/diagnostic/province',
    {
      config: read,
      schema: {
        tags,
        summary: 'Communes with a diagnostic, their maturity per dimension and z-scores (commune users: their own)',
        response: { 200: ProvinceOverview, ...errorResponses },
      },
    },
    async (request) => diagnostic.province(request.actor),
  );

  // -- interviews ------------------------------------------------------------------------------------------------

  app.get(
    '/api/missions/:id/diagnostic/guide',
    {
      config: { access: { action: 'read', resource: 'diagnostic' } },
      schema: {
        tags,
        summary: 'The guide the mission’s diagnostic uses, and whether it may still change',
        params: MissionParams,
        response: { 200: MissionGuide, ...errorResponses },
      },
    },
    async (request) => diagnostic.missionGuide(request.actor, request.params.id),
  );

  app.put(
    '/api/missions/:id/diagnostic/guide',
    {
      config: { access: { action: 'update', resource: 'diagnostic' } },
      schema: {
        tags,
        summary: 'Choose the guide of the mission’s diagnostic before its first interview (409 afterwards)',
        params: MissionParams,
        body: MissionGuideChoice,
        response: { 200: MissionGuide, ...errorResponses, 409: errorResponses[400].describe('Already started') },
      },
    },
    async (request) => diagnostic.chooseMissionGuide(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/missions/:id/interviews',
    {
      config: read,
      schema: {
        tags,
        summary: 'Interviews of the mission (names and roles for agency staff only)',
        params: MissionParams,
        response: { 200: z.array(InterviewSummary), ...errorResponses },
      },
    },
    async (request) => diagnostic.listInterviews(request.actor, request.params.id),
  );

  app.post(
    '/api/missions/:id/interviews',
    {
      config: write('create'),
      schema: {
        tags,
        summary: 'Start an interview: who is heard, when, by whom',
        params: MissionParams,
        body: InterviewCreateInput,
        response: { 201: Interview, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await diagnostic.createInterview(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/api/missions/:id/interviews/:interviewId',
    {
      config: read,
      schema: {
        tags,
        summary: 'One interview with its answers',
        params: InterviewParams,
        response: { 200: Interview, ...errorResponses },
      },
    },
    async (request) => diagnostic.getInterview(request.actor, request.params.id, request.params.interviewId),
  );

  app.patch(
    '/api/missions/:id/interviews/:interviewId',
    {
      config: write('update'),
      schema: {
        tags,
        summary: 'Save as you go: answers are upserted by question, other fields replaced when given',
        params: InterviewParams,
        body: InterviewUpdateInput,
        response: { 200: Interview, ...errorResponses },
      },
    },
    async (request) =>
      diagnostic.updateInterview(request.ctx, request.params.id, request.params.interviewId, request.body),
  );

  app.delete(
    '/api/missions/:id/interviews/:interviewId',
    {
      config: write('delete'),
      schema: {
        tags,
        summary: 'Delete an interview and its answers',
        params: InterviewParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await diagnostic.deleteInterview(request.ctx, request.params.id, request.params.interviewId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/missions/:id/interviews/:interviewId/erase-identity',
    {
      config: { access: { action: 'delete', resource: 'resource_person' } },
      schema: {
        tags,
        summary: 'Erase the name and role of the person heard (GDPR); the answers stay',
        params: InterviewParams,
        response: { 200: Interview, ...errorResponses },
      },
    },
    async (request) => diagnostic.eraseIdentity(request.ctx, request.params.id, request.params.interviewId),
  );

  // -- results and reports --------------------------------------------------------------------------------------

  app.get(
    '/api/missions/:id/results',
    {
      config: read,
      schema: {
        tags,
        summary: 'Maturity per factor and dimension, agreement, disagreements, comparison with the province and peers',
        params: MissionParams,
        response: { 200: DiagnosticResultsView, ...errorResponses },
      },
    },
    async (request) => diagnostic.results(request.actor, request.params.id),
  );

  app.get(
    '/api/missions/:id/report.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The diagnostic report, in French (PDF)',
        params: MissionParams,
        querystring: ReportQuery,
      },
    },
    async (request, reply) => {
      const report = await reports.pdf(request.actor, request.params.id, { names: request.query.names === 'true' });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .header('cache-control', 'no-store')
        .send(report.buffer);
    },
  );

  app.get(
    '/api/missions/:id/report.xlsx',
    {
      config: read,
      schema: { tags, summary: 'The raw data of the diagnostic (XLSX)', params: MissionParams },
    },
    async (request, reply) => {
      const report = await reports.xlsx(request.actor, request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .header('cache-control', 'no-store')
        .send(report.buffer);
    },
  );

  // -- SWOT and specificities ------------------------------------------------------------------------------------

  app.get(
    '/api/missions/:id/swot',
    {
      config: read,
      schema: {
        tags,
        summary: 'The SWOT items of the diagnostic, by category and position (project sheets link to them)',
        params: MissionParams,
        response: { 200: SwotResponse, ...errorResponses },
      },
    },
    async (request) => diagnostic.swot(request.actor, request.params.id),
  );

  app.post(
    '/api/missions/:id/swot',
    {
      config: write('create'),
      schema: {
        tags,
        summary: 'Add a SWOT item at the end of its category',
        params: MissionParams,
        body: SwotItemInput,
        response: { 201: SwotItem, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await diagnostic.createSwot(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/missions/:id/swot/:itemId',
    {
      config: write('update'),
      schema: {
        tags,
        summary: 'Change a SWOT item',
        params: SwotParams,
        body: SwotItemUpdateInput,
        response: { 200: SwotItem, ...errorResponses },
      },
    },
    async (request) => diagnostic.updateSwot(request.ctx, request.params.id, request.params.itemId, request.body),
  );

  app.delete(
    '/api/missions/:id/swot/:itemId',
    {
      config: write('delete'),
      schema: {
        tags,
        summary: 'Remove a SWOT item',
        params: SwotParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await diagnostic.deleteSwot(request.ctx, request.params.id, request.params.itemId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/missions/:id/swot/reorder',
    {
      config: write('update'),
      schema: {
        tags,
        summary: 'Put the items of one category in a new order',
        params: MissionParams,
        body: SwotReorderInput,
        response: { 200: SwotResponse, ...errorResponses },
      },
    },
    async (request) => diagnostic.reorderSwot(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/missions/:id/swot/merge',
    {
      config: write('update'),
      schema: {
        tags,
        summary: 'Merge items of one category: the first is kept with the union of dimensions and interviews',
        params: MissionParams,
        body: SwotMergeInput,
        response: { 200: SwotItem, ...errorResponses },
      },
    },
    async (request) => diagnostic.mergeSwot(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/missions/:id/specificities',
    {
      config: read,
      schema: {
        tags,
        summary: 'Territory specificities: geography, demography, economy, assets',
        params: MissionParams,
        response: { 200: Specificities, ...errorResponses },
      },
    },
    async (request) => diagnostic.specificities(request.actor, request.params.id),
  );

  app.put(
    '/api/missions/:id/specificities',
    {
      config: write('update'),
      schema: {
        tags,
        summary: 'Save the territory specificities',
        params: MissionParams,
        body: SpecificitiesInput,
        response: { 200: Specificities, ...errorResponses },
      },
    },
    async (request) => diagnostic.saveSpecificities(request.ctx, request.params.id, request.body),
  );

  // -- self-assessment links -----------------------------------------------------------------------------------

  app.get(
    '/api/missions/:id/self-assessments',
    {
      config: { access: { action: 'read', resource: 'self_assessment' } },
      schema: {
        tags,
        summary: 'Self-assessment links of the mission and their status',
        params: MissionParams,
        response: { 200: z.array(SelfAssessmentLink), ...errorResponses },
      },
    },
    async (request) => selfAssessment.list(request.actor, request.params.id),
  );

  app.post(
    '/api/missions/:id/self-assessments',
    {
      config: { access: { action: 'create', resource: 'self_assessment' } },
      schema: {
        tags,
        summary: 'Create a personal, single-use, expiring link (the token is shown once)',
        params: MissionParams,
        body: SelfAssessmentCreateInput,
        response: { 201: SelfAssessmentCreated, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await selfAssessment.create(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/missions/:id/self-assessments/:linkId',
    {
      config: { access: { action: 'delete', resource: 'self_assessment' } },
      schema: {
        tags,
        summary: 'Revoke an unused link',
        params: LinkParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await selfAssessment.revoke(request.ctx, request.params.id, request.params.linkId);
      return reply.status(204).send(null);
    },
  );

  // Public: the token is the authorisation, checked by the service; rate-limited per address.
  const tokenRateLimit = {
    max: 30,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      new RateLimitedError(Math.ceil(context.ttl / 1000)),
  };

  app.get(
    '/api/self-assessment/:token',
    {
      config: { access: { public: true, csrf: false }, rateLimit: tokenRateLimit },
      schema: {
        tags,
        summary: 'Open a self-assessment link: the guide to fill (404 unknown, 410 expired, used or revoked)',
        params: TokenParams,
        response: { 200: SelfAssessmentForm, ...errorResponses },
      },
    },
    async (request) => selfAssessment.open(request.params.token),
  );

  app.post(
    '/api/self-assessment/:token',
    {
      config: { access: { public: true, csrf: false }, rateLimit: tokenRateLimit },
      schema: {
        tags,
        summary: 'Submit a self-assessment once; the link is spent',
        params: TokenParams,
        body: SelfAssessmentSubmission,
        response: { 201: z.object({ received: z.literal(true) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await selfAssessment.submit(request.ctx, request.params.token, request.body)),
  );
}
