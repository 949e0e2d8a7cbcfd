import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Adoption } from '../../domain/catalogue/adoption.ts';
import type { Agreement, CallOff, CallOffTotals } from '../../domain/catalogue/agreements.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { seedCatalogueDemo } from './catalogue-demo.ts';

/**
 * Adhesion and call-offs under the agreement of the demo catalogue: each test orders for communes no other test of
 * this file orders for, so that it reads only its own call-offs.
 */
describe('framework-agreement catalogue: adhesion and call-offs', () => {
  let t: TestApp;
  let consultant: Client;
  let agreement: Agreement;
  const byName = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await signedIn(t, 'consultant');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date(), CLI_CONTEXT);
    const all = (await consultant.get('/api/catalogue/solutions')).json() as Solution[];
    for (const s of all) byName.set(s.name, s.id);
    agreement = ((await consultant.get('/api/catalogue/agreements')).json() as Agreement[])[0]!;
  }, 60_000);
  afterAll(() => t.close());

  const order = (client: Client, body: Record<string, unknown>) => client.post('/api/catalogue/call-offs', body);
  const lot = (n: number) => agreement.lots.find((l) => l.number === n)!.id;
  /** A commune's editor, the commune having adhered to the agreement (the agency records it). */
  const adherentEditor = async (communeNis: string) => {
    const adhered = await consultant.post(`/api/catalogue/agreements/${agreement.id}/adhesions`, { communeNis });
    expect(adhered.statusCode, adhered.body).toBe(201);
    return signedIn(t, 'commune_editor', communeNis);
  };

  it('lets a commune editor order a listed solution for its own commune only', async () => {
    // Arlon adhered in the demo catalogue.
    const arlon = await signedIn(t, 'commune_editor', '81001');
    const arlonViewer = await signedIn(t, 'commune_viewer', '81001');
    const body = {
      lotId: lot(1),
      solutionId: byName.get('Signal’Commune'),
      communeNis: '81001',
      quantity: 1,
      amount: 10_500,
      amountReason: 'Forfait pour la population d’Arlon',
      note: 'Abonnement 2027',
    };
    const ok = await order(arlon, body);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json() as CallOff).toMatchObject({
      communeName: 'Arlon',
      solutionName: 'Signal’Commune',
      amount: 10_500,
    });
    const other = await order(arlon, { ...body, communeNis: '81004' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
    expect((await order(arlonViewer, body)).statusCode).toBe(403);
  });

  it('requires adhesion, a solution of the lot, and a listed one', async () => {
    const aubange = await signedIn(t, 'commune_editor', '81004');
    const body = {
      lotId: lot(3),
      solutionId: byName.get('Mobi’Rural'),
      communeNis: '81004',
      quantity: 1,
      amount: 5000,
      amountReason: 'Forfait pour la population d’Aubange',
    };
    const before = await order(aubange, body);
    expect(before.statusCode).toBe(422);
    expect(before.json().error.code).toBe('COMMUNE_NOT_ADHERENT');
    expect(before.json().error.message).toContain('adhérer');
    expect(
      (await aubange.post(`/api/catalogue/agreements/${agreement.id}/adhesions`, { communeNis: '81001' })).statusCode,
    ).toBe(403);
    const adhered = await aubange.post(`/api/catalogue/agreements/${agreement.id}/adhesions`, {
      communeNis: '81004',
    });
    expect(adhered.statusCode, adhered.body).toBe(201);
    expect((await order(aubange, body)).statusCode).toBe(201);
    const notInLot = await order(aubange, { ...body, solutionId: byName.get('LumiGest') });
    expect(notInLot.json().error.code).toBe('SOLUTION_NOT_IN_LOT');
  });

  it('never exceeds a lot’s ceiling, also with two orders at once', async () => {
    const attert = await adherentEditor('81003');
    const created = await consultant.post(`/api/catalogue/agreements/${agreement.id}/lots`, {
      number: 9,
      title: 'Petit lot',
      vendor: 'Fournisseur (démo)',
      ceiling: 1000,
      solutions: [{ solutionId: byName.get('Participons'), unitPrice: 600 }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const small = (created.json() as Agreement).lots.find((l) => l.number === 9)!;
    const body = {
      lotId: small.id,
      solutionId: byName.get('Participons'),
      communeNis: '81003',
      quantity: 1,
      amount: 600,
    };
    const responses = await Promise.all([order(attert, body), order(consultant, body), order(attert, body)]);
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 422, 422]);
    expect(responses.filter((r) => r.statusCode === 422).map((r) => r.json().error.code)).toEqual([
      'LOT_CEILING_EXCEEDED',
      'LOT_CEILING_EXCEEDED',
    ]);
    const after = (await consultant.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement;
    expect(after.lots.find((l) => l.number === 9)!.consumption).toMatchObject({ ordered: 600, remaining: 400 });
    const lower = await consultant.put(`/api/catalogue/lots/${small.id}`, {
      number: 9,
      title: 'Petit lot',
      vendor: 'Fournisseur (démo)',
      ceiling: 500,
      solutions: [{ solutionId: byName.get('Participons'), unitPrice: 600 }],
    });
    expect(lower.json().error.code).toBe('LOT_CEILING_BELOW_ORDERED');
  });

  it('computes the amount from the price, wants a reason to change it, and refuses the same order twice in a row unless confirmed (issue 10)', async () => {
    const martelange = await adherentEditor('81013');
    const body = {
      lotId: lot(2),
      solutionId: byName.get('LumiGest'),
      communeNis: '81013',
      quantity: 2500,
    };
    // 4,50 € per light point × 2 500.
    const changed = await order(martelange, { ...body, amount: 10_000 });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error).toMatchObject({ code: 'AMOUNT_REASON_REQUIRED' });
    expect(changed.json().error.message.replace(/[\u00a0\u202f]/g, ' ')).toContain('11 250 €');
    const placed = await order(martelange, { ...body, amount: 11_250 });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ amount: 11_250, computedAmount: 11_250, amountReason: null });
    const again = await order(martelange, { ...body, amount: 11_250 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DUPLICATE_CALL_OFF');
    expect(again.json().error.message).toContain('identique');
    const confirmed = await order(martelange, { ...body, amount: 11_250, confirmDuplicate: true });
    expect(confirmed.statusCode).toBe(201);
    const discounted = await order(martelange, { ...body, amount: 10_000, amountReason: 'Remise de lancement' });
    expect(discounted.json()).toMatchObject({
      amount: 10_000,
      computedAmount: 11_250,
      amountReason: 'Remise de lancement',
    });
    for (const id of [placed.json().id, confirmed.json().id, discounted.json().id]) {
      expect((await consultant.post(`/api/catalogue/call-offs/${id}/cancel`, { reason: 'Essai' })).statusCode).toBe(
        200,
      );
    }
  });

  it('shows a commune its own call-offs and the agency every call-off by commune, lot and vendor', async () => {
    const messancy = await adherentEditor('81015');
    const bastogne = await adherentEditor('82003');
    const ordered = async (client: Client, communeNis: string, lotNumber: number, solution: string, amount: number) => {
      const body = { lotId: lot(lotNumber), solutionId: byName.get(solution), communeNis, quantity: 1, amount };
      const response = await order(client, { ...body, amountReason: 'Forfait convenu' });
      expect(response.statusCode, response.body).toBe(201);
    };
    await ordered(messancy, '81015', 1, 'Signal’Commune', 10_500);
    await ordered(messancy, '81015', 1, 'Guichet Citoyen', 600);
    await ordered(bastogne, '82003', 3, 'Mobi’Rural', 5000);

    const mine = (await messancy.get('/api/catalogue/call-offs')).json() as CallOff[];
    expect(mine.map((c) => c.solutionName).sort()).toEqual(['Guichet Citoyen', 'Signal’Commune']);
    expect((await messancy.get('/api/catalogue/call-offs?commune=82003')).statusCode).toBe(403);
    const bastognes = (await consultant.get('/api/catalogue/call-offs?commune=82003')).json() as CallOff[];
    expect(bastognes.map((c) => c.solutionName)).toEqual(['Mobi’Rural']);
    const totals = (
      await consultant.get(`/api/catalogue/call-offs/totals?agreement=${agreement.id}`)
    ).json() as CallOffTotals;
    const ours = totals.byCommune.filter((c) => c.key === '81015' || c.key === '82003');
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(
      expect.arrayContaining([
        { key: '81015', label: 'Messancy', count: 2, amount: 11_100 },
        { key: '82003', label: 'Bastogne', count: 1, amount: 5000 },
      ]),
    );
    expect(totals.byVendor.map((v) => v.label)).toContain('Navette Plus (démo)');
  });

  it('draws the adoption of a category: call-offs and references', async () => {
    const fauvillers = await adherentEditor('82009');
    const placed = await order(fauvillers, {
      lotId: lot(1),
      solutionId: byName.get('Signal’Commune'),
      communeNis: '82009',
      quantity: 1,
      amount: 4000,
      amountReason: 'Forfait pour la population de Fauvillers',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const adoption = (await fauvillers.get('/api/catalogue/adoption?category=citizen-reporting')).json() as Adoption;
    const sources = adoption.communes.map((c) => [c.communeNis, c.solutions[0]!.source]);
    // The demo's references (Marche-en-Famenne, Libramont-Chevigny) and Fauvillers' call-off.
    expect(sources).toEqual(
      expect.arrayContaining([
        ['82009', 'call-off'],
        ['83034', 'reference'],
        ['84077', 'reference'],
      ]),
    );
    expect(adoption.solutions).toEqual([
      { id: byName.get('Signal’Commune'), name: 'Signal’Commune', communes: adoption.communes.length },
    ]);
  });
});
