/**
 * Fills a running Smart Rural with a strategy for Aubange (through the API) and takes the screenshots of
 * docs/screenshots/strategy-*.png with Debian's Chromium.
 *
 *   DATA_DIR=$(mktemp -d) PORT=3217 ADMIN_PASSWORD=… npx tsx src/server/main.ts   # after npx vite build
 *   BASE_URL=http://localhost:3217 ADMIN_PASSWORD=… npx tsx scripts/screenshots-strategy.ts [--out docs/screenshots]
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/screenshots' } } });
const BASE = process.env.BASE_URL ?? 'http://localhost:3217';
const EMAIL = process.env.ADMIN_EMAIL ?? 'admin@localhost';
const PASSWORD = process.env.ADMIN_PASSWORD ?? '';

let cookie = '';
let csrf = '';
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0]!;
  return (text ? JSON.parse(text) : null) as T;
}

type Sheet = { id: string; title: string };

async function seed(): Promise<string> {
  csrf = (await call<{ csrfToken: string }>('POST', '/api/auth/login', { email: EMAIL, password: PASSWORD })).csrfToken;
  const staff = await call<{ id: string }[]>('GET', '/api/missions/staff');
  const mission = await call<{ id: string }>('POST', '/api/missions', {
    title: 'Aubange Smart 2030',
    communeNis: '81004',
    consultantIds: [staff[0]!.id],
    startDate: '2026-01-12',
    phase: 'planning',
  });
  const base = `/api/missions/${mission.id}/strategy`;
  await call('POST', base);
  await createSheets(base);
  const state = await call<StrategyState>('GET', base);
  await weighAndScore(base, state);
  await attachToObjectives(base, state);
  await call('POST', `${base}/plan`, {});
  for (let i = 0; i < 60; i++) {
    const plan = await call<{ run: { status: string } | null }>('GET', `${base}/plan`);
    if (plan.run?.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return mission.id;
}

type StrategyState = { criteria: { id: string; source: string }[]; projects: Sheet[] };

/** Nine project sheets of Aubange, with their costs, links and statuses. */
async function createSheets(base: string): Promise<void> {
  const make = async (body: Record<string, unknown>) => call<Sheet>('POST', `${base}/projects`, body);
  const fibre = await make({
    title: 'Fibre optique des bâtiments communaux',
    description: 'Raccorder l’hôtel de ville, les écoles et les ateliers au réseau à très haut débit.',
    dimensions: ['governance', 'economy'],
    owner: 'Service informatique',
    investmentCost: 180_000,
    runningCostPerYear: 6_000,
    funding: [{ name: 'Appel Smart Région', rate: 50 }],
    status: 'approved',
    durationMonths: 14,
  });
  await make({
    title: 'Guichet numérique (e-guichet)',
    dimensions: ['governance', 'people'],
    owner: 'Directeur général',
    investmentCost: 45_000,
    runningCostPerYear: 5_000,
    mandatory: true,
    status: 'approved',
    durationMonths: 10,
  });
  await make({
    title: 'Wi-Fi public à Aubange et Athus',
    dimensions: ['living'],
    investmentCost: 40_000,
    runningCostPerYear: 3_000,
    requires: [fibre.id],
    status: 'proposed',
    durationMonths: 6,
  });
  const app = await make({
    title: 'Application citoyenne',
    description: 'Signalements, agenda, alertes : une application commune aux communes de la province.',
    dimensions: ['people', 'governance'],
    investmentCost: 60_000,
    runningCostPerYear: 8_000,
    status: 'proposed',
    durationMonths: 9,
  });
  await make({
    title: 'Bornes d’information tactiles',
    dimensions: ['people'],
    investmentCost: 50_000,
    runningCostPerYear: 4_000,
    excludes: [app.id],
    status: 'draft',
    durationMonths: 6,
  });
  await createMobilityAndEnvironmentSheets(make, fibre.id);
}

/** The mobility and environment sheets, two of them needing the fibre. */
async function createMobilityAndEnvironmentSheets(
  make: (body: Record<string, unknown>) => Promise<Sheet>,
  fibreId: string,
): Promise<void> {
  await make({
    title: 'Capteurs de qualité de l’air près des écoles',
    dimensions: ['environment'],
    investmentCost: 90_000,
    runningCostPerYear: 4_000,
    earliestHorizon: 'medium',
    durationMonths: 18,
    status: 'proposed',
  });
  await make({
    title: 'Parking intelligent de la gare d’Athus',
    dimensions: ['mobility'],
    investmentCost: 120_000,
    runningCostPerYear: 6_000,
    requires: [fibreId],
    status: 'proposed',
    durationMonths: 12,
  });
  await make({
    title: 'Covoiturage transfrontalier vers Luxembourg',
    dimensions: ['mobility', 'environment'],
    investmentCost: 35_000,
    runningCostPerYear: 5_000,
    funding: [{ name: 'Interreg Grande Région', rate: 60 }],
    status: 'proposed',
    durationMonths: 8,
  });
  await make({
    title: 'Éclairage public LED piloté à distance',
    dimensions: ['environment', 'economy'],
    investmentCost: 250_000,
    runningCostPerYear: 2_000,
    status: 'proposed',
    durationMonths: 24,
  });
}

/** The committee's AHP weights, the manual criteria's scores, two scenarios and three horizons with budgets. */
async function weighAndScore(base: string, state: StrategyState): Promise<void> {
  const ids = state.criteria.map((c) => c.id);
  // Impact, alignment, cost, feasibility, risk, pooling, openness.
  await call('PUT', `${base}/ahp`, {
    criterionIds: ids,
    upperTriangle: [[2, 3, 3, 4, 4, 5], [2, 2, 3, 3, 4], [1, 2, 2, 3], [2, 2, 3], [1, 2], [2]],
  });
  const manual = state.criteria.filter((c) => c.source === 'manual').map((c) => c.id);
  const scores: Record<string, number[]> = {
    'Fibre optique des bâtiments communaux': [4, 5, 4, 3, 2, 3],
    'Guichet numérique (e-guichet)': [4, 4, 5, 2, 4, 4],
    'Wi-Fi public à Aubange et Athus': [4, 3, 5, 2, 3, 3],
    'Application citoyenne': [4, 4, 4, 3, 5, 4],
    'Bornes d’information tactiles': [2, 2, 4, 2, 2, 2],
    'Capteurs de qualité de l’air près des écoles': [3, 4, 3, 3, 4, 5],
    'Parking intelligent de la gare d’Athus': [4, 4, 3, 4, 2, 3],
    'Covoiturage transfrontalier vers Luxembourg': [5, 5, 4, 3, 5, 4],
    'Éclairage public LED piloté à distance': [3, 3, 4, 2, 4, 3],
  };
  await call('PUT', `${base}/evaluations`, {
    values: state.projects.flatMap((p) =>
      manual.map((criterionId, j) => ({ projectId: p.id, criterionId, value: scores[p.title]![j]! })),
    ),
  });
  await call('POST', `${base}/scenarios`, { name: 'Pondération AHP du comité' });
  const cost = state.criteria.find((c) => c.source === 'investmentCost')!.id;
  await call('POST', `${base}/scenarios`, {
    name: 'Priorité au coût',
    weights: Object.fromEntries(ids.map((id) => [id, id === cost ? 40 : 10])),
  });
  await call('PUT', `${base}/horizons`, {
    horizons: [
      { key: 'short', budget: 300_000, valueFactor: 1, startYear: 2025, endYear: 2026 },
      { key: 'medium', budget: 250_000, valueFactor: 0.85, startYear: 2027, endYear: 2028 },
      { key: 'long', budget: 200_000, valueFactor: 0.7, startYear: 2029, endYear: 2030 },
    ],
  });
}

/** Two strategic objectives with two operational ones each, and each sheet under one. */
async function attachToObjectives(base: string, state: StrategyState): Promise<void> {
  const byTitle = new Map(state.projects.map((p) => [p.title, p.id]));
  const objective = async (title: string, parentId?: string) =>
    (
      await call<{ id: string; title: string }[]>('POST', `${base}/objectives`, {
        title,
        ...(parentId ? { parentId } : {}),
      })
    ).find((o) => o.title === title)!.id;
  const os1 = await objective('Une administration numérique, proche des citoyens');
  const oo11 = await objective('Numériser les démarches et l’information', os1);
  const oo12 = await objective('Connecter les bâtiments et les lieux publics', os1);
  const os2 = await objective('Une commune durable, où l’on se déplace mieux');
  const oo21 = await objective('Mieux se déplacer, aussi vers le Luxembourg', os2);
  const oo22 = await objective('Réduire la pollution et la consommation d’énergie', os2);
  const attach: [string, string][] = [
    ['Guichet numérique (e-guichet)', oo11],
    ['Application citoyenne', oo11],
    ['Bornes d’information tactiles', oo11],
    ['Fibre optique des bâtiments communaux', oo12],
    ['Wi-Fi public à Aubange et Athus', oo12],
    ['Parking intelligent de la gare d’Athus', oo21],
    ['Covoiturage transfrontalier vers Luxembourg', oo21],
    ['Capteurs de qualité de l’air près des écoles', oo22],
    ['Éclairage public LED piloté à distance', oo22],
  ];
  for (const [title, objectiveId] of attach) {
    await call('PATCH', `/api/strategy/projects/${byTitle.get(title)}`, { objectiveId });
  }
}

const missionId = process.env.MISSION_ID ?? (await seed());
await mkdir(values.out!, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await (await browser.newContext({ locale: 'fr-BE', viewport: { width: 1360, height: 900 } })).newPage();
await page.goto(`${BASE}/login`);
await page.getByLabel('Adresse e-mail').fill(EMAIL);
await page.getByRole('textbox', { name: 'Mot de passe' }).fill(PASSWORD);
await page.getByRole('button', { name: 'Se connecter' }).click();
await page.getByTestId('user-menu').waitFor();

const shots: [string, string, string][] = [
  ['projects', 'strategy-projects.png', 'projects-table'],
  ['criteria', 'strategy-criteria-ahp.png', 'ahp-consistency'],
  ['grid', 'strategy-grid.png', 'evaluation-grid'],
  ['ranking', 'strategy-ranking.png', 'ranking-table'],
  ['plan', 'strategy-plan.png', 'plan-table'],
  ['roadmap', 'strategy-roadmap.png', 'roadmap-gantt'],
];
for (const [section, file, testId] of shots) {
  await page.goto(`${BASE}/missions/${missionId}/strategy?section=${section}`);
  await page.getByTestId(testId).first().waitFor();
  await page.waitForTimeout(section === 'ranking' ? 1500 : 400);
  await page.screenshot({ path: `${values.out}/${file}`, fullPage: true });
  process.stdout.write(`${values.out}/${file}\n`);
}
await browser.close();
