import type { Executor } from '../db/client.ts';
import { GuidesRepository } from './guides.repository.ts';
import { InterviewsRepository } from './interviews.repository.ts';
import { MissionDiagnosticsRepository } from './mission-diagnostics.repository.ts';
import { SelfAssessmentLinksRepository } from './self-assessment.repository.ts';
import { SwotRepository } from './swot.repository.ts';

export type { GuideRow } from './guides.repository.ts';
export type { AnswerRow, InterviewRow, InterviewWithCounts } from './interviews.repository.ts';
export type { MissionDiagnosticRow } from './mission-diagnostics.repository.ts';
export type { LinkRow } from './self-assessment.repository.ts';
export type { SpecificitiesRow, SwotRow } from './swot.repository.ts';

/**
 * SQL of the diagnostic, one repository per use case: `repos.diagnostic.guides` (versions of the guide),
 * `.scores` (the diagnostic of a mission and its stored means), `.interviews`, `.swot` (with the specificities) and
 * `.links` (self-assessment links).
 */
export function diagnosticRepositories(db: Executor) {
  const swot = new SwotRepository(db);
  return {
    guides: new GuidesRepository(db),
    scores: new MissionDiagnosticsRepository(db),
    interviews: new InterviewsRepository(db),
    swot,
    links: new SelfAssessmentLinksRepository(db),
    // What the strategy reads of the SWOT (project sheets link to its items), under the names it has always used.
    listSwot: (missionId: string) => swot.listSwot(missionId),
    findSwotItems: (ids: readonly string[]) => swot.findSwotItems(ids),
  };
}
