/**
 * The README's tour screenshots, taken on the demo workspace as a first `npm start` makes it: a new PGlite data
 * folder, the first start's preparation with the demo, the built web app, Debian's Chromium (playwright-core).
 *
 *   npx vite build && npx tsx scripts/screenshots-demo.ts [--out docs/screenshots] [--web dist/web]
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'docs/screenshots' }, web: { type: 'string', default: 'dist/web' } },
});
const out = values.out!;
await mkdir(out, { recursive: true });

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-screens-'));
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEED_DEMO: 'true', WEB_DIST_DIR: values.web });
const database = await openDatabase({ dataDir });
const accounts = await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const s = app.services;
const system = { kind: 'system', label: 'cli' } as const;
const missions = await s.missions.list(system, {});
const missionOf = (nis: string) => missions.find((m) => m.beneficiary.communeNis === nis && !m.beneficiary.siteId)!;
const arlon = missionOf('81001');
const aubange = missionOf('81004');
const libramont = missionOf('84077');
const arlonProjects = (await s.implementation.followUp.missionImplementation(system, arlon.id)).projects;
const guichet = arlonProjects.find((p) => p.title === 'Guichet citoyen en ligne')!;
const groups = await s.mutualisation.listGroups(system, {});
const lighting = groups.find((g) => g.label.startsWith('Éclairage public LED'))!;
const listed = await s.catalogue.list(system, { status: ['listed'] });
const compared = ['LumiGest', 'Signal’Commune', 'Guichet Citoyen'].map((n) => listed.find((x) => x.name === n)!.id);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});

async function session(email: string, viewport = { width: 1360, height: 900 }) {
  const context = await browser.newContext({ baseURL: base, locale: 'fr-BE', timezoneId: 'Europe/Brussels', viewport });
  const page = await context.newPage();
  const account = accounts.find((a) => a.email === email)!;
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe' }).fill(account.password!);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** Waits for the page's data (no spinner, no request in flight), then writes the screenshot. */
async function shoot(page: Page, path: string, name: string, wait: string, fullPage = false) {
  await page.goto(path);
  await page.getByRole('main').getByText(wait, { exact: false }).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, `${name}.png`), fullPage });
  console.log(`${name}.png`);
}

try {
  const consultant = await session('consultant@demo.smart-rural.local');
  await shoot(consultant, '/', 'province', 'Arlon');
  await shoot(consultant, `/missions/${arlon.id}`, 'mission-overview', 'Accompagnement de la Ville d’Arlon', true);
  await shoot(consultant, `/missions/${libramont.id}/diagnostic`, 'diagnostic-interviews', 'Bourgmestre', true);
  await shoot(consultant, `/missions/${aubange.id}/strategy?section=plan`, 'strategy-plan', 'Covoiturage', true);
  await shoot(
    consultant,
    `/implementation/projects/${guichet.id}`,
    'implementation-follow-up',
    'Formation des agents',
    true,
  );
  await shoot(consultant, '/implementation', 'implementation-dashboard', 'Tintigny', true);
  await shoot(consultant, '/needs', 'needs-register', 'Remplacer les lampadaires');
  await shoot(consultant, '/needs?tab=groups', 'needs-groups', 'Éclairage public LED');
  await shoot(consultant, `/needs/groups/${lighting.id}`, 'needs-group', 'Télégestion de l’éclairage public', true);
  await shoot(consultant, `/catalogue/compare?ids=${compared.join(',')}`, 'catalogue-compare', 'LumiGest', true);
  await shoot(consultant, '/catalogue?tab=agreements', 'catalogue-agreements', 'Accord-cadre applications Smart', true);
  await shoot(consultant, '/communes/81001/progress', 'implementation-public', 'Guichet citoyen en ligne', true);
  const phone = await session('tintigny@demo.smart-rural.local', { width: 390, height: 844 });
  await shoot(phone, '/communes/85039/progress', 'phone-public-progress', 'Wi-Fi public', true);
} finally {
  await browser.close();
  await app.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
