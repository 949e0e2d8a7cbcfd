import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { documentedShape } from '../../../test/support/openapi-sweep.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { explainGroup } from '../../domain/mutualisation/grouping.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { groupNeedsInDatabase } from './grouping-engine.ts';
import { LABELLED_NEEDS, pairwiseScores } from './labelled-needs.test-support.ts';

const ARLON = '81001';
const AUBANGE = '81004';

/**
 * Grouping the needs register into mutualisation groups, the agency's decisions on them, the interest poll and the
 * purchase that follows. Each test enters the needs its groups are made of, each of its own subject (lighting,
 * waste, electric charging), so that a run groups them apart from the other tests' needs.
 */
describe('mutualisation of the needs register', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
  });
  afterAll(() => t.close());

  it('groups the labelled French needs with a pairwise precision ≥ 0.9 and recall ≥ 0.95', async () => {
    const groups = await groupNeedsInDatabase(
      t.database.db,
      LABELLED_NEEDS.map((n) => ({
        id: n.id,
        communeNis: n.nis,
        title: n.title,
        description: n.description,
        category: null,
      })),
    );
    const scores = pairwiseScores(
      groups.map((g) => g.needIds),
      LABELLED_NEEDS,
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.95);
    // Needs that match nothing stay alone.
    const grouped = new Set(groups.flatMap((g) => g.needIds));
    for (const need of LABELLED_NEEDS.filter((n) => n.gold === null)) expect(grouped.has(need.id)).toBe(false);
    const lighting = groups.find((g) => g.category === 'public-lighting')!;
    expect(lighting.reason).toContain('Éclairage public intelligent');
    expect(lighting.sharedTerms).toContain('lampadaire');
    // The facts behind the French reason are kept, so another language can word them.
    expect(lighting.explanation.category).toBe('public-lighting');
    expect(lighting.explanation.taxonomyTerms).toContain('lampadaire');
    expect(explainGroup(lighting.explanation).reason).toBe(lighting.reason);
  });

  it('the calculator groups needs over HTTP in the CLI format, storing nothing', async () => {
    const arlonViewer = await make.signedIn(t, 'commune_viewer', ARLON);
    const response = await arlonViewer.post('/api/analysis/needs', {
      needs: [
        { id: 'a', nis_code: ARLON, title: 'Wi-Fi gratuit sur la place', description: '' },
        { id: 'b', nis_code: AUBANGE, title: 'Bornes wifi dans les villages', description: 'hotspots' },
        { id: 'c', nis_code: AUBANGE, title: 'Fête du village', description: '' },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      groups: [{ needs: ['a', 'b'], communes: [ARLON, AUBANGE], label: 'Wi-Fi public', reason: expect.any(String) }],
    });
    const bad = await arlonViewer.post('/api/analysis/needs', {
      needs: [{ id: 'a', nis_code: ARLON, title: 'x', category: 'nope' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('nope');
    const tooMany = await arlonViewer.post('/api/analysis/needs', {
      needs: Array.from({ length: 5001 }, (_, i) => ({ id: `n${i}`, nis_code: ARLON, title: 'Wi-Fi' })),
    });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().error.code).toBe('TOO_MANY_NEEDS');
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(documentedShape(spec, 'POST', '/api/analysis/needs')).toEqual({
      body: expect.arrayContaining(['needs']),
      response: expect.arrayContaining(['groups']),
    });
    expect(documentedShape(spec, 'POST', '/api/mutualisation/runs', '202').response).toEqual(
      expect.arrayContaining(['id', 'status', 'progress', 'step']),
    );
    expect(documentedShape(spec, 'POST', '/api/needs/import/preview')).toEqual({
      body: ['contentBase64', 'filename'],
      response: expect.arrayContaining(['rows', 'valid', 'invalid', 'missingColumns']),
    });
  });

  it('a consultant groups the register, confirms a group, polls interest; an editor answers; the purchase follows', async () => {
    const arlonEditor = await make.signedIn(t, 'commune_editor', ARLON);
    const arlonViewer = await make.signedIn(t, 'commune_viewer', ARLON);
    const aubangeEditor = await make.signedIn(t, 'commune_editor', AUBANGE);
    await make.need(arlonEditor, {
      communeNis: ARLON,
      title: 'Remplacer les lampadaires par des LED',
      description: 'Les lampadaires au sodium du centre consomment trop.',
      dimensions: ['environment'],
      category: 'public-lighting',
      urgency: 'high',
      estimatedBudget: 95000,
      timeframe: 'short',
      source: 'meeting',
    });
    await make.need(aubangeEditor, {
      communeNis: AUBANGE,
      title: 'Éclairage public intelligent',
      description: 'Moduler l’intensité des luminaires la nuit.',
    });
    const started = await consultant.post('/api/mutualisation/runs');
    expect(started.statusCode, started.body).toBe(202);
    await t.app.services.mutualisation.waitForRun(started.json().id);
    const run = (await consultant.get(`/api/mutualisation/runs/${started.json().id}`)).json();
    expect(run).toMatchObject({ status: 'done', progress: 1 });
    expect(run.stats.groups).toBeGreaterThan(0);

    const groups = (await consultant.get('/api/mutualisation/groups')).json();
    const lighting = groups.find((g: { category: string }) => g.category === 'public-lighting');
    expect(lighting.communeNames, JSON.stringify(lighting)).toEqual(['Arlon', 'Aubange']);
    expect(lighting.explanation).toMatchObject({ category: 'public-lighting' });
    // A commune user sees the groups their commune is in.
    expect((await arlonViewer.get('/api/mutualisation/groups')).json().map((g: { id: string }) => g.id)).toContain(
      lighting.id,
    );

    const detail = (await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json();
    expect(detail.communes.map((c: { name: string }) => c.name)).toEqual(['Arlon', 'Aubange']);
    expect(detail.totals.budget).toBe(95000);
    expect(detail.totals.population).toBeGreaterThan(30000);
    // What the caller may do comes with the group: a proposed group is not bought yet; a commune user only reads it.
    expect(detail.permissions).toEqual({ manage: true, poll: true, buy: false });
    expect((await arlonViewer.get(`/api/mutualisation/groups/${lighting.id}`)).json().permissions).toEqual({
      manage: false,
      poll: false,
      buy: false,
    });

    const confirmed = await consultant.post(`/api/mutualisation/groups/${lighting.id}/actions`, { action: 'confirm' });
    expect(confirmed.json().status).toBe('confirmed');
    expect(confirmed.json().permissions.buy).toBe(true);
    const model = {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers: [
        { fromQuantity: 0, unitPrice: 500 },
        { fromQuantity: 300, unitPrice: 400 },
      ],
    };
    const priced = await consultant.post(`/api/mutualisation/groups/${lighting.id}/actions`, {
      action: 'price-model',
      priceModel: model,
    });
    expect(priced.statusCode, priced.body).toBe(200);

    const poll = await consultant.post(`/api/mutualisation/groups/${lighting.id}/polls`, {
      question: 'Rejoignez-vous l’achat groupé de luminaires LED ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
    });
    expect(poll.statusCode, poll.body).toBe(201);
    expect(poll.json().answers.map((a: { communeNis: string }) => a.communeNis)).toEqual([ARLON, AUBANGE]);

    const mine = (await arlonEditor.get('/api/mutualisation/polls/mine')).json();
    expect(mine[0].groupLabel).toBe('Éclairage public intelligent');
    // The editor answers their commune's open poll; its viewer may not, nor is the consultant asked it.
    expect(mine[0].permissions).toEqual({ answer: true });
    expect((await arlonViewer.get('/api/mutualisation/polls/mine')).json()[0].permissions).toEqual({ answer: false });
    expect(poll.json().permissions).toEqual({ answer: false });
    expect(
      (await arlonEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes' })).json().error
        .code,
    ).toBe('VALIDATION_FAILED');
    expect(
      (await arlonViewer.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes', quantity: 1 }))
        .statusCode,
    ).toBe(403);
    const answered = await arlonEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, {
      answer: 'yes',
      quantity: 200,
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await aubangeEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, { answer: 'yes', quantity: 150 });

    // Through a lot of the agency's framework agreement (the demo catalogue's lot 2, public lighting).
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-01-10T00:00:00Z'));
    const [agreement] = await t.app.services.catalogue.agreements(CLI_CONTEXT.actor);
    const lot2 = agreement!.lots.find((lot) => lot.number === 2)!;
    const lumigest = agreement!.lots.find((l) => l.number === 2)!.solutions.find((s) => s.name === 'LumiGest')!;
    const buy = (body: Record<string, unknown>) =>
      consultant.post(`/api/mutualisation/groups/${lighting.id}/purchase`, {
        title: 'Achat groupé de luminaires LED',
        lotId: lot2.id,
        solutionId: lumigest.solutionId,
        ...body,
      });
    const unknownLot = await buy({ lotId: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c' });
    expect(unknownLot.statusCode).toBe(400);
    expect(unknownLot.json().error.code).toBe('LOT_NOT_FOUND');
    expect((await buy({ solutionId: null })).json().error.code).toBe('VALIDATION_FAILED');
    // Aubange has not adhered to the demo agreement (Arlon has): the consultant must confirm adhering on its behalf.
    const unconfirmed = await buy({});
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error).toMatchObject({
      code: 'PURCHASE_NEEDS_CONFIRMATION',
      details: { warnings: [{ code: 'not-adherent', communes: ['Aubange'] }] },
    });
    expect(unconfirmed.json().error.message).toContain('Aubange n’a pas adhéré');
    const purchase = await buy({ confirmed: ['not-adherent'] });
    expect(purchase.statusCode, purchase.body).toBe(201);
    expect(purchase.json().lot).toEqual({
      id: lot2.id,
      agreementId: agreement!.id,
      label: `lot 2 « Territoire connecté » de l’accord-cadre ${agreement!.reference}, attribué à Territoires Intelligents SA (démo)`,
    });
    expect(purchase.json().solution).toEqual({ id: lumigest.solutionId, name: 'LumiGest' });
    expect((await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json().purchase.lot.id).toBe(lot2.id);
    // 350 points together reach the 400 € tier; alone each pays 500 €.
    expect(purchase.json().totals).toEqual({ quantity: 350, costAlone: 175000, costTogether: 140000, saving: 35000 });
    expect(purchase.json().lines).toEqual([
      { communeNis: ARLON, communeName: 'Arlon', quantity: 200, amount: 80000, callOffId: expect.any(String) },
      { communeNis: AUBANGE, communeName: 'Aubange', quantity: 150, amount: 60000, callOffId: expect.any(String) },
    ]);
    // The lot's consumption shows it, like the call-offs it is made of.
    const after = (await consultant.get(`/api/catalogue/agreements/${agreement!.id}`)).json();
    expect(after.lots.find((l: { number: number }) => l.number === 2).consumption).toMatchObject({
      ordered: 140000,
      remaining: 460000,
    });
    expect(after.adherents.map((a: { communeNis: string }) => a.communeNis).sort()).toEqual([ARLON, AUBANGE]);
    // An Arlon editor sees Arlon's line of the purchase only.
    const seenByArlon = (await arlonEditor.get(`/api/mutualisation/groups/${lighting.id}`)).json().purchase;
    expect(seenByArlon.lines.map((l: { communeNis: string }) => l.communeNis)).toEqual([ARLON]);
    expect(seenByArlon.totals).toBeNull();

    // A new run keeps the confirmed group and its decisions.
    const second = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(second.id);
    expect((await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json().status).toBe('confirmed');
  });

  it('splits, merges and dismisses groups, and a dismissed group is not proposed again', async () => {
    for (const [nis, title, description] of [
      [ARLON, 'Capteurs de remplissage des poubelles', 'Optimiser la collecte des déchets.'],
      [AUBANGE, 'Conteneurs à verre connectés', 'Connaître le remplissage des bulles à verre.'],
      ['83012', 'Collecte des déchets optimisée', ''],
    ] as const) {
      await consultant.post('/api/needs', { communeNis: nis, title, description });
    }
    const run = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(run.id);
    const waste = (await consultant.get('/api/mutualisation/groups?status=proposed'))
      .json()
      .find((g: { category: string }) => g.category === 'waste');
    expect(waste.needCount).toBe(3);
    const detail = (await consultant.get(`/api/mutualisation/groups/${waste.id}`)).json();
    const split = await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, {
      action: 'split',
      needIds: [detail.needs[0].id],
    });
    expect(split.json().needCount).toBe(2);
    const others = (await consultant.get('/api/mutualisation/groups?status=proposed')).json();
    const piece = others.find((g: { category: string; id: string }) => g.category === 'waste' && g.id !== waste.id);
    expect(piece.needCount).toBe(1);
    // The new group names whose need it holds, so the two read apart.
    expect(piece.label).toBe(`${waste.label} — ${detail.needs[0].communeName}`);
    const merged = await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, {
      action: 'merge',
      groupId: piece.id,
    });
    expect(merged.json().needCount).toBe(3);
    await consultant.post(`/api/mutualisation/groups/${waste.id}/actions`, { action: 'dismiss' });
    const rerun = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(rerun.id);
    const after = (await consultant.get('/api/mutualisation/groups')).json();
    expect(
      after.filter((g: { category: string }) => g.category === 'waste').map((g: { status: string }) => g.status),
    ).toEqual(['dismissed']);
  });

  it('proposes the category a run recognised on a need entered without one; accepting it is one audited update', async () => {
    const arlonEditor = await make.signedIn(t, 'commune_editor', ARLON);
    const arlonViewer = await make.signedIn(t, 'commune_viewer', ARLON);
    const bikes = (
      await arlonEditor.post('/api/needs', {
        communeNis: ARLON,
        title: 'Installer des bornes de recharge',
        description: 'Sur la place, pour les voitures électriques des visiteurs.',
      })
    ).json();
    const unknown = (await arlonEditor.post('/api/needs', { communeNis: ARLON, title: 'Fête de la musique' })).json();
    expect(bikes.suggestedCategory).toBeNull();
    const run = (await consultant.post('/api/mutualisation/runs')).json();
    await t.app.services.mutualisation.waitForRun(run.id);
    expect(
      (await consultant.get(`/api/mutualisation/runs/${run.id}`)).json().stats.suggestedCategories,
    ).toBeGreaterThan(0);

    const proposed = (await arlonViewer.get(`/api/needs/${bikes.id}`)).json();
    expect(proposed).toMatchObject({ category: null, suggestedCategory: 'ev-charging' });
    const listed = (await arlonViewer.get('/api/needs')).json();
    expect(listed.find((n: { id: string }) => n.id === bikes.id).suggestedCategory).toBe('ev-charging');
    expect(listed.find((n: { id: string }) => n.id === unknown.id).suggestedCategory).toBeNull();
    // A need that was given a category gets no suggestion.
    expect(
      listed.filter(
        (n: { category: string | null; suggestedCategory: string | null }) => n.category && n.suggestedCategory,
      ),
    ).toEqual([]);

    const accepted = await arlonEditor.patch(`/api/needs/${bikes.id}`, { category: proposed.suggestedCategory });
    expect(accepted.json()).toMatchObject({ category: 'ev-charging', suggestedCategory: null });
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: bikes.id, page: 1, pageSize: 50 }),
    );
    const update = audit.items.find((e: { action: string }) => e.action === 'need.update')!;
    expect(update).toMatchObject({ before: { category: null }, after: { category: 'ev-charging' } });
  });
});
