import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { belgianToday } from '../src/domain/shared/format.ts';
import { defaultHorizons } from '../src/domain/strategy/horizons.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';
import { addSwotItem, answerWithKeys, failureShot, fullPageShot, openSubTab } from './support/journey.ts';
import { ocdsReleasePackageValidator } from './support/ocds.ts';

/**
 * The consultant's journey, through the screen only, for a commune the demo does not pre-fill (Vaux-sur-Sûre): the
 * mission, three interviews with the guide, a self-assessment answered without an account, the results, the SWOT,
 * five project sheets (one depending on another, one drawn from a SWOT item), AHP weights, scores, ranking, the plan
 * with budgets, its approval, the phase changed to « Mise en œuvre », a project followed (milestone met, budget
 * spent, indicator measured), its procurement file and the OCDS export validated against the OCDS 1.1.5 schema
 * shipped in test/fixtures/ocds. SCREENSHOT_DIR=docs/screenshots refreshes the journey's screenshots.
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();
const COMMUNE = 'Vaux-sur-Sûre';
const MISSION = 'Vaux-sur-Sûre Smart Rural';

/** The five sheets: one comes from a SWOT item, the Wi-Fi depends on the fibre. Scores on the six judged criteria. */
const SHEETS = [
  { title: 'Fibre optique des bâtiments communaux', cost: '95000', scores: [4, 5, 4, 3, 2, 3] },
  { title: 'Wi-Fi public dans les villages', cost: '40000', scores: [4, 3, 5, 2, 3, 3], requires: 0 },
  { title: 'Guichet numérique', cost: '35000', scores: [4, 4, 5, 2, 4, 4] },
  { title: 'Navette à la demande', cost: '80000', scores: [5, 4, 3, 3, 4, 3] },
] as const;
const FROM_SWOT = 'Isolement des personnes âgées dans les villages';
const FROM_SWOT_SHEET = `Parer à : ${FROM_SWOT.charAt(0).toLowerCase()}${FROM_SWOT.slice(1)}`;

describe('journey: a consultant takes Vaux-sur-Sûre from its first interview to the OCDS export', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let session: Session;
  let page: Page;
  let missionUrl = '';
  let followed = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    session = await openSession(browser, server.baseUrl);
    // The capture screen draws the whole guide: give a loaded machine time.
    session.context.setDefaultTimeout(30_000);
    page = session.page;
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await failureShot(page, 'journey-consultant');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const subTab = (name: string) => openSubTab(page, name);
  const shot = (file: string) => fullPageShot(page, SHOTS, file);

  it('opens the mission and finds it empty on its overview', async () => {
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    await dialog.getByLabel('Intitulé').fill(MISSION);
    await dialog.getByRole('combobox', { name: 'Commune' }).fill(COMMUNE);
    await page.getByRole('option', { name: COMMUNE, exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Camille Consultante' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();
    await page.getByRole('heading', { level: 1, name: MISSION }).waitFor();
    missionUrl = page.url();
    const diagnostic = page.getByTestId('overview-diagnostic');
    await diagnostic.getByText('0 entretien').waitFor();
    await diagnostic.getByText('Pas encore de maturité').waitFor();
  });

  it('records three interviews with the guide', { timeout: 300_000 }, async () => {
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    // Every question of the guide, one key each: a level that varies by question and person, now and then « ne
    // sait pas », so each dimension gets its score.
    const keysOf = (person: number) =>
      Array.from({ length: 88 }, (_, q) => ((q + person) % 11 === 0 ? 'n' : String(1 + ((q * 7 + person * 3) % 4))));
    const interviews: [string, string, string[]][] = [
      ['Élu·e', 'Bourgmestre', keysOf(0)],
      ['Personnel communal', 'Directrice générale', keysOf(1)],
      ['Citoyen·ne', 'Habitant de Sibret', keysOf(2)],
    ];
    for (const [type, role, keys] of interviews) {
      await page.getByRole('button', { name: 'Nouvel entretien' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvel entretien' });
      await dialog.getByRole('combobox', { name: 'Type de personne ressource' }).click();
      await page.getByRole('option', { name: type, exact: true }).click();
      await dialog.getByLabel('Fonction (facultatif)').fill(role);
      await dialog.getByRole('button', { name: 'Commencer l’entretien' }).click();
      await page
        .getByRole('heading', { level: 2, name: new RegExp(`Entretien : ${type}`) })
        .waitFor({ timeout: 60_000 });
      await answerWithKeys(page, keys);
      const dontKnow = keys.filter((k) => k === 'n').length;
      await page
        .getByText(`${keys.length - dontKnow} réponses, ${dontKnow} « ne sait pas », sur 88 questions`)
        .waitFor();
      await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: /Retour aux entretiens/ }).click();
    }
    await page.getByTestId('interviews-table').locator('tbody tr').nth(2).waitFor();
    expect(await page.getByTestId('interviews-table').locator('tbody tr').count()).toBe(3);
  });

  it('sends a self-assessment link that a resident answers without an account', { timeout: 180_000 }, async () => {
    await page.getByRole('button', { name: 'Créer un lien' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un lien' });
    await dialog.getByRole('button', { name: 'Générer le lien' }).click();
    const url = await dialog.getByTestId('self-assessment-url').inputValue();
    expect(url).toMatch(/\/self-assessment\/[\w-]+$/);
    await page.keyboard.press('Escape');

    const resident = await openSession(browser, server.baseUrl);
    resident.context.setDefaultTimeout(30_000);
    const p = resident.page;
    await p.goto(url);
    await p.getByRole('heading', { level: 1, name: 'Auto-évaluation Smart Rural' }).waitFor();
    // The agency's name from AGENCY_NAME, and no application menu for someone without an account.
    await p.getByText(`IDELUX Projets publics accompagne ${COMMUNE} dans sa démarche Smart Rural`).waitFor();
    expect(await p.getByRole('navigation').count()).toBe(0);
    expect(await p.getByRole('link', { name: 'Missions' }).count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Se connecter' }).count()).toBe(0);
    await answerWithKeys(p, ['2', '3', '2', '2', '1', '3', '2']);
    await p.getByText('7 / 88 questions').waitFor();
    await expectNoSeriousA11yViolations(p, 'the self-assessment page');
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.screenshot({ path: join(SHOTS, 'diagnostic-self-assessment.png') });
    await p.getByRole('button', { name: 'Envoyer mes réponses' }).click();
    await p.getByText('Merci !').waitFor();
    expect(resident.pageErrors).toEqual([]);
    await resident.context.close();
  });

  it('reads the results of the four interviews', async () => {
    await page.reload();
    await page.getByTestId('interviews-table').locator('tbody tr').nth(3).waitFor();
    await page.getByTestId('interviews-table').getByText('auto-évaluation').first().waitFor();
    await subTab('Résultats');
    await page.getByTestId('radar-chart').locator('svg').waitFor();
    await page.getByText('Maturité globale, d’après 4 entretiens').waitFor();
    expect(await page.getByTestId('overall-score').textContent()).toMatch(/\d,\d/);
    await shot('diagnostic-results.png');
    // In English, the guide's bands and dimensions read in English too (they are stored in French).
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByText('Smart Living — Quality of life').waitFor();
    await page
      .getByText(/^(Initiation|Exploration|Structuring|Integration|Reference)$/)
      .first()
      .waitFor();
    expect(await page.getByText('Smart Living — Qualité de vie').count()).toBe(0);
    await page.getByRole('button', { name: 'FR – Français' }).click();
    await page.getByText('Smart Living — Qualité de vie').waitFor();
  });

  it('builds the SWOT: each item its own dimensions, a deletion confirmed', async () => {
    await subTab('AFOM et spécificités');
    const add = (category: string, text: string, dimension?: string) => addSwotItem(page, category, text, dimension);
    await add('Forces', 'Tissu associatif très actif', 'Citoyens');
    // The next item starts with no dimension: it does not inherit the previous one's.
    const form = page.locator('form').filter({ has: page.getByRole('textbox', { name: 'Constat' }) });
    expect(await form.locator('.mantine-Pill-root').count()).toBe(0);
    await add('Menaces', FROM_SWOT, 'Qualité de vie');
    await add('Faiblesses', 'Couverture mobile inégale');
    await add('Opportunités', 'Appel à projets Smart Région');
    const threat = page.locator('[data-swot-item]').filter({ hasText: FROM_SWOT });
    expect(await threat.textContent()).toContain('Qualité de vie');
    expect(await threat.textContent()).not.toContain('Citoyens');

    // ✕ asks first; « Annuler » keeps the item, « Supprimer » removes it.
    await page.getByRole('button', { name: 'Supprimer « Couverture mobile inégale »' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer l’élément' });
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.locator('[data-swot-item]').filter({ hasText: 'Couverture mobile inégale' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Supprimer « Couverture mobile inégale »' }).click();
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await page
      .locator('[data-swot-item]')
      .filter({ hasText: 'Couverture mobile inégale' })
      .waitFor({ state: 'detached' });
    await page.getByText('Élément supprimé.').waitFor();
    await shot('diagnostic-swot.png');
  });

  it('writes five project sheets: one from a SWOT item, one depending on another', async () => {
    await page.getByRole('button', { name: `Créer une fiche projet depuis « ${FROM_SWOT} »` }).click();
    await page.waitForURL('**/strategy?section=projects');
    await page.locator(`tr[data-project="${FROM_SWOT_SHEET}"]`).waitFor();
    // The sheet drawn from the SWOT item gets its cost.
    await page.getByRole('button', { name: `Modifier ${FROM_SWOT_SHEET}` }).click();
    const edit = page.getByRole('dialog', { name: 'Modifier la fiche projet' });
    await edit.getByRole('textbox', { name: 'Investissement' }).fill('25000');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await edit.waitFor({ state: 'detached' });

    for (const sheet of SHEETS) {
      await page.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nouvelle fiche projet' });
      await dialog.getByLabel('Intitulé').fill(sheet.title);
      await dialog.getByRole('textbox', { name: 'Investissement' }).fill(sheet.cost);
      if ('requires' in sheet) {
        await dialog.getByRole('combobox', { name: 'Dépend de' }).click();
        await page.getByRole('option', { name: SHEETS[sheet.requires].title }).click();
        await page.keyboard.press('Escape');
      }
      await dialog.getByRole('button', { name: 'Nouvelle fiche projet' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator(`tr[data-project="${sheet.title}"]`).waitFor();
    }
    expect(await page.getByTestId('projects-table').locator('tbody tr').count()).toBe(5);
    expect(await page.locator(`tr[data-project="${SHEETS[1].title}"]`).textContent()).toContain(SHEETS[0].title);
    await shot('strategy-projects.png');
  });

  it('weighs the criteria by AHP and scores the projects', async () => {
    await page.getByRole('tab', { name: /Critères et poids/ }).click();
    const first = page.getByRole('slider', {
      name: 'Importance de « Impact pour les citoyens » par rapport à « Alignement avec le diagnostic »',
    });
    await first.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('ahp-consistency').textContent()).toMatch(/Ratio de cohérence/);
    await page.getByRole('button', { name: 'Appliquer ces poids' }).click();
    await page.getByText('Poids AHP appliqués.').waitFor();

    await page.getByRole('tab', { name: /Évaluation/ }).click();
    await page.getByTestId('evaluation-grid').waitFor();
    // Rows follow the sheets' order: the SWOT one first, then the four others.
    const rows = [[3, 5, 3, 4, 4, 3], ...SHEETS.map((s) => s.scores)];
    for (let column = 0; column < 6; column++) {
      await page.locator(`[data-cell="0-${column}"]`).click();
      for (const scores of rows) {
        await page.keyboard.type(String(scores[column]));
        await page.keyboard.press('Enter');
      }
    }
    await page.locator('[data-cell="0-0"]').click();
    await page.getByText('La grille est complète : tous les projets sont classés.').waitFor();
  });

  it('reads the ranking and a readable GAIA plane', async () => {
    await page.getByRole('tab', { name: /Classement/ }).click();
    const table = page.getByTestId('ranking-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    const legend = page.getByTestId('gaia-legend');
    await legend.waitFor();
    expect(await legend.locator('li').count()).toBe(5);
    await page.getByTestId('gaia-chart').locator('svg').waitFor();
    await shot('strategy-ranking.png');
  });

  it('plans within budgets over horizons that start with the mission, then approves the plan', async () => {
    await page.getByRole('tab', { name: /Plan pluriannuel/ }).click();
    // The horizons follow the mission's start (today) and the legislature.
    const expected = defaultHorizons(belgianToday());
    expect(await page.getByRole('textbox', { name: 'De' }).first().inputValue()).toBe(String(expected[0]!.startYear));
    expect(await page.getByRole('textbox', { name: 'À' }).nth(2).inputValue()).toBe(String(expected[2]!.endYear));
    // No budget yet: the plan waits for them.
    await page.getByTestId('plan-needs-budget').waitFor();
    expect(await page.getByTestId('run-plan').isDisabled()).toBe(true);
    for (const [horizon, budget] of [
      ['Court terme', '120000'],
      ['Moyen terme', '100000'],
      ['Long terme', '80000'],
    ] as const) {
      await page.getByRole('textbox', { name: `Budget — ${horizon}` }).fill(budget);
    }
    await page.getByRole('button', { name: 'Enregistrer les horizons' }).click();
    await page.getByText('Horizons enregistrés.').waitFor();
    await page.getByTestId('run-plan').click();
    await page.getByTestId('plan-value').waitFor({ timeout: 60_000 });
    const approval = page.getByTestId('plan-approval');
    await approval.getByRole('button', { name: /^Approuver (le projet|les \d projets) du plan$/ }).click();
    await approval.getByText(/sont approuvés|est approuvé/).waitFor();
    const placed = await page.getByTestId('plan-budgets').locator('li').allTextContents();
    expect(placed.filter((line) => !line.includes('Aucun')).length).toBeGreaterThan(1);
    await expectNoSeriousA11yViolations(page, 'the plan');
    await shot('strategy-plan.png');
  });

  it('changes the mission’s phase to « Mise en œuvre »', async () => {
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la mission' });
    await dialog.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Mise en œuvre' }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Mission « ${MISSION} » enregistrée.`).waitFor();
  });

  it('follows a project: milestone met, budget spent, indicator measured', async () => {
    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await page.getByRole('heading', { name: 'Mise en œuvre des projets' }).waitFor();
    // The approved projects of the plan are the ones followed; open the first.
    const first = page.getByRole('table').locator('tbody tr').first().getByRole('link');
    followed = (await first.textContent())!.trim();
    expect(followed.length).toBeGreaterThan(0);
    await first.click();
    const title = followed;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const today = belgianToday();

    const milestones = page.getByRole('region', { name: 'Jalons' });
    await milestones.getByLabel(/^Jalon/).fill('Analyse des besoins');
    await milestones.getByLabel(/^Date prévue/).fill(today);
    await page.getByRole('button', { name: 'Ajouter le jalon' }).click();
    await milestones.getByRole('cell', { name: 'Analyse des besoins', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Marquer atteint : Analyse des besoins' }).click();
    await milestones.getByText(/Atteint le/).waitFor();
    await milestones.getByLabel(/^Jalon/).fill('Mise en service');
    await milestones.getByLabel(/^Date prévue/).fill(`${Number(today.slice(0, 4)) + 1}-06-30`);
    await page.getByRole('button', { name: 'Ajouter le jalon' }).click();
    await milestones.getByRole('cell', { name: 'Mise en service', exact: true }).waitFor();

    const budget = page.getByRole('region', { name: 'Budget, financement et risques' });
    await budget.getByLabel(/^Prévu/).fill('60000');
    await budget.getByLabel(/^Engagé/).fill('45000');
    await budget.getByLabel(/^Dépensé/).fill('12000');
    await budget.getByRole('button', { name: 'Enregistrer l’année' }).click();
    await budget
      .getByRole('row', { name: /Total/ })
      .getByText(/12\s000\s€/)
      .waitFor();

    const indicators = page.getByRole('region', { name: 'Indicateurs' });
    await indicators.getByLabel(/^Indicateur/).fill('Démarches en ligne');
    await indicators.getByLabel(/^Unité/).fill('démarches');
    await indicators.getByLabel(/^Situation de départ/).fill('0');
    await indicators.getByLabel(/^Cible/).fill('40');
    await indicators.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    await indicators.getByLabel(/^Date de la mesure/).fill(today);
    await indicators.getByLabel(/^Valeur de « Démarches en ligne »/).fill('2');
    await indicators.getByRole('button', { name: 'Ajouter la mesure' }).click();
    await page
      .getByRole('region', { name: 'Historique' })
      .getByText(/Mesure .* 2 démarches/)
      .waitFor();
  });

  it('keeps the procurement file and exports it as OCDS, valid against the OCDS 1.1.5 schema', async () => {
    const today = belgianToday();
    const procurement = page.getByRole('region', { name: 'Marché public' });
    await procurement.getByLabel(/^Montant estimé HTVA/).fill('120000');
    await procurement.getByLabel(/^Date de lancement/).fill(today);
    await procurement.getByRole('button', { name: 'Proposer les procédures' }).click();
    await procurement.getByRole('radio', { name: /Procédure négociée sans publication préalable/ }).check();
    await procurement.getByLabel('Date réalisée — Cahier des charges').fill(today);
    await procurement.getByRole('button', { name: 'Enregistrer le dossier de marché' }).click();
    await procurement.getByText(/Prochaine étape/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the follow-up page');
    await shot('journey-follow-up-procurement.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      procurement.getByRole('link', { name: 'Exporter en OCDS (JSON)' }).click(),
    ]);
    const release = JSON.parse(await readFile((await download.path())!, 'utf8'));
    const validate = await ocdsReleasePackageValidator();
    const valid = validate(release);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(valid).toBe(true);
    expect(release.releases[0].tender.title ?? release.releases[0].planning?.budget?.description ?? '').toBeTruthy();
    expect(JSON.stringify(release)).toContain(followed);
  });

  it('the overview now says where the mission stands', async () => {
    await page.goto(missionUrl);
    const diagnostic = page.getByTestId('overview-diagnostic');
    await diagnostic.getByText(/4 entretiens \(3 complets\)/).waitFor();
    await diagnostic.getByText(/dont 1 auto-évaluation/).waitFor();
    await diagnostic.getByText('3 éléments AFOM').waitFor();
    const strategy = page.getByTestId('overview-strategy');
    await strategy.getByText('5 fiches projet').waitFor();
    await strategy.getByText(/Approuvé : \d/).waitFor();
    const implementation = page.getByTestId('overview-implementation');
    await implementation.getByText('Mise en service').waitFor();
    await implementation.getByText(/0 alerte ouverte/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the mission overview');
    await shot('mission-overview.png');
    expect(session.pageErrors).toEqual([]);
  });
});
