import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mission, projectSheet, signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { communeTeam, followedProject } from './followed-project.test-support.ts';

/** The follow-up of a project: who may open what, statuses, the commune's updates, milestones, indicators, documents. */
describe('implementation: the follow-up of a project', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
  });
  afterAll(() => t.close());

  it('says what each user may open in the implementation area, from the policy', async () => {
    const area = async (client: Client) => (await client.get('/api/implementation/area')).json().permissions;
    expect(await area(await signedIn(t, 'agency_admin'))).toEqual({
      dashboard: true,
      editThresholds: true,
      notices: true,
    });
    expect(await area(await signedIn(t, 'consultant'))).toEqual({
      dashboard: true,
      editThresholds: false,
      notices: false,
    });
    expect(await area(await signedIn(t, 'commune_editor', '84077'))).toEqual({
      dashboard: false,
      editThresholds: false,
      notices: false,
    });
    expect((await t.anonymous.get('/api/implementation/area')).statusCode).toBe(401);
  });

  it('follows only approved sheets, and only once the mission is in implementation', async () => {
    const consultant = await signedIn(t, 'consultant');
    const { id: missionId } = await mission(consultant, { communeNis: '84077', phase: 'planning' });
    const { id: projectId } = await projectSheet(consultant, missionId, {
      title: 'Éclairage public intelligent',
      investmentCost: 180_000,
      status: 'approved',
    });
    await projectSheet(consultant, missionId, { title: 'Brouillon' });
    const before = await consultant.get(`/api/missions/${missionId}/implementation`);
    expect(before.json()).toMatchObject({ started: false, projects: [{ title: 'Éclairage public intelligent' }] });
    const refused = await consultant.post(`/api/implementation/projects/${projectId}/status`, {
      status: 'procurement',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPLEMENTATION_NOT_STARTED');
    expect((await consultant.patch(`/api/missions/${missionId}`, { phase: 'implementation' })).statusCode).toBe(200);
    const after = (await consultant.get(`/api/missions/${missionId}/implementation`)).json();
    expect(after.started).toBe(true);
    expect(after.projects).toHaveLength(1);
    expect(after.projects[0]).toMatchObject({ status: 'planned', progress: 0 });
  });

  it('moves a project through its statuses, refusing jumps and asking a reason to suspend', async () => {
    const consultant = await signedIn(t, 'consultant');
    const { projectId } = await followedProject(consultant, '84009');
    const status = (body: unknown) => consultant.post(`/api/implementation/projects/${projectId}/status`, body);
    const jump = await status({ status: 'delivered' });
    expect(jump.statusCode).toBe(422);
    expect(jump.json().error).toMatchObject({ code: 'STATUS_TRANSITION_NOT_ALLOWED' });
    expect(jump.json().error.message).toMatch(/pas permis/);

    const noReason = await status({ status: 'suspended' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('STATUS_REASON_REQUIRED');

    for (const next of ['procurement', 'in-progress']) {
      const r = await status({ status: next });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status).toBe(next);
    }
    const suspended = await status({ status: 'suspended', reason: 'Subside en attente' });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: 'Subside en attente' });
    await status({ status: 'in-progress' });
    const history = (await consultant.get(`/api/implementation/projects/${projectId}`)).json().history;
    expect(history.map((h: { summary: string }) => h.summary)).toEqual([
      'Statut : suspendu → en cours',
      'Statut : en cours → suspendu (Subside en attente)',
      'Statut : en marché public → en cours',
      'Statut : prévu → en marché public',
    ]);
    expect(history[0].actor).toBe('Test consultant');
  });

  it('lets the commune’s editor update its follow-up; viewers and other communes cannot', async () => {
    const { consultant, editor, viewer } = await communeTeam(t, '84010');
    const otherEditor = await signedIn(t, 'commune_editor', '81001');
    const { projectId } = await followedProject(consultant, '84010');
    const url = `/api/implementation/projects/${projectId}`;
    const update = { progress: 35, budget: [{ year: 2026, planned: 100_000, committed: 60_000, spent: 20_000 }] };
    const own = await editor.patch(url, update);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ progress: 35, budgetTotals: { planned: 100_000, committed: 60_000 } });
    expect(own.json().permissions).toEqual({ edit: true, procurement: false, publish: true });
    expect((await viewer.patch(url, update)).statusCode).toBe(403);
    expect((await viewer.get(url)).statusCode).toBe(200);
    const other = await otherEditor.patch(url, update);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
    expect((await otherEditor.get(url)).statusCode).toBe(403);
    const twice = await editor.patch(url, { budget: [update.budget[0], update.budget[0]] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toMatch(/deux fois/);
    expect((await viewer.get(url)).json()).toMatchObject({ progress: 35, budgetTotals: { planned: 100_000 } });
  });

  it('records milestones, indicators with measurements, and documents up to the size limit', async () => {
    const { consultant, editor, viewer } = await communeTeam(t, '84016');
    const otherEditor = await signedIn(t, 'commune_editor', '81001');
    const { projectId } = await followedProject(consultant, '84016');
    const m = await editor.post(`/api/implementation/projects/${projectId}/milestones`, {
      title: 'Pose des contrôleurs',
      dueDate: '2026-06-30',
      owner: 'Service travaux',
      doneDate: null,
    });
    expect(m.statusCode, m.body).toBe(201);
    const i = await consultant.post(`/api/implementation/projects/${projectId}/indicators`, {
      name: 'Consommation',
      unit: 'MWh/an',
      baseline: 420,
      target: 250,
    });
    const indicatorId = i.json().indicators[0].id;
    await editor.post(`/api/implementation/indicators/${indicatorId}/measurements`, { date: '2026-02-28', value: 400 });
    const state = (
      await editor.post(`/api/implementation/indicators/${indicatorId}/measurements`, {
        date: '2026-01-31',
        value: 415,
      })
    ).json();
    expect(state.indicators[0].measurements.map((x: { value: number }) => x.value)).toEqual([415, 400]);

    const file = await editor.post(`/api/implementation/projects/${projectId}/documents`, {
      kind: 'file',
      name: 'pv-reception.txt',
      mimeType: 'text/plain',
      contentBase64: Buffer.from('Procès-verbal').toString('base64'),
    });
    expect(file.statusCode, file.body).toBe(201);
    const doc = file.json().documents[0];
    const download = await viewer.get(`/api/implementation/documents/${doc.id}`);
    expect(download.body).toBe('Procès-verbal');
    expect(download.headers['content-disposition']).toContain('pv-reception.txt');
    const tooBig = await editor.post(`/api/implementation/projects/${projectId}/documents`, {
      kind: 'file',
      name: 'gros.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.alloc(600 * 1024).toString('base64'),
    });
    expect(tooBig.statusCode).toBe(400);
    expect((await otherEditor.get(`/api/implementation/documents/${doc.id}`)).statusCode).toBe(403);
  });

  it('edits a milestone, an indicator and its measurements, with history and audit', async () => {
    const { consultant, editor, viewer } = await communeTeam(t, '84029');
    const otherEditor = await signedIn(t, 'commune_editor', '81001');
    const { projectId } = await followedProject(consultant, '84029');
    const added = (
      await editor.post(`/api/implementation/projects/${projectId}/milestones`, {
        title: 'Étude',
        dueDate: '2026-05-15',
        owner: null,
        doneDate: null,
      })
    ).json();
    const milestoneId = added.milestones.find((m: { title: string }) => m.title === 'Étude').id;
    const moved = await editor.put(`/api/implementation/milestones/${milestoneId}`, {
      title: 'Étude de faisabilité',
      dueDate: '2026-05-29',
      owner: 'Bureau d’études',
      doneDate: null,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().milestones.find((m: { id: string }) => m.id === milestoneId)).toMatchObject({
      title: 'Étude de faisabilité',
      dueDate: '2026-05-29',
      owner: 'Bureau d’études',
    });

    const created = (
      await editor.post(`/api/implementation/projects/${projectId}/indicators`, {
        name: 'Points lumineux',
        unit: 'points',
        baseline: 0,
        target: 300,
      })
    ).json();
    const indicatorId = created.indicators.find((i: { name: string }) => i.name === 'Points lumineux').id;
    const edited = await editor.put(`/api/implementation/indicators/${indicatorId}`, {
      name: 'Points lumineux LED',
      unit: 'points',
      baseline: 10,
      target: 320,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const measured = (
      await editor.post(`/api/implementation/indicators/${indicatorId}/measurements`, { date: '2026-02-27', value: 50 })
    ).json();
    const indicator = measured.indicators.find((i: { id: string }) => i.id === indicatorId);
    expect(indicator).toMatchObject({ name: 'Points lumineux LED', baseline: 10, target: 320 });
    const measurementId = indicator.measurements[0].id;
    const corrected = await editor.put(`/api/implementation/measurements/${measurementId}`, {
      date: '2026-02-28',
      value: 55,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().indicators.find((i: { id: string }) => i.id === indicatorId).measurements).toEqual([
      { id: measurementId, date: '2026-02-28', value: 55 },
    ]);
    // Another commune's editor and a viewer cannot; a bad value is refused and nothing changes.
    expect(
      (await otherEditor.put(`/api/implementation/measurements/${measurementId}`, { date: '2026-02-28', value: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await viewer.delete(`/api/implementation/measurements/${measurementId}`)).statusCode).toBe(403);
    const bad = await editor.put(`/api/implementation/indicators/${indicatorId}`, {
      name: '',
      unit: 'points',
      baseline: 1,
      target: 2,
    });
    expect(bad.statusCode).toBe(400);
    const removed = await editor.delete(`/api/implementation/measurements/${measurementId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const after = removed.json();
    expect(after.indicators.find((i: { id: string }) => i.id === indicatorId)).toMatchObject({
      name: 'Points lumineux LED',
      measurements: [],
    });
    expect((await editor.delete(`/api/implementation/measurements/${measurementId}`)).statusCode).toBe(404);
    const summaries = after.history.map((h: { summary: string }) => h.summary);
    expect(summaries.slice(0, 5)).toEqual([
      'Mesure « Points lumineux LED » supprimée : 55 points le 28/02/2026',
      'Mesure « Points lumineux LED » corrigée : 50 points le 27/02/2026 → 55 points le 28/02/2026',
      'Mesure « Points lumineux LED » : 50 points le 27/02/2026',
      'Indicateur modifié : « Points lumineux LED » (10 → 320 points), anciennement « Points lumineux »',
      'Indicateur ajouté : « Points lumineux » (0 → 300 points)',
    ]);
    expect(summaries).toContain('Jalon modifié : « Étude de faisabilité » pour le 29/05/2026');
    // Each line keeps its facts, for the UI to word them in the reader's language.
    expect(after.history[0]).toMatchObject({
      action: 'implementation.measurement.delete',
      params: { name: 'Points lumineux LED', unit: 'points', value: 55, date: '2026-02-28' },
    });
    await editor.delete(`/api/implementation/milestones/${milestoneId}`);
    await editor.delete(`/api/implementation/indicators/${indicatorId}`);
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: measurementId, page: 1, pageSize: 50 }),
    );
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'implementation.measurement.create',
      'implementation.measurement.delete',
      'implementation.measurement.update',
    ]);
  });
});
