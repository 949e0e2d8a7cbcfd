import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { DATASETS } from '../../domain/open-data/datasets.ts';
import { SMART_CATEGORIES } from '../../domain/shared/smart-categories.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { ARLON, LIBRAMONT, SECRETS, seedPublicScenario } from './public-scenario.test-support.ts';

/**
 * Every public route of the public side (the front page's data, programmes, categories, every dataset in every
 * format, the DCAT catalogue in both serialisations) answered without an account, with an unpublished project, a
 * draft strategy, a private need, a milestone's owner, hidden amounts and a solution under watch in the database:
 * none of them appears anywhere. The routes come from the app's own route list, so a new public route is covered.
 */
describe('the public side shows only published data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const consultant = await t.createUser('consultant');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date('2026-03-01'), CLI_CONTEXT);
    await seedPublicScenario(t.app.services, consultant.id);
    // Publish the OCDS as the job does after a change, so the leak check reads real releases.
    await t.app.services.ocdsPublisher.publish();
  });
  afterAll(async () => t?.close());

  /** Every address a public route of the public side answers, with its parameters filled in every way. */
  function addresses(): string[] {
    const routes = t.app.routeCatalog.filter(
      (r) =>
        r.method === 'GET' &&
        (r.url.startsWith('/api/public/') || r.url.startsWith('/api/open-data/') || r.url.startsWith('/embed/')) &&
        r.access !== undefined &&
        'public' in r.access,
    );
    expect(routes.length).toBeGreaterThanOrEqual(9);
    return routes.flatMap((route) => {
      let urls = [route.url];
      const fill = (param: string, values: string[]) => {
        urls = urls.flatMap((u) => (u.includes(param) ? values.map((v) => u.replace(param, v)) : [u]));
      };
      fill(':nisCode', [LIBRAMONT, ARLON]);
      fill(
        ':category',
        SMART_CATEGORIES.map((c) => c.key),
      );
      fill(
        ':dataset/:format',
        DATASETS.flatMap((d) => d.formats.map((f) => `${d.id}/${f}`)),
      );
      expect(
        urls.every((u) => !u.includes(':')),
        `${route.url} has a parameter the test does not fill`,
      ).toBe(true);
      return urls;
    });
  }

  it('leaks nothing unpublished through any public route, export or catalogue', async () => {
    const secrets = [
      SECRETS.unpublishedProject,
      SECRETS.draftObjective,
      SECRETS.draftProject,
      SECRETS.privateNeed,
      SECRETS.milestoneOwner,
      SECRETS.watchSolution,
      SECRETS.unpublishedProcurement,
      SECRETS.amountlessProcurement,
      String(SECRETS.hiddenAmount),
      'Objectif stratégique d’Arlon',
    ];
    const urls = addresses();
    for (const url of urls) {
      for (const accept of ['application/json', 'text/turtle']) {
        const response = await t.anonymous.request({ method: 'GET', url, headers: { accept } });
        expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBeLessThan(500);
        const body = url.endsWith('/xlsx') ? await xlsxText(response.rawPayload) : response.body;
        for (const secret of secrets) expect(body, `${url} shows « ${secret} »`).not.toContain(secret);
      }
    }
    // The published data is there: the test would see a leak.
    const programme = await t.anonymous.get(`/api/public/communes/${LIBRAMONT}/programme`);
    expect(programme.body).toContain('Éclairage public LED');
  });
});

/** The text of every cell of a workbook, to search it. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook.worksheets.map((s) => JSON.stringify(s.getSheetValues())).join('\n');
}
