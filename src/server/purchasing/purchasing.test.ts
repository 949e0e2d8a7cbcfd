import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { ScenarioAnalysis } from '../../domain/purchasing/analysis.ts';
import type { ScenarioDetail } from '../../domain/purchasing/api.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const ARLON = '81001';
const AUBANGE = '81004';
const TEN = [ARLON, '81003', AUBANGE, '81015', '85039', '84077', '83034', '85007', '85009', '85011'];

/**
 * Issue 12, step 2: the consultant builds a procurement scenario from a confirmed group; the communes adhere to the
 * central purchasing body and confirm their lines; the scenario tracks who has confirmed before its launch.
 */
describe('a procurement scenario from pooled needs', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
  let arlonViewer: Client;

  /** A group of the communes given, confirmed or not, polled, each answering yes with its budget. */
  async function groupAnswered(communes: string[], budget: number, status: 'confirmed' | 'proposed' = 'confirmed') {
    const needIds: string[] = [];
    for (const nis of communes) {
      const need = await t.app.services.needs.create(CLI_CONTEXT, {
        communeNis: nis,
        title: 'Gestion intelligente de l’éclairage public',
        description: 'Télégestion des luminaires',
        dimensions: [],
        category: 'public-lighting',
        urgency: 'medium',
        estimatedBudget: 10_000,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      });
      needIds.push(need.id);
    }
    const group = await t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup(
        { label: 'Éclairage public intelligent', reason: 'test', status, category: 'public-lighting' },
        needIds,
      ),
    );
    const poll = await t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous le marché ?',
      unit: 'commune',
      deadline: '2099-12-31',
      audience: 'group',
    });
    for (const communeNis of communes) {
      await t.app.services.mutualisation.answer(CLI_CONTEXT, poll.id, {
        communeNis,
        answer: 'yes',
        quantity: null,
        budget,
        comment: null,
      });
    }
    return group.id;
  }

  const createScenario = async (groupIds: string[]) =>
    consultant.post('/api/purchasing/scenarios', {
      title: 'Éclairage public intelligent — marché-cadre',
      groupIds,
      launchDate: '2026-09-01',
      initialMonths: 48,
    });

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlon = await t.login(await t.createUser('commune_editor', ARLON));
    arlonViewer = await t.login(await t.createUser('commune_viewer', ARLON));
  });
  afterAll(() => t.close());

  it('ten communes at 25 000 € make 250 000 €: European publication, each commune alone a low-value purchase', async () => {
    const groupId = await groupAnswered(TEN, 25_000);
    const created = await createScenario([groupId]);
    expect(created.statusCode, created.body).toBe(201);
    const scenario = created.json() as ScenarioDetail;
    expect(scenario.lots).toHaveLength(1);
    expect(scenario.participations).toHaveLength(10);
    expect(scenario.pendingCount).toBe(10);
    const analysis = scenario.analysis as ScenarioAnalysis;
    expect(analysis.value.estimatedValue).toBe(250_000);
    expect(analysis.euThreshold).toBe(216_000);
    expect(analysis.europeanPublication.required).toBe(true);
    const alone = analysis.routes.find((r) => r.route === 'each-commune-alone')!;
    expect(alone.perCommune!.every((c) => c.recommendedFr.includes('faible montant'))).toBe(true);
    expect(scenario.launchBlockers[0]).toContain('voie juridique');
  });

  it('a commune editor sees only their own line, confirms it, and cannot answer for another commune', async () => {
    const groupId = await groupAnswered([ARLON, AUBANGE], 40_000);
    const scenario = (await createScenario([groupId])).json() as ScenarioDetail;

    const seen = await arlon.get(`/api/purchasing/scenarios/${scenario.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const view = seen.json() as ScenarioDetail;
    expect(view.participations.map((p) => p.communeNis)).toEqual([ARLON]);
    expect((view.analysis as ScenarioAnalysis).value.estimatedValue).toBe(80_000);
    expect((view.analysis as ScenarioAnalysis).value.communes.map((c) => c.communeNis)).toEqual([ARLON]);
    expect(view.permissions).toEqual({ manage: false, confirm: true });

    const lotKey = view.lots[0]!.key;
    const other = await arlon.post(`/api/purchasing/scenarios/${scenario.id}/confirmations`, {
      communeNis: AUBANGE,
      lotKey,
      participate: true,
      amount: 1,
    });
    expect(other.statusCode).toBe(403);

    const missing = await arlon.post(`/api/purchasing/scenarios/${scenario.id}/confirmations`, {
      lotKey,
      participate: true,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('quantité ou un montant');

    const viewerTry = await arlonViewer.post(`/api/purchasing/scenarios/${scenario.id}/confirmations`, {
      lotKey,
      participate: true,
      amount: 35_000,
    });
    expect(viewerTry.statusCode).toBe(403);

    const confirmed = await arlon.post(`/api/purchasing/scenarios/${scenario.id}/confirmations`, {
      lotKey,
      participate: true,
      quantity: 120,
      amount: 35_000,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((confirmed.json() as ScenarioDetail).participations[0]).toMatchObject({
      status: 'confirmed',
      quantity: 120,
      amount: 35_000,
    });
    const tracked = (await consultant.get(`/api/purchasing/scenarios/${scenario.id}`)).json() as ScenarioDetail;
    expect(tracked.confirmedCount).toBe(1);
    expect(tracked.pendingCount).toBe(1);
    expect(tracked.launchBlockers.join(' ')).toContain('Aubange');
    expect((tracked.analysis as ScenarioAnalysis).value.estimatedValue).toBe(75_000);

    // A commune outside the scenario does not find it.
    const habay = await t.login(await t.createUser('commune_editor', '85046'));
    expect((await habay.get(`/api/purchasing/scenarios/${scenario.id}`)).statusCode).toBe(403);
    expect((await habay.get('/api/purchasing/scenarios')).json()).toEqual([]);
  });

  it('launches through the central purchasing body only once every commune confirmed and adhered', async () => {
    const groupId = await groupAnswered([ARLON, AUBANGE], 30_000);
    const scenario = (await createScenario([groupId])).json() as ScenarioDetail;
    const lotKey = scenario.lots[0]!.key;
    const body = {
      title: scenario.title,
      launchDate: scenario.launchDate,
      initialMonths: 24,
      renewals: 2,
      renewalMonths: 12,
      lots: scenario.lots.map((l) => ({
        ...l,
        options: [{ label: 'Réserve pour communes adhérant plus tard', amount: 20_000 }],
      })),
      participations: scenario.participations.map((p) => ({
        lotKey: p.lotKey,
        communeNis: p.communeNis,
        quantity: p.quantity,
        amount: p.amount,
      })),
      route: 'central-purchasing-body',
      routeNote: 'Décision du conseil d’administration du 12/05/2026',
    };
    const updated = await consultant.put(`/api/purchasing/scenarios/${scenario.id}`, body);
    expect(updated.statusCode, updated.body).toBe(200);
    // 2 × 30 000 over 24 months, doubled by two renewals of 12 months, + 20 000 of options.
    expect(((updated.json() as ScenarioDetail).analysis as ScenarioAnalysis).value.estimatedValue).toBe(140_000);

    const early = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/launch`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Confirmation attendue');

    for (const [client, communeNis] of [
      [arlon, undefined],
      [consultant, AUBANGE],
    ] as const) {
      const answer = await client.post(`/api/purchasing/scenarios/${scenario.id}/confirmations`, {
        communeNis,
        lotKey,
        participate: true,
        amount: 30_000,
      });
      expect(answer.statusCode, answer.body).toBe(200);
    }
    const notAdhered = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/launch`);
    expect(notAdhered.statusCode).toBe(409);
    expect(notAdhered.json().error.message).toContain('Adhésion à la centrale d’achat');

    const adhesion = await arlon.post('/api/purchasing/adhesions', {
      decisionDate: '2026-06-15',
      councilDecisionRef: 'CC 2026/06/15-12',
    });
    expect(adhesion.statusCode, adhesion.body).toBe(200);
    expect(adhesion.json()).toEqual([
      expect.objectContaining({ communeNis: ARLON, councilDecisionRef: 'CC 2026/06/15-12' }),
    ]);
    expect(
      (
        await arlon.post('/api/purchasing/adhesions', {
          communeNis: AUBANGE,
          decisionDate: '2026-06-15',
          councilDecisionRef: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const forAubange = await consultant.post('/api/purchasing/adhesions', {
      communeNis: AUBANGE,
      decisionDate: '2026-06-20',
      councilDecisionRef: 'CC Aubange 20/06/2026',
    });
    expect(forAubange.statusCode).toBe(200);

    const launched = await consultant.post(`/api/purchasing/scenarios/${scenario.id}/launch`);
    expect(launched.statusCode, launched.body).toBe(200);
    expect((launched.json() as ScenarioDetail).status).toBe('launched');
    const again = await consultant.put(`/api/purchasing/scenarios/${scenario.id}`, body);
    expect(again.statusCode).toBe(409);

    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: scenario.id, page: 1, pageSize: 50 }),
    );
    expect(audit.items.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'purchasing.scenario.create',
        'purchasing.scenario.update',
        'purchasing.participation.confirm',
        'purchasing.scenario.launch',
      ]),
    );
  });

  it('refuses bad input in French, naming the field, and changes nothing', async () => {
    const proposed = await groupAnswered([ARLON], 10_000, 'proposed');
    const refused = await createScenario([proposed]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('n’est pas confirmé');

    const groupId = await groupAnswered([ARLON, AUBANGE], 10_000);
    const scenario = (await createScenario([groupId])).json() as ScenarioDetail;
    const bad = await consultant.put(`/api/purchasing/scenarios/${scenario.id}`, {
      title: scenario.title,
      launchDate: scenario.launchDate,
      initialMonths: 48,
      lots: scenario.lots,
      participations: [{ lotKey: 'lot-9', communeNis: ARLON, amount: 5 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: 'SCENARIO_UNKNOWN_LOT',
      details: { field: 'participations.0.lotKey' },
    });
    expect(bad.json().error.message).toContain('lot-9');
    const after = (await consultant.get(`/api/purchasing/scenarios/${scenario.id}`)).json() as ScenarioDetail;
    expect(after.participations).toHaveLength(2);
  });
});
