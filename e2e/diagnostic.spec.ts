import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../test/support/pdf-text.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/** Answers the questions from the focused one on, one key each, and waits until the server has them. */
async function answerWithKeys(page: Page, keys: string[]) {
  await page.locator('[role="radiogroup"]').first().locator('[role="radio"][tabindex="0"]').focus();
  for (const key of keys) await page.keyboard.press(key);
  await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 30_000 });
}

async function newInterview(page: Page, type: string, role: string) {
  await page.getByRole('button', { name: 'Nouvel entretien' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel entretien' });
  await dialog.getByRole('combobox', { name: 'Type de personne ressource' }).click();
  await page.getByRole('option', { name: type, exact: true }).click();
  await dialog.getByLabel('Fonction (facultatif)').fill(role);
  await dialog.getByRole('button', { name: 'Commencer l’entretien' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`Entretien : ${type}`) }).waitFor({ timeout: 60_000 });
}

describe('diagnostic: a consultant diagnoses Tintigny; an Arlon editor cannot see its interviews', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let arlonEditor: E2eUser;
  let admin: E2eUser;
  let session: Session;
  let missionUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Benoît Consultant' });
    arlonEditor = await server.createUser({ role: 'commune_editor', displayName: 'Élise Arlon', communeNis: '81001' });
    admin = await server.createUser({ role: 'agency_admin', displayName: 'Alice Admin' });
    session = await openSession(browser, server.baseUrl);
    // The capture screen draws 88 questions: give a loaded machine time.
    session.context.setDefaultTimeout(30_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('an agency admin creates a new interview guide and publishes its version 1', async () => {
    const own = await openSession(browser, server.baseUrl);
    const { page } = own;
    await signIn(page, admin);
    await page.goto('/diagnostic/guide');
    await page.getByRole('button', { name: 'Nouveau guide' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un nouveau guide d’entretien' });
    await dialog.getByRole('textbox', { name: /^Clé du guide/ }).fill('smart-rural-ecoles');
    await dialog.getByRole('textbox', { name: /^Titre du guide/ }).fill('Guide des écoles numériques');
    await expectNoSeriousA11yViolations(page, 'the new guide dialog');
    await dialog.getByRole('button', { name: 'Créer le guide' }).click();
    await page.getByText('Guide « Guide des écoles numériques » créé en brouillon (version 1).').waitFor();
    await page
      .getByRole('row', { name: /Guide des écoles numériques — v1/ })
      .getByText('brouillon')
      .waitFor();
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await page.getByRole('dialog', { name: 'Publier la version 1' }).getByRole('button', { name: 'Publier' }).click();
    await page.getByText('Version 1 publiée.').waitFor();
    await page
      .getByRole('row', { name: /Guide des écoles numériques — v1/ })
      .getByText(/publiée le/)
      .waitFor();
    await own.context.close();
  });

  it('the consultant opens a mission for Tintigny and records a first interview with the keyboard', {
    timeout: 240_000,
  }, async () => {
    const { page } = session;
    await signIn(page, consultant);
    await page.goto('/missions');
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    await dialog.getByLabel('Intitulé').fill('Tintigny Smart Rural');
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Tintigny');
    await page.getByRole('option', { name: 'Tintigny', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Benoît Consultant' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tintigny Smart Rural' }).waitFor();
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await page.waitForURL(/\/diagnostic/);
    missionUrl = page.url().split('?')[0]!;

    // Before the first interview, the consultant chooses the guide: the new one, then the reference guide again.
    const choice = page.getByRole('combobox', { name: 'Guide d’entretien du diagnostic' });
    await choice.click();
    await page.getByRole('option', { name: 'Guide des écoles numériques (version 1)' }).click();
    await page.getByText('Le diagnostic utilisera Guide des écoles numériques (version 1).').waitFor();
    await choice.click();
    await page.getByRole('option', { name: /^Guide d’entretien Smart Rural/ }).click();
    await page.getByText(/^Le diagnostic utilisera Guide d’entretien Smart Rural/).waitFor();

    await newInterview(page, 'Élu·e', 'Bourgmestre');
    // 3, 2, don't know, 4: each key answers a question and moves to the next one.
    await answerWithKeys(page, ['3', '2', 'n', '4']);
    const cards = page.locator('[data-question]');
    await expect.poll(() => cards.nth(0).getByRole('radio', { checked: true }).textContent()).toContain('Intégré');
    expect(await cards.nth(2).getByRole('radio', { checked: true }).textContent()).toContain('Ne sait pas');
    expect(await page.getByText('3 réponses, 1 « ne sait pas », sur 88 questions').count()).toBe(1);
  });

  it('the capture screen passes axe', { timeout: 240_000 }, async () => {
    await expectNoSeriousA11yViolations(session.page, 'the interview capture screen');
  });

  it('a lost connection loses nothing: answers wait on the device and are sent when back online', async () => {
    const { page, context } = session;
    await context.setOffline(true);
    await page.locator('[data-question]').nth(4).getByRole('radio').first().focus();
    await page.keyboard.press('1');
    await page.keyboard.press('1');
    await page.getByText('Hors ligne — 2 modifications en attente').waitFor();
    await context.setOffline(false);
    await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 20_000 });
    // Reloaded from the server: everything is there.
    await page.reload();
    await page.getByText('5 réponses, 1 « ne sait pas », sur 88 questions').waitFor();
  });

  it('records a second interview', async () => {
    const { page } = session;
    await page.getByRole('button', { name: /Retour aux entretiens/ }).click();
    await newInterview(page, 'Citoyen·ne', 'Habitante de Bellefontaine');
    await answerWithKeys(page, ['1', '0', '2', '2', '0', '1']);
    await page.getByRole('button', { name: /Retour aux entretiens/ }).click();
    const rows = page.getByTestId('interviews-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Bourgmestre');
  });

  it('adds SWOT items tagged with dimensions, reorders them with the keyboard and by drag and drop', async () => {
    const { page } = session;
    await page.locator('label', { hasText: 'AFOM et spécificités' }).click();
    const add = async (category: string, text: string) => {
      await page.getByRole('combobox', { name: 'Catégorie' }).click();
      await page.getByRole('option', { name: category, exact: true }).click();
      await page.getByRole('textbox', { name: 'Constat' }).fill(text);
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await page.locator('[data-swot-item]').getByText(text).waitFor();
    };
    await add('Menaces', 'Départ à la retraite des médecins généralistes');
    await add('Menaces', 'Fermeture du dernier distributeur de billets');
    await add('Forces', 'Vallée de la Semois attractive');
    await page.getByRole('button', { name: 'Monter « Fermeture du dernier distributeur de billets »' }).click();
    const threats = page.getByRole('region', { name: /Menaces/ }).locator('[data-swot-item]');
    await expect.poll(() => threats.first().textContent()).toContain('Fermeture du dernier distributeur');
    // With the mouse: drag the second threat onto the first one.
    await threats
      .filter({ hasText: 'Départ à la retraite des médecins généralistes' })
      .dragTo(threats.filter({ hasText: 'Fermeture du dernier distributeur de billets' }));
    await expect.poll(() => threats.first().textContent()).toContain('Départ à la retraite des médecins');
    await page.reload();
    await page.getByRole('region', { name: /Menaces/ }).waitFor();
    expect(await threats.first().textContent()).toContain('Départ à la retraite des médecins');
    await expectNoSeriousA11yViolations(page, 'the SWOT');
  });

  it('sees the radar and the results', async () => {
    const { page } = session;
    await page.locator('label', { hasText: 'Résultats' }).click();
    await page.getByTestId('radar-chart').locator('svg').waitFor();
    expect(await page.getByTestId('overall-score').textContent()).toMatch(/\d,\d/);
    expect(await page.getByText('Maturité globale, d’après 2 entretiens').count()).toBe(1);
    // Too few comparable communes for z-scores: the raw difference, said to be indicative, and how it is computed.
    expect(await page.getByTestId('benchmark-note').textContent()).toContain('Comparaison indicative');
    expect(await page.getByTestId('dimension-table').locator('thead').textContent()).toContain('Écart');
    expect(await page.getByTestId('method-note').textContent()).toContain('la moyenne de ses facteurs');
    await page.screenshot({ path: '/tmp/plan-results.png', fullPage: true });
    await expectNoSeriousA11yViolations(page, 'the results');
  });

  it('downloads the PDF report, whose text is the diagnostic in French', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Rapport PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('diagnostic-tintigny.pdf');
    const { text } = await pdfText(await readFile((await download.path())!));
    const all = text.join('\n');
    for (const expected of [
      'Diagnostic Smart Rural',
      'Tintigny',
      'Personnes entendues',
      'Élu·e',
      'Citoyen·ne',
      'Maturité par dimension',
      'Menaces',
      'Départ à la retraite des médecins généralistes',
      'Premières pistes',
    ]) {
      expect(all).toContain(expected);
    }
  });

  it('turns a SWOT item into a draft project sheet of the strategy', async () => {
    const { page } = session;
    await page.goto(missionUrl);
    await page.locator('label', { hasText: 'AFOM et spécificités' }).click();
    await page
      .getByRole('button', { name: 'Créer une fiche projet depuis « Départ à la retraite des médecins généralistes »' })
      .click();
    await page.waitForURL('**/strategy?section=projects');
    await page.getByText('Parer à : départ à la retraite des médecins généralistes').first().waitFor();
  });

  it('an Arlon editor cannot see Tintigny’s interviews', async () => {
    const other = await openSession(browser, server.baseUrl);
    await signIn(other.page, arlonEditor);
    await other.page.goto(missionUrl);
    await other.page.getByText('Vous n’avez accès qu’aux données de votre commune.').first().waitFor();
    expect(await other.page.getByTestId('interviews-table').count()).toBe(0);
    expect(await other.page.getByText('Bourgmestre').count()).toBe(0);
    const missionId = missionUrl.split('/missions/')[1]!.split('/')[0]!;
    const api = await other.page.request.get(`/api/missions/${missionId}/interviews`);
    expect(api.status()).toBe(403);
    expect(other.pageErrors).toEqual([]);
  });
});
