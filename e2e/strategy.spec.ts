import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../test/support/pdf-text.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * The strategy of a mission, as a consultant builds it for Aubange: five project sheets, AHP weights, the grid, the
 * ranking, the optimal plan, a lock and a new plan, and the PST document (PDF and spreadsheet) with the projects in.
 */
const PROJECTS = [
  { title: 'Fibre optique des bâtiments communaux', cost: '180000', scores: [4, 5, 4, 3, 2, 3] },
  { title: 'Guichet numérique', cost: '45000', scores: [4, 4, 5, 2, 4, 4] },
  { title: 'Wi-Fi public à Athus', cost: '40000', scores: [4, 3, 5, 2, 3, 3] },
  { title: 'Application citoyenne', cost: '60000', scores: [4, 4, 4, 3, 5, 4] },
  { title: 'Capteurs de qualité de l’air', cost: '90000', scores: [3, 4, 3, 3, 4, 5] },
];

describe('strategy: a consultant plans Aubange’s projects', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let session: Session;
  let page: Page;
  let strategyUrl = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    session = await openSession(browser, server.baseUrl);
    page = session.page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const section = async (name: RegExp) => {
    await page.getByRole('tab', { name }).click();
  };

  it('opens a mission for Aubange and starts its strategy', async () => {
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    await dialog.getByLabel('Intitulé').fill('Aubange Smart 2030');
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Aubange');
    await page.getByRole('option', { name: 'Aubange', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Camille Consultante' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aubange Smart 2030' }).waitFor();
    await page.getByRole('tab', { name: 'Stratégie' }).click();
    await page.getByRole('button', { name: 'Démarrer la stratégie' }).click();
    await page.getByRole('heading', { name: 'Fiches projet' }).waitFor();
    strategyUrl = page.url().split('?')[0]!;
  });

  it('creates five project sheets, one depending on another', async () => {
    for (const project of PROJECTS) {
      await page.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle fiche projet' });
      await dialog.getByLabel('Intitulé').fill(project.title);
      await dialog.getByRole('textbox', { name: 'Investissement' }).fill(project.cost);
      if (project.title === 'Wi-Fi public à Athus') {
        await dialog.getByRole('combobox', { name: 'Dépend de' }).click();
        await page.getByRole('option', { name: 'Fibre optique des bâtiments communaux' }).click();
        await page.keyboard.press('Escape');
      }
      if (project.title === 'Guichet numérique') await dialog.getByRole('switch', { name: 'Obligatoire' }).check();
      if (project === PROJECTS[0]) {
        // Three quarters requested from the Smart Région call: the plan charges the commune 45 000 €.
        await dialog.getByRole('button', { name: 'Ajouter un financement' }).click();
        await dialog.getByRole('textbox', { name: 'Source' }).fill('Appel Smart Région');
        await dialog.getByRole('textbox', { name: 'Taux' }).fill('75');
        expect(await dialog.getByRole('combobox', { name: 'Statut du financement' }).inputValue()).toBe('Demandé');
      }
      if (project === PROJECTS[4]) await expectNoSeriousA11yViolations(page, 'the project sheet form');
      await dialog.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator(`tr[data-project="${project.title}"]`).waitFor();
    }
    expect(await page.getByTestId('projects-table').locator('tbody tr').count()).toBe(5);
    expect(await page.locator('tr[data-project="Wi-Fi public à Athus"]').textContent()).toContain(
      'Fibre optique des bâtiments communaux',
    );
    await expectNoSeriousA11yViolations(page, 'the project sheets');
  });

  it('sets the weights by AHP pairwise comparison, the consistency ratio in view', async () => {
    await section(/Critères et poids/);
    const first = page.getByRole('slider', {
      name: 'Importance de « Impact pour les citoyens » par rapport à « Alignement avec le diagnostic »',
    });
    await first.focus();
    // Left: the first criterion more important. Two steps: "modérément plus important" (3).
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page
      .getByText('« Impact pour les citoyens » est modérément plus important que « Alignement avec le diagnostic » (3)')
      .waitFor();
    const cost = page.getByRole('slider', {
      name: 'Importance de « Impact pour les citoyens » par rapport à « Coût d’investissement »',
    });
    await cost.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('ahp-consistency').textContent()).toMatch(/Ratio de cohérence/);
    await expectNoSeriousA11yViolations(page, 'the pairwise comparisons');
    await page.getByRole('button', { name: 'Appliquer ces poids' }).click();
    await page.getByText('Poids AHP appliqués.').waitFor();
    const impactWeight = await page
      .getByTestId('criteria-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(4)
      .textContent();
    expect(Number(impactWeight!.replace(',', '.').replace(/[^\d.]/g, ''))).toBeGreaterThan(20);
  });

  it('scores the projects in the grid with the keyboard', async () => {
    await section(/Évaluation/);
    await page.getByTestId('evaluation-grid').waitFor();
    for (let column = 0; column < 6; column++) {
      await page.locator(`[data-cell="0-${column}"]`).click();
      for (const project of PROJECTS) {
        await page.keyboard.type(String(project.scores[column]));
        await page.keyboard.press('Enter');
      }
    }
    await page.locator('[data-cell="0-0"]').click();
    await page.getByText('La grille est complète : tous les projets sont classés.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the evaluation grid');
  });

  it('sees the PROMETHEE ranking, the GAIA plane and the stability intervals', async () => {
    await section(/Classement/);
    const table = page.getByTestId('ranking-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    const titles = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(titles.sort()).toEqual(PROJECTS.map((p) => p.title).sort());
    await page.getByRole('heading', { name: 'Plan GAIA' }).waitFor();
    await page.getByText(/Ce plan conserve \d+ % de l’information/).waitFor();
    await page
      .getByTestId('stability-table')
      .getByText(/Ce poids peut varier de 0,\d\d à \d,\d\d avant que le top 5 change/)
      .first()
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the ranking');
  });

  it('computes the optimal plan within the budgets', async () => {
    await section(/Plan pluriannuel/);
    // No budget yet: the plan is not computed, the page says what to do first.
    await page.getByTestId('plan-needs-budget').waitFor();
    expect(await page.getByTestId('run-plan').isDisabled()).toBe(true);
    for (const [horizon, budget] of [
      ['Court terme', '200000'],
      ['Moyen terme', '150000'],
      ['Long terme', '100000'],
    ] as const) {
      await page.getByRole('textbox', { name: `Budget — ${horizon}` }).fill(budget);
    }
    await page.getByRole('button', { name: 'Enregistrer les horizons' }).click();
    await page.getByText('Horizons enregistrés.').waitFor();
    await page.getByTestId('run-plan').click();
    await page.getByTestId('plan-value').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('plan-value').textContent()).toMatch(/Valeur du plan : [\d,]+/);
    const guichet = page.locator('tr[data-project="Guichet numérique"]');
    // Mandatory: always in the plan.
    expect(await guichet.locator('td').nth(3).textContent()).toMatch(/terme/);
    await expectNoSeriousA11yViolations(page, 'the plan');
  });

  it('locks a project into the long term and plans again around it', async () => {
    const row = page.locator('tr[data-project="Application citoyenne"]');
    await row.getByRole('combobox', { name: 'Verrou de « Application citoyenne »' }).click();
    await page.getByRole('option', { name: 'Verrouillé : Long terme' }).click();
    await page.getByTestId('plan-stale').waitFor();
    await page.getByRole('button', { name: 'Recalculer le plan' }).click();
    await page.getByTestId('plan-stale').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('plan-value').waitFor();
    await expect.poll(async () => row.locator('td').nth(3).textContent()).toBe('Long terme');
    expect(await page.getByText(/avec 1 verrou\b/).count()).toBe(1);
  });

  it('charges the commune’s share, carries unspent money over, and compares with granted funding only', async () => {
    // Carry-over: what a horizon leaves unspent goes to the next ones (reserve funds).
    await page.getByRole('switch', { name: 'Reporter le budget non dépensé' }).check();
    await page.getByRole('button', { name: 'Recalculer le plan' }).click();
    await page.getByTestId('plan-carry-over').waitFor({ timeout: 60_000 });
    await page.getByTestId('plan-value').waitFor();
    const fibre = page.locator('tr[data-project="Fibre optique des bâtiments communaux"]');
    await expect.poll(() => fibre.locator('td').nth(2).textContent()).toMatch(/45\s000\s€sur 180\s000\s€/);
    const comparison = page.getByTestId('funding-comparison');
    expect(await comparison.textContent()).toContain('Avec subsides accordés uniquement');
    expect(await page.getByTestId('plan-budgets').textContent()).toMatch(/de part communale/);
  });

  it('approves the plan and follows it in « Mise en œuvre »: budget by year, then plan against actual', async () => {
    await page
      .getByTestId('plan-approval')
      .getByRole('button', { name: /^Approuver/ })
      .click();
    await page
      .getByTestId('plan-approval')
      .getByText(/approuvés?/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la mission' });
    await dialog.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Mise en œuvre' }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    const view = page.getByTestId('plan-against-actual');
    await view.waitFor();
    expect(await view.textContent()).toContain('conforme au plan');
    await view.getByRole('link', { name: 'Fibre optique des bâtiments communaux' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fibre optique des bâtiments communaux' }).waitFor();
    // The plan reached the follow-up: its months, its cost and funding, the budget by year, no « 0 € prévus ».
    const baseline = await page.getByTestId('plan-baseline').textContent();
    expect(baseline).toMatch(/investissement 180\s000\s€ dont 135\s000\s€ de subsides \(part communale 45\s000\s€\)/);
    const budget = page.getByRole('region', { name: 'Budget, financement et risques' });
    await budget
      .getByRole('row', { name: /Total/ })
      .getByText(/180\s000\s€/)
      .first()
      .waitFor();
    expect(await budget.getByText('Appel Smart Région').count()).toBeGreaterThan(0);

    // Money committed beyond the plan in its first year: the drift shows.
    const firstYear = (await page.getByTestId('plan-actual-years').locator('tbody th').first().textContent())!.trim();
    await budget.getByLabel(/^Année/).fill(firstYear);
    await budget.getByLabel(/^Prévu/).fill('180000');
    await budget.getByLabel(/^Engagé/).fill('220000');
    await budget.getByLabel(/^Dépensé/).fill('50000');
    await budget.getByRole('button', { name: 'Enregistrer l’année' }).click();
    const projectRow = page.getByTestId('plan-actual-projects').locator('tbody tr').first();
    await expect.poll(() => projectRow.textContent()).toMatch(/dépassement de 22\s%/);
    await expectNoSeriousA11yViolations(page, 'the follow-up with its plan');
    await page.screenshot({ path: '/tmp/plan-follow-up.png', fullPage: true });

    await page.goBack();
    await page
      .getByTestId('plan-against-actual')
      .getByText(/1 projet s’écarte du plan/)
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the mission’s plan against actual');
    await page.goto(`${strategyUrl}?section=plan`);
  });

  it('balances the plan: a minimum no plan can reach is explained, then lifted', async () => {
    await page.goto(`${strategyUrl}?section=plan`);
    const balance = page.getByTestId('plan-balance');
    await balance.waitFor();
    await balance.getByRole('button', { name: 'Ajouter une règle d’équilibre' }).click();
    await balance.getByRole('combobox', { name: 'Dimension ou objectif' }).click();
    await page.getByRole('option', { name: 'Mobilité' }).click();
    await balance.getByRole('combobox', { name: 'Part de' }).click();
    await page.getByRole('option', { name: 'projets' }).click();
    await balance.getByRole('textbox', { name: 'Part minimale pour Mobilité' }).fill('50');
    await page.getByRole('button', { name: 'Recalculer le plan' }).click();
    // No sheet serves mobility, and « Guichet numérique » is mandatory: no plan keeps the rule, and the screen says why.
    const infeasible = page.getByTestId('plan-infeasible');
    await infeasible.waitFor({ timeout: 60_000 });
    expect(await infeasible.textContent()).toContain('« Mobilité (projets) » n’atteint que 0');
    await page.screenshot({ path: 'test-results/strategy-plan-balance.png', fullPage: true });
    await balance.getByRole('button', { name: 'Retirer la règle « Mobilité »' }).click();
    await page.getByRole('button', { name: 'Recalculer le plan' }).click();
    await page.getByTestId('plan-value').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('plan-infeasible').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the plan with its balance editor');
  });

  it('exports the PST document: the spreadsheet and the PDF hold the project titles', async () => {
    await page.goto(`${strategyUrl}?section=roadmap`);
    await page.getByTestId('roadmap-gantt').waitFor();
    await expectNoSeriousA11yViolations(page, 'the roadmap');

    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-xlsx').click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/^strategie-aubange-.*\.xlsx$/);
    const xlsxPath = join(tmpdir(), `pst-${Date.now()}.xlsx`);
    await xlsxDownload.saveAs(xlsxPath);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsxPath);
    const cells = (book.getWorksheet('PST')!.getSheetValues() as unknown[][])
      .filter(Boolean)
      .flatMap((row) => row.filter((v) => typeof v === 'string'));
    for (const project of PROJECTS) {
      const inPlan = cells.includes(project.title);
      const outOfPlan = (book.getWorksheet('Hors plan')?.getSheetValues() as unknown[][] | undefined)
        ?.filter(Boolean)
        .some((row) => row.includes(project.title));
      expect(inPlan || outOfPlan, project.title).toBe(true);
    }

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(pdfDownload.suggestedFilename()).toMatch(/^strategie-aubange-.*\.pdf$/);
    const pdfPath = join(tmpdir(), `pst-${Date.now()}.pdf`);
    await pdfDownload.saveAs(pdfPath);
    const pdf = await readFile(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The text a reader copies from the document: the PST structure and every planned project as an action.
    const text = (await pdfText(pdf)).text.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Aubange');
    expect(text).toMatch(/Objectif(s)? stratégique/i);
    const planned = cells.filter((c) => PROJECTS.some((p) => p.title === c));
    expect(planned.length).toBeGreaterThan(0);
    for (const title of planned) expect(text).toContain(title);
    expect(session.pageErrors).toEqual([]);
  });
});
