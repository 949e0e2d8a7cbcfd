import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that reaches the internet. Each launch gets a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type Session = {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page's scripts: a spec expects none. */
  pageErrors: string[];
};

/**
 * A new browser context (own cookies and storage, like another person's browser) with one page: a desktop in
 * Belgian French in Brussels unless told otherwise (a phone's `viewport`, an American browser's `locale` and zone).
 */
export async function openSession(
  browser: Browser,
  baseUrl: string,
  options: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'fr-BE',
    timezoneId: options.timezoneId ?? 'Europe/Brussels',
    viewport: options.viewport ?? { width: 1360, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/** Signs in through the login page and waits for the user's name in the header. */
export async function signIn(page: Page, user: { email: string; password: string; displayName: string }) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('user-menu').getByText(user.displayName).waitFor();
}
