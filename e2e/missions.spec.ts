import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, signIn } from './support/browser.ts';

describe('missions: a consultant opens one for a site, the commune follows its own', () => {
  let server: E2eApp;
  let browser: Browser;
  let consultant: E2eUser;
  let arlonEditor: E2eUser;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    consultant = await server.createUser({ role: 'consultant', displayName: 'Benoît Consultant' });
    arlonEditor = await server.createUser({ role: 'commune_editor', displayName: 'Élise Arlon', communeNis: '81001' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the consultant opens a mission for the Bastogne War Museum and lands on its page', async () => {
    const { page, pageErrors } = await openSession(browser, server.baseUrl);
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await page.getByRole('button', { name: 'Ouvrir une mission' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ouvrir une mission' });
    await dialog.getByLabel('Intitulé').fill('Musée connecté');
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Bastogne');
    await page.getByRole('option', { name: 'Bastogne', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Site' }).click();
    await page.getByRole('option', { name: 'Bastogne War Museum' }).click();
    await dialog.getByRole('combobox', { name: 'Consultants' }).click();
    await page.getByRole('option', { name: 'Benoît Consultant' }).click();
    await page.keyboard.press('Escape');
    await expectNoSeriousA11yViolations(page, 'the mission form');
    await dialog.getByRole('button', { name: 'Ouvrir une mission' }).click();

    await page.getByRole('heading', { level: 1, name: 'Musée connecté' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Bastogne War Museum (Bastogne)');
    for (const tab of ['Aperçu', 'Diagnostic', 'Stratégie', 'Mise en œuvre']) {
      expect(await page.getByRole('tab', { name: tab }).count()).toBe(1);
    }
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await page.waitForURL(/\/missions\/[\w-]+\/diagnostic$/);
    await expectNoSeriousA11yViolations(page, 'a mission page');
    expect(pageErrors).toEqual([]);
  });

  it('the consultant edits the mission: a refused end date says why, then phase, title and end date are saved', async () => {
    const { page, pageErrors } = await openSession(browser, server.baseUrl);
    await signIn(page, consultant);
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('link', { name: 'Musée connecté' }).click();
    await page.getByRole('heading', { level: 1, name: 'Musée connecté' }).waitFor();
    await page.getByRole('button', { name: 'Modifier' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier la mission' });
    await dialog.getByLabel('Intitulé').fill('Musée connecté 2027');
    await dialog.getByLabel('Fin prévue').fill('2001-01-01');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('La date de fin précède la date de début.').waitFor();
    await dialog.getByLabel('Fin prévue').fill('2030-12-31');
    await dialog.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Mise en œuvre' }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Musée connecté 2027' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Mise en œuvre');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Musée connecté 2027' }).waitFor();
    expect(await page.getByRole('main').getByText('31/12/2030').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('an Arlon editor sees no mission of Bastogne and cannot open one', async () => {
    const { page } = await openSession(browser, server.baseUrl);
    await signIn(page, arlonEditor);
    await page.getByRole('link', { name: 'Missions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await page.getByText('Aucune mission pour le moment.').waitFor();
    expect(await page.getByRole('button', { name: 'Ouvrir une mission' }).count()).toBe(0);
    expect(await page.getByText('Musée connecté').count()).toBe(0);
    expect(await page.getByText('Musée connecté 2027').count()).toBe(0);
  });
});
