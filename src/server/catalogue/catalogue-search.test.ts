import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { Agreement } from '../../domain/catalogue/agreements.ts';
import type { SearchResult } from '../../domain/catalogue/search.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { seedCatalogueDemo } from './catalogue-demo.ts';

/**
 * Reading the demo catalogue through the API: French search with facets, what commune users do not see, the
 * agreement's lots. No test here writes: the demo catalogue seeded once is what each of them reads.
 */
describe('framework-agreement catalogue: search and reading', () => {
  let t: TestApp;
  let consultant: Client;
  let arlon: Client;
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
    consultant = await signedIn(t, 'consultant');
    arlon = await signedIn(t, 'commune_editor', '81001');
    aubange = await signedIn(t, 'commune_editor', '81004');
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

  describe('the agreement', () => {
    it('lists the listed solutions of a category for the implementation feature', async () => {
      const response = await arlon.get('/api/catalogue/solutions?status=listed&category=citizen-reporting');
      expect(response.statusCode).toBe(200);
      const list = response.json() as Solution[];
      expect(list.map((s) => s.name)).toEqual(['Signal’Commune']);
      expect(list[0]!.lots[0]).toMatchObject({ lotNumber: 1, agreementReference: agreement.reference });
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
});
