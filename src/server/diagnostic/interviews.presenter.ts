import type { InterviewSummary, InterviewUpdateInput, ResourcePersonView } from '../../domain/diagnostic/interviews.ts';
import type { IntervieweeType } from '../../domain/diagnostic/model.ts';
import type { InterviewRow, InterviewWithCounts } from './diagnostic.repository.ts';

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

/** The columns a change of an interview replaces (answers aside). */
export function interviewPatchOf(input: InterviewUpdateInput) {
  return {
    ...(input.resourcePerson
      ? {
          personType: input.resourcePerson.type,
          personRole: input.resourcePerson.role ?? null,
          personName: input.resourcePerson.name ?? null,
        }
      : {}),
    ...(input.date !== undefined ? { date: input.date } : {}),
    ...(input.interviewer !== undefined ? { interviewer: input.interviewer } : {}),
    ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
  };
}

/** The audit entry's before and after of a change of an interview: what changed, never the notes' text. */
export function auditableInterviewChange(row: InterviewRow, input: InterviewUpdateInput) {
  const answers = input.answers ?? [];
  return {
    before: {
      ...(input.resourcePerson ? { type: row.personType } : {}),
      ...(input.date ? { date: row.date } : {}),
      ...(input.interviewer ? { interviewer: row.interviewer } : {}),
    },
    after: {
      ...(input.resourcePerson ? { type: input.resourcePerson.type } : {}),
      ...(input.date ? { date: input.date } : {}),
      ...(input.interviewer ? { interviewer: input.interviewer } : {}),
      ...(input.notes !== undefined ? { notes: 'changed' } : {}),
      ...(answers.length ? { answers: answers.map((a) => `${a.questionKey}=${a.level ?? '?'}`) } : {}),
      ...(input.removeAnswers?.length ? { removed: input.removeAnswers } : {}),
    },
  };
}
