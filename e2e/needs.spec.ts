import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * Needs and mutualisation: an Arlon editor records a need; the consultant imports other communes' needs (a bad row
 * is refused in the preview), groups the register, finds Arlon's need with Aubange's written differently, sees
 * both on the map, confirms the group and polls interest; the Arlon editor answers; the savings appear.
 * E2E_SCREENSHOTS=docs/screenshots also saves the main screens there.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  // A viewport as tall as the page, so the sticky header stays at the top of the picture.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1360, height: Math.min(height, 4000) });
  await page.screenshot({ path: join(SHOTS, `needs-${name}.png`) });
  await page.setViewportSize({ width: 1360, height: 900 });
};

const IMPORT_CSV = [
  'nis_code;title;description;budget',
  '81004;Éclairage public intelligent;Moduler l’intensité des luminaires la nuit dans les rues;80000',
  '83012;Wi-Fi gratuit sur la place;Un accès internet public pour les visiteurs;5000',
  '84033;Bornes wifi dans les villages;Installer des hotspots dans les salles de village;',
  '99999;Caméras au parc;;',
  '85039;=HYPERLINK("http://example.com";"clic");;',
].join('\n');

describe('needs: from a commune’s need to a pooled purchase', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let editor: E2eUser;
  let consultantSession: Session;
  let editorSession: Session;
  let groupUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    editor = await server.createUser({ role: 'commune_editor', displayName: 'Élise d’Arlon', communeNis: '81001' });
    consultantSession = await openSession(browser, server.baseUrl);
    editorSession = await openSession(browser, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an Arlon editor records a need of Arlon', async () => {
    const page = editorSession.page;
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Besoins & mutualisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Besoins & mutualisation' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau besoin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau besoin' });
    await dialog.getByRole('textbox', { name: /^Titre/ }).fill('Remplacer les lampadaires par des LED');
    await dialog.getByLabel('Description').fill('Les vieux lampadaires au sodium du centre consomment trop.');
    await dialog.getByLabel('Budget estimé (HTVA)').fill('120000');
    await dialog.getByRole('button', { name: 'Nouveau besoin' }).click();
    await page.getByRole('heading', { level: 1, name: 'Remplacer les lampadaires par des LED' }).waitFor();
    const main = (await page.getByRole('main').textContent())?.replace(/\s/g, ' ') ?? '';
    expect(main).toContain('Arlon');
    expect(main).toContain('120 000 €');
    await expectNoSeriousA11yViolations(page, 'a need’s page');
  });

  it('the consultant imports other communes’ needs; the preview names every bad row before anything is written', async () => {
    const page = consultantSession.page;
    await signIn(page, consultant);
    await page.goto('/needs');
    await page.getByRole('button', { name: 'Importer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Importer des besoins (CSV ou XLSX)' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'besoins.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(IMPORT_CSV, 'utf8'),
    });
    await dialog.getByText('3 lignes valides, 2 lignes avec un problème (elles ne seront pas importées).').waitFor();
    const rows = dialog.getByRole('table', { name: 'Lignes du fichier' });
    expect(await rows.locator('tr[data-line="5"]').textContent()).toContain('aucune commune n’a ce code INS');
    expect(await rows.locator('tr[data-line="6"]').textContent()).toContain('formule refusée');
    await expectNoSeriousA11yViolations(page, 'the import preview');
    await shoot(page, 'import');
    expect(await page.getByRole('table', { name: 'Besoins des communes' }).locator('tbody tr').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Importer 3 besoins' }).click();
    await page.getByText('3 besoins importés, 2 lignes écartées.').waitFor();
    await page.getByRole('table', { name: 'Besoins des communes' }).getByText('Éclairage public intelligent').waitFor();
    expect(await page.getByRole('table', { name: 'Besoins des communes' }).locator('tbody tr').count()).toBe(4);
    await expectNoSeriousA11yViolations(page, 'the needs register');
    await shoot(page, 'register');
  });

  it('groups the register: Arlon’s lamps and Aubange’s smart lighting meet, on the map too', async () => {
    const page = consultantSession.page;
    await page.getByRole('tab', { name: 'Mutualisation' }).click();
    await page.getByRole('button', { name: 'Lancer le regroupement' }).click();
    await page.getByText(/Dernier regroupement : 4 besoins lus, 2 groupes proposés/).waitFor();
    const card = page.locator('[data-group="Éclairage public intelligent"]');
    await card.waitFor();
    expect(await card.textContent()).toContain('Arlon, Aubange');
    expect(await card.textContent()).toContain('Même catégorie « Éclairage public intelligent »');
    await expectNoSeriousA11yViolations(page, 'the groups');
    await shoot(page, 'groups');
    await card.getByRole('link', { name: 'Éclairage public intelligent' }).click();
    await page.getByRole('heading', { level: 1, name: 'Éclairage public intelligent' }).waitFor();
    groupUrl = page.url();
    await page.locator('path[data-nis="81001"]').waitFor();
    expect(await page.locator('path[data-nis="81001"]').getAttribute('fill')).toBe('#1f7a7c');
    expect(await page.locator('path[data-nis="81004"]').getAttribute('fill')).toBe('#1f7a7c');
    expect(await page.locator('path[data-nis="83012"]').getAttribute('fill')).toBe('#e4e7e5');
    const communes = page.getByRole('table', { name: 'Communes du groupe' });
    expect((await communes.textContent())?.replace(/\s/g, ' ')).toContain('200 000 €');
  });

  it('the grouping recognised the category of Arlon’s need: its editor accepts the suggestion in one click', async () => {
    const page = editorSession.page;
    await page.goto('/needs');
    const table = page.getByRole('table', { name: 'Besoins des communes' });
    const row = table.locator('tbody tr', { hasText: 'Remplacer les lampadaires par des LED' });
    await row.getByText('Sans catégorie — suggestion : Éclairage public intelligent').waitFor();
    await expectNoSeriousA11yViolations(page, 'a suggested category in the register');
    await shoot(page, 'suggested-category');
    await row
      .getByRole('button', {
        name: 'Accepter la catégorie suggérée « Éclairage public intelligent » pour « Remplacer les lampadaires par des LED »',
      })
      .click();
    await page.getByText('Catégorie « Éclairage public intelligent » retenue.').waitFor();
    await row.getByRole('button', { name: /Accepter/ }).waitFor({ state: 'detached' });
    expect((await row.textContent())?.replace(/\s/g, ' ')).toContain('Éclairage public intelligent');
    expect(await row.textContent()).not.toContain('suggestion');
  });

  it('the consultant confirms the group and asks its communes', async () => {
    const page = consultantSession.page;
    await page.getByRole('button', { name: 'Confirmer le groupe' }).click();
    await page.getByText('Confirmé', { exact: true }).first().waitFor();
    await page.getByLabel('Unité comptée').first().fill('point lumineux');
    await page.getByLabel('Échéance').fill('2099-12-31');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await page.getByText('0 réponse sur 2 communes interrogées.').waitFor();
    await expectNoSeriousA11yViolations(page, 'a group’s page');
  });

  it('the Arlon editor answers the poll with a quantity', async () => {
    const page = editorSession.page;
    await page.goto('/needs?tab=polls');
    const poll = page.locator('[data-poll]').first();
    await poll.getByText('Éclairage public intelligent', { exact: true }).waitFor();
    await poll.getByLabel('Quantité (point lumineux)').fill('200');
    await poll.getByRole('button', { name: 'Envoyer' }).click();
    await poll.getByText(/Votre réponse : Oui — quantité : 200 point lumineux/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the polls of a commune');
    await shoot(page, 'poll-answer');
  });

  it('the consultant sees the answer and the savings of buying together', async () => {
    const page = consultantSession.page;
    await page.goto(groupUrl);
    await page.getByText('1 réponse sur 2 communes interrogées.').waitFor();
    await page.getByLabel('Palier 1 : prix unitaire HTVA').fill('500');
    await page.getByLabel('Palier 2 : à partir de').fill('300');
    await page.getByLabel('Palier 2 : prix unitaire HTVA').fill('400');
    await page.getByLabel('Quantité d’Aubange').fill('150');
    const saving = page.getByTestId('total-saving');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="total-saving"]')?.textContent?.includes('35'),
    );
    expect((await saving.textContent())?.replace(/\s/g, ' ')).toContain('35 000 €');
    expect(await page.getByRole('main').textContent()).toContain('remise sur toutes les unités');
    await page.getByRole('button', { name: 'Enregistrer le scénario' }).click();
    await page.getByText('Scénario enregistré : modèle de prix et quantités.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the savings estimate');
    await shoot(page, 'group');
    expect(consultantSession.pageErrors).toEqual([]);
    expect(editorSession.pageErrors).toEqual([]);
  });
});
