import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session } from './support/browser.ts';

describe('signing in and out', () => {
  let server: E2eApp;
  let browser: Browser;
  let session: Session;
  let consultant: E2eUser;

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    session = await openSession(browser, server.baseUrl);
    consultant = await server.createUser({ role: 'consultant', displayName: 'Claire Dumont' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password in French, then signs in and returns to the page asked for', async () => {
    const { page } = session;
    await page.goto('/account');
    await page.waitForURL('**/login?next=%2Faccount');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion');

    await page.getByLabel('Adresse e-mail').fill(consultant.email);
    await page.getByRole('textbox', { name: 'Mot de passe' }).fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectNoSeriousA11yViolations(page, 'the login page with its error');

    await page.getByRole('textbox', { name: 'Mot de passe' }).fill(consultant.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.getByTestId('user-menu').textContent()).toContain('Claire Dumont');
    expect(await page.getByRole('main').textContent()).toContain(consultant.email);
    // A consultant is not an administrator: no Administration entries.
    expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
  });

  it('changes the password on the account page', async () => {
    const { page } = session;
    const newPassword = 'un-nouveau-mot-de-passe-2026';
    await page.getByLabel('Mot de passe actuel').fill('wrong-current-password');
    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('court');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('court');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    // Checked in the browser first, with the rule the server applies.
    await page.getByText('Au moins 12 caractères.', { exact: true }).waitFor();
    expect(
      await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');

    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(newPassword);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Le mot de passe actuel est incorrect.');

    // A common password passes the browser's length check; the server refuses it and says why, under the field.
    await page.getByLabel('Mot de passe actuel').fill(consultant.password);
    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill('password1234');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('password1234');
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByText('Ce mot de passe est l’un des plus répandus', { exact: false }).waitFor();
    expect(
      await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).getAttribute('aria-invalid'),
    ).toBe('true');

    await page.getByRole('textbox', { name: 'Nouveau mot de passe', exact: true }).fill(newPassword);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Votre mot de passe a été changé. Vos autres sessions ouvertes ont été fermées.' })
      .waitFor();
    consultant = { ...consultant, password: newPassword };
  });

  it('switches to English: navigation, headings and html lang follow, and the choice survives a reload', async () => {
    const { page } = session;
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.getByRole('button', { name: 'EN – English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const entries = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(entries).toEqual([
      'Communes',
      'Missions',
      'Diagnostic',
      'Strategy',
      'Implementation',
      'Needs & pooling',
      'Central purchasing',
      'Catalogue',
      'Technology watch',
    ]);
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      'My details',
      'Change my password',
    ]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Server messages come in the chosen language too.
    const wrong = await page.evaluate(async () => {
      const response = await fetch('/api/communes/99999', { headers: { 'Accept-Language': 'en' } });
      return (await response.json()) as { error: { message: string } };
    });
    expect(wrong.error.message).toBe('No commune has NIS code 99999.');
    await page.goto('/communes/99999');
    await page.getByRole('heading', { level: 1, name: 'Commune not found' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('No commune has NIS code 99999.');
  });

  it('signs out', async () => {
    const { page } = session;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);

    // Back to French for whoever uses this browser next; the account page now asks to sign in.
    await page.getByRole('button', { name: 'FR – Français' }).click();
    await page.goto('/account');
    await page.waitForURL('**/login?next=%2Faccount');
    expect(session.pageErrors).toEqual([]);
  });
});
