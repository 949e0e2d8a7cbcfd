import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belgianToday, formatDate } from '../src/domain/shared/format.ts';
import { seedCatalogueDemo } from '../src/server/catalogue/catalogue-demo.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * French as a Belgian civil servant reads it, in an American browser (locale en-US, New York time): dates typed and
 * shown dd/mm/yyyy (never mm/dd/yyyy, never the day before), amounts « 22 500 € » with Intl's narrow no-break space,
 * « d’Arlon », « Probabilité : moyenne », charts in fr-BE; a call-off's steps named as an order, a step done
 * « tomorrow » refused in the form;
 * and a page that fails says so in the user's language, with a way back. Everything through the screen.
 */
const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';
const DAY = 86_400_000;
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

describe('French whatever the browser, and a failing page in the user’s language', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let session: Session;
  let page: Page;
  const today = belgianToday(new Date());
  const tomorrow = belgianToday(new Date(Date.now() + DAY));
  const project = 'Capteurs de qualité de l’air près des écoles';
  let projectUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    // The agency's demo catalogue (fixtures): its lot 2 lists LumiGest, which a call-off can order.
    await seedCatalogueDemo(server.services.catalogue, server.services.watch, new Date());
    session = await openSession(browser, server.baseUrl, { locale: 'en-US', timezoneId: 'America/New_York' });
    page = session.page;
    await signIn(page, consultant);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows and takes dates dd/mm/yyyy in an American browser, the calendar included', async () => {
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    const start = dialog.getByRole('textbox', { name: /^Début/ });
    expect(await start.inputValue()).toBe(formatDate(today));
    expect(await dialog.getByRole('textbox', { name: /^Fin/ }).getAttribute('placeholder')).toBe('jj/mm/aaaa');

    // The calendar puts the day it is given as dd/mm/yyyy: the 15th of this month.
    await start.locator('xpath=..').getByRole('button', { name: 'Ouvrir le calendrier' }).click();
    await page.locator('.mantine-Popover-dropdown').getByRole('button', { name: /^15 / }).click();
    expect(await start.inputValue()).toBe(formatDate(`${today.slice(0, 8)}15`));
    // Typed the Belgian way.
    await start.fill('12/01/2026');
    await start.blur();
    expect(await start.inputValue()).toBe('12/01/2026');

    await dialog.getByLabel('Intitulé').fill('Arlon, ville intelligente');
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Arlon');
    await page.getByRole('option', { name: 'Arlon', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Camille Consultante' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Mise en œuvre' }).click();
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arlon, ville intelligente' }).waitFor();
    await page.getByText(/depuis le 12\/01\/2026/).waitFor();
  });

  it('writes amounts, names and levels in Belgian French on a project’s follow-up', async () => {
    await page.getByRole('tab', { name: 'Stratégie' }).click();
    await page.getByRole('button', { name: 'Démarrer la stratégie' }).click();
    await page.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
    const sheet = page.getByRole('dialog', { name: 'Nouvelle fiche projet' });
    await sheet.getByLabel('Intitulé').fill(project);
    await sheet.getByRole('textbox', { name: 'Investissement' }).fill('22500');
    await sheet.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Approuvé' }).click();
    await sheet.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
    await sheet.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await page.getByRole('link', { name: project }).click();
    await page.getByRole('heading', { level: 1, name: project }).waitFor();
    projectUrl = new URL(page.url()).pathname;
    await page.getByText('Suivi du projet de la commune d’Arlon.').waitFor();

    const budget = page.getByRole('region', { name: 'Budget, financement et risques' });
    await budget.getByLabel(/^Prévu/).fill('22500');
    await budget.getByLabel(/^Dépensé/).fill('1234,5'); // typed the Belgian way
    await budget.getByRole('button', { name: 'Enregistrer l’année' }).click();
    const total = budget.getByRole('row', { name: /Total/ });
    await total.getByText(`22${NARROW_NBSP}500${NBSP}€`, { exact: true }).waitFor();
    await total.getByText(`1${NARROW_NBSP}234,50${NBSP}€`, { exact: true }).waitFor();

    await budget.getByRole('textbox', { name: /^Montant \(€\)/ }).fill('60000');
    await budget.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await budget.getByText(new RegExp(`Fonds propres : 60${NARROW_NBSP}000${NBSP}€`)).waitFor();
    await budget.getByRole('textbox', { name: /^Risque/ }).fill('Retard de livraison des capteurs');
    await budget.getByRole('button', { name: 'Ajouter le risque' }).click();
    await budget.getByText(/Retard de livraison des capteurs \(Probabilité : moyenne, Impact : moyen\)/).waitFor();

    const milestones = page.getByRole('region', { name: 'Jalons' });
    await milestones.getByRole('textbox', { name: /^Jalon/ }).fill('Pose des capteurs');
    await milestones.getByRole('textbox', { name: /^Date prévue/ }).fill('31/01/2027');
    await milestones.getByRole('button', { name: 'Ajouter le jalon' }).click();
    await milestones.getByRole('cell', { name: '31/01/2027', exact: true }).waitFor();
    await milestones.getByRole('textbox', { name: /^Jalon/ }).fill('Commande des capteurs');
    await milestones
      .getByRole('textbox', { name: /^Date prévue/ })
      .fill(formatDate(belgianToday(new Date(Date.now() - 3 * DAY))));
    await milestones.getByRole('button', { name: 'Ajouter le jalon' }).click();

    // Badges and small buttons show their whole text, never « EN R… » or « Supp ».
    const whole = async (locator: ReturnType<Page['locator']>, what: string) => {
      await locator.waitFor();
      const clipped = await locator.evaluate((el) => {
        const inner = el.querySelector('.mantine-Badge-label, .mantine-Button-label') ?? el;
        return inner.scrollWidth > inner.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1;
      });
      expect(clipped, `${what} is clipped`).toBe(false);
    };
    await whole(milestones.locator('.mantine-Badge-root', { hasText: 'En retard' }), 'the « En retard » badge');
    await whole(milestones.locator('.mantine-Badge-root', { hasText: 'À venir' }), 'the « À venir » badge');
    const riskLine = budget.getByText(/Retard de livraison des capteurs/).locator('xpath=..');
    await whole(riskLine.getByRole('button', { name: 'Supprimer' }), 'the risk’s « Supprimer »');
    await expectNoSeriousA11yViolations(page, 'the follow-up with its date fields');
  });

  it('names a call-off’s steps as an order, and refuses in the form a step done after today', async () => {
    const procurement = page.getByRole('region', { name: 'Marché public' });
    await procurement.getByLabel(/^Montant estimé HTVA/).fill('24000');
    expect(await procurement.getByRole('textbox', { name: /^Date de lancement/ }).inputValue()).toBe(formatDate(today));
    await procurement.getByRole('combobox', { name: /^Solution du catalogue/ }).fill('LumiGest');
    await page.getByRole('option', { name: /^LumiGest — lot 2/ }).click();
    await procurement.getByRole('button', { name: 'Proposer les procédures' }).click();
    await procurement.getByRole('radio', { name: /Commande dans le marché-cadre/ }).check();
    // The steps of an order, not those of a procedure of the commune's own.
    expect(await procurement.getByRole('cell', { name: 'Cahier des charges' }).count()).toBe(0);
    await procurement.getByRole('cell', { name: 'Envoi du bon de commande', exact: true }).waitFor();
    const done = procurement.getByRole('textbox', { name: 'Date réalisée — Expression du besoin' });
    await done.fill(formatDate(tomorrow));
    await done.blur();
    await procurement.getByText(`Cette date ne peut pas être postérieure au ${formatDate(today)}.`).waitFor();
    await procurement
      .getByRole('alert')
      .getByText(/est dans le futur/)
      .waitFor();
    expect(await procurement.getByRole('button', { name: 'Enregistrer le dossier de marché' }).isDisabled()).toBe(true);
    await done.fill(formatDate(today));
    await procurement.getByRole('textbox', { name: 'Date prévue — Décision de commander' }).fill(formatDate(tomorrow));
    await procurement.getByRole('button', { name: 'Enregistrer le dossier de marché' }).click();
    await procurement.getByText('Prochaine étape : Décision de commander').waitFor();
    expect(await procurement.getByText(/Cahier des charges/).count()).toBe(0);
    // The section alone, once the « saved » notice is gone, without the fixed header across it.
    await page.getByText('Dossier de marché enregistré.').waitFor({ state: 'hidden', timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await procurement.boundingBox())!;
    await page.screenshot({ path: `${SHOTS}/implementation-procurement.png`, fullPage: true, clip: box });
  });

  it('draws the province’s budgets with Belgian amounts on the chart’s axis', async () => {
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Mise en œuvre', exact: true })
      .click();
    const chart = page.getByRole('img', { name: 'Budget prévu, engagé et dépensé par année' });
    await chart.locator('text').first().waitFor();
    const labels = await chart.locator('text').allTextContents();
    expect(
      labels.some((l) => new RegExp(`^\\d{1,3}(${NARROW_NBSP}\\d{3})+${NBSP}€$`).test(l)),
      labels.join(' | '),
    ).toBe(true);
    expect(
      labels.some((l) => /^\d{1,3}(,\d{3})+$/.test(l)),
      labels.join(' | '),
    ).toBe(false);
    // Every word on the dashboard is a word, not a translation key (the map's legend counts alerts by plural rules).
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).not.toMatch(/\b(implementation|common|missions|strategy|needs)\.[a-zA-Z.]+/);
    await page.getByText('1 alerte', { exact: true }).waitFor();
    await page.getByText('3 alertes ou plus', { exact: true }).waitFor();
  });

  it('shows a failing page in the user’s language, with a way back, never the raw error', async () => {
    // The server answers the follow-up with something the page cannot read (as a broken release would).
    await page.route('**/api/implementation/projects/*', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: '{"id":"broken"}' })
        : route.continue(),
    );
    await page.goto(projectUrl);
    await page.getByRole('heading', { level: 1, name: 'Cette page n’a pas pu s’afficher' }).waitFor();
    const main = page.getByRole('main');
    expect(await main.textContent()).not.toMatch(/Cannot read|undefined|TypeError/);
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the page error');

    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('heading', { level: 1, name: 'This page could not be shown' }).waitFor();
    await page.getByRole('button', { name: 'Go back to the previous page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Implementation' }).waitFor();
    await page.unroute('**/api/implementation/projects/*');
    await page.getByRole('button', { name: 'FR – Français' }).click();
    expect(session.pageErrors).toEqual([]);
  });
});
