import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ProjectSheetCreateInput } from '../../domain/strategy/project-sheets.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const LIBRAMONT = '84077';
const ARLON = '81001';

describe('implementation: follow-up, procurement, alerts, dashboard, public page', () => {
  let t: TestApp;
  let clock = new Date('2026-03-02T09:00:00Z');
  let consultant: Client;
  let admin: Client;
  let editor: Client;
  let viewer: Client;
  let otherEditor: Client;
  const users: Record<string, Awaited<ReturnType<TestApp['createUser']>>> = {};
  /** Moving the clock by months ends the sessions: everyone signs in again. */
  const moveClock = async (to: string) => {
    clock = new Date(to);
    consultant = await t.login(users.consultant!);
    admin = await t.login(users.admin!);
    editor = await t.login(users.editor!);
    viewer = await t.login(users.viewer!);
    otherEditor = await t.login(users.otherEditor!);
  };
  let missionId: string;
  let projectId: string;

  const newProject = async (title: string, dimensions: string[] = ['environment']) =>
    (
      await t.app.services.strategy.sheets.createProject(
        CLI_CONTEXT,
        missionId,
        ProjectSheetCreateInput.parse({ title, investmentCost: 180_000, status: 'approved', dimensions }),
      )
    ).id;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    const consultantUser = await t.createUser('consultant');
    users.consultant = consultantUser;
    users.admin = await t.createUser('agency_admin');
    users.editor = await t.createUser('commune_editor', LIBRAMONT);
    users.viewer = await t.createUser('commune_viewer', LIBRAMONT);
    users.otherEditor = await t.createUser('commune_editor', ARLON);
    await moveClock('2026-03-02T09:00:00Z');
    const mission = await t.app.services.missions.create(CLI_CONTEXT, {
      title: 'Libramont-Chevigny Smart',
      communeNis: LIBRAMONT,
      consultantIds: [consultantUser.id],
      startDate: '2026-01-15',
    });
    missionId = mission.id;
    projectId = await newProject('Éclairage public intelligent');
    // A draft sheet is not followed.
    await t.app.services.strategy.sheets.createProject(
      CLI_CONTEXT,
      missionId,
      ProjectSheetCreateInput.parse({ title: 'Brouillon' }),
    );
  });
  afterAll(() => t.close());

  it('says what each user may open in the implementation area, from the policy', async () => {
    const area = async (client: Client) => (await client.get('/api/implementation/area')).json().permissions;
    expect(await area(admin)).toEqual({ dashboard: true, editThresholds: true, notices: true });
    expect(await area(consultant)).toEqual({ dashboard: true, editThresholds: false, notices: false });
    expect(await area(editor)).toEqual({ dashboard: false, editThresholds: false, notices: false });
    expect((await t.anonymous.get('/api/implementation/area')).statusCode).toBe(401);
  });

  it('follows only approved sheets, and only once the mission is in implementation', async () => {
    const before = await consultant.get(`/api/missions/${missionId}/implementation`);
    expect(before.json()).toMatchObject({ started: false, projects: [{ title: 'Éclairage public intelligent' }] });
    const refused = await consultant.post(`/api/implementation/projects/${projectId}/status`, {
      status: 'procurement',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPLEMENTATION_NOT_STARTED');
    await t.app.services.missions.update(CLI_CONTEXT, missionId, { phase: 'implementation' });
    const after = (await consultant.get(`/api/missions/${missionId}/implementation`)).json();
    expect(after.started).toBe(true);
    expect(after.projects).toHaveLength(1);
    expect(after.projects[0]).toMatchObject({ status: 'planned', progress: 0 });
  });

  it('moves a project through its statuses, refusing jumps and asking a reason to suspend', async () => {
    const jump = await consultant.post(`/api/implementation/projects/${projectId}/status`, { status: 'delivered' });
    expect(jump.statusCode).toBe(422);
    expect(jump.json().error).toMatchObject({ code: 'STATUS_TRANSITION_NOT_ALLOWED' });
    expect(jump.json().error.message).toMatch(/pas permis/);

    const noReason = await consultant.post(`/api/implementation/projects/${projectId}/status`, { status: 'suspended' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.code).toBe('STATUS_REASON_REQUIRED');

    for (const status of ['procurement', 'in-progress']) {
      const r = await consultant.post(`/api/implementation/projects/${projectId}/status`, { status });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().status).toBe(status);
    }
    const suspended = await consultant.post(`/api/implementation/projects/${projectId}/status`, {
      status: 'suspended',
      reason: 'Subside en attente',
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended', statusReason: 'Subside en attente' });
    await consultant.post(`/api/implementation/projects/${projectId}/status`, { status: 'in-progress' });
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
    const update = { progress: 35, budget: [{ year: 2026, planned: 100_000, committed: 60_000, spent: 20_000 }] };
    const own = await editor.patch(`/api/implementation/projects/${projectId}`, update);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ progress: 35, budgetTotals: { planned: 100_000, committed: 60_000 } });
    expect(own.json().permissions).toEqual({ edit: true, procurement: false, publish: true });
    expect((await viewer.patch(`/api/implementation/projects/${projectId}`, update)).statusCode).toBe(403);
    expect((await viewer.get(`/api/implementation/projects/${projectId}`)).statusCode).toBe(200);
    const other = await otherEditor.patch(`/api/implementation/projects/${projectId}`, update);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
    expect((await otherEditor.get(`/api/implementation/projects/${projectId}`)).statusCode).toBe(403);
    const twice = await editor.patch(`/api/implementation/projects/${projectId}`, {
      budget: [update.budget[0], update.budget[0]],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toMatch(/deux fois/);
  });

  it('records milestones, indicators with measurements, and documents up to the size limit', async () => {
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

  it('proposes procedures with the thresholds in force on the launch date', async () => {
    const advice = async (date: string) =>
      (
        await consultant.get(
          `/api/implementation/projects/${projectId}/procurement/advice?nature=supplies&estimatedAmountExclVat=141000&launchDate=${date}`,
        )
      ).json();
    const in2025 = await advice('2025-11-01');
    const in2026 = await advice('2026-03-01');
    const allowed = (a: { proposals: { procedure: string; allowed: boolean }[] }) =>
      a.proposals.find((p) => p.procedure === 'negotiated-without-publication')!.allowed;
    expect(in2025.period.validFrom).toBe('2024-01-01');
    expect(allowed(in2025)).toBe(true); // below 143 000 €
    expect(in2026.period.validFrom).toBe('2026-01-01');
    expect(allowed(in2026)).toBe(false); // not below 140 000 €
    const none = await consultant.get(
      `/api/implementation/projects/${projectId}/procurement/advice?nature=supplies&estimatedAmountExclVat=1000&launchDate=2030-01-01`,
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('THRESHOLD_PERIOD_NOT_FOUND');
  });

  it('keeps the procurement file, refuses a procedure the amount excludes, and exports OCDS', async () => {
    const file = {
      nature: 'supplies',
      estimatedAmountExclVat: 180_000,
      launchDate: '2026-03-01',
      procedure: 'low-value',
      framework: null,
      reference: 'CSC 2026-F-012',
      steps: [],
      vendorName: null,
      vendorEnterpriseNumber: null,
      awardAmountExclVat: null,
    };
    const wrong = await consultant.put(`/api/implementation/projects/${projectId}/procurement`, file);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('PROCEDURE_NOT_ALLOWED');
    expect((await editor.put(`/api/implementation/projects/${projectId}/procurement`, file)).statusCode).toBe(403);
    const saved = await consultant.put(`/api/implementation/projects/${projectId}/procurement`, {
      ...file,
      procedure: 'negotiated-direct-with-publication',
      steps: [
        { step: 'specifications', plannedDate: '2026-02-15', actualDate: '2026-02-20' },
        { step: 'publication', plannedDate: '2026-03-10' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().procurement).toMatchObject({ nextStep: 'publication', validation: { valid: true } });
    const ocds = await viewer.get(`/api/implementation/projects/${projectId}/procurement/ocds`);
    expect(ocds.statusCode).toBe(200);
    const pkg = JSON.parse(ocds.body);
    expect(pkg.releases[0].ocid).toBe(`ocds-sr0001-${projectId}`);
    expect(pkg.releases.at(-1).tender.procurementMethod).toBe('open');
    expect(pkg.releases.at(-1).tender.value).toEqual({ amount: 180_000, currency: 'EUR' });
  });

  it('raises alerts when the clock passes a date, and notices them once (log without SMTP)', async () => {
    expect((await consultant.get('/api/implementation/alerts')).json().alerts).toEqual([]);
    await moveClock('2026-07-02T09:00:00Z');
    const alerts = (await editor.get('/api/implementation/alerts')).json();
    expect(alerts.today).toBe('2026-07-02');
    expect(alerts.alerts.map((a: { kind: string; subject: string }) => [a.kind, a.subject])).toEqual([
      ['milestone-late', 'Pose des contrôleurs'],
      ['procurement-step-overdue', 'publication'],
    ]);
    expect((await otherEditor.get('/api/implementation/alerts')).json().alerts).toEqual([]);
    await editor.patch(`/api/implementation/projects/${projectId}`, {
      budget: [{ year: 2026, planned: 100_000, committed: 130_000, spent: 20_000 }],
    });
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
    await moveClock('2026-07-09T10:00:00Z');
    expect((await admin.post('/api/implementation/notices/run')).json().digests).toBe(1);
  });

  it('lets an admin edit the thresholds, validated and audited', async () => {
    const current = (await admin.get('/api/implementation/thresholds')).json();
    expect(current.map((p: { validFrom: string }) => p.validFrom)).toEqual(['2024-01-01', '2026-01-01']);
    const table = current.map(({ updatedAt: _, ...p }: { updatedAt: string }) => p);
    const overlapping = structuredClone(table);
    overlapping[1].validFrom = '2025-06-01';
    const refused = await admin.put('/api/implementation/thresholds', overlapping);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/chevauchent/);
    const disordered = structuredClone(table);
    disordered[1].values.lowValue = 200_000;
    expect((await admin.put('/api/implementation/thresholds', disordered)).statusCode).toBe(400);
    const edited = structuredClone(table);
    edited[1].values.lowValue = 31_000;
    const ok = await admin.put('/api/implementation/thresholds', edited);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()[1].values.lowValue).toBe(31_000);
    const audit = (await admin.get('/api/audit?action=procurement_thresholds.update')).json();
    expect(JSON.stringify(audit)).toContain('31000');
    expect((await consultant.put('/api/implementation/thresholds', edited)).statusCode).toBe(403);
  });

  it('deletes a period of thresholds only at the ends of the table and never the one in force today', async () => {
    const table = (await admin.get('/api/implementation/thresholds'))
      .json()
      .map(({ updatedAt: _, ...p }: { updatedAt: string }) => p);
    const today = (await admin.get('/api/implementation/alerts')).json().today as string;
    const inForce = table.find(
      (p: { validFrom: string; validTo: string }) => p.validFrom <= today && today <= p.validTo,
    );
    const later = { ...structuredClone(table.at(-1)), validFrom: '2030-01-01', validTo: '2031-12-31' };
    const muchLater = { ...structuredClone(table.at(-1)), validFrom: '2032-01-01', validTo: '2033-12-31' };
    expect((await admin.put('/api/implementation/thresholds', [...table, later, muchLater])).statusCode).toBe(200);

    const current = await admin.delete(`/api/implementation/thresholds/${inForce.validFrom}`);
    expect(current.statusCode).toBe(422);
    expect(current.json().error).toMatchObject({ code: 'THRESHOLD_PERIOD_IN_FORCE' });
    expect(current.json().error.message).toMatch(/en vigueur aujourd’hui/);
    const gap = await admin.delete('/api/implementation/thresholds/2030-01-01');
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.code).toBe('THRESHOLD_PERIOD_LEAVES_GAP');
    expect((await admin.delete('/api/implementation/thresholds/2029-02-03')).statusCode).toBe(404);
    expect((await consultant.delete('/api/implementation/thresholds/2032-01-01')).statusCode).toBe(403);
    expect((await admin.get('/api/implementation/thresholds')).json()).toHaveLength(table.length + 2);

    for (const from of ['2032-01-01', '2030-01-01']) {
      const ok = await admin.delete(`/api/implementation/thresholds/${from}`);
      expect(ok.statusCode, ok.body).toBe(200);
    }
    const after = (await admin.get('/api/implementation/thresholds')).json();
    expect(after.map((p: { validFrom: string }) => p.validFrom)).toEqual(
      table.map((p: { validFrom: string }) => p.validFrom),
    );
    const audit = (await admin.get('/api/audit?action=procurement_thresholds.delete')).json();
    expect(JSON.stringify(audit)).toContain('2030-01-01');
  });

  it('shows the province dashboard with filters, and exports it', async () => {
    const dashboard = (await consultant.get('/api/implementation/dashboard')).json();
    expect(dashboard.projectsByStatus).toEqual({ 'in-progress': 1 });
    expect(dashboard.missionsByPhase.implementation).toBe(1);
    expect(dashboard.communes.find((c: { nisCode: string }) => c.nisCode === LIBRAMONT)).toMatchObject({
      projects: 1,
      late: 3,
    });
    const filtered = (await consultant.get('/api/implementation/dashboard?arrondissement=Arlon')).json();
    expect(filtered.projects).toEqual([]);
    const byDimension = (await consultant.get('/api/implementation/dashboard?dimension=mobility')).json();
    expect(byDimension.projects).toEqual([]);
    expect((await editor.get('/api/implementation/dashboard')).statusCode).toBe(403);
    const xlsx = await consultant.get('/api/implementation/dashboard.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    expect(workbook.getWorksheet('Projets')!.getRow(2).getCell(2).value).toBe('Éclairage public intelligent');
  });

  it('publishes a project on the public page, without personal data', async () => {
    expect((await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/progress`)).json().projects).toEqual([]);
    expect(
      (await viewer.put(`/api/implementation/projects/${projectId}/publication`, { published: true })).statusCode,
    ).toBe(403);
    const published = await editor.put(`/api/implementation/projects/${projectId}/publication`, { published: true });
    expect(published.statusCode).toBe(200);
    const page = await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/progress`);
    expect(page.json().projects).toHaveLength(1);
    expect(page.json().projects[0]).toMatchObject({ title: 'Éclairage public intelligent', status: 'in-progress' });
    expect(page.body).not.toContain('Service travaux');
    expect(page.body).not.toContain('Test');
    const history = (await viewer.get(`/api/implementation/projects/${projectId}`)).json().history;
    expect(history[0].summary).toMatch(/Publié/);
    expect((await t.anonymous.get('/api/public/communes/99999/progress')).statusCode).toBe(404);
    expect((await t.anonymous.get('/api/public/progress')).json()).toEqual([
      { nisCode: LIBRAMONT, name: 'Libramont-Chevigny', projects: 1 },
    ]);
  });

  it('names the field of bad input, writes nothing on a refused change, and is documented in OpenAPI', async () => {
    const before = (await consultant.get(`/api/implementation/projects/${projectId}`)).json().history.length;
    const bad = await consultant.post(`/api/implementation/projects/${projectId}/milestones`, {
      title: 'Réception',
      dueDate: '30/09/2026',
      owner: null,
      doneDate: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('dueDate');
    const outOfOrder = await consultant.put(`/api/implementation/projects/${projectId}/procurement`, {
      nature: 'supplies',
      estimatedAmountExclVat: 20_000,
      launchDate: '2026-03-01',
      procedure: 'low-value',
      framework: null,
      reference: null,
      steps: [
        { step: 'specifications', actualDate: '2026-03-10' },
        { step: 'offers-received', actualDate: '2026-03-01' },
      ],
      vendorName: null,
      vendorEnterpriseNumber: null,
      awardAmountExclVat: null,
    });
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().error.message).toMatch(/précède/);
    const after = (await consultant.get(`/api/implementation/projects/${projectId}`)).json();
    expect(after.history).toHaveLength(before);
    expect(after.procurement.procedure).toBe('negotiated-direct-with-publication');
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(spec.paths['/api/implementation/projects/{id}/procurement'].put.requestBody).toBeDefined();
    expect(spec.paths['/api/public/communes/{nisCode}/progress'].get).toBeDefined();
  });

  it('exports a title that looks like a formula as plain text', async () => {
    await newProject('=HYPERLINK("http://evil.example","clic")');
    const xlsx = await consultant.get('/api/implementation/dashboard.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const titles: unknown[] = [];
    workbook.getWorksheet('Projets')!.eachRow((row) => titles.push(row.getCell(2).value));
    expect(titles).toContain('\'=HYPERLINK("http://evil.example","clic")');
  });

  it('proposes a call-off for a listed solution in its framework lot, and refuses one the lot does not offer', async () => {
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-01-10T00:00:00Z'));
    const listed = await t.app.services.catalogue.list(CLI_CONTEXT.actor, { status: ['listed'] });
    const lumigest = listed.find((s) => s.name === 'LumiGest')!;
    const guichet = listed.find((s) => s.name === 'Guichet Citoyen')!;
    const lot2 = lumigest.lots[0]!.lotId;
    const advice = await consultant.get(
      `/api/implementation/projects/${projectId}/procurement/advice?nature=supplies&estimatedAmountExclVat=60000` +
        `&launchDate=2026-04-01&frameworkSolutionId=${lumigest.id}&frameworkLotId=${lot2}`,
    );
    expect(advice.statusCode, advice.body).toBe(200);
    const callOff = advice.json().proposals.find((p: { procedure: string }) => p.procedure === 'framework-call-off');
    expect(callOff).toMatchObject({ allowed: true, recommended: true });
    expect(callOff.reasonFr).toContain('« LumiGest » figure au lot « 2 (Territoire connecté), accord-cadre');

    const file = {
      nature: 'supplies',
      estimatedAmountExclVat: 60_000,
      launchDate: '2026-04-01',
      procedure: 'framework-call-off',
      framework: { solutionId: guichet.id, lotId: lot2, callOffId: null },
      reference: null,
      steps: [],
      vendorName: null,
      vendorEnterpriseNumber: null,
      awardAmountExclVat: null,
    };
    const projectOfCallOff = await newProject('Télégestion de l’éclairage');
    const url = `/api/implementation/projects/${projectOfCallOff}/procurement`;
    const notInLot = await consultant.put(url, file);
    expect(notInLot.statusCode).toBe(400);
    expect(notInLot.json().error.code).toBe('FRAMEWORK_SOLUTION_NOT_IN_LOT');
    const outOfPeriod = await consultant.put(url, {
      ...file,
      launchDate: '2031-01-05',
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: null },
    });
    expect(outOfPeriod.statusCode).toBe(400);
    expect(outOfPeriod.json().error.message).toContain('ne couvre que la période');
    const saved = await consultant.put(url, {
      ...file,
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().procurement).toMatchObject({
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: null },
      frameworkLabel: 'LumiGest — lot 2 « Territoire connecté », accord-cadre IDELUX-SMART-2026-DEMO',
    });

    // Once the commune has ordered under the lot, the file points to that call-off; another commune's is refused.
    const catalogue = t.app.services.catalogue;
    const agreementId = lumigest.lots[0]!.agreementId;
    await catalogue.adhere(CLI_CONTEXT, agreementId, LIBRAMONT);
    const order = (communeNis: string) =>
      catalogue.order(CLI_CONTEXT, {
        lotId: lot2,
        solutionId: lumigest.id,
        communeNis,
        quantity: 40,
        amount: 24_000,
        amountReason: 'Installation comprise',
        note: '',
      });
    const ours = await order(LIBRAMONT);
    const arlons = await order(ARLON);
    const foreign = await consultant.put(url, {
      ...file,
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: arlons.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('CALL_OFF_NOT_FOR_THIS_FILE');
    const linked = await consultant.put(url, {
      ...file,
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: ours.id },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().procurement.framework.callOffId).toBe(ours.id);

    // A call-off is an order: its steps carry the words of an order, never « Cahier des charges ».
    const ordered = await consultant.put(url, {
      ...file,
      framework: { solutionId: lumigest.id, lotId: lot2, callOffId: ours.id },
      steps: [{ step: 'specifications', actualDate: '2026-04-01' }],
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().procurement.nextStep).toBe('award');
    expect(ordered.json().history[0].summary).toContain('étapes faites : Expression du besoin');
    expect(ordered.json().history[0].summary).not.toContain('Cahier des charges');
  });

  it('shows the notes on threshold figures still to verify to agency admins only', async () => {
    const query =
      `/api/implementation/projects/${projectId}/procurement/advice` +
      '?nature=services&estimatedAmountExclVat=50000&launchDate=2026-04-01';
    const advice = async (client: Client) => {
      const response = await client.get(query);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const forAdmin = await advice(admin);
    expect(forAdmin.verificationNotesFr.some((n: string) => n.startsWith('Chiffre à vérifier'))).toBe(true);
    for (const client of [consultant, editor, viewer]) {
      const seen = await advice(client);
      expect(seen.verificationNotesFr).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain('Chiffre à vérifier');
    }
    const thresholds = async (client: Client) => (await client.get('/api/implementation/thresholds')).json();
    const note = (periods: { evidence: Record<string, { note?: string }> }[]) =>
      periods.flatMap((p) => Object.values(p.evidence).map((e) => e.note)).filter(Boolean);
    expect(note(await thresholds(admin)).length).toBeGreaterThan(0);
    for (const client of [consultant, editor, viewer]) {
      const periods = await thresholds(client);
      expect(note(periods)).toEqual([]);
      expect(periods[0].evidence.lowValue).toMatchObject({ verified: true, legalBasis: expect.any(String) });
    }
  });

  it('refuses a procurement step or a milestone done after today, and changes nothing', async () => {
    const project = await newProject('Bornes de recharge');
    const { today } = (await consultant.get(`/api/implementation/projects/${project}`)).json();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const url = `/api/implementation/projects/${project}/procurement`;
    const file = {
      nature: 'supplies',
      estimatedAmountExclVat: 12_000,
      launchDate: today,
      procedure: 'low-value',
      framework: null,
      reference: null,
      steps: [{ step: 'specifications', actualDate: tomorrow }],
      vendorName: null,
      vendorEnterpriseNumber: null,
      awardAmountExclVat: null,
    };
    const future = await consultant.put(url, file);
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('PROCUREMENT_STEP_DONE_IN_FUTURE');
    expect(future.json().error.message).toContain('« Cahier des charges »');
    expect(future.json().error.message).toContain('est dans le futur');
    expect((await consultant.get(`/api/implementation/projects/${project}`)).json().procurement).toBeNull();
    const planned = await consultant.put(url, { ...file, steps: [{ step: 'specifications', plannedDate: tomorrow }] });
    expect(planned.statusCode, planned.body).toBe(200);
    const doneToday = await consultant.put(url, { ...file, steps: [{ step: 'specifications', actualDate: today }] });
    expect(doneToday.statusCode, doneToday.body).toBe(200);

    const milestone = { title: 'Commande', dueDate: today, owner: null, doneDate: tomorrow };
    const met = await consultant.post(`/api/implementation/projects/${project}/milestones`, milestone);
    expect(met.statusCode).toBe(400);
    expect(met.json().error.code).toBe('MILESTONE_DONE_IN_FUTURE');
    expect((await consultant.get(`/api/implementation/projects/${project}`)).json().milestones).toEqual([]);
  });
});
