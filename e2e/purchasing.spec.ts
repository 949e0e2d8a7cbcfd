import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations, screenAtRest } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * Central purchasing through the screen (issue 12): from a confirmed group of ten communes that answered the poll
 * (25 000 € each), the consultant builds the scenario and reads why European publication is required; Arlon's
 * editor records the commune's adhesion and confirms its line; the consultant records the route the agency chose.
 * The starting point (a confirmed, polled group) is loaded through the services, as the other specs load theirs.
 * E2E_SCREENSHOTS=<folder> also saves the screens there.
 */
const SHOTS = process.env.E2E_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1360, height: Math.min(height, 4000) });
  await page.screenshot({ path: join(SHOTS, `purchasing-${name}.png`) });
  await page.setViewportSize({ width: 1360, height: 900 });
};
const text = async (page: Page) => (await page.getByRole('main').textContent())?.replace(/\s/g, ' ') ?? '';

const TEN = ['81001', '81003', '81004', '81015', '85039', '84077', '83034', '85007', '85009', '85011'];

describe('central purchasing: from a confirmed group to the communes’ confirmations', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let editor: E2eUser;
  let consultantSession: Session;
  let editorSession: Session;
  let scenarioUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    editor = await server.createUser({ role: 'commune_editor', displayName: 'Élise d’Arlon', communeNis: '81001' });
    consultantSession = await openSession(browser, server.baseUrl);
    editorSession = await openSession(browser, server.baseUrl);
    const { needs, uow, mutualisation } = server.services;
    const needIds: string[] = [];
    for (const communeNis of TEN) {
      const need = await needs.create(CLI_CONTEXT, {
        communeNis,
        title: 'Télégestion de l’éclairage public',
        description: '',
        dimensions: [],
        category: 'public-lighting',
        urgency: 'medium',
        estimatedBudget: 25_000,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      });
      needIds.push(need.id);
    }
    const group = await uow.write((repos) =>
      repos.needs.insertGroup(
        { label: 'Éclairage public intelligent', reason: 'e2e', status: 'confirmed', category: 'public-lighting' },
        needIds,
      ),
    );
    const poll = await mutualisation.createPoll(CLI_CONTEXT, group.id, {
      question: 'Rejoignez-vous le marché-cadre ?',
      unit: 'commune',
      deadline: '2099-12-31',
      audience: 'group',
    });
    for (const communeNis of TEN) {
      await mutualisation.answer(CLI_CONTEXT, poll.id, {
        communeNis,
        answer: 'yes',
        quantity: null,
        budget: 25_000,
        comment: null,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the consultant builds the scenario: 250 000 € over the whole agreement, European publication required', async () => {
    const page = consultantSession.page;
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Achats centralisés' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Achats centralisés' }).waitFor();
    await page.getByRole('textbox', { name: /^Intitulé/ }).fill('Télégestion de l’éclairage — marché-cadre');
    await page.getByRole('combobox', { name: /^Groupes de besoins confirmés/ }).click();
    await page.getByRole('option', { name: /Éclairage public intelligent \(10 communes\)/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: /^Date de lancement prévue/ }).fill('01/09/2026');
    await page.getByRole('button', { name: 'Créer le scénario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Télégestion de l’éclairage — marché-cadre' }).waitFor();
    scenarioUrl = page.url();
    await page.getByText('Publication européenne (JOUE) obligatoire').waitFor();
    const main = await text(page);
    expect(main).toContain('250 000 €');
    expect(main).toContain('216 000 €');
    expect(main).toContain("même si aucune commune seule n'atteint ce seuil");
    expect(main).toContain('Loi du 17 juin 2016 relative aux marchés publics, art. 47 (à vérifier)');
    expect(main).toContain('Confirmation attendue de');
    await expectNoSeriousA11yViolations(page, 'a procurement scenario');
    await shoot(page, 'scenario');
  });

  it('Arlon’s editor records the adhesion and confirms the commune’s line', async () => {
    const page = editorSession.page;
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Achats centralisés' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Achats centralisés' }).waitFor();
    await page.getByRole('textbox', { name: /^Date de la décision du conseil/ }).fill('15/06/2026');
    await page.getByRole('textbox', { name: /^Référence de la décision/ }).fill('CC 2026/06/15-12');
    await page.getByRole('button', { name: 'Enregistrer l’adhésion' }).click();
    await page.getByText(/Arlon — décision du conseil du 15\/06\/2026/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the purchasing page of a commune');
    await page.getByRole('link', { name: 'Télégestion de l’éclairage — marché-cadre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Télégestion de l’éclairage — marché-cadre' }).waitFor();
    const table = page.getByRole('table').filter({ hasText: 'Statut' }).last();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('textbox', { name: /^Montant sur la durée initiale/ }).fill('24000');
    await page.getByRole('button', { name: 'Envoyer la confirmation' }).click();
    await page.getByText('Réponse enregistrée.').waitFor();
    await table.getByText('Confirmée').waitFor();
    expect(await text(page)).toContain('a adhéré à la centrale');
    await expectNoSeriousA11yViolations(page, 'a commune’s confirmation');
    await shoot(page, 'commune');
    // On a phone, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenAtRest(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it('the consultant sees Arlon confirmed and records the route the agency chose', async () => {
    const page = consultantSession.page;
    await page.goto(scenarioUrl);
    await page.getByRole('heading', { level: 1, name: 'Télégestion de l’éclairage — marché-cadre' }).waitFor();
    expect(await text(page)).toContain('Confirmée');
    await page.getByRole('combobox', { name: /^Voie juridique retenue/ }).click();
    await page.getByRole('option', { name: "L'agence comme centrale d'achat" }).click();
    await page
      .getByRole('textbox', { name: /^Motivation et référence de la décision/ })
      .fill('Conseil d’administration du 12/05/2026');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Scénario enregistré.').waitFor();
    await page.getByText("Voie choisie : L'agence comme centrale d'achat").waitFor();
    await page.getByRole('button', { name: 'Lancer le marché' }).click();
    await page.getByText(/Le scénario ne peut pas encore être lancé/).waitFor();
    expect(await text(page)).toContain(
      'Le scénario ne peut pas encore être lancé : Confirmation attendue de : Attert, Aubange',
    );
    await shoot(page, 'consultant');
  });

  it('the consultant records the other communes’ answers and adhesions, launches, and the award creates the agreement', async () => {
    const page = consultantSession.page;
    await page.goto('/purchasing');
    const names = [
      'Attert',
      'Aubange',
      'Messancy',
      'Tintigny',
      'Libramont-Chevigny',
      'Marche-en-Famenne',
      'Chiny',
      'Etalle',
      'Florenville',
    ];
    for (const name of names) {
      await page.getByRole('combobox', { name: /^Commune/ }).fill(name);
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByRole('textbox', { name: /^Date de la décision du conseil/ }).fill('20/06/2026');
      await page.getByRole('textbox', { name: /^Référence de la décision/ }).fill(`CC ${name}`);
      await page.getByRole('button', { name: 'Enregistrer l’adhésion' }).click();
      await page.getByText(new RegExp(`${name} — décision du conseil du 20/06/2026`)).waitFor();
    }
    await page.goto(scenarioUrl);
    for (const name of names) {
      await page.getByRole('button', { name: `Confirmer pour ${name}` }).click();
      await page.getByRole('button', { name: `Confirmer pour ${name}` }).waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: 'Lancer le marché' }).click();
    await page.getByText('Scénario lancé.').waitFor();
    const file = page.getByRole('region', { name: /Dossier de marché de l’agence — Procédure ouverte/ });
    await file.waitFor();
    await file.getByRole('textbox', { name: /^Date de la décision d’attribution/ }).fill('01/10/2026');
    await file.getByRole('textbox', { name: /^Début de l’accord-cadre/ }).fill('10/10/2026');
    await file.getByRole('textbox', { name: /^Référence de l’accord-cadre/ }).fill('IDELUX-CA-2026-07');
    await file.getByRole('textbox', { name: /^Attributaire/ }).fill('LumiTech SA');
    await file.getByRole('textbox', { name: /^Montant de l’offre retenue/ }).fill('212000');
    await file.getByRole('button', { name: 'Attribuer et créer l’accord-cadre' }).click();
    // Inside the standstill: refused, and said why.
    await file.getByText(/qu’après le délai d’attente/).waitFor();
    await file.getByRole('textbox', { name: /^Début de l’accord-cadre/ }).fill('20/10/2026');
    await file.getByRole('button', { name: 'Attribuer et créer l’accord-cadre' }).click();
    await page.getByText('Accord-cadre créé au catalogue.').waitFor();
    await file.getByText('Marché attribué le 01/10/2026').waitFor();
    expect((await file.textContent())?.replace(/\s/g, ' ')).toContain('LumiTech SA, 212 000 € HTVA');
    await expectNoSeriousA11yViolations(page, 'the agency’s file after the award');
    await shoot(page, 'awarded');
    await file.getByRole('link', { name: 'Voir l’accord-cadre au catalogue' }).click();
    await page.goto('/catalogue?tab=agreements');
    await page.getByText('IDELUX-CA-2026-07', { exact: false }).first().waitFor();
  });
});
