import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { SearchResult } from '../../domain/catalogue/search.ts';
import type { Shortlist } from '../../domain/catalogue/shortlists.ts';
import type { Solution } from '../../domain/catalogue/solutions.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { seedCatalogueDemo } from './catalogue-demo.ts';

/**
 * What agency staff and commune buyers change in the catalogue: solutions edited, the buyer's journey (saved search,
 * shortlist, comparison, exports, outcome), a shortlisted solution moved back under watch, the technology watch. Each
 * test signs in its own people and makes its own saved searches and shortlists.
 */
describe('framework-agreement catalogue: editing and the buyer journey', () => {
  let t: TestApp;
  let consultant: Client;
  const byName = new Map<string, string>();
  const names = (result: SearchResult) => result.hits.map((h) => h.name);
  const search = async (client: Client, params: string) => {
    const response = await client.get(`/api/catalogue/search?${params}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as SearchResult;
  };

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await signedIn(t, 'consultant');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date(), CLI_CONTEXT);
    const all = (await consultant.get('/api/catalogue/solutions')).json() as Solution[];
    for (const s of all) byName.set(s.name, s.id);
  }, 60_000);
  afterAll(() => t.close());

  it('lets only agency staff edit, and refuses a bad status move', async () => {
    const arlon = await signedIn(t, 'commune_editor', '81001');
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

  describe('buyer journey', () => {
    it('saves a search, for its author only', async () => {
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const aubange = await signedIn(t, 'commune_editor', '81004');
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
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const aubange = await signedIn(t, 'commune_editor', '81004');
      const ids = [byName.get('Signal’Commune')!, byName.get('Guichet Citoyen')!];
      const created = await arlon.post('/api/catalogue/shortlists', { name: 'Relation citoyenne', solutionIds: ids });
      expect(created.statusCode, created.body).toBe(201);
      const shortlist = created.json() as Shortlist;
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
      const arlon = await signedIn(t, 'commune_editor', '81001');
      const arlonViewer = await signedIn(t, 'commune_viewer', '81001');
      const created = await arlon.post('/api/catalogue/shortlists', {
        name: 'Relation citoyenne',
        solutionIds: [byName.get('Signal’Commune')!, byName.get('Guichet Citoyen')!],
      });
      const shortlist = created.json() as Shortlist;
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
      const arlon = await signedIn(t, 'commune_editor', '81001');
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
      const arlon = await signedIn(t, 'commune_editor', '81001');
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
