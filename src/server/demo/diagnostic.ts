import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../../domain/diagnostic/guides.ts';
import type { IntervieweeType } from '../../domain/diagnostic/model.ts';
import type { SwotCategory } from '../../domain/diagnostic/swot.ts';
import type { Dimension } from '../../domain/shared/dimensions.ts';
import { DEMO_CONTEXT, type DemoCalendar, type DemoServices } from './context.ts';

const QUESTIONS = questionsInOrder(GUIDE_FR_V1);

export type InterviewSpec = { type: IntervieweeType; role: string; daysAgo: number; centre: number; share?: number };
export type SwotSpec = { category: SwotCategory; text: string; dimensions: Dimension[] };

export type DiagnosticSpec = {
  interviewer: string;
  interviews: InterviewSpec[];
  /** Self-assessment links answered by the commune's staff (the answers' centre of each). */
  selfAssessments: { type: IntervieweeType; role: string; centre: number }[];
  /** Links sent and still waiting for their answer. */
  pendingLinks?: { type: IntervieweeType; role: string }[];
  swot: SwotSpec[];
};

/** Answers around a level (0–4), with a few « je ne sais pas » and a comment now and then; `share` of the guide. */
function answers(random: () => number, centre: number, share = 1) {
  return QUESTIONS.slice(0, Math.round(QUESTIONS.length * share)).map(({ question }, i) => {
    const r = random();
    const level = Math.max(0, Math.min(4, Math.round(centre + (random() * 2 - 1) * 1.2)));
    return {
      questionKey: question.key,
      level: r < 0.04 ? null : level,
      ...(i % 17 === 5 ? { comment: 'Constat partagé par plusieurs services lors de l’entretien.' } : {}),
    };
  });
}

/** Interviews (complete or under way), answered self-assessments, and the SWOT drawn from them. */
export async function seedDiagnostic(
  s: DemoServices,
  calendar: DemoCalendar,
  random: () => number,
  missionId: string,
  spec: DiagnosticSpec,
): Promise<void> {
  const interviewIds: string[] = [];
  for (const interview of spec.interviews) {
    const created = await s.diagnostic.interviews.create(DEMO_CONTEXT, missionId, {
      resourcePerson: { type: interview.type, role: interview.role },
      date: calendar.day(-interview.daysAgo),
      interviewer: spec.interviewer,
    });
    await s.diagnostic.interviews.update(DEMO_CONTEXT, missionId, created.id, {
      answers: answers(random, interview.centre, interview.share),
      notes: `Entretien avec ${interview.role.toLowerCase()} (données de démonstration).`,
    });
    interviewIds.push(created.id);
  }
  for (const person of spec.selfAssessments) {
    const link = await s.diagnostic.selfAssessment.create(DEMO_CONTEXT, missionId, {
      resourcePerson: { type: person.type, role: person.role },
      validDays: 14,
    });
    await s.diagnostic.selfAssessment.submit(DEMO_CONTEXT, link.token, {
      missionId,
      answers: answers(random, person.centre),
      notes: 'Auto-évaluation remplie en ligne (démo).',
    });
  }
  for (const person of spec.pendingLinks ?? []) {
    await s.diagnostic.selfAssessment.create(DEMO_CONTEXT, missionId, {
      resourcePerson: { type: person.type, role: person.role },
      validDays: 21,
    });
  }
  for (const [i, item] of spec.swot.entries()) {
    await s.diagnostic.swot.create(DEMO_CONTEXT, missionId, {
      ...item,
      interviewIds: interviewIds.length ? [interviewIds[i % interviewIds.length]!] : [],
    });
  }
}
