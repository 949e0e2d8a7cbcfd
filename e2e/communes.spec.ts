import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session } from './support/browser.ts';

/** Text with the narrow no-break spaces of Belgian number formatting turned into plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

function communeRows(page: Page) {
  return page.getByRole('table', { name: /Communes de la province/ }).locator('tbody tr');
}

async function firstCommuneName(page: Page) {
  return plain(await communeRows(page).first().locator('td').first().locator('a').textContent());
}

describe('the province page and the commune pages (public)', () => {
  let server: E2eApp;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    session = await openSession(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws the 43 communes on the map, with a legend', async () => {
    const { page } = session;
    // The public's front page is at `/` (issue 14); the communes' map and table at /communes.
    await page.goto('/communes');
    await page.getByRole('heading', { level: 1, name: 'Communes' }).waitFor();
    const shapes = page.locator('.leaflet-overlay-pane svg path.leaflet-interactive');
    await expect.poll(() => shapes.count(), { timeout: 15_000 }).toBe(43);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Densité de population' }).isChecked()).toBe(true);
    const legend = await page.getByTestId('map-legend').locator('li').allTextContents();
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(plain(legend[legend.length - 1]!)).toMatch(/– 372$/); // Aubange, the densest commune

    await page.locator('path[data-nis="81001"]').hover();
    const tooltip = page.getByRole('tooltip', { name: /Arlon/ });
    await tooltip.waitFor();
    expect(plain(await tooltip.textContent())).toBe('ArlonDensité de population : 253 hab./km²');
  });

  it('lists the 43 communes in a table that sorts and filters', async () => {
    const { page } = session;
    await expect.poll(() => communeRows(page).count()).toBe(43);
    expect(plain(await page.getByTestId('communes-totals').textContent())).toMatch(/^43 communes · [\d ]+ habitants/);
    expect(await firstCommuneName(page)).toBe('Arlon');

    const populationHeader = page.getByRole('columnheader', { name: /Population/ });
    await populationHeader.getByRole('button').click();
    expect(await populationHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await firstCommuneName(page)).toBe('Arlon');
    const arlon = communeRows(page).first();
    expect(plain(await arlon.locator('td').nth(2).textContent())).toBe('30 081 (2020)');
    await populationHeader.getByRole('button').click();
    expect(await populationHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstCommuneName(page)).not.toBe('Arlon');

    await page.getByLabel('Rechercher une commune').fill('neufchat');
    await expect.poll(() => communeRows(page).count()).toBe(1);
    expect(await firstCommuneName(page)).toBe('Neufchâteau');
    await page.getByLabel('Rechercher une commune').fill('');
    await expect.poll(() => communeRows(page).count()).toBe(43);
  });

  it('shows Bertogne, merged into Bastogne, when merged communes are included', async () => {
    const { page } = session;
    expect(await page.getByRole('link', { name: 'Bertogne', exact: true }).count()).toBe(0);
    await page.getByRole('switch', { name: 'Inclure les communes fusionnées' }).check();
    await expect.poll(() => communeRows(page).count()).toBe(44);
    const bertogne = communeRows(page).filter({ has: page.getByRole('link', { name: 'Bertogne', exact: true }) });
    expect(plain(await bertogne.textContent())).toContain('fusionnée dans Bastogne le 01/01/2025');
    // Totals still count the 43 communes of today.
    expect(plain(await page.getByTestId('communes-totals').textContent())).toMatch(/^43 communes/);
  });

  it('passes axe on the province page', async () => {
    await expectNoSeriousA11yViolations(session.page, 'the province page');
  });

  it('opens a commune from the table: Bastogne, its facts and the Bastogne War Museum', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Bastogne', exact: true }).click();
    await page.waitForURL('**/communes/82003');
    await page.getByRole('heading', { level: 1, name: 'Bastogne' }).waitFor();
    const facts = plain(await page.getByTestId('commune-facts').textContent());
    expect(facts).toContain('82003');
    expect(facts).toContain('19 932 habitants (2020)');
    const mergedFrom = page.getByTestId('merged-from');
    await mergedFrom.waitFor();
    expect(plain(await mergedFrom.textContent())).toBe('Issue de la fusion avec Bertogne.');
    await page.getByRole('cell', { name: 'Bastogne War Museum' }).waitFor();
    await page.getByRole('img', { name: 'Contour de la commune de Bastogne' }).waitFor();
    // The public may read but not edit.
    expect(await page.getByRole('button', { name: 'Modifier le profil' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajouter un site' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the Bastogne page');
    // The commune's Smart programme is one link away.
    await page.getByRole('link', { name: 'Les projets que la commune publie' }).click();
    await page.waitForURL('**/communes/82003/programme');
    await page.getByRole('heading', { level: 1, name: 'Programme Smart de Bastogne' }).waitFor();
    // The old progress address, kept in links people saved, opens it too.
    await page.goto('/communes/82003/progress');
    await page.waitForURL('**/communes/82003/programme');
    await page.getByRole('heading', { level: 1, name: 'Programme Smart de Bastogne' }).waitFor();
    await page.getByText('La commune n’a encore publié aucun projet.').waitFor();
  });

  it('says where a merged commune went', async () => {
    const { page } = session;
    await page.goto('/communes/82005');
    await page.getByRole('heading', { level: 1, name: 'Bertogne' }).waitFor();
    const mergedInto = page.getByTestId('merged-into');
    await mergedInto.waitFor();
    expect(plain(await mergedInto.textContent())).toBe('Cette commune a fusionné le 01/01/2025 dans Bastogne.');
    await mergedInto.getByRole('link', { name: 'Bastogne' }).click();
    await page.waitForURL('**/communes/82003');
  });

  it('shows the public only the public pages, and no administration', async () => {
    const { page } = session;
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual([
      'Accueil',
      'Communes',
      'Solutions par catégorie',
      'Données ouvertes',
    ]);
    expect(await nav.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    expect(await page.getByText('Bientôt disponible').count()).toBe(0);
  });

  it('opens a commune from the map, by mouse and by keyboard', async () => {
    const { page } = session;
    await page.goto('/communes');
    await page.locator('path[data-nis="81001"]').click();
    await page.waitForURL('**/communes/81001');
    await page.getByRole('heading', { level: 1, name: 'Arlon' }).waitFor();
    expect(plain(await page.getByTestId('commune-facts').textContent())).toContain('30 081 habitants (2020)');

    await page.goBack();
    // Keyboard: from the map, Tab walks through the shapes (each names its commune and density), Enter opens one.
    await page.getByRole('region', { name: /Carte des communes/ }).focus();
    const focused = () =>
      page.evaluate(() => ({
        tag: document.activeElement?.tagName,
        label: document.activeElement?.getAttribute('aria-label'),
        nis: document.activeElement?.getAttribute('data-nis'),
      }));
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.tag).toBe('path');
    await page.keyboard.press('Tab');
    const second = await focused();
    expect(second.tag).toBe('path');
    expect(second.nis).not.toBe(first.nis);
    expect(second.label).toMatch(/^[^,]+, Densité de population : \d+ hab\.\/km²$/);
    const name = second.label!.split(',')[0]!;
    await page.getByRole('tooltip', { name: new RegExp(name) }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/communes/${second.nis}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(session.pageErrors).toEqual([]);
  });
});
