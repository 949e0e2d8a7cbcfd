import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../shared/schemas.ts';
import { Answer, GuideRef, IntervieweeType, MaturityModel, ResourcePerson } from './model.ts';

/**
 * Interviews as the API records them. An interview is created with who was heard, then filled answer by answer
 * (the capture screen saves as you go: each PATCH upserts the answers it carries, so resending is harmless).
 */

export const INTERVIEW_SOURCES = ['interview', 'self_assessment'] as const;
export const InterviewSource = z.enum(INTERVIEW_SOURCES);
export type InterviewSource = z.infer<typeof InterviewSource>;

const Interviewer = z.string().trim().min(1).max(200);
const Notes = z.string().trim().max(20_000);

export const InterviewCreateInput = z
  .strictObject({
    resourcePerson: ResourcePerson,
    date: IsoDate,
    interviewer: Interviewer.describe('who conducted the interview'),
    notes: Notes.optional(),
  })
  .meta({ id: 'InterviewCreateInput' });
export type InterviewCreateInput = z.infer<typeof InterviewCreateInput>;

export const InterviewUpdateInput = z
  .strictObject({
    resourcePerson: ResourcePerson.optional(),
    date: IsoDate.optional(),
    interviewer: Interviewer.optional(),
    notes: Notes.nullable().optional(),
    answers: z
      .array(Answer)
      .max(1000)
      .optional()
      .describe('answers to add or replace, by question; the others stay as they are'),
    removeAnswers: z.array(z.string().max(80)).max(1000).optional().describe('questions whose answer is withdrawn'),
  })
  .meta({ id: 'InterviewUpdateInput' });
export type InterviewUpdateInput = z.infer<typeof InterviewUpdateInput>;

/** Who was heard, as a caller may see it: names and roles only for agency staff, never once erased. */
export const ResourcePersonView = z.object({
  type: IntervieweeType,
  role: z.string().nullable(),
  name: z.string().nullable(),
  identityErased: z.boolean(),
  identityHidden: z.boolean().describe('true when the caller may not see the name and role (commune users)'),
});
export type ResourcePersonView = z.infer<typeof ResourcePersonView>;

export const InterviewSummary = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    guide: GuideRef,
    resourcePerson: ResourcePersonView,
    date: IsoDate,
    interviewer: z.string(),
    source: InterviewSource,
    answered: z.number().int().describe('questions with a level'),
    dontKnow: z.number().int(),
    questions: z.number().int().describe('questions in the guide version'),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'InterviewSummary' });
export type InterviewSummary = z.infer<typeof InterviewSummary>;

export const Interview = InterviewSummary.extend({
  answers: z.array(
    z.object({ questionKey: z.string(), level: z.number().int().nullable(), comment: z.string().nullable() }),
  ),
  notes: z.string().nullable(),
  permissions: z.object({ edit: z.boolean(), erase: z.boolean() }),
}).meta({ id: 'InterviewRecord' });
export type Interview = z.infer<typeof Interview>;

// ---------------------------------------------------------------------------------------------------------------
// Self-assessment links

export const SELF_ASSESSMENT_MAX_DAYS = 60;

export const SelfAssessmentCreateInput = z
  .strictObject({
    resourcePerson: ResourcePerson.describe('who the link is for; the name stays with the agency'),
    validDays: z.number().int().min(1).max(SELF_ASSESSMENT_MAX_DAYS).default(14),
  })
  .meta({ id: 'SelfAssessmentCreateInput' });
export type SelfAssessmentCreateInput = z.infer<typeof SelfAssessmentCreateInput>;

export const SELF_ASSESSMENT_STATUSES = ['pending', 'used', 'expired', 'revoked'] as const;
export const SelfAssessmentStatus = z.enum(SELF_ASSESSMENT_STATUSES);
export type SelfAssessmentStatus = z.infer<typeof SelfAssessmentStatus>;

export const SelfAssessmentLink = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    resourcePerson: ResourcePersonView,
    status: SelfAssessmentStatus,
    expiresAt: IsoDateTime,
    usedAt: IsoDateTime.nullable(),
    interviewId: z.uuid().nullable(),
    createdAt: IsoDateTime,
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'SelfAssessmentLink' });
export type SelfAssessmentLink = z.infer<typeof SelfAssessmentLink>;

/** The answer to creating a link: the only time the token is shown (the server keeps its hash). */
export const SelfAssessmentCreated = z
  .object({
    link: SelfAssessmentLink,
    token: z.string(),
    path: z.string().describe('page to send, e.g. /self-assessment/…'),
  })
  .meta({ id: 'SelfAssessmentCreated' });
export type SelfAssessmentCreated = z.infer<typeof SelfAssessmentCreated>;

/** What the person opening a link sees: whom it is for and the guide to fill, nothing else of the mission. */
export const SelfAssessmentForm = z
  .object({
    missionId: z.uuid(),
    beneficiary: z.string().describe('the commune (or site) the diagnostic is about'),
    agencyName: z.string(),
    intervieweeType: IntervieweeType,
    expiresAt: IsoDateTime,
    guide: MaturityModel.describe('the guide to fill'),
  })
  .meta({ id: 'SelfAssessmentForm' });
export type SelfAssessmentForm = z.infer<typeof SelfAssessmentForm>;

export const SelfAssessmentSubmission = z
  .strictObject({
    missionId: z.uuid().describe('the mission the link was opened for; a link of another mission is refused'),
    answers: z.array(Answer).max(1000),
    notes: Notes.optional(),
  })
  .meta({ id: 'SelfAssessmentSubmission' });
export type SelfAssessmentSubmission = z.infer<typeof SelfAssessmentSubmission>;

/** The status of a link at `now`: used and revoked win over expiry, so the message names what really happened. */
export function selfAssessmentStatus(
  link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): SelfAssessmentStatus {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}
