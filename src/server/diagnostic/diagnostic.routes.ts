import type { ApiInstance } from '../http/types.ts';
import type { DiagnosticServices } from './diagnostic-services.ts';
import { registerGuideRoutes } from './guides.routes.ts';
import { registerInterviewRoutes } from './interviews.routes.ts';
import { registerResultsRoutes } from './results.routes.ts';
import { registerSelfAssessmentRoutes } from './self-assessment.routes.ts';
import { registerSwotRoutes } from './swot.routes.ts';

/** Phase 1 of a mission, one file of routes per use case; the endpoints are declared in diagnostic.contract.ts. */
export async function diagnosticRoutes(app: ApiInstance, options: { diagnostic: DiagnosticServices }) {
  registerGuideRoutes(app, options.diagnostic);
  registerInterviewRoutes(app, options.diagnostic);
  registerResultsRoutes(app, options.diagnostic);
  registerSwotRoutes(app, options.diagnostic);
  registerSelfAssessmentRoutes(app, options.diagnostic);
}
