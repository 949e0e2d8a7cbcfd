import type { Dimension } from '../shared/dimensions.ts';
import type { Interview, IntervieweeType, MaturityModel } from './model.ts';
import type { DiagnosticResults, InterviewScore } from './scoring.ts';

/** Shared by the scoring tests: an interview from a map of answers, and the score of one factor or dimension. */
export const interviewOf = (
  guide: MaturityModel,
  answers: Record<string, number | null>,
  type: IntervieweeType = 'citizen',
): Interview => ({
  guide: { key: guide.key, version: guide.version },
  resourcePerson: { type },
  answers: Object.entries(answers).map(([questionKey, level]) => ({ questionKey, level })),
});

export const factorOf = (score: InterviewScore, key: string) => score.factors.find((f) => f.factorKey === key)!;
export const dimensionOf = (score: InterviewScore | DiagnosticResults, key: Dimension) =>
  (score.dimensions as { dimension: Dimension }[]).find((d) => d.dimension === key)!;
