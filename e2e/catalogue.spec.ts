import { mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogueDemo } from '../src/server/catalogue/catalogue-demo.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { type E2eApp, type E2eUser, startApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';
import { launchBrowser, openSession, type Session, signIn } from './support/browser.ts';

/**
 * The buyer's journey on the demo catalogue, as Arlon's commune editor: a French search with a plural and no accent,
 * two solutions compared side by side, one ordered under the framework agreement; the adoption map then shows Arlon.
 * With SCREENSHOTS=1 the search, the comparison and the adoption map are saved in docs/screenshots.
 */
const SCREENSHOTS = process.env.SCREENSHOTS ? 'docs/screenshots' : null;

/** A plain PNG of one colour (a logo or a screenshot to upload). */
function png(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('catalogue: Arlon searches, compares and orders', () => {
  let server: E2eApp;
  let browser: Browser;
  let editor: E2eUser;
  let session: Session;
  let page: Page;
  let compareUrl = '';

  const shoot = async (name: string) => {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/catalogue-${name}.png`, fullPage: false });
  };

  beforeAll(async () => {
    server = await startApp();
    await seedCatalogueDemo(server.services.catalogue, server.services.watch, new Date(), CLI_CONTEXT);
    browser = await launchBrowser();
    editor = await server.createUser({ role: 'commune_editor', displayName: 'Élise Arlon', communeNis: '81001' });
    session = await openSession(browser, server.baseUrl);
    page = session.page;
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the citizen-reporting solution with a plural without accent, and filters by a facet', async () => {
    await signIn(page, editor);
    await page
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Catalogue' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Catalogue des solutions Smart' }).waitFor();
    await page.getByRole('textbox', { name: 'Rechercher une solution' }).fill('signalements citoyens');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    const results = page.getByRole('list', { name: 'Résultats de la recherche' });
    await page.getByTestId('catalogue-total').filter({ hasText: '1 solution — « signalements citoyens »' }).waitFor();
    expect(await results.getByRole('listitem').count()).toBe(1);
    await results.getByRole('link', { name: 'Signal’Commune' }).waitFor();

    // An empty search lists the catalogue; the "Référencée" facet keeps what can be ordered now.
    await page.getByRole('textbox', { name: 'Rechercher une solution' }).fill('');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('checkbox', { name: /^Référencée \(8\)/ }).click();
    await page.getByTestId('catalogue-total').filter({ hasText: '8 solutions' }).waitFor();
    // Under watch is not shown to a commune.
    expect(await results.getByRole('link', { name: 'AirCapt' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'the catalogue search');
    await shoot('search');
  });

  it('compares two solutions side by side', async () => {
    await page.getByRole('textbox', { name: 'Rechercher une solution' }).fill('citoyen');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByTestId('catalogue-total').filter({ hasText: '« citoyen »' }).waitFor();
    await page.getByRole('checkbox', { name: 'Sélectionner Signal’Commune' }).check();
    await page.getByRole('checkbox', { name: 'Sélectionner Guichet Citoyen' }).check();
    await page.getByRole('button', { name: 'Comparer (2)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Comparaison' }).waitFor();
    const table = page.getByTestId('comparison');
    await table.getByRole('columnheader', { name: /Signal’Commune/ }).waitFor();
    const hosting = table.getByRole('row', { name: /^Hébergement/ });
    expect(await hosting.textContent()).toContain('Hébergée dans l’UE');
    expect(await hosting.textContent()).toContain('Hébergée en Belgique');
    expect(await hosting.textContent()).toContain('diffère');
    await expectNoSeriousA11yViolations(page, 'the comparison');
    await shoot('compare');
    compareUrl = page.url();
  });

  it('keeps the two in a shortlist, exports it, and records which one is chosen and why', async () => {
    await page.getByRole('button', { name: 'Créer une liste restreinte' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle liste restreinte' });
    await dialog.getByRole('textbox', { name: 'Nom de la liste' }).fill('Relation citoyenne');
    await dialog.getByRole('button', { name: 'Créer la liste' }).click();
    const list = page.getByRole('region', { name: /Relation citoyenne/ });
    await list.waitFor();
    const xlsx = await list.getByRole('link', { name: 'Exporter (XLSX)' }).getAttribute('href');
    const response = await page.request.get(xlsx!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    await list.getByRole('radio', { name: 'Signal’Commune' }).check();
    await list.getByRole('textbox', { name: 'Pourquoi ?' }).fill('Déjà utilisée à Marche-en-Famenne ; API ouverte.');
    await list.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await list.getByTestId('shortlist-outcome').filter({ hasText: 'Solution retenue : Signal’Commune' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the shortlists');
  });

  it('orders one of them under the framework agreement, for Arlon', async () => {
    await page.goto(compareUrl);
    await page.getByRole('link', { name: 'Commander Signal’Commune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Signal’Commune' }).waitFor();
    const order = page.getByRole('region', { name: 'Commander dans l’accord-cadre' });
    await order.getByText('Arlon').waitFor();
    // The amount comes from the price: 0,35 € per inhabitant × Arlon's population.
    await order
      .getByTestId('order-basis')
      .getByText(/0,35\s€ × 30\s081 = 10\s528,35\s€ HTVA/)
      .waitFor();
    await order.getByRole('textbox', { name: 'Remarque (facultatif)' }).fill('Abonnement 2027');
    await order.getByRole('button', { name: 'Passer la commande' }).click();
    await page
      .getByRole('dialog', { name: 'Confirmer la commande' })
      .getByRole('button', { name: 'Confirmer la commande' })
      .click();
    await page.getByText('Commande enregistrée : Signal’Commune').waitFor();
    await page.getByRole('dialog', { name: 'Confirmer la commande' }).waitFor({ state: 'detached' });
    await expectNoSeriousA11yViolations(page, 'a solution and its order form');

    await page.goto('/catalogue?tab=agreements');
    const callOffs = page.getByTestId('call-offs');
    await callOffs
      .getByRole('cell', { name: /^Signal’Commune/ })
      .getByText('Abonnement 2027')
      .waitFor();
    expect(await callOffs.getByRole('row').count()).toBe(2);
    await expectNoSeriousA11yViolations(page, 'the agreements and orders');
    await shoot('agreements');
  });

  it('shows Arlon on the adoption map of citizen reporting', async () => {
    await page.getByRole('tab', { name: 'Carte d’adoption' }).click();
    await page.getByRole('combobox', { name: 'Catégorie' }).click();
    await page.getByRole('option', { name: 'Signalements citoyens' }).click();
    const table = page.getByTestId('adoption-table');
    await table.getByRole('cell', { name: 'Arlon' }).waitFor();
    const arlon = table.getByRole('row', { name: /^Arlon/ });
    expect(await arlon.textContent()).toContain('Signal’Commune (commandée)');
    // On the map, Arlon is coloured as a commune using the solution.
    const shape = page.locator('path[data-nis="81001"]');
    await shape.waitFor();
    expect(await shape.getAttribute('fill')).toBe('#9fd3a8');
    expect(await page.locator('path[data-nis="85039"]').getAttribute('fill')).toBe('#eef1ef');
    await expectNoSeriousA11yViolations(page, 'the adoption map');
    await shoot('adoption');
    expect(session.pageErrors).toEqual([]);
  });

  it('lets a consultant add a solution, read the watch feed and promote a watched product into the catalogue', async () => {
    const consultant = await server.createUser({ role: 'consultant', displayName: 'Camille Veille' });
    const other = await openSession(browser, server.baseUrl);
    page = other.page;
    await signIn(page, consultant);

    // Agency staff add a solution to the catalogue.
    await page.goto('/catalogue');
    await page.getByRole('button', { name: 'Nouvelle solution' }).click();
    const form = page.getByRole('dialog', { name: 'Nouvelle solution' });
    await form.getByRole('textbox', { name: 'Nom' }).fill('WiFi Village');
    await form.getByRole('textbox', { name: 'Fournisseur' }).fill('Réseaux Ruraux');
    await form.getByRole('textbox', { name: 'Résumé (une ou deux phrases)' }).fill('Bornes Wi-Fi publiques gérées.');
    await form.getByRole('combobox', { name: 'Catégories' }).click();
    await page.getByRole('option', { name: 'Wi-Fi public' }).click();
    await page.keyboard.press('Escape');
    // price tiers and GDPR sub-processors, from the form (not only the API)
    await form.getByLabel('Sous-traitants ultérieurs (RGPD)').fill('OVHcloud (hébergement, France)');
    await form.getByLabel('Sous-traitants ultérieurs (RGPD)').press('Enter');
    await form.getByRole('button', { name: 'Ajouter un palier' }).click();
    await form.getByRole('textbox', { name: 'Palier 1 : à qui il s’applique' }).fill('jusqu’à 5 000 habitants');
    await form.getByRole('textbox', { name: 'Palier 1 : prix (€ HTVA par an)' }).fill('1200');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { level: 1, name: 'WiFi Village' }).waitFor();
    const facts = page.getByRole('region', { name: 'Ce qu’il faut savoir' });
    await facts.getByRole('row', { name: /jusqu’à 5 000 habitants\s+1\s200\s€/ }).waitFor();
    await facts.getByRole('cell', { name: 'OVHcloud (hébergement, France)' }).waitFor();
    await page.getByText('Évaluée', { exact: true }).first().waitFor();

    // … upload its logo and a screenshot, shown from the app's own origin (the CSP keeps img-src 'self') …
    const images = page.getByRole('region', { name: 'Logo et captures d’écran' });
    await images
      .locator('input[type="file"]')
      .nth(0)
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(64, 64, [31, 122, 76]) });
    await images.getByRole('button', { name: 'Envoyer' }).nth(0).click();
    await page.getByText('Logo enregistré.').waitFor();
    await images
      .locator('input[type="file"]')
      .nth(1)
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('<html>pas une image</html>') });
    await images.getByRole('button', { name: 'Envoyer' }).nth(1).click();
    await images.getByText('Le fichier n’est pas une image PNG, JPEG ou WebP.').waitFor();
    await images
      .locator('input[type="file"]')
      .nth(1)
      .setInputFiles({ name: 'ecran.png', mimeType: 'image/png', buffer: png(320, 200, [220, 230, 240]) });
    await images.getByRole('textbox', { name: 'Légende' }).fill('Carte des bornes');
    await images.getByRole('button', { name: 'Envoyer' }).nth(1).click();
    const shot = images.getByRole('img', { name: 'Carte des bornes' });
    await shot.waitFor();
    const logo = page.getByRole('img', { name: 'Logo de WiFi Village' }).first();
    await logo.waitFor();
    for (const img of [shot, logo]) {
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    }
    await expectNoSeriousA11yViolations(page, 'a solution with its images');
    await shoot('solution-images');

    // … and award a lot a larger ceiling.
    await page.goto('/catalogue?tab=agreements');
    await page.getByRole('button', { name: 'Modifier le lot 3' }).click();
    const lotForm = page.getByRole('dialog', { name: 'Modifier le lot' });
    await lotForm.getByRole('textbox', { name: 'Plafond (€ HTVA)' }).fill('300000');
    await lotForm.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText(/0\s€ commandés sur 300\s000\s€/).waitFor();

    // … change the agreement after its creation (a ceiling below what was ordered is refused) …
    const agreementSection = page.getByRole('region', { name: /^IDELUX/ }).first();
    await agreementSection.getByRole('button', { name: /^Modifier l’accord-cadre/ }).click();
    const agreementForm = page.getByRole('dialog', { name: /^Modifier l’accord-cadre/ });
    await agreementForm.getByRole('textbox', { name: 'Plafond (€ HTVA)' }).fill('100');
    await agreementForm.getByRole('button', { name: 'Enregistrer' }).click();
    await agreementForm.getByText(/ne peut pas descendre sous ce qui est déjà commandé/).waitFor();
    await agreementForm.getByRole('textbox', { name: 'Plafond (€ HTVA)' }).fill('900000');
    await agreementForm.getByRole('textbox', { name: 'Description' }).fill('Modifié par l’agence.');
    await agreementForm.getByRole('button', { name: 'Enregistrer' }).click();
    await agreementSection.getByText('Modifié par l’agence.').first().waitFor();

    // … and cancel Arlon's call-off, which frees the ceiling.
    const callOffs = page.getByTestId('call-offs');
    await callOffs.getByRole('button', { name: 'Annuler la commande de Signal’Commune pour Arlon' }).click();
    const cancel = page.getByRole('dialog', { name: 'Annuler une commande' });
    await cancel.getByRole('textbox', { name: 'Motif de l’annulation' }).fill('Commandée en double');
    await cancel.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await page.getByText('Commande annulée : les plafonds sont libérés.').waitFor();
    await callOffs.getByText(/Annulée le .* — Commandée en double/).waitFor();
    await expectNoSeriousA11yViolations(page, 'the agreements after a cancellation');

    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Veille' }).click();
    await page.getByRole('heading', { level: 1, name: 'Veille technologique' }).waitFor();
    const feed = page.getByRole('list', { name: 'Éléments de veille récents' });
    await feed.getByRole('heading', { name: 'Jumeau numérique de l’éclairage public' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the watch feed');
    await shoot('watch');
    await page.getByRole('button', { name: 'Verser au catalogue : Jumeau numérique de l’éclairage public' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jumeau numérique de l’éclairage public' }).waitFor();
    await page.getByText('En veille', { exact: true }).first().waitFor();
    expect(other.pageErrors).toEqual([]);
    await other.context.close();
  });
});
