import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { DatasetSummary } from '../../domain/open-data/datasets.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { LIBRAMONT, SECRETS, seedPublicScenario } from '../public/public-scenario.test-support.ts';

/**
 * The public scenario, seeded once, is what every test here reads: none of them changes it (the tests that change a
 * published project are in open-data-publishing.test.ts, each with a project of its own).
 */
describe('open data: every public dataset in CSV, XLSX, JSON, GeoJSON and OCDS, without an account', () => {
  let t: TestApp;
  let lighting: string;

  beforeAll(async () => {
    t = await createTestApp();
    const consultant = await t.createUser('consultant');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-03-01'), CLI_CONTEXT);
    lighting = (await seedPublicScenario(t.app.services, consultant.id)).lighting;
    // Seeded through the services, not the API: publish as the job does after a change.
    await t.app.services.ocdsPublisher.publish();
  });
  afterAll(async () => t?.close());

  it('lists the datasets with their licence, publisher, update date and downloads', async () => {
    const response = await t.anonymous.get('/api/open-data/datasets');
    expect(response.statusCode).toBe(200);
    const datasets = response.json() as DatasetSummary[];
    expect(datasets.map((d) => d.id)).toEqual([
      'projects',
      'communes',
      'indicators',
      'catalogue-adoption',
      'procurement',
    ]);
    for (const d of datasets) {
      expect(d.licence.url).toBe('http://creativecommons.org/licenses/by/4.0/');
      expect(d.publisher).toBe('IDELUX Projets publics');
      expect(d.modified).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(datasets.find((d) => d.id === 'communes')!.distributions.map((x) => x.format)).toEqual([
      'csv',
      'csv-comma',
      'xlsx',
      'json',
      'geojson',
    ]);
  });

  it('gives the spreadsheet CSV with a BOM, « ; » and decimal commas, and the plain CSV with « , »', async () => {
    const csv = await t.anonymous.get('/api/open-data/datasets/projects/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="smart-rural-projets.csv"');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(csv.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(
      rows.map((r) => [r.commune, r.projet, r.statut, r.avancement_pct, r.budget_prevu_eur, r.budget_depense_eur]),
    ).toEqual([
      ['Libramont-Chevigny', 'Éclairage public LED', 'planned', '60', '80000', '42500'],
      ['Libramont-Chevigny', 'Guichet en ligne', 'planned', '20', '', ''],
    ]);
    expect(rows[0]!.publie_le).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);

    const indicators = await t.anonymous.get('/api/open-data/datasets/indicators/csv');
    const measured = parse(indicators.body, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(measured).toEqual([
      expect.objectContaining({ indicateur: 'Consommation annuelle', date_mesure: '30/06/2026', valeur: '310' }),
    ]);

    const plain = await t.anonymous.get('/api/open-data/datasets/projects/csv-comma');
    expect(plain.rawPayload[0]).not.toBe(0xef);
    const plainRows = parse(plain.body, { columns: true }) as Record<string, string>[];
    expect(plainRows[0]).toMatchObject({ projet: 'Éclairage public LED', budget_prevu_eur: '80000' });
    expect(plainRows[0]!.publie_le).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives the XLSX with its data and what it is, and the JSON with its licence', async () => {
    const xlsx = await t.anonymous.get('/api/open-data/datasets/communes/xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.getWorksheet('donnees')!;
    expect(sheet.getRow(1).values).toContain('projets_publies');
    const libramont = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === LIBRAMONT)!;
    expect(libramont.getCell(4).value).toBe(2);
    const about = JSON.stringify(workbook.getWorksheet('a-propos')!.getSheetValues());
    expect(about).toContain('CC BY 4.0');

    const json = (await t.anonymous.get('/api/open-data/datasets/catalogue-adoption/json')).json();
    expect(json.licence).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(json.data).toContainEqual(expect.objectContaining({ solution: 'LumiGest', communeName: 'Tintigny' }));
  });

  it('draws the communes with their published figures in GeoJSON', async () => {
    const geo = await t.anonymous.get('/api/open-data/datasets/communes/geojson');
    expect(geo.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = geo.json();
    expect(collection.features).toHaveLength(43);
    const libramont = collection.features.find((f: { id: string }) => f.id === LIBRAMONT);
    expect(libramont.geometry.type).toMatch(/Polygon/);
    expect(libramont.properties).toMatchObject({ name: 'Libramont-Chevigny', publishedProjects: 2, meanProgress: 40 });
  });

  it('gives the OCDS release and record packages of the procurement published with its amounts only', async () => {
    const releases = await t.anonymous.get('/api/open-data/datasets/procurement/ocds-releases');
    expect(releases.statusCode).toBe(200);
    const pkg = releases.json();
    expect(pkg.license).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(new Set(pkg.releases.map((r: { ocid: string }) => r.ocid))).toEqual(new Set([`ocds-sr0001-${lighting}`]));
    expect(releases.body).not.toContain(SECRETS.unpublishedProcurement);
    expect(releases.body).not.toContain(SECRETS.amountlessProcurement);
    const records = (await t.anonymous.get('/api/open-data/datasets/procurement/ocds-records')).json();
    expect(records.records).toHaveLength(1);
    expect(records.records[0].compiledRelease.ocid).toBe(`ocds-sr0001-${lighting}`);
  });

  it('answers 400 for an unknown dataset or format, 404 for a format the dataset lacks', async () => {
    expect((await t.anonymous.get('/api/open-data/datasets/needs/csv')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/open-data/datasets/projects/pdf')).statusCode).toBe(400);
    const missing = await t.anonymous.get('/api/open-data/datasets/projects/geojson');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('DATASET_FORMAT_NOT_FOUND');
  });
});

describe('open data: the DCAT-AP catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers JSON-LD by default and Turtle when asked, one dcat:Dataset per dataset', async () => {
    const jsonLd = await t.anonymous.get('/api/open-data/catalog');
    expect(jsonLd.statusCode).toBe(200);
    expect(jsonLd.headers['content-type']).toMatch(/^application\/ld\+json/);
    const graph = jsonLd.json()['@graph'] as { '@type'?: string[]; 'dcat:distribution'?: unknown[] }[];
    const datasets = graph.filter((n) => n['@type']?.includes('dcat:Dataset'));
    expect(datasets).toHaveLength(5);
    expect(datasets.every((d) => (d['dcat:distribution'] ?? []).length > 0)).toBe(true);
    const turtle = await t.anonymous.request({
      method: 'GET',
      url: '/api/open-data/catalog',
      headers: { accept: 'text/turtle' },
    });
    expect(turtle.headers['content-type']).toMatch(/^text\/turtle/);
    expect(turtle.body).toContain('dcat:Dataset');
    expect(turtle.body).toContain('<http://creativecommons.org/licenses/by/4.0/>');
  });
});
