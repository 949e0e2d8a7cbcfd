/**
 * The implementation views at the province's scale: every current commune (43) with a mission in implementation and
 * 20 approved projects each (860 projects), each with 5 milestones, 4 budget years and a procurement file. Each view
 * is timed through HTTP (median of the runs) against a baseline measured in the same run: the alerts computed in
 * memory by the domain (`computeAlerts`) over the same data, without the database.
 *
 *   npx tsx bench/implementation.ts [--runs 7]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeAlerts } from '../src/domain/implementation/alerts.ts';
import { ProjectSheetCreateInput } from '../src/domain/strategy/project-sheets.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Number(values.runs);
const PROJECTS_PER_COMMUNE = 20;
const TODAY = new Date('2026-11-30T09:00:00Z');

async function median(label: string, work: () => Promise<unknown> | unknown) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)]! };
}

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-bench-'));
const config = loadConfig({
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  DATA_DIR: dataDir,
  NOTICES_INTERVAL_MINUTES: '0',
  ...process.env,
});
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir });
await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false, now: () => TODAY });
const { missions, strategy, users, uow, implementation } = app.services;
const password = 'bench-password-long-enough';
const admin = await users.create(CLI_CONTEXT, {
  email: `bench-${Date.now()}@bench.local`,
  displayName: 'Bench',
  role: 'agency_admin',
  communeNis: null,
  password,
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email: admin.user.email, password },
});
const cookie = `sr_session=${login.cookies.find((c) => c.name === 'sr_session')!.value}`;
const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response;
};

const seeding = performance.now();
const communes = await uow.read((repos) => repos.communes.list({ currentOn: '2026-11-30' }));
for (const [c, commune] of communes.entries()) {
  const mission = await missions.create(CLI_CONTEXT, {
    title: `Mise en œuvre ${commune.name}`,
    communeNis: commune.nisCode,
    consultantIds: [admin.user.id],
    startDate: '2025-01-15',
  });
  await missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });
  for (let p = 0; p < PROJECTS_PER_COMMUNE; p++) {
    const sheet = await strategy.sheets.createProject(
      CLI_CONTEXT,
      mission.id,
      ProjectSheetCreateInput.parse({
        title: `Projet ${p + 1} de ${commune.name}`,
        status: 'approved',
        investmentCost: 20_000 + p * 5_000,
        dimensions: [(['living', 'mobility', 'environment', 'economy', 'people', 'governance'] as const)[p % 6]],
      }),
    );
    await uow.write(async (repos) => {
      await repos.implementation.upsertFollowUp(sheet.id, {
        status: (['planned', 'procurement', 'in-progress', 'delivered'] as const)[(c + p) % 4],
        progress: (p * 5) % 100,
        budget: [2025, 2026, 2027, 2028].map((year, k) => ({
          year,
          planned: 10_000,
          committed: k === 1 && p % 7 === 0 ? 12_500 : 8_000,
          spent: k === 0 ? 8_000 : 2_000,
        })),
      });
      for (let m = 0; m < 5; m++) {
        await repos.implementation.insertMilestone({
          projectId: sheet.id,
          title: `Jalon ${m + 1}`,
          dueDate: `2026-${String(3 + m * 2).padStart(2, '0')}-15`,
          owner: 'Service technique',
          doneDate: m < 3 || (p + m) % 3 === 0 ? `2026-${String(3 + m * 2).padStart(2, '0')}-10` : null,
        });
      }
      await repos.implementation.upsertProcurement({
        projectId: sheet.id,
        nature: 'supplies',
        estimatedAmount: 25_000,
        launchDate: '2026-06-01',
        procedure: 'low-value',
        steps: [
          { step: 'specifications', plannedDate: '2026-06-01', actualDate: '2026-06-02' },
          { step: 'offers-received', plannedDate: p % 2 ? '2026-12-15' : '2026-10-01' },
        ],
      });
    });
  }
}
const projects = communes.length * PROJECTS_PER_COMMUNE;
const seeded = ((performance.now() - seeding) / 1000).toFixed(1);

// Baseline: the same alerts computed in memory, the data already loaded.
const loaded = await uow.read((repos) => implementation.core.visibleProjects(repos, CLI_CONTEXT.actor));
const inputs = loaded.map((p) => ({
  projectId: p.id,
  projectTitle: p.title,
  missionId: p.missionId,
  communeNis: p.communeNis,
  communeName: p.communeName,
  status: p.status,
  milestones: p.milestones,
  budget: p.budget,
  procurement: p.procurement?.procedure
    ? { procedure: 'low-value' as const, steps: p.procurement.steps as never }
    : null,
}));
const baseline = await median('alerts in memory (`computeAlerts` over the loaded projects) — baseline', () =>
  inputs.flatMap((p) => computeAlerts(p, '2026-11-30')),
);
const alertCount = inputs.flatMap((p) => computeAlerts(p, '2026-11-30')).length;
const results = [
  baseline,
  await median('`GET /api/implementation/alerts` (load + compute + serialise)', () =>
    get('/api/implementation/alerts'),
  ),
  await median('`GET /api/implementation/dashboard`', () => get('/api/implementation/dashboard')),
  await median('`GET /api/implementation/dashboard?arrondissement=Bastogne`', () =>
    get('/api/implementation/dashboard?arrondissement=Bastogne'),
  ),
  await median('`GET /api/implementation/dashboard.xlsx`', () => get('/api/implementation/dashboard.xlsx')),
  await median('`GET /api/missions/:id/implementation` (one mission, 20 projects)', async () =>
    get(`/api/missions/${loaded[0]!.missionId}/implementation`),
  ),
  await median('`GET /api/implementation/projects/:id` (one follow-up page)', () =>
    get(`/api/implementation/projects/${loaded[0]!.id}`),
  ),
];

console.log(
  `\n${projects} projects in ${communes.length} communes, ${alertCount} alerts; seeded in ${seeded} s; ` +
    `median of ${RUNS} runs on ${config.databaseUrl ? 'PostgreSQL' : 'PGlite'}\n`,
);
console.log('| case | median | × baseline |\n| --- | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.label} | ${r.ms.toFixed(1)} ms | ${(r.ms / baseline.ms).toFixed(1)} |`);
}
await app.close();
await database.close();
