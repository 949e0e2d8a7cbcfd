import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

const EDITOR_EMAIL = 'editeur.arlon@e2e.test';
const EDITOR_NAME = 'Éric Lambert';
const DESCRIPTION = 'Chef-lieu de la province de Luxembourg, au cœur du Pays d’Arlon.';

describe('administration: an admin creates a commune editor, who edits only their commune', () => {
  let server: E2eApp;
  let browser: Browser;
  let admin: E2eUser;
  let adminSession: Session;
  let editorSession: Session | undefined;
  let generatedPassword = '';

  beforeAll(async () => {
    server = await startApp();
    browser = await launchBrowser();
    admin = await server.createUser({ role: 'agency_admin', displayName: 'Alice Administratrice' });
    adminSession = await openSession(browser, server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the admin creates an Arlon editor without a password and sees the generated one once', async () => {
    const { page } = adminSession;
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs' }).waitFor();
    await page.getByTestId('users-table').waitFor();

    await page.getByRole('button', { name: 'Créer un utilisateur' }).click();
    const dialog = page.getByRole('dialog', { name: 'Créer un utilisateur' });
    await dialog.getByLabel('Adresse e-mail').fill(EDITOR_EMAIL);
    await dialog.getByLabel('Nom').fill(EDITOR_NAME);
    await dialog.getByRole('combobox', { name: 'Rôle' }).click();
    await page.getByRole('option', { name: 'Éditeur communal' }).click();
    await dialog.getByRole('combobox', { name: 'Commune' }).fill('Arlon');
    await page.getByRole('option', { name: 'Arlon', exact: true }).click();
    await dialog.getByRole('button', { name: 'Créer un utilisateur' }).click();

    const secret = page.getByRole('dialog', { name: 'Mot de passe généré' });
    await secret.waitFor();
    generatedPassword = (await secret.getByTestId('generated-password').textContent())?.trim() ?? '';
    expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
    expect(await secret.textContent()).toContain('Il ne sera plus jamais affiché');
    await expectNoSeriousA11yViolations(page, 'the generated password dialog');
    await secret.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
    await secret.waitFor({ state: 'detached' });
    expect(await page.getByText(generatedPassword).count()).toBe(0);

    const row = page.locator(`tr[data-email="${EDITOR_EMAIL}"]`);
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 5)).toEqual([EDITOR_EMAIL, EDITOR_NAME, 'Éditeur communal', 'Arlon', 'Actif']);
    expect(cells[5]).toBe('jamais');
  });

  it('passes axe on the users page', async () => {
    await expectNoSeriousA11yViolations(adminSession.page, 'the users page');
  });

  it('the editor signs in elsewhere and edits Arlon’s profile', async () => {
    editorSession = await openSession(browser, server.baseUrl);
    const { page } = editorSession;
    await signIn(page, { email: EDITOR_EMAIL, password: generatedPassword, displayName: EDITOR_NAME });
    expect(await page.getByRole('link', { name: 'Utilisateurs' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Journal d’audit' }).count()).toBe(0);

    await page.goto('/communes/81001');
    await page.getByRole('heading', { level: 1, name: 'Arlon' }).waitFor();
    await page.getByRole('button', { name: 'Modifier le profil' }).click();
    const dialog = page.getByRole('dialog', { name: 'Modifier le profil d’Arlon' });
    await dialog.getByLabel('Présentation').fill(DESCRIPTION);
    // A web address without its scheme is refused next to the field, before anything is sent.
    await dialog.getByLabel('Site web').fill('www.arlon.be');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText('Adresse web invalide').waitFor();
    await dialog.getByLabel('Site web').fill('https://www.arlon.be');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });

    expect(await page.getByTestId('commune-description').textContent()).toBe(DESCRIPTION);
    await page.getByRole('link', { name: 'https://www.arlon.be' }).waitFor();
    // Sites of one's own commune can be managed too.
    await page.getByRole('button', { name: 'Ajouter un site' }).click();
    const siteDialog = page.getByRole('dialog', { name: 'Ajouter un site' });
    await siteDialog.getByLabel('Nom').fill('Maison de la culture');
    await siteDialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Culture' }).click();
    await siteDialog.getByRole('button', { name: 'Enregistrer' }).click();
    await siteDialog.waitFor({ state: 'detached' });
    const sites = page.getByTestId('sites-table');
    await sites.getByRole('cell', { name: 'Maison de la culture', exact: true }).waitFor();
    expect(await sites.locator('tbody tr').filter({ hasText: 'Maison de la culture' }).textContent()).toContain(
      'Culture',
    );
    await expectNoSeriousA11yViolations(page, 'a commune page with its edit controls');
    await page.getByRole('button', { name: 'Supprimer Maison de la culture' }).click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer le site' });
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Aucun site enregistré.').waitFor();
  });

  it('the editor sees no edit controls on another commune (Aubange)', async () => {
    const { page } = editorSession!;
    await page.goto('/communes/81004');
    await page.getByRole('heading', { level: 1, name: 'Aubange' }).waitFor();
    await page.getByTestId('commune-facts').waitFor();
    expect(await page.getByRole('button', { name: 'Modifier le profil' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajouter un site' }).count()).toBe(0);
    expect(editorSession!.pageErrors).toEqual([]);
    await editorSession!.context.close();
  });

  it('the audit log lists the user creation and the commune update, with a readable diff', async () => {
    const { page } = adminSession;
    await page.getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.waitFor();

    const creation = table.locator('tr[data-action="user.create"]').filter({ hasText: EDITOR_EMAIL });
    expect(await creation.count()).toBe(1);
    expect(await creation.textContent()).toContain(admin.email);
    expect(await creation.textContent()).toContain('Création d’un utilisateur');

    const update = table.locator('tr[data-action="commune.update"]');
    expect(await update.count()).toBe(1);
    const updateText = await update.textContent();
    expect(updateText).toContain(EDITOR_EMAIL);
    expect(updateText).toContain('Modification d’une commune');
    expect(updateText).toContain('Arlon');
    // Newest first: the commune update comes before the user creation.
    const actions = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions.indexOf('commune.update')).toBeLessThan(actions.indexOf('user.create'));

    await expectNoSeriousA11yViolations(page, 'the audit page');

    await update.getByRole('button', { name: /Voir les changements/ }).click();
    const diff = page.getByRole('dialog', { name: 'Détail de la modification' });
    const description = diff.getByTestId('audit-diff').locator('tr').filter({ hasText: 'description' });
    const cells = (await description.locator('td').allTextContents()).map((c) => c.trim());
    expect(cells).toEqual(['descriptionmodifié', '—', DESCRIPTION]);
    await expectNoSeriousA11yViolations(page, 'the audit diff dialog');
    await page.keyboard.press('Escape');
    await diff.waitFor({ state: 'detached' });

    // Site changes are audited too.
    expect(await table.locator('tr[data-action="site.create"]').count()).toBe(1);
    expect(await table.locator('tr[data-action="site.delete"]').count()).toBe(1);
    // Each action reads as a phrase, its code kept at hand for administrators.
    const siteCreation = table.locator('tr[data-action="site.create"]').getByTitle('site.create');
    expect(await siteCreation.textContent()).toBe('Ajout d’un site');
    expect(await table.locator('tbody').textContent()).not.toContain('commune.update');

    // Filtering by action narrows the list.
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Modification d’une commune' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
  });

  it('the admin resets the editor’s password (shown once) and disables the account', async () => {
    const { page } = adminSession;
    await page.getByRole('link', { name: 'Utilisateurs' }).click();
    const row = page.locator(`tr[data-email="${EDITOR_EMAIL}"]`);
    await row.getByRole('button', { name: `Plus d’actions pour ${EDITOR_EMAIL}` }).click();
    await page.getByRole('menuitem', { name: 'Réinitialiser le mot de passe' }).click();
    await page
      .getByRole('dialog', { name: 'Réinitialiser le mot de passe' })
      .getByRole('button', { name: 'Réinitialiser le mot de passe' })
      .click();
    const secret = page.getByRole('dialog', { name: 'Mot de passe généré' });
    const fresh = (await secret.getByTestId('generated-password').textContent())?.trim() ?? '';
    expect(fresh.length).toBeGreaterThanOrEqual(12);
    expect(fresh).not.toBe(generatedPassword);
    await secret.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();

    await row.getByRole('button', { name: `Plus d’actions pour ${EDITOR_EMAIL}` }).click();
    await page.getByRole('menuitem', { name: 'Désactiver' }).click();
    await row.getByText('Désactivé').waitFor();
    expect(adminSession.pageErrors).toEqual([]);
  });
});
