import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Answers the guide's questions in order from the keyboard: one key a question (a level, or n for « ne sait pas »). */
export async function answerWithKeys(page: Page, keys: string[]) {
  await page.locator('[role="radiogroup"]').first().locator('[role="radio"][tabindex="0"]').focus();
  for (const key of keys) await page.keyboard.press(key);
}

/** Opens a section of a tab: its sub-tabs are a segmented control, whose labels are what a user clicks. */
export const openSubTab = (page: Page, name: string) => page.locator('label', { hasText: name }).click();

/** A full-page picture from the top, so the fixed header sits where it belongs. */
export async function fullPageShot(page: Page, folder: string, file: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  // The confirmations of the steps before would hide the page.
  await page.screenshot({
    path: join(folder, file),
    fullPage: true,
    style: '.mantine-Notifications-root { display: none !important; }',
  });
}

/** A failed step leaves a picture of the screen for whoever reads the log. */
export async function failureShot(page: Page, journey: string) {
  await page.screenshot({ path: join(tmpdir(), `${journey}-failed-${Date.now()}.png`), fullPage: true });
}

/** Adds a SWOT item through the SWOT section's form, with one dimension or none, and waits for it in the list. */
export async function addSwotItem(page: Page, category: string, text: string, dimension?: string) {
  await page.getByRole('combobox', { name: 'Catégorie' }).click();
  await page.getByRole('option', { name: category, exact: true }).click();
  await page.getByRole('textbox', { name: 'Constat' }).fill(text);
  if (dimension) {
    // Not searchable: its input is hidden behind the field, which opens the list.
    await page.getByRole('combobox', { name: 'Dimensions concernées' }).click({ force: true });
    await page.getByRole('option', { name: dimension, exact: true }).click();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.locator('[data-swot-item]').getByText(text).waitFor();
}
