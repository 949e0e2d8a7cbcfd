import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogueDemo } from '../src/server/catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { LIBRAMONT, SECRETS, seedPublicScenario } from '../src/server/public/public-scenario.test-support.ts';
import { type E2eApp, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * The public side, logged out (issue 14): the front page with its figures, map and filters; Libramont-Chevigny's
 * programme as a tree; a category's adoption page; at desktop and phone size, axe clean, nothing unpublished shown.
 * Screenshots go to SCREENSHOT_DIR or a temporary folder.
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();
const PHONE = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

async function expectNoSecret(page: Page) {
  const text = (await page.locator('body').textContent()) ?? '';
  for (const secret of [
    SECRETS.unpublishedProject,
    SECRETS.draftObjective,
    SECRETS.draftProject,
    SECRETS.privateNeed,
    SECRETS.milestoneOwner,
    SECRETS.watchSolution,
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toContain('987 654');
}

describe('public side: a visitor without an account', () => {
  let server: E2eApp;
  let browser: Browser;
  let desktop: Session;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    const consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    await seedCatalogueDemo(server.services.catalogue, server.services.watch, new Date(), CLI_CONTEXT);
    await seedPublicScenario(server.services, consultant.id);
    desktop = await openSession(browser, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lands on the front page: who runs it, key figures, the map with filters, public menu only', async () => {
    const { page } = desktop;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: /Smart Rural : les projets Smart des communes/ }).waitFor();
    await page.getByText(/La plateforme est gérée par IDELUX Projets publics/).waitFor();
    const figures = page.getByRole('region', { name: 'Chiffres clés' });
    await figures.getByText('communes accompagnées').waitFor();
    await figures.getByText('projets publiés').waitFor();
    // The menu holds only the public pages; « Se connecter » is at hand.
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    const entries = await nav.getByRole('link').allTextContents();
    expect(entries).toEqual(['Accueil', 'Communes', 'Solutions par catégorie', 'Données ouvertes']);
    await page.getByRole('link', { name: 'Se connecter' }).waitFor();
    // The map loads after the text; Libramont-Chevigny is drawn as a link.
    await page.getByRole('region', { name: /nombre de projets publiés par commune/ }).waitFor();
    await page.locator(`path[data-nis="${LIBRAMONT}"]`).waitFor();
    const communes = page.getByTestId('public-communes');
    await communes.getByRole('link', { name: 'Libramont-Chevigny' }).waitFor();
    // Filtering by a status nobody has leaves no commune.
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Livré', exact: true }).click();
    await page.getByText('Aucune commune n’a publié de projet pour ce choix.').waitFor();
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Prévu', exact: true }).click();
    await communes.getByText('(2 projets)').waitFor();
    await expectNoSecret(page);
    await expectNoSeriousA11yViolations(page, 'the front page');
    await page.screenshot({ path: join(SHOTS, 'public-home.png'), fullPage: true });
  });

  it('reads Libramont-Chevigny’s programme as a tree, amounts only where the commune publishes them', async () => {
    const { page } = desktop;
    await page.getByTestId('public-communes').getByRole('link', { name: 'Libramont-Chevigny' }).click();
    await page.waitForURL(`**/communes/${LIBRAMONT}/programme`);
    await page.getByRole('heading', { level: 1, name: 'Programme Smart de Libramont-Chevigny' }).waitFor();
    const energy = page.getByRole('region', { name: 'Une commune plus sobre en énergie' });
    await energy.getByText('Avancement : 60 %').first().waitFor();
    const operational = energy.getByRole('region', { name: 'Réduire la consommation de l’éclairage public' });
    const lighting = operational.getByRole('article', { name: 'Éclairage public LED' });
    await lighting.getByText('Budget prévu : 80 000 € · dépensé : 42 500 €').waitFor();
    await lighting.getByText(/Marché attribué — 31\/05\/2026 \(atteint\)/).waitFor();
    await lighting.getByText(/Consommation annuelle : départ 400 → cible 200 MWh/).waitFor();
    const counter = page.getByRole('article', { name: 'Guichet en ligne' });
    await counter.getByText('Avancement : 20 %').waitFor();
    expect(await counter.getByText(/Budget prévu/).count()).toBe(0);
    await expectNoSecret(page);
    await expectNoSeriousA11yViolations(page, 'the programme page');
    await page.screenshot({ path: join(SHOTS, 'public-programme.png'), fullPage: true });
  });

  it('shows which communes use which solution of a category', async () => {
    const { page } = desktop;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Solutions par catégorie' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Solutions par catégorie' }).waitFor();
    await page.getByRole('link', { name: 'Éclairage public intelligent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Éclairage public intelligent' }).waitFor();
    const lumigest = page.getByRole('article', { name: 'LumiGest' });
    await lumigest.getByText('Utilisée par 1 commune').waitFor();
    await lumigest.getByRole('link', { name: 'Tintigny' }).waitFor();
    await page.locator('path[data-nis="85039"]').waitFor();
    await expectNoSecret(page);
    await expectNoSeriousA11yViolations(page, 'the category page');
    await page.screenshot({ path: join(SHOTS, 'public-category.png'), fullPage: true });
  });

  it('downloads the projects as a spreadsheet CSV and reads it back', async () => {
    const { page } = desktop;
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Données ouvertes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Données ouvertes' }).waitFor();
    const projects = page.getByRole('article', { name: 'Projets Smart publiés par les communes' });
    await projects.getByText(/Éditeur : IDELUX Projets publics · mis à jour le \d{2}\/\d{2}\/\d{4}/).waitFor();
    await projects.getByRole('link', { name: 'CC BY 4.0' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      projects.getByRole('link', { name: 'CSV pour tableur (« ; », virgule décimale)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('smart-rural-projets.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.commune, r.projet, r.budget_prevu_eur])).toEqual([
      ['Libramont-Chevigny', 'Éclairage public LED', '80000'],
      ['Libramont-Chevigny', 'Guichet en ligne', ''],
    ]);
    await expectNoSecret(page);
    await expectNoSeriousA11yViolations(page, 'the open data page');
    await page.screenshot({ path: join(SHOTS, 'public-open-data.png'), fullPage: true });
  });

  it('gives the code to embed the commune’s projects on its website', async () => {
    const { page } = desktop;
    await page.goto(`/communes/${LIBRAMONT}/programme`);
    const code = await page.getByRole('textbox', { name: 'Code d’intégration' }).inputValue();
    expect(code).toContain(`/embed/communes/${LIBRAMONT}`);
    // The widget page itself, opened directly: the commune's published projects, no script.
    await page.goto(`/embed/communes/${LIBRAMONT}`);
    await page.getByRole('heading', { name: 'Projets Smart de la commune de Libramont-Chevigny' }).waitFor();
    await page.getByText('Éclairage public LED').waitFor();
    expect(await page.locator('script').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the widget');
  });

  it('renders the widget framed by a commune’s website on another origin', async () => {
    const widgetUrl = `${server.baseUrl}/embed/communes/${LIBRAMONT}`;
    // The commune's own website: a tiny static server on another port (another origin) with the iframe.
    const site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html lang="fr"><head><title>Commune</title></head><body><h1>Notre commune</h1>` +
          `<iframe src="${widgetUrl}" title="Nos projets Smart" width="100%" height="480"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    try {
      const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
      expect(new URL(siteUrl).origin).not.toBe(new URL(widgetUrl).origin);
      const { page } = desktop;
      const framed = page.waitForResponse((r) => r.url() === widgetUrl);
      await page.goto(siteUrl);
      const headers = (await framed).headers();
      expect(headers['content-security-policy']).toContain('frame-ancestors *');
      expect(headers['x-frame-options']).toBeUndefined();
      const widget = page.frameLocator('iframe[title="Nos projets Smart"]');
      await widget.getByRole('heading', { name: 'Projets Smart de la commune de Libramont-Chevigny' }).waitFor();
      await widget.getByText('Éclairage public LED').waitFor();
    } finally {
      await new Promise((resolve) => site.close(resolve));
    }
  });

  it('lets an agency admin issue an API key, shown once, and revoke it', async () => {
    const admin = await server.createUser({ role: 'agency_admin', displayName: 'Alice Admin' });
    const staff = await openSession(browser, server.baseUrl);
    await signIn(staff.page, admin);
    await staff.page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Clés d’API' })
      .click();
    await staff.page.getByRole('heading', { level: 1, name: 'Clés d’API' }).waitFor();
    await staff.page.getByRole('textbox', { name: 'Pour qui' }).fill('Portail open data de Wallonie');
    await staff.page.getByRole('button', { name: 'Créer la clé' }).click();
    const key = (await staff.page.getByTestId('new-api-key').textContent()) ?? '';
    expect(key).toMatch(/^sr_/);
    await staff.page.getByRole('cell', { name: 'Portail open data de Wallonie', exact: true }).waitFor();
    const answer = await staff.page.request.get('/api/public/overview', { headers: { 'x-api-key': key } });
    expect(answer.status()).toBe(200);
    await expectNoSeriousA11yViolations(staff.page, 'the API keys page');
    await staff.page.getByRole('button', { name: 'Révoquer la clé « Portail open data de Wallonie »' }).click();
    await staff.page.getByText(/Révoquée le/).waitFor();
    await staff.context.close();
  });

  it('fits a phone: front page, programme and category without sideways scroll', async () => {
    const phone = await openSession(browser, server.baseUrl, { viewport: PHONE });
    const { page } = phone;
    await page.goto('/');
    await page.getByRole('region', { name: 'Chiffres clés' }).waitFor();
    await page.locator(`path[data-nis="${LIBRAMONT}"]`).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page, 'the front page on a phone');
    await page.screenshot({ path: join(SHOTS, 'public-home-phone.png'), fullPage: true });
    await page.goto(`/communes/${LIBRAMONT}/programme`);
    await page.getByRole('article', { name: 'Éclairage public LED' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page, 'the programme on a phone');
    await page.screenshot({ path: join(SHOTS, 'public-programme-phone.png'), fullPage: true });
    await page.goto('/solutions/public-lighting');
    await page.getByRole('article', { name: 'LumiGest' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page, 'the category on a phone');
    await page.goto('/open-data');
    await page.getByRole('article', { name: 'Projets Smart publiés par les communes' }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoSeriousA11yViolations(page, 'the open data on a phone');
    expect(phone.pageErrors).toEqual([]);
    expect(desktop.pageErrors).toEqual([]);
    await phone.context.close();
  });
});
