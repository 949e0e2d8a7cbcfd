import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

const SOURCE = 'Courrier du directeur général de Tellin à l’agence, 2 décembre 2026';

/** Issue 12: the agency's admin goes through the designations still « à vérifier » and confirms one with its source. */
describe('official designations: an admin confirms a commune’s designation from the communes page', () => {
  let server: E2eApp;
  let browser: Browser;
  let admin: E2eUser;
  let session: Session;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    admin = await server.createUser({ role: 'agency_admin', displayName: 'Alice Administratrice' });
    session = await openSession(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the designations to check and confirms Tellin’s, which then leaves the list', async () => {
    const { page } = session;
    await signIn(page, admin);
    await page.goto('/communes');
    const pending = page.getByTestId('pending-designations');
    await pending.waitFor();
    const title = (await pending.locator('.mantine-Alert-title').textContent()) ?? '';
    const before = Number(/^(\d+) désignations officielles de communes restent à vérifier$/.exec(title)?.[1]);
    expect(before).toBeGreaterThan(1);
    expect(await pending.getByRole('link').count()).toBe(before);
    await expectNoSeriousA11yViolations(page, 'the communes page with the designations to check');

    await pending.getByRole('link', { name: 'Tellin', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tellin' }).waitFor();
    const designation = page.getByTestId('official-designation');
    expect(await designation.textContent()).toContain('Commune de Tellin');
    expect(await designation.textContent()).toContain('à vérifier');
    await expectNoSeriousA11yViolations(page, 'a commune page with its designation to check');

    await designation.getByRole('button', { name: 'Vérifier la désignation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Désignation officielle — Tellin' });
    expect(await dialog.getByRole('radio', { name: 'Commune de Tellin' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Ville de Tellin' }).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Enregistrer comme vérifiée' }).click();
    // No source: the form says so in French, beside the field, and nothing is sent.
    await dialog.getByText('Ce champ est obligatoire.', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the designation form with its error');
    await dialog.getByLabel('Source').fill(SOURCE);
    await dialog.getByRole('button', { name: 'Enregistrer comme vérifiée' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(async () => designation.textContent()).toContain('vérifiée');
    const text = (await designation.textContent()) ?? '';
    expect(text).toContain('Commune de Tellin');
    expect(text).not.toContain('à vérifier');
    expect(text).toMatch(/Confirmée le \d{2}\/\d{2}\/\d{4} — source : Courrier du directeur général de Tellin/);
    await expectNoSeriousA11yViolations(page, 'a commune page with its confirmed designation');

    await page.goto('/communes');
    await pending.waitFor();
    expect(await pending.getByRole('link', { name: 'Tellin', exact: true }).count()).toBe(0);
    expect(await pending.getByRole('link').count()).toBe(before - 1);
  });

  it('shows the public the designation and its status, without the button', async () => {
    const visitor = await openSession(browser, server.baseUrl);
    await visitor.page.goto('/communes/85039');
    const designation = visitor.page.getByTestId('official-designation');
    await designation.waitFor();
    expect(await designation.textContent()).toContain('Commune de Tintigny');
    expect(await designation.getByRole('button').count()).toBe(0);
    expect(await visitor.page.getByTestId('pending-designations').count()).toBe(0);
    await visitor.context.close();
  });
});
