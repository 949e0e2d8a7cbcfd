import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';

const ARLON = '81001';
const AUBANGE = '81004';
const MESSANCY = '81015';

type Group = { id: string; label: string; category: string | null; status: string };

/**
 * Issue 15, finding 5: running the grouping again replaced every proposed group, deleting with them the interest
 * polls, the communes' answers and the consultant's work on them. A run now keeps what someone worked on.
 */
describe('running the grouping again', () => {
  let t: TestApp;
  let consultant: Client;
  let arlonEditor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlonEditor = await t.login(await t.createUser('commune_editor', ARLON));
    const need = (communeNis: string, title: string, description: string) =>
      consultant.post('/api/needs', { communeNis, title, description });
    await need(ARLON, 'Remplacer les lampadaires par des LED', 'Éclairage public au sodium à remplacer.');
    await need(AUBANGE, 'Éclairage public intelligent', 'Moduler les luminaires la nuit.');
    await need(ARLON, 'Wi-Fi public sur la place', 'Un accès wifi gratuit au centre.');
    await need(AUBANGE, 'Wifi gratuit à la maison communale', 'Accès wifi public pour les visiteurs.');
    await need(ARLON, 'Vélos partagés en gare', 'Des vélos électriques partagés.');
    await need(MESSANCY, 'Vélos électriques partagés', 'Location de vélos partagés pour les navetteurs.');
  });
  afterAll(() => t.close());

  const run = async () => {
    const started = await consultant.post('/api/mutualisation/runs');
    expect(started.statusCode, started.body).toBe(202);
    const ended = await t.app.services.mutualisation.waitForRun(started.json().id);
    expect(ended.status, ended.error ?? '').toBe('done');
    return started.json().id as string;
  };
  const groups = async (): Promise<Group[]> => (await consultant.get('/api/mutualisation/groups')).json();

  it('keeps a group with a poll and the communes’ answers, and one the consultant priced; replaces the others', async () => {
    await run();
    const first = await groups();
    const lighting = first.find((g) => g.category === 'public-lighting')!;
    const wifi = first.find((g) => g.category === 'public-wifi')!;
    const bikes = first.find((g) => g.category === 'car-sharing')!;
    expect([lighting, wifi, bikes].every(Boolean), JSON.stringify(first)).toBe(true);

    // A poll on the lighting group, answered by Arlon.
    const poll = await consultant.post(`/api/mutualisation/groups/${lighting.id}/polls`, {
      question: 'Rejoignez-vous l’achat groupé de luminaires LED ?',
      unit: 'point lumineux',
      deadline: '2099-12-31',
    });
    expect(poll.statusCode, poll.body).toBe(201);
    const answered = await arlonEditor.post(`/api/mutualisation/polls/${poll.json().id}/answers`, {
      answer: 'yes',
      quantity: 120,
      comment: 'Le centre-ville d’abord',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    // A price model on the Wi-Fi group, and a new name.
    const priced = await consultant.post(`/api/mutualisation/groups/${wifi.id}/actions`, {
      action: 'price-model',
      priceModel: { kind: 'volume-tiers', unit: 'borne', tiers: [{ fromQuantity: 0, unitPrice: 900 }] },
    });
    expect(priced.statusCode, priced.body).toBe(200);

    const second = await run();
    const after = await groups();
    // The worked-on groups are the same groups, still proposed, with what was entered on them.
    const keptLighting = after.find((g) => g.id === lighting.id);
    expect(keptLighting, JSON.stringify(after)).toMatchObject({ status: 'proposed' });
    const detail = (await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json();
    expect(detail.polls).toHaveLength(1);
    expect(detail.polls[0].answers.find((a: { communeNis: string }) => a.communeNis === ARLON)).toMatchObject({
      answer: 'yes',
      quantity: 120,
      comment: 'Le centre-ville d’abord',
    });
    expect((await arlonEditor.get('/api/mutualisation/polls/mine')).json()).toHaveLength(1);
    const wifiDetail = (await consultant.get(`/api/mutualisation/groups/${wifi.id}`)).json();
    expect(wifiDetail.priceModel).toMatchObject({ unit: 'borne' });
    // Their needs are not proposed a second time in another group.
    const lightingGroups = after.filter((g) => g.category === 'public-lighting');
    expect(lightingGroups.map((g) => g.id)).toEqual([lighting.id]);
    expect(after.filter((g) => g.category === 'public-wifi').map((g) => g.id)).toEqual([wifi.id]);
    // The untouched group was replaced by the new run's proposal of the same needs.
    expect(after.find((g) => g.id === bikes.id)).toBeUndefined();
    expect(after.filter((g) => g.category === 'car-sharing')).toHaveLength(1);

    // The run's audit entry says what it replaced and what it kept.
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: second, page: 1, pageSize: 50 }),
    );
    const proposed = audit.items.find((e: { action: string }) => e.action === 'mutualisation.groups-proposed');
    expect(proposed?.after).toMatchObject({ replacedGroups: 1, keptGroups: 2 });
  });

  it('keeps both halves of a group the consultant split', async () => {
    const before = await groups();
    const bikes = before.find((g) => g.category === 'car-sharing')!;
    const detail = (await consultant.get(`/api/mutualisation/groups/${bikes.id}`)).json();
    const messancy = detail.needs.find((n: { communeNis: string }) => n.communeNis === MESSANCY);
    const split = await consultant.post(`/api/mutualisation/groups/${bikes.id}/actions`, {
      action: 'split',
      needIds: [messancy.id],
    });
    expect(split.statusCode, split.body).toBe(200);
    const halves = (await groups()).filter((g) => g.category === 'car-sharing').map((g) => g.id);
    expect(halves).toHaveLength(2);

    await run();
    const after = (await groups()).filter((g) => g.category === 'car-sharing').map((g) => g.id);
    expect(after.sort()).toEqual(halves.sort());
  });

  it('carries the polls and the communes’ answers of a group merged into another: a merge deletes nothing', async () => {
    const before = await groups();
    const lighting = before.find((g) => g.category === 'public-lighting')!;
    const wifi = before.find((g) => g.category === 'public-wifi')!;
    const poll = (await consultant.get(`/api/mutualisation/groups/${lighting.id}`)).json().polls[0];
    expect(poll.answers.find((a: { communeNis: string }) => a.communeNis === ARLON)).toMatchObject({ answer: 'yes' });

    const merged = await consultant.post(`/api/mutualisation/groups/${wifi.id}/actions`, {
      action: 'merge',
      groupId: lighting.id,
    });
    expect(merged.statusCode, merged.body).toBe(200);

    // The merged group is gone; its poll, with Arlon's answer, is now the kept group's.
    expect((await groups()).find((g) => g.id === lighting.id)).toBeUndefined();
    const kept = (await consultant.get(`/api/mutualisation/groups/${wifi.id}`)).json();
    expect(kept.polls.map((p: { id: string }) => p.id)).toEqual([poll.id]);
    expect(kept.polls[0].answers.find((a: { communeNis: string }) => a.communeNis === ARLON)).toMatchObject({
      answer: 'yes',
      quantity: 120,
      comment: 'Le centre-ville d’abord',
    });
    expect(kept.priceModel).toMatchObject({ unit: 'borne' });
    // The commune still finds its poll and its answer.
    const mine = (await arlonEditor.get('/api/mutualisation/polls/mine')).json();
    expect(mine.map((p: { id: string }) => p.id)).toEqual([poll.id]);
    // The audit entry names what was carried.
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: wifi.id, page: 1, pageSize: 50 }),
    );
    const entry = audit.items.find((e: { action: string }) => e.action === 'mutualisation.merge');
    expect(entry?.after).toMatchObject({ mergedGroupId: lighting.id, carriedPollIds: [poll.id] });
  });
});
