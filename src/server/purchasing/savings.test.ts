import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ProcedureCostRecord, ScenarioDetail } from '../../domain/purchasing/api.ts';
import type { ScenarioSavings } from '../../domain/purchasing/savings.ts';

const ARLON = '81001';
const TEN = [ARLON, '81003', '81004', '81015', '85039', '84077', '83034', '85007', '85009', '85011'];
/** The procedure costs the admins set: what the savings below are computed from. */
const COSTS = [
  { procedure: 'framework-call-off', cost: 100, source: 'Relevé IDELUX 2026', verified: true },
  { procedure: 'negotiated-without-publication', cost: 2_000, source: 'Relevé IDELUX 2026', verified: true },
  { procedure: 'open', cost: 6_000, source: 'Relevé IDELUX 2026', verified: true },
];

/**
 * Issue 12, « Savings, honestly »: the admins keep the cost of each procedure type with its source; a scenario's
 * savings add the procedures each commune avoids and subtract the central purchasing body's fee; every write audited.
 * The table of costs is one for the whole agency: its tests start from a database where no admin has set it yet,
 * the scenarios' from one where the admins have set COSTS.
 */
describe('the procedure costs, kept by the admins', () => {
  let t: TestApp;
  let admin: Client;
  let consultant: Client;

  const audit = (entityId: string) =>
    t.app.services.uow.read((repos) => repos.audit.search({ entityId, page: 1, pageSize: 50 }));

  beforeAll(async () => {
    t = await createTestApp();
    admin = await make.signedIn(t, 'agency_admin');
    consultant = await make.signedIn(t, 'consultant');
  });
  afterAll(() => t.close());

  it('the admins keep the procedure costs with their source; seed estimates are flagged; consultants only read', async () => {
    const seed = (await consultant.get('/api/purchasing/procedure-costs')).json() as ProcedureCostRecord[];
    expect(seed.map((c) => c.procedure)).toContain('negotiated-without-publication');
    expect(seed.every((c) => !c.stored && !c.verified && c.source.startsWith('Estimation à vérifier'))).toBe(true);

    const table = COSTS;
    expect((await consultant.put('/api/purchasing/procedure-costs', table)).statusCode).toBe(403);

    const bad = await admin.put('/api/purchasing/procedure-costs', [{ ...table[0], source: '' }]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('Coûts de procédure invalides : indiquez la source du coût (« 0.source »).');
    const unchanged = (await admin.get('/api/purchasing/procedure-costs')).json() as ProcedureCostRecord[];
    expect(unchanged.some((c) => c.stored)).toBe(false);

    const saved = await admin.put('/api/purchasing/procedure-costs', table);
    expect(saved.statusCode, saved.body).toBe(200);
    const rows = saved.json() as ProcedureCostRecord[];
    expect(rows.find((c) => c.procedure === 'open')).toMatchObject({ cost: 6_000, stored: true, verified: true });
    expect(rows.find((c) => c.procedure === 'low-value')).toMatchObject({ stored: false, verified: false });
    expect((await audit('table')).items.map((a) => a.action)).toEqual(['purchasing.procedure_costs.update']);
  });
});

describe('the savings of a scenario, through the API', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;

  const audit = (entityId: string) =>
    t.app.services.uow.read((repos) => repos.audit.search({ entityId, page: 1, pageSize: 50 }));
  /** A new scenario of ten communes at 50 000 € each, from a confirmed lighting group of its own. */
  const scenario = async () => {
    const { groupId } = await make.pooledGroup(t, {
      communes: TEN,
      budget: 50_000,
      poll: false,
      category: 'public-lighting',
    });
    const created = await consultant.post('/api/purchasing/scenarios', {
      title: 'Éclairage — marché-cadre',
      groupIds: [groupId],
      launchDate: '2026-09-01',
      initialMonths: 48,
    });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as ScenarioDetail).id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
    arlon = await make.signedIn(t, 'commune_editor', ARLON);
    const admin = await make.signedIn(t, 'agency_admin');
    const costs = await admin.put('/api/purchasing/procedure-costs', COSTS);
    expect(costs.statusCode, costs.body).toBe(200);
  });
  afterAll(() => t.close());

  it('ten communes avoiding a negotiated procedure, fee 1 %: the scenario states the net saving exactly', async () => {
    const scenarioId = await scenario();
    const bad = await consultant.put(`/api/purchasing/scenarios/${scenarioId}/savings`, {
      fee: { kind: 'rate', ratePercent: 150 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('le taux de la commission ne peut pas dépasser 100 %');

    const saved = await consultant.put(`/api/purchasing/scenarios/${scenarioId}/savings`, {
      fee: { kind: 'rate', ratePercent: 1 },
      feeNote: 'Décision du CA du 12/05/2026',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const savings = (saved.json() as ScenarioDetail).savings as ScenarioSavings;
    // Each commune: 2 000 € procedure avoided − 100 € call-off = 1 900 €; fee 1 % of 50 000 € = 500 €.
    expect(savings.totals).toMatchObject({
      avoidedProcedureCosts: 19_000,
      fee: 5_000,
      netForCommunes: 14_000,
      agencyProcedure: 'open',
      agencyProcedureCost: 6_000,
      netForPublicSector: 13_000,
    });
    expect(savings.communes).toHaveLength(10);
    const trail = await audit(scenarioId);
    expect(trail.items.map((a) => a.action)).toContain('purchasing.scenario.savings');

    expect(
      (await arlon.put(`/api/purchasing/scenarios/${scenarioId}/savings`, { fee: { kind: 'none' } })).statusCode,
    ).toBe(403);
    const view = (await arlon.get(`/api/purchasing/scenarios/${scenarioId}`)).json() as ScenarioDetail;
    const own = view.savings as ScenarioSavings;
    expect(own.communes.map((c) => c.communeNis)).toEqual([ARLON]);
    expect(own.totals.netForCommunes).toBe(14_000);
  });

  it('a price model for an unknown lot is refused in French and changes nothing', async () => {
    const scenarioId = await scenario();
    const fee = await consultant.put(`/api/purchasing/scenarios/${scenarioId}/savings`, {
      fee: { kind: 'rate', ratePercent: 1 },
    });
    expect(fee.statusCode, fee.body).toBe(200);
    const response = await consultant.put(`/api/purchasing/scenarios/${scenarioId}/savings`, {
      priceModels: [
        {
          lotKey: 'lot-9',
          model: { kind: 'volume-tiers', unit: 'licence', tiers: [{ fromQuantity: 0, unitPrice: 10 }] },
        },
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('lot-9');
    const view = (await consultant.get(`/api/purchasing/scenarios/${scenarioId}`)).json() as ScenarioDetail;
    expect((view.savings as ScenarioSavings).totals.fee).toBe(5_000);
  });
});
