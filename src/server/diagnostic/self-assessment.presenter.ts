import { type SelfAssessmentLink, selfAssessmentStatus } from '../../domain/diagnostic/interviews.ts';
import type { LinkRow } from './diagnostic.repository.ts';
import { presentPerson } from './interviews.presenter.ts';

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
