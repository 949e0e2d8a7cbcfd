import type { UnitOfWork } from '../db/unit-of-work.ts';
import { DiagnosticCore } from './diagnostic-core.ts';
import { GuidesService } from './guides.service.ts';
import { InterviewsService } from './interviews.service.ts';
import { MissionGuideService } from './mission-guide.service.ts';
import { ReportService } from './report.service.ts';
import { ResultsService } from './results.service.ts';
import { SelfAssessmentService } from './self-assessment.service.ts';
import { SpecificitiesService } from './specificities.service.ts';
import { SwotService } from './swot.service.ts';

/** The diagnostic feature's services, one per use case, sharing one core (access, guides, scores). */
export type DiagnosticServices = {
  core: DiagnosticCore;
  guides: GuidesService;
  missionGuide: MissionGuideService;
  interviews: InterviewsService;
  results: ResultsService;
  swot: SwotService;
  specificities: SpecificitiesService;
  selfAssessment: SelfAssessmentService;
  reports: ReportService;
};

export function createDiagnosticServices(
  uow: UnitOfWork,
  now: () => Date,
  agencyName: () => Promise<string>,
): DiagnosticServices {
  const core = new DiagnosticCore(uow, now);
  const results = new ResultsService(core);
  const swot = new SwotService(core);
  const specificities = new SpecificitiesService(core);
  return {
    core,
    guides: new GuidesService(uow, now),
    missionGuide: new MissionGuideService(core),
    interviews: new InterviewsService(core),
    results,
    swot,
    specificities,
    selfAssessment: new SelfAssessmentService(core, agencyName),
    reports: new ReportService({ results, swot, specificities }, agencyName, now),
  };
}
