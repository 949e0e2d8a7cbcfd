import { tmpdir } from 'node:os';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belgianToday, formatDate } from '../src/domain/shared/format.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * A consultant follows a commune from a phone (390 × 844), everything through the screen: opens a mission for
 * Tintigny from the menu, records an interview, writes an approved project sheet, follows it (milestone, progress,
 * publication); then a citizen, on a phone too, finds the commune and reads its published progress. On every page:
 * no sideways scroll (document scrollWidth ≤ the screen's width), and the actions a person needs are on screen.
 * Screenshots go to SCREENSHOT_DIR (docs/screenshots to refresh them) or a temporary folder.
 */
const PHONE = { width: 390, height: 844 };
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(width, where).toBe(PHONE.width);
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
}

/** The element is shown whole across the screen's width (not cut off on the right, not pushed off the left). */
async function expectAcrossTheScreen(locator: Locator, what: string) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.x, `${what} starts off screen`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} runs off the screen`).toBeLessThanOrEqual(PHONE.width);
}

describe('on a phone: a consultant follows Tintigny, a citizen reads its progress', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let session: Session;
  let page: Page;
  const mission = 'Tintigny connectée';
  const project = 'Wi-Fi public sur la place communale';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    session = await openSession(browser, server.baseUrl, { viewport: PHONE });
    page = session.page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openMenu = async (entry: string) => {
    await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: entry }).click();
  };

  it('signs in from the header, which fits the screen', async () => {
    await page.goto('/communes');
    await page.getByRole('heading', { level: 1, name: 'Communes' }).waitFor();
    const signInLink = page.getByRole('link', { name: 'Se connecter' });
    await expectAcrossTheScreen(signInLink, 'the « Se connecter » button');
    await expectNoSidewaysScroll(page, 'the province page');
    await signIn(page, consultant);
    await expectAcrossTheScreen(page.getByTestId('user-menu'), 'the user menu');
  });

  it('opens a mission from the menu, already in implementation', async () => {
    await openMenu('Missions');
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    await dialog.getByLabel('Intitulé').fill(mission);
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Tintigny');
    await page.getByRole('option', { name: 'Tintigny', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Camille Consultante' }).click();
    await dialog.getByLabel('Intitulé').click(); // closes the list of consultants
    await dialog.getByRole('textbox', { name: /^Début/ }).fill('12/01/2026');
    await dialog.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Mise en œuvre' }).click();
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();
    await page.getByRole('heading', { level: 1, name: mission }).waitFor();
    await expectNoSidewaysScroll(page, 'the mission page');
  });

  it('records an interview whose sticky header leaves the questions the screen', async () => {
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await page.getByRole('button', { name: 'Nouvel entretien' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvel entretien' });
    await dialog.getByRole('combobox', { name: 'Type de personne ressource' }).click();
    await page.getByRole('option', { name: 'Personnel communal', exact: true }).click();
    await dialog.getByLabel('Fonction (facultatif)').fill('Directeur général');
    await dialog.getByRole('button', { name: 'Commencer l’entretien' }).click();
    await page.getByRole('heading', { level: 2, name: /Entretien : Personnel communal/ }).waitFor({ timeout: 60_000 });
    await expectNoSidewaysScroll(page, 'the interview');

    const questions = page.locator('[data-question]');
    await questions
      .first()
      .getByRole('radio', { name: /Organisé/ })
      .click();
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SHOTS}/phone-interview.png` });

    // Further down, only the progress and the save state stay at the top: at most a quarter of the screen.
    const tenth = questions.nth(9);
    await tenth.scrollIntoViewIfNeeded();
    await tenth.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect
      .poll(async () => {
        const box = await page.getByTestId('capture-header').boundingBox();
        return box ? box.y + box.height : Number.POSITIVE_INFINITY;
      })
      .toBeLessThanOrEqual(PHONE.height / 4);
    for (const level of ['Absent', 'Exemplaire', 'Ne sait pas']) {
      await expectAcrossTheScreen(tenth.getByRole('radio', { name: new RegExp(level) }), `the level « ${level} »`);
    }
    await tenth.getByRole('radio', { name: /Intégré/ }).click();
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 30_000 });
    await page.getByText(/^2 réponses, 0 « ne sait pas », sur \d+ questions$/).waitFor();
    await expectNoSidewaysScroll(page, 'the interview, further down');
    await page.screenshot({ path: `${SHOTS}/phone-interview-scrolled.png` });
    await page.getByRole('button', { name: /Retour aux entretiens/ }).click();
  });

  it('writes an approved project sheet and follows it', async () => {
    await page.getByRole('tab', { name: 'Stratégie' }).click();
    await page.getByRole('button', { name: 'Démarrer la stratégie' }).click();
    await page.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle fiche projet' });
    await dialog.getByLabel('Intitulé').fill(project);
    await dialog.getByRole('textbox', { name: 'Investissement' }).fill('22500');
    await dialog.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Approuvé' }).click();
    await dialog.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await page.getByRole('link', { name: project }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    await page.getByText('Suivi du projet de la commune de Tintigny.').waitFor();
    await expectNoSidewaysScroll(page, 'the project page');

    const milestones = page.getByRole('region', { name: 'Jalons' });
    const due = formatDate(belgianToday(new Date(Date.now() + 30 * 86_400_000)));
    await milestones.getByRole('textbox', { name: /^Jalon/ }).fill('Commande des bornes Wi-Fi');
    await milestones.getByRole('textbox', { name: /^Date prévue/ }).fill(due);
    await milestones.getByRole('button', { name: 'Ajouter le jalon' }).click();
    const markDone = milestones.getByRole('button', { name: 'Marquer atteint : Commande des bornes Wi-Fi' });
    await markDone.waitFor();
    await expectAcrossTheScreen(markDone, 'the milestone’s « Marquer atteint »');
    await expectAcrossTheScreen(
      milestones.getByRole('button', { name: 'Supprimer le jalon « Commande des bornes Wi-Fi »' }),
      'the milestone’s « Supprimer »',
    );
    await expectAcrossTheScreen(milestones.getByText('À venir', { exact: true }), 'the milestone’s state');
    await expectNoSidewaysScroll(page, 'the project page with a milestone');
    await markDone.click();
    await milestones.getByText(/^Atteint le /).waitFor();

    const progress = page.getByRole('region', { name: 'Avancement et publication' });
    await progress.getByRole('textbox', { name: 'Avancement (%)' }).fill('40');
    await progress.getByRole('button', { name: 'Enregistrer l’avancement' }).click();
    await progress.getByText('Avancement : 40 %').waitFor();
    // The switch follows the server: it turns on once the publication is saved.
    const publish = progress.getByRole('switch', { name: /Publier sur la page publique/ });
    await publish.click();
    await page.getByText('Projet publié.').waitFor();
    await expect.poll(() => publish.isChecked()).toBe(true);
    await expectNoSidewaysScroll(page, 'the project page, followed');
    await expectNoSeriousA11yViolations(page, 'the project page on a phone');
    await page.getByText('Projet publié.').waitFor({ state: 'hidden', timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/phone-project.png`, fullPage: true });
  });

  it('lets a citizen find the commune and read its progress on a phone', async () => {
    const citizen = await openSession(browser, server.baseUrl, { viewport: PHONE });
    const p = citizen.page;
    try {
      await p.goto('/communes');
      await p.getByLabel('Rechercher une commune').fill('Tintigny');
      await p.getByRole('link', { name: 'Tintigny', exact: true }).click();
      await p.getByRole('heading', { level: 1, name: 'Tintigny' }).waitFor();
      await p.getByText('Commune de l’arrondissement de Virton, province de Luxembourg.').waitFor();
      await p.locator('.leaflet-container path').first().waitFor();
      await expectNoSidewaysScroll(p, 'the commune page');
      await p.screenshot({ path: `${SHOTS}/phone-commune.png`, fullPage: true });
      const link = p.getByRole('link', { name: 'Les projets que la commune publie' });
      await expectAcrossTheScreen(link, 'the link to the published projects');
      await link.click();
      await p.waitForURL('**/communes/85039/programme');
      await p.getByRole('heading', { level: 1, name: 'Programme Smart de Tintigny' }).waitFor();
      const card = p.getByRole('article').filter({ hasText: project });
      await card.getByText('Avancement : 40 %').waitFor();
      await card.getByText(/Commande des bornes Wi-Fi/).waitFor();
      await expectNoSidewaysScroll(p, 'the public progress page');
      await expectAcrossTheScreen(card, 'the project’s card');
      await expectNoSeriousA11yViolations(p, 'the public progress page on a phone');
      await p.screenshot({ path: `${SHOTS}/phone-public-progress.png`, fullPage: true });
      expect(citizen.pageErrors).toEqual([]);
    } finally {
      await citizen.context.close();
    }
    expect(session.pageErrors).toEqual([]);
  });
});
