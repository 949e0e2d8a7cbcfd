import type { InterviewSummary, ResourcePersonView, SelfAssessmentLink } from '../../domain/diagnostic/interviews.ts';
import { selfAssessmentStatus } from '../../domain/diagnostic/interviews.ts';
import type { IntervieweeType } from '../../domain/diagnostic/model.ts';
import type { Specificities, SwotItem } from '../../domain/diagnostic/swot.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import type { InterviewWithCounts, LinkRow, SpecificitiesRow, SwotRow } from './diagnostic.repository.ts';

/** Names and roles only for those the policy lets see them (agency staff); never after erasure. */
export function presentPerson(
  row: { personType: string; personRole: string | null; personName: string | null; identityErasedAt?: Date | null },
  seeNames: boolean,
): ResourcePersonView {
  return {
    type: row.personType as IntervieweeType,
    role: seeNames ? row.personRole : null,
    name: seeNames ? row.personName : null,
    identityErased: Boolean(row.identityErasedAt),
    identityHidden: !seeNames,
  };
}

export function presentInterviewSummary(
  row: InterviewWithCounts,
  questions: number,
  seeNames: boolean,
): InterviewSummary {
  return {
    id: row.id,
    missionId: row.missionId,
    guide: { key: row.guideKey, version: row.guideVersion },
    resourcePerson: presentPerson(row, seeNames),
    date: row.date,
    interviewer: row.interviewer,
    source: row.source,
    answered: row.answered,
    dontKnow: row.dontKnow,
    questions,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentSwotItem(row: SwotRow): SwotItem {
  return {
    id: row.id,
    missionId: row.missionId,
    category: row.category,
    text: row.text,
    position: row.position,
    dimensions: row.dimensions as Dimension[],
    interviewIds: row.interviewIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function auditableSwot(row: Pick<SwotRow, 'category' | 'text' | 'dimensions' | 'interviewIds' | 'position'>) {
  return {
    category: row.category,
    text: row.text,
    position: row.position,
    dimensions: row.dimensions,
    interviewIds: row.interviewIds,
  };
}

export function presentSpecificities(missionId: string, row: SpecificitiesRow | null, edit: boolean): Specificities {
  return {
    missionId,
    geography: row?.geography ?? '',
    demography: row?.demography ?? '',
    economy: row?.economy ?? '',
    assets: row?.assets ?? '',
    updatedAt: row?.updatedAt.toISOString() ?? null,
    permissions: { edit },
  };
}

export function presentLink(row: LinkRow, now: Date, createdBy: string | null): SelfAssessmentLink {
  return {
    id: row.id,
    missionId: row.missionId,
    resourcePerson: presentPerson(row, true),
    status: selfAssessmentStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    interviewId: row.interviewId,
    createdAt: row.createdAt.toISOString(),
    createdBy,
  };
}
