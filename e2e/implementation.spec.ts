import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belgianToday } from '../src/domain/shared/format.ts';
import { ProjectSheetCreateInput } from '../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * The implementation of a project of Libramont-Chevigny (NIS 84077): the consultant adds a milestone and the
 * procurement file (a low-value contract proposed from the thresholds in force), moves the project to procurement and
 * in progress; the clock moves past the milestone's date: the alert shows on the page, in the bell and on the
 * province dashboard; the commune's editor publishes the project; the milestone is met and the project delivered;
 * the public page shows it. Screenshots go to SCREENSHOT_DIR (docs/screenshots to refresh them) or a temporary folder.
 */
const LIBRAMONT = '84077';
const DAY = 86_400_000;
const SHOTS = process.env.SCREENSHOT_DIR ?? tmpdir();

describe('implementation: a Libramont-Chevigny project from planned to delivered', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let editor: E2eUser;
  let session: Session;
  let page: Page;
  // The browser keeps real time for cookies: the server's clock starts now and only moves forward.
  const start = new Date();
  let clock = start;
  const dayOf = (offset: number) => belgianToday(new Date(start.getTime() + offset * DAY));
  let missionId = '';
  let projectId = '';
  const title = 'Télégestion de l’éclairage public';

  beforeAll(async () => {
    server = await startApp({ now: () => clock });
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    editor = await server.createUser({ role: 'commune_editor', displayName: 'Éric Échevin', communeNis: LIBRAMONT });
    const mission = await server.services.missions.create(CLI_CONTEXT, {
      title: 'Libramont-Chevigny Smart 2030',
      communeNis: LIBRAMONT,
      consultantIds: [consultant.id],
      startDate: dayOf(-200),
    });
    missionId = mission.id;
    projectId = (
      await server.services.strategy.sheets.createProject(
        CLI_CONTEXT,
        missionId,
        ProjectSheetCreateInput.parse({
          title,
          investmentCost: 40_000,
          status: 'approved',
          dimensions: ['environment'],
        }),
      )
    ).id;
    await server.services.missions.update(CLI_CONTEXT, missionId, { phase: 'implementation' });
    session = await openSession(browser, server.baseUrl);
    page = session.page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the approved project in the mission’s implementation tab', async () => {
    await signIn(page, consultant);
    await page.goto(`/missions/${missionId}/implementation`);
    await page.getByRole('heading', { name: 'Mise en œuvre des projets' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.getByText('Prévu', { exact: true }).waitFor();
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('adds a milestone and a procurement file with the procedure the thresholds allow', async () => {
    const milestones = page.getByRole('region', { name: 'Jalons' });
    await milestones.getByLabel(/^Jalon/).fill('Pose des contrôleurs');
    await milestones.getByLabel(/^Date prévue/).fill(dayOf(10));
    await milestones.getByLabel(/^Responsable/).fill('Service travaux');
    await page.getByRole('button', { name: 'Ajouter le jalon' }).click();
    await page.getByRole('cell', { name: 'Pose des contrôleurs', exact: true }).waitFor();

    const budget = page.getByRole('region', { name: 'Budget, financement et risques' });
    // Typed the Belgian way, dot for the thousands and comma for the decimals: 30 000 €, not 30,00000 €.
    await budget.getByLabel(/^Prévu/).pressSequentially('30.000,00');
    await budget.getByLabel(/^Engagé/).fill('25000');
    await budget.getByLabel(/^Dépensé/).fill('10000');
    await budget.getByRole('button', { name: 'Enregistrer l’année' }).click();
    await budget.getByRole('row', { name: /Total/ }).getByText('30 000 €').waitFor();

    const indicators = page.getByRole('region', { name: 'Indicateurs' });
    await indicators.getByLabel(/^Indicateur/).fill('Consommation électrique');
    await indicators.getByLabel(/^Unité/).fill('MWh/an');
    await indicators.getByLabel(/^Situation de départ/).fill('420');
    await indicators.getByLabel(/^Cible/).fill('250');
    await indicators.getByRole('button', { name: 'Ajouter l’indicateur' }).click();
    for (const [date, value] of [
      [dayOf(-60), '415'],
      [dayOf(0), '380'],
    ] as const) {
      await indicators.getByLabel(/^Date de la mesure/).fill(date);
      await indicators.getByLabel(/^Valeur de « Consommation électrique »/).fill(value);
      await indicators.getByRole('button', { name: 'Ajouter la mesure' }).click();
      await page
        .getByRole('region', { name: 'Historique' })
        .getByText(new RegExp(`Mesure .* ${value} MWh/an`))
        .waitFor();
    }
    await indicators.getByRole('img', { name: /Évolution de l’indicateur « Consommation électrique »/ }).waitFor();

    const procurement = page.getByRole('region', { name: 'Marché public' });
    await procurement.getByLabel(/^Montant estimé HTVA/).fill('25000');
    await procurement.getByLabel(/^Date de lancement/).fill(dayOf(0));
    await procurement.getByRole('button', { name: 'Proposer les procédures' }).click();
    const lowValue = procurement.getByRole('radio', { name: /Marché de faible montant/ });
    await lowValue.check();
    expect(await procurement.getByRole('radio', { name: /Procédure ouverte/ }).isEnabled()).toBe(true);
    await procurement.getByLabel('Date réalisée — Cahier des charges').fill(dayOf(0));
    await procurement.getByLabel('Date prévue — Réception des offres').fill(dayOf(5));
    await procurement.getByRole('button', { name: 'Enregistrer le dossier de marché' }).click();
    await procurement.getByText('Prochaine étape : Réception des offres').waitFor();

    for (const status of ['Marché public', 'En cours']) {
      await page.getByRole('combobox', { name: 'Nouveau statut' }).click();
      await page.getByRole('option', { name: status, exact: true }).click();
      await page.getByRole('button', { name: 'Changer le statut' }).click();
      await page.getByRole('region', { name: 'Statut' }).getByText(status, { exact: true }).first().waitFor();
    }
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByText('Statut : en marché public → en cours').waitFor();
    await history.getByText(/Jalon ajouté : « Pose des contrôleurs »/).waitFor();
  });

  it('edits the milestone, corrects and deletes a measurement, and changes the indicator', async () => {
    const milestones = page.getByRole('region', { name: 'Jalons' });
    await milestones.getByRole('button', { name: 'Modifier le jalon « Pose des contrôleurs »' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier le jalon' });
    await dialog.getByLabel(/^Responsable/).fill('Service technique communal');
    await dialog.getByLabel(/^Date prévue/).fill(dayOf(10));
    await expectNoSeriousA11yViolations(page, 'the milestone editor');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await milestones.getByRole('cell', { name: 'Service technique communal', exact: true }).waitFor();

    const indicators = page.getByRole('region', { name: 'Indicateurs' });
    await indicators.getByLabel(/^Date de la mesure/).fill(dayOf(-30));
    await indicators.getByLabel(/^Valeur de « Consommation électrique »/).fill('999');
    await indicators.getByRole('button', { name: 'Ajouter la mesure' }).click();
    const wrong = indicators.getByRole('button', { name: /^Modifier la mesure de « Consommation électrique » .*999/ });
    await wrong.click();
    const correction = page.getByRole('dialog', { name: /Corriger une mesure/ });
    await correction.getByLabel(/^Valeur de « Consommation électrique »/).fill('398');
    await correction.getByRole('button', { name: 'Enregistrer' }).click();
    await correction.waitFor({ state: 'detached' });
    const history = page.getByRole('region', { name: 'Historique' });
    await history.getByText(/Mesure « Consommation électrique » corrigée : 999 MWh\/an .* → 398 MWh\/an/).waitFor();
    await indicators.getByRole('button', { name: /^Supprimer la mesure de « Consommation électrique » .*398/ }).click();
    await history.getByText(/Mesure « Consommation électrique » supprimée : 398 MWh\/an/).waitFor();
    expect(await indicators.getByRole('button', { name: /^Supprimer la mesure/ }).count()).toBe(2);

    await indicators.getByRole('button', { name: 'Modifier l’indicateur « Consommation électrique »' }).click();
    const editor = page.getByRole('dialog', { name: 'Modifier l’indicateur' });
    await editor.getByLabel(/^Cible/).fill('240');
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await editor.waitFor({ state: 'detached' });
    await indicators.getByText(/cible 240 MWh\/an/).waitFor();
    await history.getByText(/Indicateur modifié : « Consommation électrique » \(420 → 240 MWh\/an\)/).waitFor();

    // In English, the history reads in English.
    await page.getByRole('button', { name: 'EN – English' }).click();
    const historyEn = page.getByRole('region', { name: 'History' });
    await historyEn.getByText('Indicator changed: “Consommation électrique” (420 → 240 MWh/an)').waitFor();
    await historyEn.getByText('Status: in procurement → in progress').waitFor();
    await page.getByRole('button', { name: 'FR – Français' }).click();
    await history.getByText('Statut : en marché public → en cours').waitFor();
  });

  it('raises an alert once the milestone’s date has passed', async () => {
    clock = new Date(start.getTime() + 12 * DAY);
    await signIn(page, consultant); // the move of the clock ended the session
    await page.goto(`/implementation/projects/${projectId}`);
    const alert = page.getByText(/jalon « Pose des contrôleurs » en retard de 2 jours/).first();
    await alert.waitFor();
    await page.getByRole('cell', { name: 'En retard' }).waitFor();
    await page.getByRole('button', { name: /Alertes de suivi : 2/ }).waitFor(); // the milestone and the offers step
    await expectNoSeriousA11yViolations(page, 'the follow-up page');
    await page.screenshot({ path: join(SHOTS, 'implementation-follow-up.png'), fullPage: true });
  });

  it('shows the late item on the province dashboard', async () => {
    await page.getByRole('link', { name: 'Mise en œuvre', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Mise en œuvre' }).waitFor();
    const late = page.getByRole('region', { name: 'Retards et dépassements', exact: true });
    await late.getByText(/Pose des contrôleurs/).waitFor();
    await late
      .getByRole('link', { name: `Libramont-Chevigny — ${title}` })
      .first()
      .waitFor();
    await page.getByRole('region', { name: 'Marchés en cours' }).getByText('Réception des offres').waitFor();
    await page.getByRole('img', { name: /Projets par statut : En cours 1/ }).waitFor();
    await page.getByRole('img', { name: /Projets par dimension : .*Environnement 1/ }).waitFor();
    await page.getByRole('img', { name: 'Budget prévu, engagé et dépensé par année' }).locator('svg').waitFor();
    await page.locator('.leaflet-interactive').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'the province dashboard');
    await page.screenshot({ path: join(SHOTS, 'implementation-dashboard.png'), fullPage: true });
  });

  it('lets the commune’s editor publish the project', async () => {
    const editorSession = await openSession(browser, server.baseUrl);
    await signIn(editorSession.page, editor);
    await editorSession.page.goto(`/implementation/projects/${projectId}`);
    await editorSession.page.getByRole('heading', { level: 1, name: title }).waitFor();
    // The editor sees the procurement file but does not edit it.
    expect(await editorSession.page.getByRole('button', { name: 'Enregistrer le dossier de marché' }).count()).toBe(0);
    await editorSession.page.getByRole('switch', { name: /Publier sur la page publique/ }).click({ force: true });
    await editorSession.page.getByText('Projet publié.').waitFor();
    await editorSession.context.close();
  });

  it('meets the milestone and delivers the project, which the public page shows', async () => {
    await page.goto(`/implementation/projects/${projectId}`);
    await page.getByRole('button', { name: 'Marquer atteint : Pose des contrôleurs' }).click();
    await page.getByText(/Atteint le/).waitFor();
    await page.getByRole('combobox', { name: 'Nouveau statut' }).click();
    await page.getByRole('option', { name: 'Livré', exact: true }).click();
    await page.getByRole('button', { name: 'Changer le statut' }).click();
    await page.getByText('Avancement : 100 %').waitFor();
    await page.getByRole('region', { name: 'Historique' }).getByText('Statut : en cours → livré').waitFor();

    const visitor = await openSession(browser, server.baseUrl);
    await visitor.page.goto('/implementation');
    await visitor.page
      .getByRole('region', { name: 'Pages publiques d’avancement des communes' })
      .getByRole('link', { name: 'Libramont-Chevigny' })
      .click();
    // The list links to each commune's Smart programme.
    await visitor.page.waitForURL(`**/communes/${LIBRAMONT}/programme`);
    await visitor.page.getByRole('heading', { level: 1, name: 'Programme Smart de Libramont-Chevigny' }).waitFor();
    const card = visitor.page.getByRole('article', { name: title });
    await card.getByText('Livré').waitFor();
    await card.getByText('Avancement : 100 %').waitFor();
    await card.getByText(/Consommation électrique : départ/).waitFor();
    const text = (await visitor.page.getByRole('main').textContent()) ?? '';
    expect(text).not.toContain('Service technique communal');
    expect(text).not.toContain('Éric');
    await expectNoSeriousA11yViolations(visitor.page, 'the public progress page');
    await visitor.page.screenshot({ path: join(SHOTS, 'implementation-public.png'), fullPage: true });
    await visitor.context.close();
    expect(session.pageErrors).toEqual([]);
  });

  it('lets an agency admin add the next period of thresholds', async () => {
    const admin = await server.createUser({ role: 'agency_admin', displayName: 'Alice Admin' });
    const adminSession = await openSession(browser, server.baseUrl);
    const p = adminSession.page;
    await signIn(p, admin);
    await p.goto('/implementation');
    await p.getByRole('tab', { name: 'Seuils des marchés' }).click();
    await p.getByRole('button', { name: 'Ajouter une période' }).click();
    await p.getByRole('button', { name: 'Enregistrer les seuils' }).click();
    await p
      .getByRole('alert')
      .getByText(/2\.source/)
      .waitFor(); // a new period must name its source
    await p.getByLabel(/^Source des seuils en vigueur à partir du 01\/01\/2028/).fill('Règlement délégué (UE) 2027/…');
    await p.getByRole('button', { name: 'Enregistrer les seuils' }).click();
    await p.getByRole('columnheader', { name: 'Du 01/01/2028 au 31/12/2029' }).waitFor();
    await p.getByText('Enregistré.').waitFor();

    // The evidence of the new period: one figure checked in its source, with its legal basis.
    await p.getByRole('button', { name: /^Du 01\/01\/2028 au 31\/12\/2029 — 6 chiffres à vérifier/ }).click();
    const figure = 'Seuil européen, travaux — 01/01/2028';
    await p.getByLabel(`Base légale — ${figure}`).fill('Règlement délégué (UE) 2027/… art. 1');
    await p.getByLabel(`Vérifié dans la source — ${figure}`).check();
    await p.getByLabel(`Reste à vérifier — ${figure}`).fill('');
    await expectNoSeriousA11yViolations(p, 'the thresholds');
    await p.getByRole('button', { name: 'Enregistrer les seuils' }).click();
    await p.getByRole('button', { name: /^Du 01\/01\/2028 au 31\/12\/2029 — 5 chiffres à vérifier/ }).waitFor();
    await p.reload();
    await p.getByRole('tab', { name: 'Seuils des marchés' }).click();
    await p.getByRole('button', { name: /^Du 01\/01\/2028 au 31\/12\/2029 — 5 chiffres à vérifier/ }).click();
    expect(await p.getByLabel(`Base légale — ${figure}`).inputValue()).toBe('Règlement délégué (UE) 2027/… art. 1');

    // The period in force today cannot go; the mistaken future one can.
    p.on('dialog', (dialog) => void dialog.accept());
    await p.getByRole('button', { name: /^Du 01\/01\/2026 au 31\/12\/2027/ }).click();
    await p.getByRole('button', { name: 'Supprimer la période du 01/01/2026 au 31/12/2027' }).click();
    await p
      .getByRole('alert')
      .getByText(/en vigueur aujourd’hui/)
      .waitFor();
    await p.getByRole('button', { name: 'Supprimer la période du 01/01/2028 au 31/12/2029' }).click();
    await p.getByText('Période supprimée.').waitFor();
    await p.getByRole('columnheader', { name: 'Du 01/01/2028 au 31/12/2029' }).waitFor({ state: 'detached' });
    await p.getByRole('columnheader', { name: 'Du 01/01/2026 au 31/12/2027' }).waitFor();
    await adminSession.context.close();
  });
});
