import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';

type Commune = {
  nisCode: string;
  name: string;
  population: number;
  areaKm2: number;
  arrondissement: string;
  current: boolean;
};

describe('communes of the Province of Luxembourg', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the 43 current communes in 5 arrondissements, with the province population', async () => {
    const response = await t.anonymous.get('/api/communes');
    expect(response.statusCode).toBe(200);
    const communes: Commune[] = response.json();
    expect(communes).toHaveLength(43);
    expect(new Set(communes.map((c) => c.arrondissement))).toEqual(
      new Set(['Arlon', 'Bastogne', 'Marche-en-Famenne', 'Neufchâteau', 'Virton']),
    );
    expect(communes.reduce((sum, c) => sum + c.population, 0)).toBe(286_752);
    expect(communes.find((c) => c.nisCode === '81001')).toMatchObject({
      name: 'Arlon',
      arrondissement: 'Arlon',
      population: 30_081,
      populationYear: 2020,
      areaKm2: 119.06,
    });
    for (const name of ['Arlon', 'Aubange', 'Libramont-Chevigny', 'Marche-en-Famenne', 'Tintigny', 'Bastogne']) {
      expect(communes.map((c) => c.name)).toContain(name);
    }
    expect(communes.map((c) => c.name)).not.toContain('Bertogne');
  });

  it('tags the list so a browser that has it gets a 304, and a filtered list has its own tag', async () => {
    const first = await t.anonymous.get('/api/communes');
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await t.anonymous.request({
      method: 'GET',
      url: '/api/communes',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const arlon = await t.anonymous.get('/api/communes?arrondissement=Arlon');
    expect(arlon.headers.etag).not.toBe(etag);
    expect((arlon.json() as Commune[]).every((c) => c.arrondissement === 'Arlon')).toBe(true);
    const stale = await t.anonymous.request({
      method: 'GET',
      url: '/api/communes?arrondissement=Arlon',
      headers: { 'if-none-match': etag },
    });
    expect(stale.statusCode).toBe(200);
  });

  it('models the 2025 merger of Bertogne into Bastogne, keeping the history', async () => {
    const all: (Commune & { mergedInto: string | null; mergedOn: string | null; mergedFrom: string[] })[] = (
      await t.anonymous.get('/api/communes?includeHistorical=true')
    ).json();
    expect(all).toHaveLength(44);
    const bertogne = all.find((c) => c.nisCode === '82005')!;
    expect(bertogne).toMatchObject({
      name: 'Bertogne',
      current: false,
      mergedInto: '82003',
      mergedOn: '2025-01-01',
      population: 3_656,
    });
    const bastogne = all.find((c) => c.nisCode === '82003')!;
    // Today's Bastogne is both former communes: 16 276 + 3 656 inhabitants (1 January 2020).
    expect(bastogne).toMatchObject({ current: true, mergedFrom: ['82005'], population: 19_932, areaKm2: 264.7 });
  });

  it('gives one commune with its boundary, profile and sites; the Bastogne War Museum is a site in Bastogne', async () => {
    const bastogne = (await t.anonymous.get('/api/communes/82003')).json();
    expect(bastogne.boundary.type).toMatch(/Polygon/);
    expect(bastogne.sites).toEqual([
      expect.objectContaining({ name: 'Bastogne War Museum', kind: 'tourism', communeNis: '82003' }),
    ]);
    expect(bastogne.permissions).toEqual({
      editProfile: false,
      editDesignation: false,
      manageSites: false,
      readMissions: false,
    });
    expect((await t.anonymous.get('/api/communes/82005')).json().name).toBe('Bertogne');
  });

  it('answers 400 for a malformed NIS code and 404 for an unknown one', async () => {
    const malformed = await t.anonymous.get('/api/communes/8100A');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0]).toMatchObject({ field: 'nisCode', code: 'NIS_CODE_FORMAT' });
    const unknown = await t.anonymous.get('/api/communes/99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe('Aucune commune n’a le code INS 99999.');
  });

  it('serves the boundaries as GeoJSON: 43 current territories', async () => {
    const geojson = (await t.anonymous.get('/api/communes/boundaries')).json();
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features).toHaveLength(43);
    const [lon, lat] = geojson.features[0].geometry.coordinates.flat(3);
    expect(lon).toBeGreaterThan(4.9);
    expect(lon).toBeLessThan(6.1);
    expect(lat).toBeGreaterThan(49.4);
    expect(lat).toBeLessThan(50.4);
    expect((await t.anonymous.get('/api/communes/boundaries?includeHistorical=true')).json().features).toHaveLength(44);
  });

  describe('profile and sites', () => {
    let arlonEditor: Client;
    let consultant: Client;

    beforeAll(async () => {
      arlonEditor = await t.login(await t.createUser('commune_editor', '81001'));
      consultant = await t.login(await t.createUser('consultant'));
    });

    it('a commune editor edits their own commune’s profile and sees that they may', async () => {
      expect((await arlonEditor.get('/api/communes/81001')).json().permissions).toEqual({
        editProfile: true,
        editDesignation: false,
        manageSites: true,
        readMissions: true,
      });
      const response = await arlonEditor.patch('/api/communes/81001', {
        description: 'Chef-lieu de la province',
        website: 'https://www.arlon.be',
        contactEmail: 'info@arlon.be',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().profile).toEqual({
        description: 'Chef-lieu de la province',
        website: 'https://www.arlon.be',
        contactEmail: 'info@arlon.be',
      });
    });

    it('a commune editor cannot edit another commune, and nothing changes', async () => {
      expect((await arlonEditor.get('/api/communes/81004')).json().permissions).toEqual({
        editProfile: false,
        editDesignation: false,
        manageSites: false,
        readMissions: false,
      });
      const response = await arlonEditor.patch('/api/communes/81004', { description: 'pirate' });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
      expect((await t.anonymous.get('/api/communes/81004')).json().profile.description).toBeNull();
    });

    it('says who may see a commune’s missions: agency staff everywhere, a commune user at home only', async () => {
      expect((await consultant.get('/api/communes/81004')).json().permissions.readMissions).toBe(true);
      expect((await arlonEditor.get('/api/communes/81001')).json().permissions.readMissions).toBe(true);
      expect((await arlonEditor.get('/api/communes/81004')).json().permissions.readMissions).toBe(false);
      expect((await consultant.get('/api/auth/me')).json().capabilities.readAllMissions).toBe(true);
      expect((await arlonEditor.get('/api/auth/me')).json().capabilities.readAllMissions).toBe(false);
    });

    it('rejects a website that is not an http(s) address, naming the field', async () => {
      const response = await consultant.patch('/api/communes/81004', { website: 'javascript:alert(1)' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('website');
    });

    it('adds, edits and removes a site; each step is audited', async () => {
      const created = await arlonEditor.post('/api/communes/81001/sites', {
        name: 'Parc d’activités',
        kind: 'business-park',
      });
      expect(created.statusCode).toBe(201);
      const site = created.json();
      const edited = await arlonEditor.patch(`/api/sites/${site.id}`, { description: 'Zone économique' });
      expect(edited.json().description).toBe('Zone économique');
      expect((await consultant.delete(`/api/sites/${site.id}`)).statusCode).toBe(204);
      const admin = await t.login(await t.createUser('agency_admin'));
      const log = (await admin.get(`/api/audit?entityType=site&entityId=${site.id}`)).json();
      expect(log.items.map((e: { action: string }) => e.action)).toEqual(['site.delete', 'site.update', 'site.create']);
    });

    it('refuses sites in another commune or in a merged one', async () => {
      const other = await arlonEditor.post('/api/communes/81004/sites', { name: 'X', kind: 'other' });
      expect(other.statusCode).toBe(403);
      const merged = await consultant.post('/api/communes/82005/sites', { name: 'X', kind: 'other' });
      expect(merged.statusCode).toBe(400);
      expect(merged.json().error.code).toBe('COMMUNE_MERGED');
      const museum = (await t.anonymous.get('/api/communes/82003')).json().sites[0];
      expect((await arlonEditor.patch(`/api/sites/${museum.id}`, { name: 'Autre' })).statusCode).toBe(403);
    });
  });
});
