import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Agreement } from '../../domain/catalogue/agreements.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const ARLON = '81001';
const AUBANGE = '81004';
const HABAY = '85046';

/**
 * Issue 10, defect 3: a joint purchase through a framework lot consumed nothing and ignored the lot's ceiling (a lot
 * with 588 750 € left accepted 1 125 000 €). It now places its communes' call-offs through the catalogue's one
 * mechanism, so it consumes and respects the ceilings like any order, also when orders arrive at once; a purchase of
 * one commune or without saving asks for confirmation and says why.
 */
describe('a joint purchase through a framework lot', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
  let agreement: Agreement;
  let lumigest: string;

  /** A confirmed lighting group of the communes given, polled, each answering yes with its quantity. */
  async function groupAnswered(answers: [string, number | null, number | null][], priced = true) {
    const needIds: string[] = [];
    for (const [nis] of answers) {
      const need = await t.app.services.needs.create(CLI_CONTEXT, {
        communeNis: nis,
        title: 'Éclairage public LED',
        description: 'Remplacer les luminaires',
        dimensions: [],
        category: 'public-lighting',
        urgency: 'medium',
        estimatedBudget: 50_000,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      });
      needIds.push(need.id);
    }
    const group = await t.app.services.uow.write((repos) =>
      repos.mutualisationGroups.insertGroup(
        { label: 'Éclairage public LED', reason: 'test', status: 'confirmed' },
        needIds,
      ),
    );
    if (priced) {
      const priced = await consultant.post(`/api/mutualisation/groups/${group.id}/actions`, {
        action: 'price-model',
        priceModel: {
          kind: 'volume-tiers',
          unit: 'point lumineux',
          tiers: [
            { fromQuantity: 0, unitPrice: 500 },
            { fromQuantity: 300, unitPrice: 400 },
          ],
        },
      });
      expect(priced.statusCode, priced.body).toBe(200);
    }
    const poll = await t.app.services.mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
      audience: 'group',
    });
    for (const [communeNis, quantity, budget] of answers) {
      await t.app.services.mutualisation.answer(CLI_CONTEXT, poll.id, {
        communeNis,
        answer: 'yes',
        quantity,
        budget,
        comment: null,
      });
    }
    return group.id;
  }

  const lotWithCeiling = async (number: number, ceiling: number) => {
    const created = await consultant.post(`/api/catalogue/agreements/${agreement.id}/lots`, {
      number,
      title: `Lot d’essai ${number}`,
      vendor: 'Fournisseur (démo)',
      ceiling,
      solutions: [{ solutionId: lumigest, unitPrice: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as Agreement).lots.find((l) => l.number === number)!;
  };
  const lotNow = async (lotId: string) =>
    ((await consultant.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement).lots.find(
      (l) => l.id === lotId,
    )!;
  const buy = (groupId: string, body: Record<string, unknown>) =>
    consultant.post(`/api/mutualisation/groups/${groupId}/purchase`, {
      title: 'Achat groupé LED',
      solutionId: lumigest,
      confirmed: ['not-adherent'],
      ...body,
    });

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlon = await t.login(await t.createUser('commune_editor', ARLON));
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date());
    agreement = (await t.app.services.catalogue.agreements(CLI_CONTEXT.actor))[0]!;
    lumigest = agreement.lots.find((l) => l.number === 2)!.solutions.find((s) => s.name === 'LumiGest')!.solutionId;
  });
  afterAll(() => t.close());

  it('is refused beyond the lot’s ceiling and writes nothing; within it, the lot’s consumption shows it', async () => {
    const groupId = await groupAnswered([
      [ARLON, 200, null],
      [AUBANGE, 150, null],
    ]);
    const small = await lotWithCeiling(11, 100_000);
    const draft = (
      await consultant.get(`/api/mutualisation/groups/${groupId}/purchase/draft?lotId=${small.id}`)
    ).json();
    expect(draft).toMatchObject({ amount: 140_000, lot: { remaining: 100_000 } });

    const refused = await buy(groupId, { lotId: small.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('LOT_CEILING_EXCEEDED');
    expect((await lotNow(small.id)).consumption.ordered).toBe(0);
    const group = (await consultant.get(`/api/mutualisation/groups/${groupId}`)).json();
    expect(group.purchase).toBeNull();
    const adherents = ((await consultant.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement)
      .adherents;
    expect(adherents.map((a) => a.communeNis)).not.toContain(AUBANGE);

    const big = await lotWithCeiling(12, 150_000);
    const made = await buy(groupId, { lotId: big.id });
    expect(made.statusCode, made.body).toBe(201);
    expect((await lotNow(big.id)).consumption).toMatchObject({ ordered: 140_000, remaining: 10_000 });
    const calls = (await consultant.get(`/api/catalogue/call-offs?lot=${big.id}`)).json();
    expect(
      calls.map((c: { communeNis: string; amount: number; note: string }) => [c.communeNis, c.amount, c.note]),
    ).toEqual(
      expect.arrayContaining([
        [ARLON, 80_000, 'Achat groupé « Achat groupé LED »'],
        [AUBANGE, 60_000, 'Achat groupé « Achat groupé LED »'],
      ]),
    );
    // What is left is left for everyone: a commune's order beyond it is refused too.
    const order = await arlon.post('/api/catalogue/call-offs', {
      lotId: big.id,
      solutionId: lumigest,
      communeNis: ARLON,
      quantity: 2500,
      amount: 11_250,
    });
    expect(order.json().error.code).toBe('LOT_CEILING_EXCEEDED');
  });

  it('shares the lot with a commune’s order arriving at the same time: the ceiling holds', async () => {
    const groupId = await groupAnswered([
      [ARLON, 200, null],
      [HABAY, 150, null],
    ]);
    const lot = await lotWithCeiling(13, 150_000);
    // 140 000 € for the purchase and 11 250 € for Arlon's own order: each fits alone, not both.
    const [purchase, order] = await Promise.all([
      buy(groupId, { lotId: lot.id }),
      arlon.post('/api/catalogue/call-offs', {
        lotId: lot.id,
        solutionId: lumigest,
        communeNis: ARLON,
        quantity: 2500,
        amount: 11_250,
      }),
    ]);
    expect([purchase.statusCode, order.statusCode].sort()).toEqual([201, 422]);
    const failed = purchase.statusCode === 422 ? purchase : order;
    expect(failed.json().error.code).toBe('LOT_CEILING_EXCEEDED');
    const consumed = (await lotNow(lot.id)).consumption.ordered;
    expect([140_000, 11_250]).toContain(consumed);
    expect(consumed).toBeLessThanOrEqual(150_000);
  });

  it('asks to confirm a purchase of one commune or without saving, and says why', async () => {
    const groupId = await groupAnswered([[ARLON, null, 30_000]], false);
    const lot2 = agreement.lots.find((l) => l.number === 2)!;
    const draft = (await consultant.get(`/api/mutualisation/groups/${groupId}/purchase/draft?lotId=${lot2.id}`)).json();
    expect(draft.warnings.map((w: { code: string; reason?: string }) => [w.code, w.reason])).toEqual([
      ['single-commune', undefined],
      ['no-saving', 'no-price-model'],
    ]);
    const unconfirmed = await buy(groupId, { lotId: lot2.id, confirmed: ['single-commune'] });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.code).toBe('PURCHASE_NEEDS_CONFIRMATION');
    expect(unconfirmed.json().error.message).toContain('Aucun modèle de prix');
    const made = await buy(groupId, { lotId: lot2.id, confirmed: ['single-commune', 'no-saving'] });
    expect(made.statusCode, made.body).toBe(201);
    // A budget without quantity orders one unit for that budget.
    expect(made.json().lines).toEqual([
      { communeNis: ARLON, communeName: 'Arlon', quantity: 0, amount: 30_000, callOffId: expect.any(String) },
    ]);
    expect((await buy(groupId, { lotId: lot2.id })).json().error.code).toBe('PURCHASE_EXISTS');
  });

  it('keeps the savings scenario’s quantities with the model; a commune user reads its own line only (issue 10)', async () => {
    const groupId = await groupAnswered([
      [ARLON, 200, null],
      [AUBANGE, 150, null],
    ]);
    const model = {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers: [
        { fromQuantity: 0, unitPrice: 500 },
        { fromQuantity: 300, unitPrice: 400 },
      ],
    };
    const rising = await consultant.post(`/api/mutualisation/groups/${groupId}/actions`, {
      action: 'price-model',
      priceModel: { ...model, tiers: [model.tiers[0], { fromQuantity: 300, unitPrice: 600 }] },
    });
    expect(rising.statusCode).toBe(400);
    expect(rising.json().error.message).toContain(
      'le prix unitaire ne peut pas augmenter d’un palier au suivant (« priceModel.tiers.1.unitPrice »)',
    );
    const stranger = await consultant.post(`/api/mutualisation/groups/${groupId}/actions`, {
      action: 'price-model',
      priceModel: model,
      quantities: { [ARLON]: 200, '85046': 10 },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.code).toBe('COMMUNE_NOT_IN_GROUP');
    const saved = await consultant.post(`/api/mutualisation/groups/${groupId}/actions`, {
      action: 'price-model',
      priceModel: model,
      quantities: { [ARLON]: 200, [AUBANGE]: 180 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await consultant.get(`/api/mutualisation/groups/${groupId}`)).json().scenarioQuantities).toEqual({
      [ARLON]: 200,
      [AUBANGE]: 180,
    });
    const seen = (await arlon.get(`/api/mutualisation/groups/${groupId}`)).json();
    expect(seen.scenarioQuantities).toEqual({ [ARLON]: 200 });
    // 380 points together reach the 400 € tier: Arlon pays 80 000 € instead of 100 000 €.
    expect(seen.yourShare).toEqual({ quantity: 200, costAlone: 100_000, costTogether: 80_000, saving: 20_000 });
  });
});
