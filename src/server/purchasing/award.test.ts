import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Agreement } from '../../domain/catalogue/agreements.ts';
import type { AgencyFile, ScenarioDetail } from '../../domain/purchasing/api.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';

const ARLON = '81001';
const TEN = [ARLON, '81003', '81004', '81015', '85039', '84077', '83034', '85007', '85009', '85011'];

/**
 * Issue 12, step 3: scenario → adhesion → the agency's file → award → the framework agreement in the catalogue →
 * a commune's call-off within the ceiling (and one beyond it refused), through the API.
 */
describe('from a scenario to the framework agreement and a call-off', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
  let scenario: ScenarioDetail;
  let solutionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlon = await t.login(await t.createUser('commune_editor', ARLON));
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date());
    const listed = await t.app.services.uow.read((repos) => repos.catalogue.solutionsWhere({ statuses: ['listed'] }));
    solutionId = listed[0]!.id;

    const { groupId } = await make.pooledGroup(t, { communes: TEN, budget: 25_000 });
    const created = await consultant.post('/api/purchasing/scenarios', {
      title: 'Télégestion de l’éclairage — marché-cadre',
      groupIds: [groupId],
      launchDate: '2026-06-01',
      initialMonths: 48,
    });
    expect(created.statusCode, created.body).toBe(201);
    scenario = created.json() as ScenarioDetail;
  });
  afterAll(() => t.close());

  it('runs the agency’s procedure, awards, and the communes order within the ceiling', async () => {
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
    await make.confirmAndAdhere(scenario.id, lotKey, TEN, (nis) => (nis === ARLON ? arlon : consultant), 25_000);
    expect((await consultant.get(`/api/purchasing/scenarios/${scenario.id}/file`)).statusCode).toBe(409);
    const launched = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);

    // The file opens on the lightest procedure the aggregated 250 000 € allows: the open procedure, with publication.
    const opened = (await consultant.get(`/api/purchasing/scenarios/${scenario.id}/file`)).json() as AgencyFile;
    expect(opened.procedure).toBe('open');
    expect(opened.europeanPublication).toBe(true);
    expect(opened.steps.map((s) => s.label)).toContain("Publication de l'avis de marché");

    const lowValue = await consultant.put(`/api/purchasing/scenarios/${scenario.id}/file`, {
      procedure: 'low-value',
      steps: [],
    });
    expect(lowValue.statusCode).toBe(409);
    expect(lowValue.json().error.message).toContain('n’est pas permise');

    const file = {
      procedure: 'open',
      steps: [
        { step: 'specifications', actualDate: '2026-06-01' },
        { step: 'publication', actualDate: '2026-06-15' },
        { step: 'offers-received', actualDate: '2026-07-20' },
        { step: 'evaluation', actualDate: '2026-08-10' },
        { step: 'award', actualDate: '2026-10-01' },
      ],
      documents: [{ title: 'Cahier spécial des charges', url: 'https://example.org/csc.pdf' }],
      publication: {
        bdaReference: 'BDA 2026-512345',
        joueReference: 'TED 2026/S 115-345678',
        publishedOn: '2026-06-15',
      },
      bids: [
        { lotKey, vendor: 'LumiTech SA', amount: 212_000, receivedOn: '2026-07-18' },
        { lotKey, vendor: 'Éclairage Ardenne SRL', amount: 238_500, receivedOn: '2026-07-19' },
      ],
    };
    const saved = await consultant.put(`/api/purchasing/scenarios/${scenario.id}/file`, file);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((saved.json() as AgencyFile).bids).toHaveLength(2);

    const award = {
      awardDate: '2026-10-01',
      agreementReference: 'IDELUX-CA-2026-01',
      startDate: '2026-10-10',
      awards: [{ lotKey, vendor: 'LumiTech SA', amount: 212_000, solutionId, unitPrice: 1_000 }],
    };
    const tooEarly = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/award`, award);
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().error.message).toContain('délai d’attente');

    const awarded = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/award`, {
      ...award,
      startDate: '2026-10-20',
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    const result = awarded.json() as AgencyFile;
    expect(result.standstill).toMatchObject({ applies: true, endsOn: '2026-10-16' });
    expect(result.award!.lots).toEqual([{ lotKey, vendor: 'LumiTech SA', amount: 212_000 }]);

    // The agreement is in the catalogue: ceilings from the estimated value, the whole term, vendor, communes.
    const agreement = (
      await consultant.get(`/api/catalogue/agreements/${result.award!.agreementId}`)
    ).json() as Agreement;
    expect(agreement).toMatchObject({
      reference: 'IDELUX-CA-2026-01',
      startDate: '2026-10-20',
      endDate: '2030-10-19',
      consumption: { ceiling: 250_000, ordered: 0 },
    });
    expect(agreement.lots).toHaveLength(1);
    expect(agreement.lots[0]).toMatchObject({ vendor: 'LumiTech SA', consumption: { ceiling: 250_000 } });
    expect(agreement.adherents.map((a) => a.communeNis).sort()).toEqual([...TEN].sort());
    const lot = agreement.lots[0]!;

    // Arlon orders within the ceiling; an order beyond what is left is refused and writes nothing.
    const order = await arlon.post('/api/catalogue/call-offs', {
      lotId: lot.id,
      solutionId,
      communeNis: ARLON,
      quantity: 20,
      amount: 20_000,
    });
    expect(order.statusCode, order.body).toBe(201);
    const beyond = await arlon.post('/api/catalogue/call-offs', {
      lotId: lot.id,
      solutionId,
      communeNis: ARLON,
      quantity: 231,
      amount: 231_000,
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json().error.code).toBe('LOT_CEILING_EXCEEDED');
    const after = (await consultant.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement;
    expect(after.lots[0]!.consumption).toMatchObject({ ordered: 20_000, remaining: 230_000 });

    const twice = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/award`, {
      ...award,
      agreementReference: 'IDELUX-CA-2026-02',
      startDate: '2026-10-20',
    });
    expect(twice.statusCode).toBe(409);
  });
});
