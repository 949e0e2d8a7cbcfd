import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  type CommuneTeam,
  communeTeam,
  followedProject,
  procurementFile,
  type SignedIn,
} from './followed-project.test-support.ts';

/** What the follow-up gives beyond one project: alerts and their notices, the province dashboard, the public page. */
describe('implementation: alerts, the province dashboard and the public page', () => {
  let t: TestApp;
  let clock = new Date('2026-03-02T09:00:00Z');
  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
  });
  afterAll(() => t.close());

  /** Moving the clock by months ends the sessions: the test's people sign in again. */
  async function moveClock<T extends Record<string, Client | string>>(to: string, people: T): Promise<T> {
    clock = new Date(to);
    const again = { ...people };
    for (const [key, client] of Object.entries(people)) {
      if (typeof client !== 'string' && client.user)
        (again as Record<string, unknown>)[key] = await t.login(client.user);
    }
    return again;
  }

  /**
   * A project in progress on 2 March 2026 with three things that are late by July: a milestone due at the end of
   * June, a publication planned on 10 March, and (once `overspend` is applied) more committed than planned.
   */
  async function projectLateByJuly(team: CommuneTeam, title = 'Éclairage public intelligent') {
    clock = new Date('2026-03-02T09:00:00Z');
    const { projectId } = await followedProject(team.consultant, team.communeNis, { title });
    const url = `/api/implementation/projects/${projectId}`;
    for (const status of ['procurement', 'in-progress']) await team.consultant.post(`${url}/status`, { status });
    await team.editor.post(`${url}/milestones`, {
      title: 'Pose des contrôleurs',
      dueDate: '2026-06-30',
      owner: 'Service travaux',
      doneDate: null,
    });
    const file = procurementFile({
      steps: [
        { step: 'specifications', plannedDate: '2026-02-15', actualDate: '2026-02-20' },
        { step: 'publication', plannedDate: '2026-03-10' },
      ],
    });
    expect((await team.consultant.put(`${url}/procurement`, file)).statusCode).toBe(200);
    const overspend = (editor: SignedIn) =>
      editor.patch(url, { budget: [{ year: 2026, planned: 100_000, committed: 130_000, spent: 20_000 }] });
    return { projectId, overspend };
  }

  it('raises alerts when the clock passes a date, and notices them once (log without SMTP)', async () => {
    clock = new Date('2026-03-02T09:00:00Z');
    const team = await communeTeam(t, '84077');
    const { overspend } = await projectLateByJuly(team);
    expect((await team.editor.get('/api/implementation/alerts')).json().alerts).toEqual([]);
    const { editor, viewer, admin, otherEditor } = await moveClock('2026-07-02T09:00:00Z', {
      editor: team.editor,
      viewer: team.viewer,
      admin: await signedIn(t, 'agency_admin'),
      otherEditor: await signedIn(t, 'commune_editor', '81001'),
    });
    const alerts = (await editor.get('/api/implementation/alerts')).json();
    expect(alerts.today).toBe('2026-07-02');
    expect(alerts.alerts.map((a: { kind: string; subject: string }) => [a.kind, a.subject])).toEqual([
      ['milestone-late', 'Pose des contrôleurs'],
      ['procurement-step-overdue', 'publication'],
    ]);
    expect((await otherEditor.get('/api/implementation/alerts')).json().alerts).toEqual([]);
    await overspend(editor as SignedIn);
    const over = (await viewer.get('/api/implementation/alerts')).json().alerts;
    expect(over.find((a: { kind: string }) => a.kind === 'budget-over-plan')).toMatchObject({ amountOver: 30_000 });

    await editor.put('/api/account/notifications', { alertEmails: true, weeklyDigest: true });
    const first = await admin.post('/api/implementation/notices/run');
    expect(first.json().alertNotices).toBeGreaterThanOrEqual(3);
    const second = (await admin.post('/api/implementation/notices/run')).json();
    expect(second).toEqual({ alertNotices: 0, digests: 0 });
    const log = (await admin.get('/api/implementation/notices')).json();
    const toEditor = log.filter((n: { email: string }) => n.email === editor.user!.email);
    expect(toEditor.map((n: { kind: string }) => n.kind).sort()).toEqual(['alert', 'digest']);
    expect(toEditor[0].transport).toBe('log');
    expect(toEditor.find((n: { kind: string }) => n.kind === 'alert').body).toContain('Pose des contrôleurs');
    expect(log.some((n: { email: string }) => n.email === otherEditor.user!.email)).toBe(false);
    const later = await moveClock('2026-07-09T10:00:00Z', { admin });
    expect((await later.admin.post('/api/implementation/notices/run')).json().digests).toBe(1);
  });

  it('shows the province dashboard with filters, and exports it', async () => {
    // Tintigny is the only commune of the arrondissement of Virton that this file's tests use.
    const team = await communeTeam(t, '85039');
    const { overspend } = await projectLateByJuly(team, 'Éclairage public de Tintigny');
    const { consultant, editor } = await moveClock('2026-07-02T09:00:00Z', {
      consultant: team.consultant,
      editor: team.editor,
    });
    await overspend(editor as SignedIn);
    const dashboard = (await consultant.get('/api/implementation/dashboard?arrondissement=Virton')).json();
    expect(dashboard.projectsByStatus).toEqual({ 'in-progress': 1 });
    expect(dashboard.missionsByPhase.implementation).toBe(1);
    expect(dashboard.communes.find((c: { nisCode: string }) => c.nisCode === '85039')).toMatchObject({
      projects: 1,
      late: 3,
    });
    const filtered = (await consultant.get('/api/implementation/dashboard?arrondissement=Arlon')).json();
    expect(filtered.projects).toEqual([]);
    const byDimension = (await consultant.get('/api/implementation/dashboard?dimension=mobility')).json();
    expect(byDimension.projects).toEqual([]);
    expect((await editor.get('/api/implementation/dashboard')).statusCode).toBe(403);
    const titles = await exportedTitles(consultant);
    expect(titles).toContain('Éclairage public de Tintigny');
  });

  it('publishes a project on the public page, without personal data', async () => {
    clock = new Date('2026-03-02T09:00:00Z');
    const hotton = '83028';
    const { consultant, editor, viewer } = await communeTeam(t, hotton);
    const { projectId } = await followedProject(consultant, hotton);
    const url = `/api/implementation/projects/${projectId}`;
    for (const status of ['procurement', 'in-progress']) await consultant.post(`${url}/status`, { status });
    await editor.post(`${url}/milestones`, {
      title: 'Pose des contrôleurs',
      dueDate: '2026-06-30',
      owner: 'Service travaux',
      doneDate: null,
    });
    expect((await t.anonymous.get(`/api/public/communes/${hotton}/progress`)).json().projects).toEqual([]);
    expect((await viewer.put(`${url}/publication`, { published: true })).statusCode).toBe(403);
    const published = await editor.put(`${url}/publication`, { published: true });
    expect(published.statusCode).toBe(200);
    const page = await t.anonymous.get(`/api/public/communes/${hotton}/progress`);
    expect(page.json().projects).toHaveLength(1);
    expect(page.json().projects[0]).toMatchObject({ title: 'Éclairage public intelligent', status: 'in-progress' });
    expect(page.body).not.toContain('Service travaux');
    expect(page.body).not.toContain('Test');
    const history = (await viewer.get(url)).json().history;
    expect(history[0].summary).toMatch(/Publié/);
    expect((await t.anonymous.get('/api/public/communes/99999/progress')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/public/progress')).json()).toEqual([
      { nisCode: hotton, name: 'Hotton', projects: 1 },
    ]);
  });

  it('exports a title that looks like a formula as plain text', async () => {
    clock = new Date('2026-03-02T09:00:00Z');
    const consultant = await signedIn(t, 'consultant');
    await followedProject(consultant, '83040', { title: '=HYPERLINK("http://evil.example","clic")' });
    expect(await exportedTitles(consultant)).toContain('\'=HYPERLINK("http://evil.example","clic")');
  });

  async function exportedTitles(consultant: Client): Promise<unknown[]> {
    const xlsx = await consultant.get('/api/implementation/dashboard.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const titles: unknown[] = [];
    workbook.getWorksheet('Projets')!.eachRow((row) => titles.push(row.getCell(2).value));
    return titles;
  }
});
