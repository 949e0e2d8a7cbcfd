import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Adoption } from '../../domain/catalogue/adoption.ts';
import type { Agreement, CallOff, CallOffTotals } from '../../domain/catalogue/agreements.ts';
import type { SearchResult } from '../../domain/catalogue/search.ts';
import type { Shortlist } from '../../domain/catalogue/shortlists.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { seedCatalogueDemo } from './catalogue-demo.ts';

/**
 * The catalogue through the API, on the demo catalogue: French search with facets, the buyer's journey (saved search,
 * shortlist, comparison, exports, outcome), adhesion and call-offs under the ceilings (also two at once), adoption.
 */
describe('framework-agreement catalogue', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
  let arlonViewer: Client;
  let aubange: Client;
  let agreement: Agreement;
  const byName = new Map<string, string>();

  const search = async (client: Client, params: string) => {
    const response = await client.get(`/api/catalogue/search?${params}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SearchResult;
  };
  const names = (result: SearchResult) => result.hits.map((h) => h.name);

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.login(await t.createUser('consultant'));
    arlon = await t.login(await t.createUser('commune_editor', '81001'));
    arlonViewer = await t.login(await t.createUser('commune_viewer', '81001'));
    aubange = await t.login(await t.createUser('commune_editor', '81004'));
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date(), CLI_CONTEXT);
    const all = (await consultant.get('/api/catalogue/solutions')).json() as Solution[];
    for (const s of all) byName.set(s.name, s.id);
    agreement = ((await consultant.get('/api/catalogue/agreements')).json() as Agreement[])[0]!;
  }, 60_000);
  afterAll(() => t.close());

  describe('search', () => {
    it.each([
      ['lampadaires', 'LumiGest'], // a taxonomy term (synonym), in the plural
      ['eclairage public', 'LumiGest'], // without its accent
      ['signalements', 'Signal’Commune'], // plural of a category word
      ['dechets', 'TriMalin'], // taxonomy term, accent dropped
      ['démarches en ligne', 'Guichet Citoyen'],
      ['nid de poule', 'Signal’Commune'],
      ['particpation citoyenne', 'Participons'], // a typo
      ['réservation de salle', 'Salles & Matériel'],
      ['trajets GTFS', 'Mobi’Rural'],
    ])('“%s” finds %s first', async (q, expected) => {
      const result = await search(consultant, `q=${encodeURIComponent(q)}`);
      expect(names(result)[0], JSON.stringify(names(result))).toBe(expected);
    });

    it('says which category of the taxonomy the query names', async () => {
      const result = await search(arlon, 'q=lampadaires');
      expect(result.namedCategories).toEqual(['public-lighting']);
      expect(result.approximate).toBe(false);
      const typo = await search(arlon, 'q=lampadiares');
      expect(typo.approximate).toBe(true);
      expect(names(typo)[0]).toBe('LumiGest');
    });

    it('finds nothing for words that are in no solution', async () => {
      const result = await search(consultant, 'q=sous-marin%20nucléaire');
      expect(result.total).toBe(0);
    });

    it('counts the facets, each without its own filter', async () => {
      const result = await search(arlon, 'status=listed');
      expect(result.total).toBe(8);
      expect(result.hits.every((h) => h.status === 'listed')).toBe(true);
      // the status facet still counts the other statuses a commune user may see (not what is under watch)
      expect(Object.fromEntries(result.facets.status.map((f) => [f.value, f.count]))).toEqual({
        listed: 8,
        evaluated: 3,
      });
      expect(result.facets.hosting.find((f) => f.value === 'belgium')?.count).toBe(7);
      const dcat = await search(arlon, 'standard=DCAT-AP');
      expect(names(dcat).sort()).toEqual(['Balad’App', 'GéoCommune']);
      const both = await search(arlon, 'standard=DCAT-AP,INSPIRE');
      expect(names(both)).toEqual(['GéoCommune']);
      const mobility = await search(arlon, 'q=capteurs&dimension=environment&priceModel=per-licence');
      expect(names(mobility)).toEqual(['TriMalin']);
    });

    it('hides what is under watch from commune users, not from agency staff', async () => {
      expect(names(await search(arlon, 'q=qualité%20de%20l%E2%80%99air'))).not.toContain('AirCapt');
      expect(names(await search(consultant, 'q=qualité%20de%20l%E2%80%99air'))).toContain('AirCapt');
      expect((await arlon.get(`/api/catalogue/solutions/${byName.get('AirCapt')}`)).statusCode).toBe(404);
    });

    it('refuses an unknown facet value, naming it', async () => {
      const response = await arlon.get('/api/catalogue/search?hosting=mars');
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error.details)).toContain('hosting');
    });
  });

  it('documents its routes in the OpenAPI document', async () => {
    const response = await t.anonymous.get('/api/openapi.json');
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toContain('/api/catalogue/solutions');
    expect(paths).toContain('/api/catalogue/call-offs');
    expect(paths).toContain('/api/watch/items/{id}/promote');
  });

  describe('solutions and agreements', () => {
    it('lists the listed solutions of a category for the implementation feature', async () => {
      const response = await arlon.get('/api/catalogue/solutions?status=listed&category=citizen-reporting');
      expect(response.statusCode).toBe(200);
      const list = response.json() as Solution[];
      expect(list.map((s) => s.name)).toEqual(['Signal’Commune']);
      expect(list[0]!.lots[0]).toMatchObject({ lotNumber: 1, agreementReference: agreement.reference });
    });

    it('lets only agency staff edit, and refuses a bad status move', async () => {
      const body = {
        name: 'Nouvelle solution',
        vendor: 'Fournisseur',
        summary: 'Résumé',
        categories: ['waste'],
        hosting: 'eu',
        pricing: { model: 'flat', amount: 100 },
      };
      expect((await arlon.post('/api/catalogue/solutions', body)).statusCode).toBe(403);
      const bad = await consultant.post('/api/catalogue/solutions', { ...body, categories: ['teleportation'] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0]).toMatchObject({ code: 'UNKNOWN_CATEGORY' });
      const created = await consultant.post('/api/catalogue/solutions', body);
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as Solution).id;
      expect((await consultant.patch(`/api/catalogue/solutions/${id}`, { status: 'listed' })).statusCode).toBe(200);
      const back = await consultant.patch(`/api/catalogue/solutions/${id}`, { status: 'watch' });
      expect(back.statusCode).toBe(422);
      expect(back.json().error.code).toBe('SOLUTION_STATUS_MOVE');
      // renamed: the search finds it by its new name
      const renamed = await consultant.patch(`/api/catalogue/solutions/${id}`, { name: 'Compostière connectée' });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(names(await search(consultant, 'q=compostiere'))).toEqual(['Compostière connectée']);
    });

    it('shows the agreement with its lots, vendors, ceilings and solutions; a commune user sees only its adhesion', async () => {
      expect(agreement.lots.map((l) => [l.number, l.vendor, l.consumption.ceiling])).toEqual([
        [1, 'Consortium Services Publics (démo)', 400_000],
        [2, 'Territoires Intelligents SA (démo)', 600_000],
        [3, 'Navette Plus (démo)', 250_000],
      ]);
      expect(agreement.lots[0]!.solutions.map((s) => s.name)).toContain('Guichet Citoyen');
      expect(agreement.adherents.map((a) => a.communeNis)).toEqual(['81001']);
      const seenByAubange = (await aubange.get(`/api/catalogue/agreements/${agreement.id}`)).json() as Agreement;
      expect(seenByAubange.adherents).toEqual([]);
    });
  });

  describe('adhesion and call-offs', () => {
    const order = (client: Client, body: Record<string, unknown>) => client.post('/api/catalogue/call-offs', body);
    const lot = (n: number) => agreement.lots.find((l) => l.number === n)!.id;

    it('lets a commune editor order a listed solution for its own commune only', async () => {
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
        communeNis: '81001',
        quantity: 1,
        amount: 600,
      };
      const responses = await Promise.all([order(arlon, body), order(consultant, body), order(arlon, body)]);
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
      const body = {
        lotId: lot(2),
        solutionId: byName.get('LumiGest'),
        communeNis: '81001',
        quantity: 2500,
      };
      // 4,50 € per light point × 2 500.
      const changed = await order(arlon, { ...body, amount: 10_000 });
      expect(changed.statusCode).toBe(400);
      expect(changed.json().error).toMatchObject({ code: 'AMOUNT_REASON_REQUIRED' });
      expect(changed.json().error.message.replace(/[\u00a0\u202f]/g, ' ')).toContain('11 250 €');
      const placed = await order(arlon, { ...body, amount: 11_250 });
      expect(placed.statusCode, placed.body).toBe(201);
      expect(placed.json()).toMatchObject({ amount: 11_250, computedAmount: 11_250, amountReason: null });
      const again = await order(arlon, { ...body, amount: 11_250 });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('DUPLICATE_CALL_OFF');
      expect(again.json().error.message).toContain('identique');
      const confirmed = await order(arlon, { ...body, amount: 11_250, confirmDuplicate: true });
      expect(confirmed.statusCode).toBe(201);
      const discounted = await order(arlon, { ...body, amount: 10_000, amountReason: 'Remise de lancement' });
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
      const mine = (await arlon.get('/api/catalogue/call-offs')).json() as CallOff[];
      expect(new Set(mine.map((c) => c.communeNis))).toEqual(new Set(['81001']));
      expect((await arlon.get('/api/catalogue/call-offs?commune=81004')).statusCode).toBe(403);
      const aubangeOnes = (await consultant.get('/api/catalogue/call-offs?commune=81004')).json() as CallOff[];
      expect(aubangeOnes.map((c) => c.solutionName)).toEqual(['Mobi’Rural']);
      const totals = (
        await consultant.get(`/api/catalogue/call-offs/totals?agreement=${agreement.id}`)
      ).json() as CallOffTotals;
      expect(totals.byCommune).toEqual([
        { key: '81001', label: 'Arlon', count: 2, amount: 11_100 },
        { key: '81004', label: 'Aubange', count: 1, amount: 5000 },
      ]);
      expect(totals.byVendor.map((v) => v.label)).toContain('Navette Plus (démo)');
    });

    it('draws the adoption of a category: call-offs and references', async () => {
      const adoption = (await arlon.get('/api/catalogue/adoption?category=citizen-reporting')).json() as Adoption;
      expect(adoption.communes.map((c) => [c.communeNis, c.solutions[0]!.source])).toEqual([
        ['81001', 'call-off'],
        ['83034', 'reference'],
        ['84077', 'reference'],
      ]);
      expect(adoption.solutions).toEqual([{ id: byName.get('Signal’Commune'), name: 'Signal’Commune', communes: 3 }]);
    });
  });

  describe('buyer journey', () => {
    let shortlist: Shortlist;

    it('saves a search, for its author only', async () => {
      const saved = await arlon.post('/api/catalogue/saved-searches', {
        name: 'Signalements',
        query: { q: 'signalement', status: ['listed'] },
      });
      expect(saved.statusCode, saved.body).toBe(201);
      expect(((await arlon.get('/api/catalogue/saved-searches')).json() as unknown[]).length).toBe(1);
      expect(((await aubange.get('/api/catalogue/saved-searches')).json() as unknown[]).length).toBe(0);
      expect((await aubange.delete(`/api/catalogue/saved-searches/${saved.json().id}`)).statusCode).toBe(403);
    });

    it('keeps a shortlist for the commune, compares it and exports it', async () => {
      const ids = [byName.get('Signal’Commune')!, byName.get('Guichet Citoyen')!];
      const created = await arlon.post('/api/catalogue/shortlists', { name: 'Relation citoyenne', solutionIds: ids });
      expect(created.statusCode, created.body).toBe(201);
      shortlist = created.json();
      expect(shortlist.communeNis).toBe('81001');
      expect((await aubange.get(`/api/catalogue/shortlists/${shortlist.id}`)).statusCode).toBe(403);
      expect(((await aubange.get('/api/catalogue/shortlists')).json() as unknown[]).length).toBe(0);

      const compared = (await arlon.get(`/api/catalogue/compare?ids=${ids.join(',')}`)).json() as Solution[];
      expect(compared.map((s) => s.name)).toEqual(['Signal’Commune', 'Guichet Citoyen']);
      const tooMany = await arlon.get(`/api/catalogue/compare?ids=${[...byName.values()].slice(0, 5).join(',')}`);
      expect(tooMany.json().error.code).toBe('COMPARE_COUNT');

      const xlsx = await arlon.get(`/api/catalogue/shortlists/${shortlist.id}/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as never);
      const sheet = workbook.worksheets[0]!;
      const rows = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join(' | ') : ''));
      expect(rows.join('\n')).toContain('Critère | Signal’Commune (démo) | Guichet Citoyen (démo)');
      expect(rows.join('\n')).toContain('Hébergement | Union européenne | Belgique');
      const pdf = await arlon.get(`/api/catalogue/shortlists/${shortlist.id}/export.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    });

    it('records the outcome: a solution of the shortlist and why', async () => {
      const wrong = await arlon.put(`/api/catalogue/shortlists/${shortlist.id}/outcome`, {
        kind: 'chosen',
        solutionId: byName.get('LumiGest'),
        reason: 'Moins cher',
      });
      expect(wrong.json().error.code).toBe('OUTCOME_NOT_SHORTLISTED');
      const chosen = await arlon.put(`/api/catalogue/shortlists/${shortlist.id}/outcome`, {
        kind: 'chosen',
        solutionId: byName.get('Signal’Commune'),
        reason: 'Déjà utilisée à Marche-en-Famenne ; API ouverte.',
      });
      expect(chosen.statusCode, chosen.body).toBe(200);
      expect((chosen.json() as Shortlist).outcome).toMatchObject({
        kind: 'chosen',
        solutionId: byName.get('Signal’Commune'),
      });
      expect(
        (await arlonViewer.put(`/api/catalogue/shortlists/${shortlist.id}/outcome`, { kind: 'none', reason: 'Non' }))
          .statusCode,
      ).toBe(403);
    });
  });

  describe('a shortlisted solution moved back under watch', () => {
    it('is no longer listed in the shortlist’s export, for the commune nor for the agency (finding 12)', async () => {
      const ids = [byName.get('Signal’Commune')!, byName.get('TriMalin')!];
      const created = await arlon.post('/api/catalogue/shortlists', {
        name: 'Déchets et signalements',
        solutionIds: ids,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as Shortlist).id;
      const exported = async (client: Client) => {
        const xlsx = await client.get(`/api/catalogue/shortlists/${id}/export.xlsx`);
        expect(xlsx.statusCode).toBe(200);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(xlsx.rawPayload as never);
        return workbook.worksheets[0]!.getSheetValues()
          .map((r) => (Array.isArray(r) ? r.slice(1).join(' | ') : ''))
          .join('\n');
      };
      expect(await exported(arlon)).toContain('TriMalin');

      const back = await consultant.patch(`/api/catalogue/solutions/${byName.get('TriMalin')}`, { status: 'watch' });
      expect(back.statusCode, back.body).toBe(200);
      try {
        for (const client of [arlon, consultant]) {
          const sheet = await exported(client);
          expect(sheet).toContain('Signal’Commune');
          expect(sheet).not.toContain('TriMalin');
        }
        const pdf = await arlon.get(`/api/catalogue/shortlists/${id}/export.pdf`);
        expect(pdf.statusCode).toBe(200);
      } finally {
        await consultant.patch(`/api/catalogue/solutions/${byName.get('TriMalin')}`, { status: 'evaluated' });
      }
    });
  });

  describe('technology watch', () => {
    it('records an item, shows the feed to agency staff only, and promotes it into the catalogue', async () => {
      const created = await consultant.post('/api/watch/items', {
        title: 'Bornes de recharge partagées',
        sourceUrl: 'https://example.org/veille/bornes',
        publishedOn: '2099-01-15',
        summary: 'Des bornes de recharge mutualisées entre communes voisines.',
        tags: ['recharge'],
        categories: ['ev-charging'],
        recommendation: 'assess',
        vendor: 'Borne & Co',
      });
      expect(created.statusCode, created.body).toBe(201);
      const feed = (await consultant.get('/api/watch/items')).json() as { title: string }[];
      expect(feed[0]!.title).toBe('Bornes de recharge partagées');
      expect((await arlon.get('/api/watch/items')).statusCode).toBe(403);
      const promoted = await consultant.post(`/api/watch/items/${created.json().id}/promote`, {});
      expect(promoted.statusCode, promoted.body).toBe(201);
      expect(promoted.json() as Solution).toMatchObject({
        name: 'Bornes de recharge partagées',
        vendor: 'Borne & Co',
        status: 'watch',
        categories: ['ev-charging'],
      });
      const item = (await consultant.get(`/api/watch/items/${created.json().id}`)).json();
      expect(item.solutions.map((s: { status: string }) => s.status)).toEqual(['watch']);
    });
  });
});
