import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogueDemo } from '../src/server/catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations, screenAtRest } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * Central purchasing through the screen (issue 12), from a confirmed group of ten communes that answered the poll
 * (50 000 € each) to a commune's call-off: the admin sets a procedure cost with its source; the consultant builds the
 * scenario, reads why European publication is required and what the communes save (fee 1 %); Martelange's editor
 * adheres and confirms; the consultant records the others, the route, launches, enters a document and a bid, awards;
 * the agreement is in the catalogue; Martelange orders in it and the lot's consumption shows. Communes the demo does
 * not fill. The starting point (a confirmed, polled group; the demo catalogue) is loaded through the services.
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
const flat = (value: string | null) => value?.replace(/\s/g, ' ') ?? '';
const text = async (page: Page) => flat(await page.getByRole('main').textContent());

const MARTELANGE = '81013';
const OTHERS: [string, string][] = [
  ['84035', 'Libin'],
  ['82009', 'Fauvillers'],
  ['82032', 'Vielsalm'],
  ['82036', 'Vaux-sur-Sûre'],
  ['82037', 'Gouvy'],
  ['82038', 'Sainte-Ode'],
  ['83013', 'Erezée'],
  ['83031', 'La Roche-en-Ardenne'],
  ['83040', 'Nassogne'],
];
const TEN = [MARTELANGE, ...OTHERS.map(([nis]) => nis)];
const TITLE = 'Signalement citoyen — marché-cadre';

describe('central purchasing: from a confirmed group to a commune’s call-off, through the screen', () => {
  let server: E2eApp;
  let browser: Browser;
  let admin: E2eUser;
  let consultant: E2eUser;
  let editor: E2eUser;
  let adminSession: Session;
  let consultantSession: Session;
  let editorSession: Session;
  let scenarioUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    admin = await server.createUser({ role: 'agency_admin', displayName: 'Alex Admin' });
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    editor = await server.createUser({
      role: 'commune_editor',
      displayName: 'Élise de Martelange',
      communeNis: MARTELANGE,
    });
    adminSession = await openSession(browser, server.baseUrl);
    consultantSession = await openSession(browser, server.baseUrl);
    editorSession = await openSession(browser, server.baseUrl);
    const { needs, uow, mutualisation, catalogue, watch } = server.services;
    await seedCatalogueDemo(catalogue, watch, new Date(), CLI_CONTEXT);
    const needIds: string[] = [];
    for (const communeNis of TEN) {
      const need = await needs.create(CLI_CONTEXT, {
        communeNis,
        title: 'Application de signalement citoyen',
        description: '',
        dimensions: [],
        category: 'citizen-reporting',
        urgency: 'medium',
        estimatedBudget: 50_000,
        timeframe: null,
        source: 'direct',
        sourceRef: null,
      });
      needIds.push(need.id);
    }
    const group = await uow.write((repos) =>
      repos.mutualisationGroups.insertGroup(
        { label: 'Signalement citoyen', reason: 'e2e', status: 'confirmed', category: 'citizen-reporting' },
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
        budget: 50_000,
        comment: null,
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin records what a negotiated procedure costs, with its source', async () => {
    const page = adminSession.page;
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Coûts de procédure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coûts de procédure' }).waitFor();
    const card = page.getByRole('region', { name: 'Procédure négociée sans publication préalable' });
    await card.getByText('estimation à vérifier', { exact: true }).waitFor();
    await card.getByRole('textbox', { name: /^Coût par procédure/ }).fill('2000');
    await card.getByRole('textbox', { name: /^Source/ }).fill('Relevé des services communaux, IDELUX 2026');
    await card.getByRole('checkbox', { name: /^Chiffre vérifié/ }).check();
    await page.getByRole('button', { name: 'Enregistrer les coûts' }).click();
    await page.getByText('Coûts de procédure enregistrés.').waitFor();
    await card.getByText('vérifié', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the procedure costs');
  });

  it('the consultant builds the scenario: European publication, and the savings with every assumption', async () => {
    const page = consultantSession.page;
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Achats centralisés' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Achats centralisés' }).waitFor();
    await page.getByRole('textbox', { name: /^Intitulé/ }).fill(TITLE);
    await page.getByRole('combobox', { name: /^Groupes de besoins confirmés/ }).click();
    await page.getByRole('option', { name: /Signalement citoyen \(10 communes\)/ }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: /^Date de lancement prévue/ }).fill('01/09/2026');
    await page.getByRole('button', { name: 'Créer le scénario' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    scenarioUrl = page.url();
    await page.getByText('Publication européenne (JOUE) obligatoire').waitFor();
    expect(await text(page)).toContain("même si aucune commune seule n'atteint ce seuil");

    // The savings: alone, each commune runs a negotiated procedure (2 000 €, the admin's figure) instead of a
    // call-off (150 €, still an estimate); the agency takes 1 % of what each buys.
    const savings = page.getByRole('region', { name: 'Économies estimées' });
    await savings.getByRole('radio', { name: 'Un taux des achats' }).check();
    await savings.getByRole('textbox', { name: /^Taux de la commission/ }).fill('1');
    await savings.getByRole('textbox', { name: /^Origine de la commission/ }).fill('Tarif du CA du 12/05/2026');
    await savings.getByRole('button', { name: 'Enregistrer les hypothèses' }).click();
    await page.getByText('Hypothèses enregistrées.').waitFor();
    await savings.getByText(/1 % de ce que chaque commune achète/).waitFor();
    const figures = flat(await savings.textContent());
    expect(figures).toContain('Coûts de procédure évités par les communes18 500 €');
    expect(figures).toContain('Commission de la centrale d’achat-5 000 €');
    expect(figures).toContain('Économie nette pour les communes13 500 €');
    expect(figures).toContain('Procédure négociée sans publication préalable : 2 000 €');
    expect(figures).toContain('Relevé des services communaux, IDELUX 2026');
    expect(figures).toMatch(/Commande dans le marché-cadre de la centrale d'achat : 150 €\s*estimation à vérifier/);
    await expectNoSeriousA11yViolations(page, 'a procurement scenario and its savings');
    await shoot(page, 'scenario');
    // On a phone, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenAtRest(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it('Martelange’s editor records the adhesion and confirms the commune’s line', async () => {
    const page = editorSession.page;
    await signIn(page, editor);
    await page.getByRole('link', { name: 'Achats centralisés' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Achats centralisés' }).waitFor();
    await page.getByRole('textbox', { name: /^Date de la décision du conseil/ }).fill('15/06/2026');
    await page.getByRole('textbox', { name: /^Référence de la décision/ }).fill('CC 2026/06/15-12');
    await page.getByRole('button', { name: 'Enregistrer l’adhésion' }).click();
    await page.getByText(/Martelange — décision du conseil du 15\/06\/2026/).waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const table = page.getByRole('table').filter({ hasText: 'Statut' }).last();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Envoyer la confirmation' }).click();
    await page.getByText('Réponse enregistrée.').waitFor();
    await table.getByText('Confirmée').waitFor();
    // The commune reads the savings, with its own line only.
    const savings = page.getByRole('region', { name: 'Économies estimées' });
    expect(await savings.getByRole('row').count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'a commune’s confirmation');
  });

  it('the consultant records the others, launches, enters a document and a bid, and awards', async () => {
    const page = consultantSession.page;
    await page.goto('/purchasing');
    for (const [, name] of OTHERS) {
      await page.getByRole('combobox', { name: /^Commune/ }).fill(name);
      await page.getByRole('option', { name, exact: true }).click();
      await page.getByRole('textbox', { name: /^Date de la décision du conseil/ }).fill('20/06/2026');
      await page.getByRole('textbox', { name: /^Référence de la décision/ }).fill(`CC ${name}`);
      await page.getByRole('button', { name: 'Enregistrer l’adhésion' }).click();
      await page.getByText(new RegExp(`${name} — décision du conseil du 20/06/2026`)).waitFor();
    }
    await page.goto(scenarioUrl);
    for (const [, name] of OTHERS) {
      await page.getByRole('button', { name: `Confirmer pour ${name}` }).click();
      await page.getByRole('button', { name: `Confirmer pour ${name}` }).waitFor({ state: 'detached' });
    }
    await page.getByRole('combobox', { name: /^Voie juridique retenue/ }).click();
    await page.getByRole('option', { name: "L'agence comme centrale d'achat" }).click();
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Scénario enregistré.').waitFor();
    await page.getByRole('button', { name: 'Lancer le marché' }).click();
    await page.getByText('Scénario lancé.').waitFor();

    const file = page.getByRole('region', { name: /Dossier de marché de l’agence — Procédure ouverte/ });
    await file.getByRole('textbox', { name: /^Intitulé du document/ }).fill('Cahier spécial des charges');
    await file.getByRole('textbox', { name: /^Lien vers le document/ }).fill('https://example.org/csc-2026-07.pdf');
    await file.getByRole('button', { name: 'Ajouter le document' }).click();
    await file.getByRole('link', { name: 'Cahier spécial des charges' }).waitFor();
    await file.getByRole('textbox', { name: /^Soumissionnaire/ }).fill('CivicApps SRL');
    await file.getByRole('textbox', { name: /^Montant de l’offre \(HTVA\)/ }).fill('420000');
    await file.getByRole('textbox', { name: /^Reçue le/ }).fill('15/09/2026');
    await file.getByRole('button', { name: 'Enregistrer l’offre' }).click();
    await page.getByText('Offre enregistrée.', { exact: true }).waitFor();
    await file.getByRole('cell', { name: 'CivicApps SRL', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the agency’s file with its document and bid');

    await file.getByRole('textbox', { name: /^Date de la décision d’attribution/ }).fill('01/10/2026');
    await file.getByRole('textbox', { name: /^Début de l’accord-cadre/ }).fill('10/10/2026');
    await file.getByRole('textbox', { name: /^Référence de l’accord-cadre/ }).fill('IDELUX-CA-2026-07');
    await file.getByRole('textbox', { name: /^Attributaire/ }).fill('CivicApps SRL');
    await file.getByRole('textbox', { name: /^Montant de l’offre retenue/ }).fill('420000');
    await file.getByRole('combobox', { name: /^Solution du catalogue/ }).click();
    await page.getByRole('option', { name: /^Signal’Commune/ }).click();
    await file.getByRole('textbox', { name: /^Prix unitaire convenu/ }).fill('0,3');
    await file.getByRole('button', { name: 'Attribuer et créer l’accord-cadre' }).click();
    // Inside the standstill: refused, and said why.
    await file.getByText(/qu’après le délai d’attente/).waitFor();
    await file.getByRole('textbox', { name: /^Début de l’accord-cadre/ }).fill('20/10/2026');
    await file.getByRole('button', { name: 'Attribuer et créer l’accord-cadre' }).click();
    await page.getByText('Accord-cadre créé au catalogue.').waitFor();
    expect(flat(await file.textContent())).toContain('CivicApps SRL, 420 000 € HTVA');
    // The OCDS names the buyers by their official designation: those still « à vérifier » are named beside the export.
    const toCheck = flat(await file.getByTestId('designations-to-check').textContent());
    expect(toCheck).toMatch(/^Désignations officielles à vérifier avant de publier ces données : .*Martelange/);
    expect(toCheck).not.toContain('La Roche-en-Ardenne');
    await shoot(page, 'awarded');
    await file.getByRole('link', { name: 'Voir l’accord-cadre au catalogue' }).click();
    await page.getByRole('tab', { name: 'Accords-cadres et commandes' }).click();
    await page.getByRole('region', { name: /^IDELUX-CA-2026-07 — / }).waitFor();
  });

  it('Martelange orders in the new agreement through the catalogue, and the lot’s consumption shows', async () => {
    const page = editorSession.page;
    await page.getByRole('link', { name: 'Catalogue' }).first().click();
    await page.getByRole('textbox', { name: 'Rechercher une solution' }).fill('Signal’Commune');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Signal’Commune', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Signal’Commune' }).waitFor();
    const order = page.getByRole('region', { name: 'Commander dans l’accord-cadre' });
    await order.getByRole('combobox', { name: /^Lot/ }).click();
    await page.getByRole('option', { name: /^IDELUX-CA-2026-07/ }).click();
    // The lot's negotiated price × Martelange's population, within the lot's ceiling (its estimated value).
    await order
      .getByTestId('order-basis')
      .getByText(/0,30\s€ × 1\s857 = 557,10\s€ HTVA/)
      .waitFor();
    await order.getByRole('button', { name: 'Passer la commande' }).click();
    await page
      .getByRole('dialog', { name: 'Confirmer la commande' })
      .getByRole('button', { name: 'Confirmer la commande' })
      .click();
    await page.getByText('Commande enregistrée : Signal’Commune').waitFor();
    await order.getByText(/Reste 499\s442,90\s€ sur un plafond de 500\s000\s€/).waitFor();

    await page.goto('/catalogue?tab=agreements');
    const agreement = page.getByRole('region', { name: /^IDELUX-CA-2026-07 — / });
    await agreement
      .getByText(/557,10\s€ commandés sur 500\s000\s€/)
      .first()
      .waitFor();
    expect(flat(await agreement.textContent())).toContain('CivicApps SRL');
    await shoot(page, 'call-off');
  });
});
