import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { documentedShape } from '../../../test/support/openapi-sweep.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { approvedSheet, communeTeam, followedProject, procurementFile } from './followed-project.test-support.ts';

const LIBRAMONT = '84077';
const ARLON = '81001';

/** A project's own procurement: the procedures the thresholds allow, its file, its OCDS, a call-off of the agreement. */
describe('implementation: the procurement of a project', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Summer 2026: the files below record steps done in spring, and a done step is never after today.
    t = await createTestApp({ now: () => new Date('2026-07-02T09:00:00Z') });
  });
  afterAll(() => t.close());

  it('proposes procedures with the thresholds in force on the launch date', async () => {
    const consultant = await signedIn(t, 'consultant');
    const { projectId } = await followedProject(consultant, '84033');
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
    const { consultant, editor, viewer } = await communeTeam(t, '84035');
    const { projectId } = await followedProject(consultant, '84035');
    const url = `/api/implementation/projects/${projectId}/procurement`;
    const file = procurementFile({ procedure: 'low-value', reference: 'CSC 2026-F-012' });
    const wrong = await consultant.put(url, file);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('PROCEDURE_NOT_ALLOWED');
    expect((await editor.put(url, file)).statusCode).toBe(403);
    const saved = await consultant.put(url, {
      ...file,
      procedure: 'negotiated-direct-with-publication',
      steps: [
        { step: 'specifications', plannedDate: '2026-02-15', actualDate: '2026-02-20' },
        { step: 'publication', plannedDate: '2026-03-10' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().procurement).toMatchObject({ nextStep: 'publication', validation: { valid: true } });
    const ocds = await viewer.get(`${url}/ocds`);
    expect(ocds.statusCode).toBe(200);
    const pkg = JSON.parse(ocds.body);
    expect(pkg.releases[0].ocid).toBe(`ocds-sr0001-${projectId}`);
    expect(pkg.releases.at(-1).tender.procurementMethod).toBe('open');
    expect(pkg.releases.at(-1).tender.value).toEqual({ amount: 180_000, currency: 'EUR' });
  });

  it('names the field of bad input, writes nothing on a refused change, and is documented in OpenAPI', async () => {
    const consultant = await signedIn(t, 'consultant');
    const { projectId } = await followedProject(consultant, '84043');
    const url = `/api/implementation/projects/${projectId}`;
    const saved = await consultant.put(`${url}/procurement`, procurementFile());
    expect(saved.statusCode, saved.body).toBe(200);
    const before = (await consultant.get(url)).json().history.length;
    const bad = await consultant.post(`${url}/milestones`, {
      title: 'Réception',
      dueDate: '30/09/2026',
      owner: null,
      doneDate: null,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('dueDate');
    const outOfOrder = await consultant.put(
      `${url}/procurement`,
      procurementFile({
        estimatedAmountExclVat: 20_000,
        procedure: 'low-value',
        steps: [
          { step: 'specifications', actualDate: '2026-03-10' },
          { step: 'offers-received', actualDate: '2026-03-01' },
        ],
      }),
    );
    expect(outOfOrder.statusCode).toBe(400);
    expect(outOfOrder.json().error.message).toMatch(/précède/);
    const after = (await consultant.get(url)).json();
    expect(after.history).toHaveLength(before);
    expect(after.procurement.procedure).toBe('negotiated-direct-with-publication');
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(documentedShape(spec, 'PUT', '/api/implementation/projects/{id}/procurement').body).toEqual(
      expect.arrayContaining(['nature', 'estimatedAmountExclVat', 'launchDate', 'procedure', 'steps']),
    );
    expect(documentedShape(spec, 'GET', '/api/public/communes/{nisCode}/progress').response.length).toBeGreaterThan(0);
  });

  it('proposes a call-off for a listed solution in its framework lot, and refuses one the lot does not offer', async () => {
    const consultant = await signedIn(t, 'consultant');
    const { missionId, projectId } = await followedProject(consultant, LIBRAMONT);
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

    const file = procurementFile({
      estimatedAmountExclVat: 60_000,
      launchDate: '2026-04-01',
      procedure: 'framework-call-off',
      framework: { solutionId: guichet.id, lotId: lot2, callOffId: null },
    });
    const projectOfCallOff = await approvedSheet(consultant, missionId, { title: 'Télégestion de l’éclairage' });
    const url = `/api/implementation/projects/${projectOfCallOff}/procurement`;
    const notInLot = await consultant.put(url, file);
    expect(notInLot.statusCode).toBe(400);
    expect(notInLot.json().error.code).toBe('FRAMEWORK_SOLUTION_NOT_IN_LOT');
    const inLot = (callOffId: string | null) => ({ solutionId: lumigest.id, lotId: lot2, callOffId });
    const outOfPeriod = await consultant.put(url, { ...file, launchDate: '2031-01-05', framework: inLot(null) });
    expect(outOfPeriod.statusCode).toBe(400);
    expect(outOfPeriod.json().error.message).toContain('ne couvre que la période');
    const saved = await consultant.put(url, { ...file, framework: inLot(null) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().procurement).toMatchObject({
      framework: inLot(null),
      frameworkLabel: 'LumiGest — lot 2 « Territoire connecté », accord-cadre IDELUX-SMART-2026-DEMO',
    });

    // Once the commune has ordered under the lot, the file points to that call-off; another commune's is refused.
    const catalogue = t.app.services.catalogue;
    await catalogue.adhere(CLI_CONTEXT, lumigest.lots[0]!.agreementId, LIBRAMONT);
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
    const foreign = await consultant.put(url, { ...file, framework: inLot(arlons.id) });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('CALL_OFF_NOT_FOR_THIS_FILE');
    const linked = await consultant.put(url, { ...file, framework: inLot(ours.id) });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().procurement.framework.callOffId).toBe(ours.id);

    // A call-off is an order: its steps carry the words of an order, never « Cahier des charges ».
    const ordered = await consultant.put(url, {
      ...file,
      framework: inLot(ours.id),
      steps: [{ step: 'specifications', actualDate: '2026-04-01' }],
    });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().procurement.nextStep).toBe('award');
    expect(ordered.json().history[0].summary).toContain('étapes faites : Expression du besoin');
    expect(ordered.json().history[0].summary).not.toContain('Cahier des charges');
  });

  it('shows the notes on threshold figures still to verify to agency admins only', async () => {
    const { consultant, editor, viewer } = await communeTeam(t, '84050');
    const admin = await signedIn(t, 'agency_admin');
    const { projectId } = await followedProject(consultant, '84050');
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
    const consultant = await signedIn(t, 'consultant');
    const { projectId: project } = await followedProject(consultant, '84059', { title: 'Bornes de recharge' });
    const { today } = (await consultant.get(`/api/implementation/projects/${project}`)).json();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const url = `/api/implementation/projects/${project}/procurement`;
    const file = procurementFile({
      estimatedAmountExclVat: 12_000,
      launchDate: today,
      procedure: 'low-value',
      steps: [{ step: 'specifications', actualDate: tomorrow }],
    });
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
