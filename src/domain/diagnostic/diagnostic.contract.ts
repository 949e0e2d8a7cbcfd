import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import {
  GuideCreateInput,
  GuideDiffResponse,
  GuideKeyParams,
  GuideParams,
  GuideVersion,
  GuideVersionSummary,
  MissionGuide,
  MissionGuideChoice,
} from './guides.ts';
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
} from './interviews.ts';
import { MaturityModel } from './model.ts';
import { DiagnosticResultsView, ProvinceOverview } from './results.ts';
import {
  Specificities,
  SpecificitiesInput,
  SwotItem,
  SwotItemInput,
  SwotItemUpdateInput,
  SwotMergeInput,
  SwotReorderInput,
  SwotResponse,
} from './swot.ts';

const MissionParams = z.object({ id: z.uuid() });
const InterviewParams = z.object({ id: z.uuid(), interviewId: z.uuid() });
const SwotParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const LinkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(20).max(200) });

/**
 * Phase 1 of a mission, declared once for the server and the web (decision 130): the interview guide and its
 * versions, the guide of a mission, interviews, results, SWOT and specificities, self-assessment links. The two
 * reports stream a file and keep plain routes (`DIAGNOSTIC_REPORT_PATHS`).
 */
export const diagnosticContract = defineContract('diagnostic', {
  // -- the interview guide ---------------------------------------------------------------------------------------
  listGuides: {
    method: 'GET',
    path: '/api/diagnostic/guides',
    summary: 'Versions of the interview guide (drafts for admins only)',
    response: z.array(GuideVersionSummary),
  },
  getGuide: {
    method: 'GET',
    path: '/api/diagnostic/guides/:key/versions/:version',
    summary: 'One version of the guide, whole',
    params: GuideParams,
    response: GuideVersion,
  },
  guideChanges: {
    method: 'GET',
    path: '/api/diagnostic/guides/:key/versions/:version/changes',
    summary: 'What changed from the previous version',
    params: GuideParams,
    response: GuideDiffResponse,
  },
  createGuide: {
    method: 'POST',
    path: '/api/diagnostic/guides',
    summary: 'Create a new guide: version 1 as a draft copy of a published guide, under a new key and title',
    body: GuideCreateInput,
    response: GuideVersion,
    status: 201,
    refusals: { 409: 'The key is taken' },
  },
  createDraft: {
    method: 'POST',
    path: '/api/diagnostic/guides/:key/drafts',
    summary: 'Start the next version: a draft copy of the latest one',
    params: GuideKeyParams,
    response: GuideVersion,
    status: 201,
    refusals: { 409: 'A draft already exists' },
  },
  updateDraft: {
    method: 'PUT',
    path: '/api/diagnostic/guides/:key/versions/:version',
    summary: 'Replace the content of a draft (a published version never changes: 422)',
    params: GuideParams,
    body: MaturityModel,
    response: GuideVersion,
  },
  publishGuide: {
    method: 'POST',
    path: '/api/diagnostic/guides/:key/versions/:version/publish',
    summary: 'Publish a draft: new diagnostics start with it',
    params: GuideParams,
    response: GuideVersion,
  },
  discardDraft: {
    method: 'DELETE',
    path: '/api/diagnostic/guides/:key/versions/:version',
    summary: 'Discard a draft',
    params: GuideParams,
    response: z.null(),
    status: 204,
  },

  // -- the province and the guide of a mission -------------------------------------------------------------------
  province: {
    method: 'GET',
    path: '/api/diagnostic/province',
    summary: 'Communes with a diagnostic, their maturity per dimension and z-scores (commune users: their own)',
    response: ProvinceOverview,
  },
  missionGuide: {
    method: 'GET',
    path: '/api/missions/:id/diagnostic/guide',
    summary: 'The guide the mission’s diagnostic uses, and whether it may still change',
    params: MissionParams,
    response: MissionGuide,
  },
  chooseMissionGuide: {
    method: 'PUT',
    path: '/api/missions/:id/diagnostic/guide',
    summary: 'Choose the guide of the mission’s diagnostic before its first interview (409 afterwards)',
    params: MissionParams,
    body: MissionGuideChoice,
    response: MissionGuide,
    refusals: { 409: 'Already started' },
  },

  // -- interviews ------------------------------------------------------------------------------------------------
  listInterviews: {
    method: 'GET',
    path: '/api/missions/:id/interviews',
    summary: 'Interviews of the mission (names and roles for agency staff only)',
    params: MissionParams,
    response: z.array(InterviewSummary),
  },
  createInterview: {
    method: 'POST',
    path: '/api/missions/:id/interviews',
    summary: 'Start an interview: who is heard, when, by whom',
    params: MissionParams,
    body: InterviewCreateInput,
    response: Interview,
    status: 201,
  },
  getInterview: {
    method: 'GET',
    path: '/api/missions/:id/interviews/:interviewId',
    summary: 'One interview with its answers',
    params: InterviewParams,
    response: Interview,
  },
  updateInterview: {
    method: 'PATCH',
    path: '/api/missions/:id/interviews/:interviewId',
    summary: 'Save as you go: answers are upserted by question, other fields replaced when given',
    params: InterviewParams,
    body: InterviewUpdateInput,
    response: Interview,
  },
  deleteInterview: {
    method: 'DELETE',
    path: '/api/missions/:id/interviews/:interviewId',
    summary: 'Delete an interview and its answers',
    params: InterviewParams,
    response: z.null(),
    status: 204,
  },
  eraseIdentity: {
    method: 'POST',
    path: '/api/missions/:id/interviews/:interviewId/erase-identity',
    summary: 'Erase the name and role of the person heard (GDPR); the answers stay',
    params: InterviewParams,
    response: Interview,
  },

  // -- results -----------------------------------------------------------------------------------------------------
  results: {
    method: 'GET',
    path: '/api/missions/:id/results',
    summary: 'Maturity per factor and dimension, agreement, disagreements, comparison with the province and peers',
    params: MissionParams,
    response: DiagnosticResultsView,
  },

  // -- SWOT and specificities ------------------------------------------------------------------------------------
  swot: {
    method: 'GET',
    path: '/api/missions/:id/swot',
    summary: 'The SWOT items of the diagnostic, by category and position (project sheets link to them)',
    params: MissionParams,
    response: SwotResponse,
  },
  createSwot: {
    method: 'POST',
    path: '/api/missions/:id/swot',
    summary: 'Add a SWOT item at the end of its category',
    params: MissionParams,
    body: SwotItemInput,
    response: SwotItem,
    status: 201,
  },
  updateSwot: {
    method: 'PATCH',
    path: '/api/missions/:id/swot/:itemId',
    summary: 'Change a SWOT item',
    params: SwotParams,
    body: SwotItemUpdateInput,
    response: SwotItem,
  },
  deleteSwot: {
    method: 'DELETE',
    path: '/api/missions/:id/swot/:itemId',
    summary: 'Remove a SWOT item',
    params: SwotParams,
    response: z.null(),
    status: 204,
  },
  reorderSwot: {
    method: 'POST',
    path: '/api/missions/:id/swot/reorder',
    summary: 'Put the items of one category in a new order',
    params: MissionParams,
    body: SwotReorderInput,
    response: SwotResponse,
  },
  mergeSwot: {
    method: 'POST',
    path: '/api/missions/:id/swot/merge',
    summary: 'Merge items of one category: the first is kept with the union of dimensions and interviews',
    params: MissionParams,
    body: SwotMergeInput,
    response: SwotItem,
  },
  specificities: {
    method: 'GET',
    path: '/api/missions/:id/specificities',
    summary: 'Territory specificities: geography, demography, economy, assets',
    params: MissionParams,
    response: Specificities,
  },
  saveSpecificities: {
    method: 'PUT',
    path: '/api/missions/:id/specificities',
    summary: 'Save the territory specificities',
    params: MissionParams,
    body: SpecificitiesInput,
    response: Specificities,
  },

  // -- self-assessment links -------------------------------------------------------------------------------------
  listLinks: {
    method: 'GET',
    path: '/api/missions/:id/self-assessments',
    summary: 'Self-assessment links of the mission and their status',
    params: MissionParams,
    response: z.array(SelfAssessmentLink),
  },
  createLink: {
    method: 'POST',
    path: '/api/missions/:id/self-assessments',
    summary: 'Create a personal, single-use, expiring link (the token is shown once)',
    params: MissionParams,
    body: SelfAssessmentCreateInput,
    response: SelfAssessmentCreated,
    status: 201,
  },
  revokeLink: {
    method: 'DELETE',
    path: '/api/missions/:id/self-assessments/:linkId',
    summary: 'Revoke an unused link',
    params: LinkParams,
    response: z.null(),
    status: 204,
  },
  // Public: the token is the authorisation (checked by the service); the server adds a rate limit per address.
  openSelfAssessment: {
    method: 'GET',
    path: '/api/self-assessment/:token',
    summary: 'Open a self-assessment link: the guide to fill (404 unknown, 410 expired, used or revoked)',
    params: TokenParams,
    response: SelfAssessmentForm,
  },
  submitSelfAssessment: {
    method: 'POST',
    path: '/api/self-assessment/:token',
    summary: 'Submit a self-assessment once; the link is spent',
    params: TokenParams,
    body: SelfAssessmentSubmission,
    response: z.object({ received: z.literal(true) }),
    status: 201,
  },
});

/** The two reports stream a file: plain routes (decision 130), their paths declared here for the server and the web. */
export const DIAGNOSTIC_REPORT_PATHS = {
  pdf: '/api/missions/:id/report.pdf',
  xlsx: '/api/missions/:id/report.xlsx',
} as const;
