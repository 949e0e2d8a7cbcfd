import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { ocdsValidators } from '../../../test/support/ocds-schemas.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { AgencyFile, ScenarioDetail } from '../../domain/purchasing/api.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';

const ARLON = '81001';
const TINTIGNY = '85039';
const COMMUNES = [ARLON, TINTIGNY, '81003', '81004', '82003', '84077', '83034', '85007', '85009', '85011'];

// biome-ignore lint/suspicious/noExplicitAny: the test reads deep OCDS fields the schema check already validated.
type Release = { ocid: string; id: string; date: string; tag: string[]; [k: string]: unknown } & Record<string, any>;
type ReleasePackage = { extensions: string[]; releases: Release[] };
type RecordPackage = { records: { ocid: string; releases: Release[]; compiledRelease: Release }[] };

/**
 * Issue 12, « open contracting data that holds up »: scenario → award → framework agreement in the catalogue →
 * a commune's call-off → the OCDS export (the framework's process, the call-off as a related process), valid against
 * the OCDS 1.1.5 schemas and the techniques extension the project ships; a change adds a release and leaves the
 * published ones as they were; the record package compiles them; the open data gives the same releases.
 */
describe('the OCDS of the agency’s framework agreement and its call-offs', () => {
  const schemas = ocdsValidators(resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'ocds'));
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
  let solutionId: string;
  /** Agreements awarded so far: each gets a reference of its own. */
  let awarded = 0;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlon = await t.login(await t.createUser('commune_editor', ARLON));
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date());
    const listed = await t.app.services.uow.read((repos) => repos.catalogue.solutionsWhere({ statuses: ['listed'] }));
    solutionId = listed[0]!.id;
  });
  afterAll(() => t?.close());

  /**
   * A framework agreement of its own: a scenario of the ten communes launched through the central purchasing body,
   * its file, its award, then one call-off of Arlon under it.
   */
  async function frameworkWithCallOff() {
    const { groupId } = await make.pooledGroup(t, { communes: COMMUNES, budget: 25_000 });
    const created = await consultant.post('/api/purchasing/scenarios', {
      title: 'Télégestion de l’éclairage — accord-cadre',
      groupIds: [groupId],
      launchDate: '2026-06-01',
      initialMonths: 48,
    });
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json() as ScenarioDetail;
    const lotKey = scenario.lots[0]!.key;
    const routed = await consultant.put(`/api/purchasing/scenarios/${scenario.id}`, {
      title: scenario.title,
      launchDate: scenario.launchDate,
      initialMonths: 48,
      lots: scenario.lots,
      participations: scenario.participations.map((p) => ({ lotKey, communeNis: p.communeNis, amount: p.amount })),
      route: 'central-purchasing-body',
      routeNote: 'Conseil d’administration du 12/05/2026',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    await make.confirmAndAdhere(scenario.id, lotKey, COMMUNES, () => consultant, 25_000);
    expect((await consultant.post(`/api/purchasing/scenarios/${scenario.id}/launch`)).statusCode).toBe(200);
    const saved = await consultant.put(`/api/purchasing/scenarios/${scenario.id}/file`, {
      procedure: 'open',
      steps: [
        { step: 'specifications', actualDate: '2026-06-01' },
        { step: 'publication', actualDate: '2026-06-15' },
        { step: 'offers-received', actualDate: '2026-07-20' },
        { step: 'evaluation', actualDate: '2026-08-10' },
        { step: 'award', actualDate: '2026-10-01' },
      ],
      publication: {
        bdaReference: 'BDA 2026-512345',
        joueReference: 'TED 2026/S 115-345678',
        publishedOn: '2026-06-15',
      },
      bids: [
        { lotKey, vendor: 'LumiTech SA', amount: 212_000, receivedOn: '2026-07-18' },
        { lotKey, vendor: 'Éclairage Ardenne SRL', amount: 238_500, receivedOn: '2026-07-19' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const award = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/award`, {
      awardDate: '2026-10-01',
      agreementReference: `IDELUX-CA-2026-${String(++awarded).padStart(2, '0')}`,
      startDate: '2026-10-20',
      awards: [{ lotKey, vendor: 'LumiTech SA', amount: 212_000, solutionId, unitPrice: 1_000 }],
    });
    expect(award.statusCode, award.body).toBe(200);
    const agreementId = (award.json() as AgencyFile).award!.agreementId!;
    const agreement = (await consultant.get(`/api/catalogue/agreements/${agreementId}`)).json();
    const order = await arlon.post('/api/catalogue/call-offs', {
      lotId: agreement.lots[0].id,
      solutionId,
      communeNis: ARLON,
      quantity: 20,
      amount: 20_000,
    });
    expect(order.statusCode, order.body).toBe(201);
    const callOffId = (order.json() as { ids?: string[]; id?: string }).ids?.[0] ?? (order.json() as { id: string }).id;
    return { scenario, callOffId, frameworkOcid: `ocds-sr0001-${scenario.id}` };
  }

  const exportReleases = async (scenario: ScenarioDetail) => {
    const res = await consultant.get(`/api/purchasing/scenarios/${scenario.id}/ocds`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReleasePackage;
  };
  const cancel = async (callOffId: string) => {
    const cancelled = await consultant.post(`/api/catalogue/call-offs/${callOffId}/cancel`, {
      reason: 'Commande passée en double',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
  };

  it('exports the framework agreement as its own process and the call-off as a process related to it', async () => {
    const { scenario, callOffId, frameworkOcid } = await frameworkWithCallOff();
    const first = await exportReleases(scenario);
    schemas.checkReleasePackage(first);
    expect(schemas.extensions).toContain('techniques');

    const framework = first.releases.filter((r) => r.ocid === frameworkOcid);
    expect(framework.map((r) => r.tag[0])).toEqual(['planning', 'tender', 'award']);
    const awardRelease = framework.at(-1)!;
    expect(awardRelease.buyer.name).toBe('IDELUX Projets publics');
    expect(awardRelease.tender.techniques).toMatchObject({
      hasFrameworkAgreement: true,
      frameworkAgreement: { method: 'withoutReopeningCompetition' },
    });
    expect(awardRelease.tender.lots).toEqual([
      expect.objectContaining({ id: 'lot-1', value: { amount: 250_000, currency: 'EUR' } }),
    ]);
    expect(awardRelease.awards).toEqual([
      expect.objectContaining({ relatedLots: ['lot-1'], value: { amount: 212_000, currency: 'EUR' } }),
    ]);
    expect(awardRelease.awards[0].suppliers[0].name).toBe('LumiTech SA');
    const partyNames = awardRelease.parties.map((p: { name: string }) => p.name);
    expect(partyNames).toEqual(expect.arrayContaining(["Ville d'Arlon", 'Commune de Tintigny', "Commune d'Attert"]));
    expect(first.extensions.some((e) => e.includes('ocds_techniques_extension'))).toBe(true);

    const callOff = first.releases.find((r) => r.ocid === `ocds-sr0001-co-${callOffId}`)!;
    expect(callOff.buyer.name).toBe("Ville d'Arlon");
    expect(callOff.tender.competitive).toBe(false);
    expect(callOff.relatedProcesses).toEqual([
      expect.objectContaining({
        relationship: ['framework'],
        scheme: 'ocid',
        identifier: frameworkOcid,
        relatedLots: ['lot-1'],
      }),
    ]);
    expect(callOff.contracts[0]).toMatchObject({ status: 'active', value: { amount: 20_000, currency: 'EUR' } });
  });

  it('adds a release after a change, keeping the published ones byte for byte', async () => {
    const { scenario, callOffId, frameworkOcid } = await frameworkWithCallOff();
    const first = await exportReleases(scenario);
    // Nothing changed: the same releases, the same ids.
    const again = await exportReleases(scenario);
    expect(again.releases).toEqual(first.releases);

    await cancel(callOffId);
    const after = await exportReleases(scenario);
    schemas.checkReleasePackage(after);

    const ocid = `ocds-sr0001-co-${callOffId}`;
    const before = first.releases.filter((r) => r.ocid === ocid);
    const now = after.releases.filter((r) => r.ocid === ocid);
    expect(now).toHaveLength(before.length + 1);
    expect(JSON.stringify(now.slice(0, before.length))).toBe(JSON.stringify(before));
    const update = now.at(-1)!;
    expect(before.map((r) => r.id)).not.toContain(update.id);
    expect(update.date > before.at(-1)!.date).toBe(true);
    expect(update.tag).toEqual(['contractUpdate']);
    expect(update.contracts[0].status).toBe('cancelled');
    // The framework's process did not change: no new release.
    expect(after.releases.filter((r) => r.ocid === frameworkOcid)).toEqual(
      first.releases.filter((r) => r.ocid === frameworkOcid),
    );
    // Release ids never repeat within a process.
    for (const process of new Set(after.releases.map((r) => r.ocid))) {
      const ids = after.releases.filter((r) => r.ocid === process).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('compiles each process’s releases into a record package valid against the schema', async () => {
    const { scenario, callOffId, frameworkOcid } = await frameworkWithCallOff();
    // Exported (so published) once, then cancelled: the call-off's process has two releases.
    await exportReleases(scenario);
    await cancel(callOffId);
    const res = await consultant.get(`/api/purchasing/scenarios/${scenario.id}/ocds/records`);
    expect(res.statusCode, res.body).toBe(200);
    const pkg = res.json() as RecordPackage;
    schemas.checkRecordPackage(pkg);
    expect(pkg.records.map((r) => r.ocid).sort()).toEqual([frameworkOcid, `ocds-sr0001-co-${callOffId}`].sort());
    const callOff = pkg.records.find((r) => r.ocid.includes('-co-'))!;
    expect(callOff.releases).toHaveLength(2);
    expect(callOff.compiledRelease.tag).toEqual(['compiled']);
    expect(callOff.compiledRelease.contracts[0].status).toBe('cancelled');
    const framework = pkg.records.find((r) => r.ocid === frameworkOcid)!;
    expect(framework.compiledRelease.tender.status).toBe('complete');
    expect(framework.compiledRelease.awards).toHaveLength(1);
  });

  it('publishes the framework process in the open data as the staff export has it, and no commune’s call-off', async () => {
    const { scenario, callOffId, frameworkOcid } = await frameworkWithCallOff();
    const staff = await exportReleases(scenario);
    const open = await t.anonymous.get('/api/open-data/datasets/procurement/ocds-releases');
    expect(open.statusCode).toBe(200);
    const pkg = open.json() as ReleasePackage;
    schemas.checkReleasePackage(pkg);
    expect(pkg.releases.filter((r) => r.ocid === frameworkOcid)).toEqual(
      staff.releases.filter((r) => r.ocid === frameworkOcid),
    );
    expect(staff.releases.some((r) => r.ocid.includes(callOffId))).toBe(true);
    expect(pkg.releases.some((r) => r.ocid.includes(callOffId))).toBe(false);
    const records = await t.anonymous.get('/api/open-data/datasets/procurement/ocds-records');
    schemas.checkRecordPackage(records.json());
  });

  it('refuses the export to a commune user (exporting publishes)', async () => {
    const { scenario } = await frameworkWithCallOff();
    expect((await arlon.get(`/api/purchasing/scenarios/${scenario.id}/ocds`)).statusCode).toBe(403);
  });
});
