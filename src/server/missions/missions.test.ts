import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../../domain/diagnostic/guides.ts';
import type { MissionOverview } from '../../domain/missions/overview.ts';

// Each test makes its own missions, on communes no other test here uses, so they pass in any order and alone.
describe('missions', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };
  let museumId: string;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
    museumId = (await t.anonymous.get('/api/communes/82003')).json().sites[0].id;
  });
  afterAll(() => t.close());

  it('a consultant opens a mission for a commune, in the diagnostic phase', async () => {
    const response = await consultant.post('/api/missions', {
      title: 'Stratégie Smart d’Arlon',
      communeNis: '81001',
      consultantIds: [consultant.user.id],
      startDate: '2026-01-15',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      title: 'Stratégie Smart d’Arlon',
      phase: 'diagnostic',
      beneficiary: { kind: 'commune', communeNis: '81001', communeName: 'Arlon', siteId: null },
      consultants: [{ id: consultant.user.id }],
      permissions: { edit: true },
    });
  });

  it('a mission can serve a site inside a commune: the Bastogne War Museum', async () => {
    const response = await consultant.post('/api/missions', {
      title: 'Musée connecté',
      communeNis: '82003',
      siteId: museumId,
      consultantIds: [consultant.user.id],
      startDate: '2026-03-01',
    });
    expect(response.json().beneficiary).toEqual({
      kind: 'site',
      communeNis: '82003',
      communeName: 'Bastogne',
      siteId: museumId,
      siteName: 'Bastogne War Museum',
    });
    const wrongCommune = await consultant.post('/api/missions', {
      title: 'X',
      communeNis: '81001',
      siteId: museumId,
      consultantIds: [consultant.user.id],
      startDate: '2026-03-01',
    });
    expect(wrongCommune.json().error.code).toBe('SITE_NOT_IN_COMMUNE');
  });

  it('commune users see only their commune’s missions, read-only', async () => {
    const own = await make.mission(consultant, { communeNis: '85007' });
    const other = await make.mission(consultant, { communeNis: '85009' });
    const editor = await make.signedIn(t, 'commune_editor', '85007');
    const mine = (await editor.get('/api/missions')).json();
    expect(mine.map((m: { id: string }) => m.id)).toEqual([own.id]);
    expect(mine[0].permissions.edit).toBe(false);
    expect((await editor.get(`/api/missions/${other.id}`)).statusCode).toBe(403);
    expect((await editor.patch(`/api/missions/${own.id}`, { phase: 'planning' })).statusCode).toBe(403);
  });

  it('moves a mission to its next phase, audited', async () => {
    const mission = await make.mission(consultant, { communeNis: '84009' });
    const response = await consultant.patch(`/api/missions/${mission.id}`, {
      phase: 'planning',
      endDate: '2026-12-31',
    });
    expect(response.json()).toMatchObject({ phase: 'planning', endDate: '2026-12-31' });
    const admin = await t.login(await t.createUser('agency_admin'));
    const log = (await admin.get(`/api/audit?entityType=mission&entityId=${mission.id}`)).json();
    expect(log.items[0]).toMatchObject({
      action: 'mission.update',
      before: expect.objectContaining({ phase: 'diagnostic' }),
      after: expect.objectContaining({ phase: 'planning' }),
    });
  });

  it('a consultant not in charge of a mission may still edit it; the audit log names who did (decision 006)', async () => {
    const mission = await make.mission(consultant, { communeNis: '84010' });
    const colleagueUser = await t.createUser('consultant');
    const colleague = await t.login(colleagueUser);
    expect(mission.consultants.map((c: { id: string }) => c.id)).not.toContain(colleagueUser.id);
    expect((await colleague.get(`/api/missions/${mission.id}`)).json().permissions).toEqual({ edit: true });
    const response = await colleague.patch(`/api/missions/${mission.id}`, { description: 'Reprise pendant un congé' });
    expect(response.statusCode).toBe(200);
    const admin = await t.login(await t.createUser('agency_admin'));
    const log = (await admin.get(`/api/audit?entityType=mission&entityId=${mission.id}`)).json();
    expect(log.items[0]).toMatchObject({ action: 'mission.update', actorEmail: colleagueUser.email });
  });

  it('refuses bad input: end before start, a commune user as consultant, a merged commune', async () => {
    const editor = await t.createUser('commune_editor', '81004');
    const base = { title: 'X', communeNis: '81004', consultantIds: [consultant.user.id], startDate: '2026-05-01' };
    const dates = await consultant.post('/api/missions', { ...base, endDate: '2026-04-01' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details[0].field).toBe('endDate');
    const notStaff = await consultant.post('/api/missions', { ...base, consultantIds: [editor.id] });
    expect(notStaff.json().error.code).toBe('CONSULTANT_NOT_STAFF');
    const merged = await consultant.post('/api/missions', { ...base, communeNis: '82005' });
    expect(merged.json().error.code).toBe('COMMUNE_MERGED');
    expect((await consultant.get('/api/missions?communeNis=81004')).json()).toEqual([]);
  });

  it('sums up where a mission stands for its overview, with the reader’s rights', async () => {
    const habayEditor = await make.signedIn(t, 'commune_editor', '85046');
    const arlonEditor = await make.signedIn(t, 'commune_editor', '81001');
    const mission = await make.mission(consultant, {
      title: 'Habay Smart',
      communeNis: '85046',
      startDate: '2026-12-01',
    });
    const url = `/api/missions/${mission.id}/overview`;
    const empty = (await consultant.get(url)).json() as MissionOverview;
    expect(empty.diagnostic).toMatchObject({ interviews: 0, completeInterviews: 0, maturity: null });
    expect(empty.strategy).toEqual({ projects: 0, byStatus: { draft: 0, proposed: 0, approved: 0, rejected: 0 } });
    expect(empty.implementation).toMatchObject({ started: false, projects: 0, openAlerts: 0, nextMilestones: [] });

    // Two interviews, one complete at level 3; two SWOT items; two sheets, one approved and followed.
    const questions = questionsInOrder(GUIDE_FR_V1).map(({ question }) => question.key);
    for (const [type, answered] of [
      ['elected_official', questions.length],
      ['citizen', 5],
    ] as const) {
      const interview = await make.interview(consultant, mission.id, {
        resourcePerson: { type },
        date: '2026-12-02',
        interviewer: 'Benoît Consultant',
      });
      const saved = await consultant.patch(`/api/missions/${mission.id}/interviews/${interview.id}`, {
        answers: questions.slice(0, answered).map((questionKey) => ({ questionKey, level: 3 })),
      });
      expect(saved.statusCode, saved.body).toBe(200);
    }
    await make.swotItem(consultant, mission.id, { category: 'strength', text: 'Tissu associatif' });
    await make.swotItem(consultant, mission.id, { category: 'threat', text: 'Vieillissement' });
    const followed = await make.projectSheet(consultant, mission.id, {
      title: 'Éclairage public intelligent',
      status: 'approved',
    });
    await make.projectSheet(consultant, mission.id, { title: 'Guichet numérique', status: 'draft' });
    await consultant.patch(`/api/missions/${mission.id}`, { phase: 'implementation' });
    const milestone = await consultant.post(`/api/implementation/projects/${followed.id}/milestones`, {
      title: 'Cahier des charges',
      dueDate: '2027-03-31',
      owner: null,
      doneDate: null,
    });
    expect(milestone.statusCode, milestone.body).toBe(201);

    const overview = (await consultant.get(url)).json() as MissionOverview;
    expect(overview.diagnostic).toMatchObject({
      interviews: 2,
      completeInterviews: 1,
      selfAssessments: 0,
      maturity: { mean: 3, scaleMax: 4 },
      swot: { strength: 1, weakness: 0, opportunity: 0, threat: 1 },
    });
    expect(overview.strategy).toEqual({ projects: 2, byStatus: { draft: 1, proposed: 0, approved: 1, rejected: 0 } });
    expect(overview.implementation).toMatchObject({
      started: true,
      projects: 1,
      byStatus: { planned: 1 },
      nextMilestones: [
        { projectTitle: 'Éclairage public intelligent', title: 'Cahier des charges', dueDate: '2027-03-31' },
      ],
    });
    // The commune reads its own mission's overview; another commune is refused.
    expect((await habayEditor.get(url)).json()).toMatchObject({ diagnostic: { interviews: 2 } });
    expect((await arlonEditor.get(url)).statusCode).toBe(403);
  });
});
