import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, signIn } from './support/browser.ts';

/**
 * Issue 11: a newcomer's first start shows the agency's portfolio at work. Each demo account, with the password the
 * first start printed, signs in through the login page and finds the demo's content on each main page.
 */
const MISSIONS = {
  arlon: 'Stratégie Smart d’Arlon',
  tintigny: 'Tintigny, commune connectée',
  aubange: 'Plan Smart d’Aubange',
  libramont: 'Diagnostic Smart de Libramont-Chevigny',
  marche: 'Marche-en-Famenne, centre-ville connecté',
  museum: 'Bastogne War Museum, visite connectée',
};

describe('the demo workspace, as each of its accounts sees it', () => {
  let server: E2eApp;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApp({ demo: true });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const DISPLAY_NAMES: Record<string, string> = {
    'admin@localhost': 'Administrateur',
    'consultant@demo.smart-rural.local': 'Consultante (démo)',
    'arlon@demo.smart-rural.local': 'Éditeur Arlon (démo)',
    'arlon-lecture@demo.smart-rural.local': 'Lecteur Arlon (démo)',
    'tintigny@demo.smart-rural.local': 'Éditrice Tintigny (démo)',
  };

  async function signedIn(email: string, viewport?: { width: number; height: number }) {
    const account = server.accounts.find((a) => a.email === email)!;
    const session = await openSession(browser, server.baseUrl, viewport ? { viewport } : {});
    await signIn(session.page, { email, password: account.password!, displayName: DISPLAY_NAMES[email]! });
    return session;
  }
  const main = (page: Page) => page.getByRole('main');
  const shows = (page: Page, text: string) => main(page).getByText(text, { exact: false }).first().waitFor();

  it('the first start printed one account per role, each with its password', () => {
    expect(server.accounts.map((a) => [a.role, a.email]).sort()).toEqual(
      [
        ['agency_admin', 'admin@localhost'],
        ['consultant', 'consultant@demo.smart-rural.local'],
        ['commune_editor', 'arlon@demo.smart-rural.local'],
        ['commune_viewer', 'arlon-lecture@demo.smart-rural.local'],
        ['commune_editor', 'tintigny@demo.smart-rural.local'],
      ].sort(),
    );
    expect(server.accounts.every((a) => a.password)).toBe(true);
  });

  it('the consultant: missions, a mission’s four tabs, needs, groups, catalogue, agreements, dashboard', async () => {
    const { page, context, pageErrors } = await signedIn('consultant@demo.smart-rural.local');
    await page.getByRole('link', { name: 'Missions', exact: true }).first().click();
    for (const title of Object.values(MISSIONS)) await shows(page, title);
    await expectNoSeriousA11yViolations(page, 'the demo missions');

    await main(page).getByRole('link', { name: MISSIONS.arlon }).click();
    await shows(page, 'Accompagnement de la Ville d’Arlon');
    await page.getByRole('tab', { name: 'Diagnostic' }).click();
    await shows(page, 'Directrice générale');
    await page.getByRole('tab', { name: 'Stratégie' }).click();
    await shows(page, 'Jumeau numérique du centre-ville');
    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await shows(page, 'Guichet citoyen en ligne');
    await shows(page, 'Capteurs de remplissage des bulles à verre');

    await page.goto('/needs');
    await shows(page, 'Remplacer les lampadaires par des LED');
    await page.goto('/needs?tab=groups');
    await shows(page, 'Éclairage public LED et télégestion');
    await page.goto('/catalogue');
    await shows(page, 'LumiGest');
    await shows(page, 'Covoit’Frontière');
    await page.goto('/catalogue?tab=agreements');
    await shows(page, 'Accord-cadre applications Smart (démo)');
    await page.goto('/implementation');
    await shows(page, 'Tintigny');
    await shows(page, 'Arlon');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the agency admin: the dashboard, the demo accounts and the audit log « démo »', async () => {
    const { page, context } = await signedIn('admin@localhost');
    await page.goto('/implementation');
    await shows(page, 'Marche-en-Famenne');
    await page.goto('/admin/users');
    await shows(page, 'Éditrice Tintigny (démo)');
    await shows(page, 'Lecteur Arlon (démo)');
    await page.goto('/missions');
    await shows(page, MISSIONS.museum);
    await page.goto('/admin/audit');
    await shows(page, '(démo)');
    await context.close();
  });

  it('Arlon’s editor and viewer: their mission only, its follow-up, the needs and the polls', async () => {
    const editor = await signedIn('arlon@demo.smart-rural.local');
    await editor.page.goto('/missions');
    await shows(editor.page, MISSIONS.arlon);
    expect(await main(editor.page).getByText(MISSIONS.tintigny).count()).toBe(0);
    await editor.page.goto('/needs');
    await shows(editor.page, 'Remplacer les lampadaires par des LED');
    await editor.page.goto('/needs?tab=polls');
    await shows(editor.page, 'Votre commune rejoint-elle l’achat groupé');
    await editor.page.goto('/catalogue?tab=agreements');
    await shows(editor.page, 'Accord-cadre applications Smart (démo)');
    await editor.context.close();

    const viewer = await signedIn('arlon-lecture@demo.smart-rural.local');
    await viewer.page.goto('/missions');
    await main(viewer.page).getByRole('link', { name: MISSIONS.arlon }).click();
    await viewer.page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await shows(viewer.page, 'Télégestion de l’éclairage public');
    await viewer.context.close();
  });

  it('Tintigny’s editor, on a phone: the demo line, the mission and its follow-up, no sideways scroll', async () => {
    const { page, context } = await signedIn('tintigny@demo.smart-rural.local', { width: 390, height: 844 });
    await page.getByTestId('demo-line').getByText('Espace de démonstration').waitFor();
    await page.goto('/missions');
    await shows(page, MISSIONS.tintigny);
    await main(page).getByRole('link', { name: MISSIONS.tintigny }).click();
    await page.getByRole('tab', { name: 'Mise en œuvre' }).click();
    await shows(page, 'Wi-Fi public dans les salles de village');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the public: the published progress of Arlon, without an account', async () => {
    const { page, context } = await openSession(browser, server.baseUrl);
    await page.goto('/communes/81001/progress');
    await shows(page, 'Télégestion de l’éclairage public');
    await shows(page, 'Guichet citoyen en ligne');
    expect(await main(page).getByText('Capteurs de remplissage des bulles à verre').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the public progress of Arlon');
    await context.close();
  });
});
