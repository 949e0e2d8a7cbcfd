/**
 * Catalogue search at the size of issue 6: 5,000 solutions, French queries (accents, plurals, taxonomy synonyms,
 * a typo, facets), through the API (GET /api/catalogue/search: full-text + trigram + facet counts + serialisation),
 * against a naive baseline measured in the same run: one `unaccent(...) ILIKE '%word%'` scan of the same table,
 * without facets, synonyms or ranking. Target: p95 under 100 ms.
 *
 *   npx tsx bench/catalogue.ts [--solutions 5000] [--runs 20]
 *
 * On PostgreSQL (DATABASE_URL) use a scratch database: the solutions are added, then removed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import {
  HOSTINGS,
  OPEN_STANDARDS,
  PRICE_MODELS,
  SOLUTION_STATUSES,
  SolutionInput,
} from '../src/domain/catalogue/solutions.ts';
import { DIMENSIONS } from '../src/domain/shared/dimensions.ts';
import { SMART_CATEGORIES } from '../src/domain/shared/smart-categories.ts';
import { buildApp } from '../src/server/app.ts';
import { solutionValues } from '../src/server/catalogue/catalogue.presenter.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({
  options: { solutions: { type: 'string', default: '5000' }, runs: { type: 'string', default: '20' } },
});
const SIZE = Number(values.solutions);
const RUNS = Number(values.runs);

/** Park–Miller: the same catalogue on every run. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}
const random = generator(60_606);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const some = <T>(items: readonly T[], max: number) => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items))),
];

const SYLLABLES = [
  'lu',
  'mi',
  'ge',
  'sta',
  'ci',
  'vi',
  'ta',
  'no',
  'ra',
  'de',
  'po',
  'li',
  'ka',
  'vo',
  'zen',
  'tri',
  'bo',
];
const FILLER =
  'plateforme solution service commune citoyens gestion suivi tableau de bord application mobile web données ouverte interopérable hébergement support formation déploiement rapide module statistiques alertes carte temps réel'.split(
    ' ',
  );

function solution(i: number) {
  const categories = some(SMART_CATEGORIES, 2);
  const terms = categories.flatMap((c) => c.terms);
  const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)} ${i}`.replace(/^./, (c) => c.toUpperCase());
  const words = Array.from({ length: 40 }, () => (random() < 0.25 ? pick(terms) : pick(FILLER)));
  return SolutionInput.parse({
    name,
    vendor: `Bench ${pick(SYLLABLES)}${pick(SYLLABLES)}`,
    summary: `${categories[0]!.fr} : ${words.slice(0, 12).join(' ')}`,
    description: words.join(' '),
    categories: categories.map((c) => c.key),
    dimensions: some(DIMENSIONS, 2),
    interoperability: { standards: some(OPEN_STANDARDS, 3), openApi: random() < 0.6 },
    hosting: pick(HOSTINGS),
    pricing: { model: pick(PRICE_MODELS), amount: Math.round(random() * 5000) },
    status: pick(SOLUTION_STATUSES),
  });
}

const QUERIES = [
  'q=lampadaires',
  'q=eclairage%20public',
  'q=signalements',
  'q=d%C3%A9chets&status=listed',
  'q=d%C3%A9marches%20en%20ligne',
  'q=particpation',
  'q=capteurs&dimension=environment&hosting=belgium,eu',
  'q=transport%20%C3%A0%20la%20demande&priceModel=per-inhabitant',
  'category=waste,water&standard=LoRaWAN',
  'status=listed',
];
/** What the naive scan can do with the same queries: one word, no facets. */
const NAIVE = [
  'lampadaire',
  'eclairage',
  'signalement',
  'dechets',
  'demarches',
  'participation',
  'capteurs',
  'transport',
  'LoRaWAN',
  '',
];

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-bench-'));
const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, ...process.env });
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir });
await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false });
const { uow, users } = app.services;

const started = performance.now();
const rows = Array.from({ length: SIZE }, (_, i) => solution(i));
await uow.write((repos) => repos.catalogue.insertSolutions(rows.map((r) => solutionValues(r))));
await database.db.execute(sql`ANALYZE catalogue_solutions`);
console.log(`${SIZE} solutions loaded in ${Math.round(performance.now() - started)} ms (${database.kind})`);

const email = `bench-${Date.now()}@bench.local`;
await users.create(CLI_CONTEXT, {
  email,
  displayName: 'Bench',
  role: 'consultant',
  communeNis: null,
  password: 'bench-password-long-enough',
});
const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { email, password: 'bench-password-long-enough' },
});
const cookie = `sr_session=${login.cookies.find((c) => c.name === 'sr_session')!.value}`;

const fmt = (n: number) => n.toFixed(1);
const ours: number[] = [];
const naive: number[] = [];
const hits: string[] = [];
for (const [i, query] of QUERIES.entries()) {
  await app.inject({ method: 'GET', url: `/api/catalogue/search?${query}`, headers: { cookie } }); // warm-up
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const response = await app.inject({ method: 'GET', url: `/api/catalogue/search?${query}`, headers: { cookie } });
    ours.push(performance.now() - t0);
    if (response.statusCode !== 200) throw new Error(`${query}: ${response.body}`);
    if (r === 0)
      hits.push(`${decodeURIComponent(query)} → ${response.json().total} hits, ${fmt(performance.now() - t0)} ms`);
    const t1 = performance.now();
    await uow.read((repos) => repos.catalogue.naiveSearch(NAIVE[i]!, 20));
    naive.push(performance.now() - t1);
  }
}

console.log(hits.join('\n'));
console.log(
  `search API (FTS + facets + typo fallback): p50 ${fmt(percentile(ours, 50))} ms, p95 ${fmt(percentile(ours, 95))} ms`,
);
console.log(
  `naive ILIKE scan (no facets):        p50 ${fmt(percentile(naive, 50))} ms, p95 ${fmt(percentile(naive, 95))} ms`,
);
console.log(
  `ratio p50 ${fmt(percentile(ours, 50) / percentile(naive, 50))}; target p95 < 100 ms: ${percentile(ours, 95) < 100 ? 'met' : 'NOT met'}`,
);

await database.db.execute(sql`DELETE FROM catalogue_solutions WHERE vendor LIKE 'Bench %'`);
await app.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
