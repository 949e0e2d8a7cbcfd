/**
 * The diagnostic's integration tests build their data here, each test its own: the people who use a diagnostic, a
 * mission of a commune, and a diagnosed mission (two interviews answering the whole reference guide).
 */
import { count } from 'drizzle-orm';
import * as make from '../../../test/support/factories.ts';
import type { Client, TestApp, TestUser } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../../domain/diagnostic/guides.ts';
import type { auditLog, interviewAnswers, interviews, swotItems } from '../db/schema/index.ts';

export const QUESTIONS = questionsInOrder(GUIDE_FR_V1);
export const Q = (i: number) => QUESTIONS[i]!.question.key;

/** Answers every question of the guide with the same level, but the first question of each dimension with `first`. */
export function answersAll(level: number, first = level) {
  const firsts = new Set(GUIDE_FR_V1.dimensions.map((d) => d.factors[0]!.questions[0]!.key));
  return QUESTIONS.map(({ question }) => ({
    questionKey: question.key,
    level: firsts.has(question.key) ? first : level,
  }));
}

export const TINTIGNY = '85039';
export const AUBANGE = '81004';
export const ARLON = '81001';

export type DiagnosticPeople = {
  consultant: Client & { user: TestUser };
  admin: Client;
  arlonEditor: Client;
  tintignyViewer: Client;
};

/** A consultant, an agency admin, an editor of Arlon and a viewer of Tintigny, each signed in. */
export async function diagnosticPeople(t: TestApp): Promise<DiagnosticPeople> {
  return {
    consultant: await make.signedIn(t, 'consultant'),
    admin: await make.signedIn(t, 'agency_admin'),
    arlonEditor: await make.signedIn(t, 'commune_editor', ARLON),
    tintignyViewer: await make.signedIn(t, 'commune_viewer', TINTIGNY),
  };
}

/** A new mission of the commune, started on 1 February 2026, whose diagnostic has no interview yet. */
export async function missionOf(consultant: Client & { user: TestUser }, communeNis: string): Promise<string> {
  return (await make.mission(consultant, { communeNis, title: `Diagnostic ${communeNis}`, startDate: '2026-02-01' }))
    .id;
}

/**
 * A mission whose diagnostic heard a citizen and a business, both answering every question with 2 but the first
 * question of each dimension (0 for one, 4 for the other): means of 2 (« Structuration »), agreement at 0 there.
 */
export async function diagnosedMission(
  consultant: Client & { user: TestUser },
  communeNis = TINTIGNY,
): Promise<{ missionId: string; interviewIds: string[] }> {
  const missionId = await missionOf(consultant, communeNis);
  const interviewIds: string[] = [];
  for (const [type, firstLevel] of [
    ['citizen', 0],
    ['business', 4],
  ] as const) {
    const { id } = await make.answeredInterview(consultant, missionId, answersAll(2, firstLevel), {
      resourcePerson: { type },
      date: '2026-03-03',
      interviewer: 'Benoît Consultant',
    });
    interviewIds.push(id);
  }
  return { missionId, interviewIds };
}

/** The number of rows of a table, to show that a refused request wrote nothing. */
export async function rows(
  t: TestApp,
  table: typeof interviews | typeof interviewAnswers | typeof swotItems | typeof auditLog,
): Promise<number> {
  return (await t.database.db.select({ n: count() }).from(table))[0]!.n;
}
