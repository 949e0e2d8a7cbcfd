import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { agency, auditLog, interviewAnswers, interviews, selfAssessmentLinks } from '../db/schema/index.ts';
import {
  AUBANGE,
  type DiagnosticPeople,
  diagnosticPeople,
  missionOf,
  Q,
  rows,
  TINTIGNY,
} from './diagnostic.test-support.ts';

/** The interviews of a mission's diagnostic, recorded by its consultant and read by its commune. */
describe('diagnostic interviews', () => {
  let t: TestApp;
  let people: DiagnosticPeople;
  let clock = new Date('2026-03-02T09:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    people = await diagnosticPeople(t);
  });
  afterAll(() => t.close());

  const jeanne = { type: 'elected_official', role: 'Bourgmestre', name: 'Jeanne Dupont' } as const;
  /** Jeanne Dupont's interview: one answer at 3, one « don't know » with a comment, one at 2. */
  const jeannesInterview = async (missionId: string) =>
    make.answeredInterview(
      people.consultant,
      missionId,
      [
        { questionKey: Q(0), level: 3 },
        { questionKey: Q(1), level: null, comment: 'Ne connaît pas le dossier' },
        { questionKey: Q(2), level: 2 },
      ],
      { resourcePerson: jeanne, date: '2026-03-02', interviewer: 'Benoît Consultant' },
    );

  it('a consultant records an interview, saving answers as they come', async () => {
    const { consultant } = people;
    const tintigny = await missionOf(consultant, TINTIGNY);
    const created = await consultant.post(`/api/missions/${tintigny}/interviews`, {
      resourcePerson: jeanne,
      date: '2026-03-02',
      interviewer: 'Benoît Consultant',
    });
    expect(created.statusCode).toBe(201);
    const first = created.json().id;
    expect(created.json()).toMatchObject({
      guide: { key: 'smart-rural-fr', version: 1 },
      answered: 0,
      questions: 88,
    });
    const one = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
      answers: [{ questionKey: Q(0), level: 3 }],
    });
    expect(one.json().answered).toBe(1);
    // The same answer sent again (a retry after a lost connection) changes nothing; another one is added.
    await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
      answers: [{ questionKey: Q(0), level: 3 }],
    });
    const two = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
      answers: [
        { questionKey: Q(1), level: null, comment: 'Ne connaît pas le dossier' },
        { questionKey: Q(2), level: 2 },
      ],
      notes: 'Entretien à la maison communale.',
    });
    expect(two.json()).toMatchObject({ answered: 2, dontKnow: 1, notes: 'Entretien à la maison communale.' });
    expect(two.json().answers).toContainEqual({
      questionKey: Q(1),
      level: null,
      comment: 'Ne connaît pas le dossier',
    });
  });

  it('refuses an unknown question or a level off the scale, naming the field, and writes nothing', async () => {
    const { consultant } = people;
    const tintigny = await missionOf(consultant, TINTIGNY);
    const { id: first } = await jeannesInterview(tintigny);
    const answersBefore = await rows(t, interviewAnswers);
    const auditBefore = await rows(t, auditLog);
    const unknown = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
      answers: [
        { questionKey: Q(3), level: 1 },
        { questionKey: 'no_such_question', level: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_QUESTION' });
    expect(unknown.json().error.details[0].field).toBe('answers.1.questionKey');
    const level = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
      answers: [{ questionKey: Q(3), level: 7 }],
    });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.details[0].field).toBe('answers.0.level');
    const type = await consultant.post(`/api/missions/${tintigny}/interviews`, {
      resourcePerson: { type: 'alien' },
      date: '2026-03-02',
      interviewer: 'X',
    });
    expect(type.statusCode).toBe(400);
    expect(type.json().error.details[0].field).toBe('resourcePerson.type');
    expect(await rows(t, interviewAnswers)).toBe(answersBefore);
    expect(await rows(t, auditLog)).toBe(auditBefore);
  });

  it('commune users read their own commune’s interviews without names; another commune gets 403', async () => {
    const { consultant, arlonEditor, tintignyViewer } = people;
    const tintigny = await missionOf(consultant, TINTIGNY);
    const { id: first } = await jeannesInterview(tintigny);
    const own = await tintignyViewer.get(`/api/missions/${tintigny}/interviews`);
    expect(own.statusCode).toBe(200);
    expect(own.json()[0].resourcePerson).toEqual({
      type: 'elected_official',
      role: null,
      name: null,
      identityErased: false,
      identityHidden: true,
    });
    expect((await consultant.get(`/api/missions/${tintigny}/interviews`)).json()[0].resourcePerson.name).toBe(
      'Jeanne Dupont',
    );
    const other = await arlonEditor.get(`/api/missions/${tintigny}/interviews`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
    expect((await arlonEditor.get(`/api/missions/${tintigny}/interviews/${first}`)).statusCode).toBe(403);
    expect((await arlonEditor.get(`/api/missions/${tintigny}/results`)).statusCode).toBe(403);
    // Commune users never record interviews (decision 030).
    const write = await tintignyViewer.post(`/api/missions/${tintigny}/interviews`, {
      resourcePerson: { type: 'citizen' },
      date: '2026-03-02',
      interviewer: 'X',
    });
    expect(write.statusCode).toBe(403);
  });

  it('erasing personal data keeps the answers', async () => {
    const { consultant, admin, tintignyViewer } = people;
    const tintigny = await missionOf(consultant, TINTIGNY);
    const { id: first } = await jeannesInterview(tintigny);
    const erased = await consultant.post(`/api/missions/${tintigny}/interviews/${first}/erase-identity`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().resourcePerson).toMatchObject({
      type: 'elected_official',
      name: null,
      role: null,
      identityErased: true,
    });
    expect(erased.json().answered).toBe(2);
    const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, first));
    expect(row).toMatchObject({ personName: null, personRole: null });
    const log = (await admin.get(`/api/audit?entityType=interview&entityId=${first}`)).json();
    expect(JSON.stringify(log)).not.toContain('Jeanne Dupont');
    expect((await tintignyViewer.post(`/api/missions/${tintigny}/interviews/${first}/erase-identity`)).statusCode).toBe(
      403,
    );
  });

  describe('self-assessment links', () => {
    const guideAnswers = [
      { questionKey: Q(0), level: 1 },
      { questionKey: Q(5), level: 2, comment: 'Pas de plan' },
    ];

    /** A link for Marie Laurent, of an association, to fill the mission's guide herself. */
    async function link(missionId: string, validDays = 14) {
      const response = await people.consultant.post(`/api/missions/${missionId}/self-assessments`, {
        resourcePerson: { type: 'association', name: 'Marie Laurent' },
        validDays,
      });
      expect(response.statusCode).toBe(201);
      return response.json() as { token: string; path: string; link: { id: string } };
    }

    it('stores only the hash of the token; the holder fills the guide once, without an account', async () => {
      const { consultant } = people;
      const tintigny = await missionOf(consultant, TINTIGNY);
      const { token, path, link: created } = await link(tintigny);
      expect(path).toBe(`/self-assessment/${token}`);
      const [row] = await t.database.db
        .select()
        .from(selfAssessmentLinks)
        .where(eq(selfAssessmentLinks.id, created.id));
      expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);

      // The workspace may carry a label (the demo's); the resource person reads the agency's name (AGENCY_NAME).
      await t.database.db
        .insert(agency)
        .values({ id: 1, name: 'IDELUX Projets publics — espace de démonstration', demo: true })
        .onConflictDoUpdate({ target: agency.id, set: { name: 'IDELUX Projets publics — espace de démonstration' } });
      const form = await t.anonymous.get(`/api/self-assessment/${token}`);
      expect(form.statusCode).toBe(200);
      expect(form.json()).toMatchObject({
        missionId: tintigny,
        beneficiary: 'Tintigny',
        intervieweeType: 'association',
        agencyName: 'IDELUX Projets publics',
      });
      expect(JSON.stringify(form.json())).not.toContain('Marie Laurent');

      const before = await rows(t, interviews);
      const submitted = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(submitted.statusCode).toBe(201);
      expect(await rows(t, interviews)).toBe(before + 1);
      const list = (await consultant.get(`/api/missions/${tintigny}/interviews`)).json();
      expect(list.find((i: { source: string }) => i.source === 'self_assessment')).toMatchObject({
        source: 'self_assessment',
        answered: 2,
        resourcePerson: { type: 'association', name: 'Marie Laurent' },
      });
      const links = (await consultant.get(`/api/missions/${tintigny}/self-assessments`)).json();
      expect(links[0]).toMatchObject({ status: 'used' });

      const again = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(again.statusCode).toBe(410);
      expect(again.json().error).toMatchObject({ code: 'SELF_ASSESSMENT_USED' });
      expect(again.json().error.message).toContain('déjà été utilisé');
      expect(await rows(t, interviews)).toBe(before + 1);
    });

    it('refuses a link of another mission, writing nothing', async () => {
      const tintigny = await missionOf(people.consultant, TINTIGNY);
      const aubange = await missionOf(people.consultant, AUBANGE);
      const { token } = await link(aubange);
      const before = [await rows(t, interviews), await rows(t, interviewAnswers), await rows(t, auditLog)];
      const response = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe(
        'Ce lien d’auto-évaluation a été créé pour une autre mission : il ne peut pas servir ici.',
      );
      expect([await rows(t, interviews), await rows(t, interviewAnswers), await rows(t, auditLog)]).toEqual(before);
      // The link is still good for its own mission.
      expect((await t.anonymous.get(`/api/self-assessment/${token}`)).statusCode).toBe(200);
    });

    it('refuses an expired link, writing nothing', async () => {
      const tintigny = await missionOf(people.consultant, TINTIGNY);
      const { token } = await link(tintigny, 1);
      const saved = clock;
      clock = new Date(clock.getTime() + 2 * 24 * 3600 * 1000);
      try {
        const before = await rows(t, interviews);
        const open = await t.anonymous.get(`/api/self-assessment/${token}`);
        expect(open.statusCode).toBe(410);
        expect(open.json().error.message).toContain('a expiré');
        const submit = await t.anonymous.post(`/api/self-assessment/${token}`, {
          missionId: tintigny,
          answers: guideAnswers,
        });
        expect(submit.json().error.code).toBe('SELF_ASSESSMENT_EXPIRED');
        expect(await rows(t, interviews)).toBe(before);
      } finally {
        clock = saved;
      }
    });

    it('refuses a revoked or unknown link, and bad answers, writing nothing', async () => {
      const { consultant, tintignyViewer } = people;
      const tintigny = await missionOf(consultant, TINTIGNY);
      const { token, link: created } = await link(tintigny);
      const bad = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: [{ questionKey: 'nope', level: 2 }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('answers.0.questionKey');
      expect((await consultant.delete(`/api/missions/${tintigny}/self-assessments/${created.id}`)).statusCode).toBe(
        204,
      );
      const before = await rows(t, interviews);
      const revoked = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(revoked.json().error.code).toBe('SELF_ASSESSMENT_REVOKED');
      const unknown = await t.anonymous.get(`/api/self-assessment/${'x'.repeat(43)}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('SELF_ASSESSMENT_INVALID');
      expect(await rows(t, interviews)).toBe(before);
      expect(
        (
          await tintignyViewer.post(`/api/missions/${tintigny}/self-assessments`, {
            resourcePerson: { type: 'citizen' },
          })
        ).statusCode,
      ).toBe(403);
    });

    // From an address of its own: the allowance (30 a minute) is counted per address, so the other tests' requests
    // neither spend it nor find it spent.
    it('rate-limits the public self-assessment routes', async () => {
      const url = `/api/self-assessment/${'r'.repeat(43)}`;
      const get = () => t.anonymous.request({ method: 'GET', url, remoteAddress: '203.0.113.30' });
      const first = await get();
      expect(first.statusCode).toBe(404);
      const remaining = Number(first.headers['x-ratelimit-remaining']);
      expect(Number(first.headers['x-ratelimit-limit'])).toBe(30);
      const codes: number[] = [];
      for (let i = 0; i <= remaining; i++) codes.push((await get()).statusCode);
      expect(codes.slice(0, remaining)).toEqual(Array(remaining).fill(404));
      expect(codes.at(-1)).toBe(429);
      const limited = await get();
      expect(limited.json().error.code).toBe('RATE_LIMITED');
    });
  });
});
