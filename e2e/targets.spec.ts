import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { GUIDE_FR_V1 } from '../src/domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../src/domain/diagnostic/guides.ts';
import { ProjectSheetCreateInput } from '../src/domain/strategy/project-sheets.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, signIn } from './support/browser.ts';

const HABAY = '85046';
const LIVING = GUIDE_FR_V1.dimensions.find((d) => d.key === 'living')!;
const FACTOR = LIVING.factors[0]!.label;
const SHEET = 'Fibre optique dans les villages';

/**
 * Targets and gaps (decision 160) through the screens: a consultant sets a target for Habay's quality of life, reads
 * the gap of a factor, adds the suggested weakness to the SWOT and says which sheet closes the gap. The starting
 * point (a mission with one interview answered at level 1 everywhere, one project sheet) is loaded through the
 * services: the interview screens have their own spec.
 */
describe('targets: a consultant sets Habay’s targets and closes a gap with a project sheet', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let page: Page;
  let missionId = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Consultante' });
    const { missions, diagnostic, strategy } = server.services;
    missionId = (
      await missions.create(CLI_CONTEXT, {
        title: 'Habay Smart 2030',
        communeNis: HABAY,
        consultantIds: [consultant.id],
        startDate: '2026-01-15',
      })
    ).id;
    const heard = await diagnostic.interviews.create(CLI_CONTEXT, missionId, {
      resourcePerson: { type: 'elected_official', role: 'bourgmestre' },
      date: '2026-02-10',
      interviewer: 'Camille Consultante',
    });
    const answers = questionsInOrder(GUIDE_FR_V1).map(({ question }) => ({ questionKey: question.key, level: 1 }));
    await diagnostic.interviews.update(CLI_CONTEXT, missionId, heard.id, { answers });
    await strategy.sheets.createProject(
      CLI_CONTEXT,
      missionId,
      ProjectSheetCreateInput.parse({ title: SHEET, investmentCost: 120_000, dimensions: ['living'] }),
    );
    page = (await openSession(browser, server.baseUrl)).page;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const gapRow = () => page.getByTestId('gap-table').getByRole('row', { name: new RegExp(FACTOR) });

  it('sets a short-term target for quality of life and reads the gap of a factor', async () => {
    await signIn(page, consultant);
    await page.goto(`/missions/${missionId}/diagnostic?view=results`);
    await page.getByText('Aucune cible n’est encore fixée.').waitFor();
    await page.getByRole('button', { name: 'Fixer les cibles' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cibles de maturité par dimension et horizon' });
    await dialog.getByRole('textbox', { name: 'Cible Qualité de vie, court terme' }).fill('3');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Cibles enregistrées.').waitFor();
    // Score 1,0, target 3,0: a gap of two levels that no sheet closes yet.
    await gapRow().getByRole('cell', { name: '+2,0' }).waitFor();
    await gapRow().getByText('aucune fiche ne le comble').waitFor();
    await expectNoSeriousA11yViolations(page, 'the targets and gaps');
  });

  it('adds the suggested weakness to the SWOT', async () => {
    await page.locator('label', { hasText: 'AFOM et spécificités' }).click();
    const suggestions = page.getByTestId('gap-suggestions');
    const suggestion = suggestions.getByRole('listitem').filter({ hasText: FACTOR });
    await suggestion.getByRole('button', { name: /^Ajouter aux faiblesses/ }).click();
    await suggestion.getByText('dans l’AFOM').waitFor();
    await page
      .getByRole('region', { name: 'Faiblesses' })
      .getByText(`Maturité insuffisante : « ${FACTOR} » à 1,0, pour une cible de 3,0 en`)
      .waitFor();
  });

  it('says in the project sheet that it closes the gap, which the results then show', async () => {
    await page.goto(`/missions/${missionId}/strategy`);
    await page.getByRole('button', { name: SHEET, exact: true }).click();
    const gaps = page.getByTestId('sheet-gaps');
    await gaps.getByText('Aucun écart indiqué.').waitFor();
    await gaps.getByRole('button', { name: 'Choisir les écarts' }).click();
    const dialog = page.getByRole('dialog', { name: 'Écarts que comble la fiche' });
    await dialog.getByRole('combobox', { name: 'Facteurs dont la fiche comble l’écart' }).click();
    await page.getByRole('option', { name: `${FACTOR} (écart 2,0)` }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Écarts de la fiche enregistrés.').waitFor();
    await gaps.getByText(`${FACTOR} (écart 2,0)`).waitFor();

    await page.goto(`/missions/${missionId}/diagnostic?view=results`);
    await gapRow().getByText(`Comblé par : ${SHEET}`).waitFor();
  });
});
