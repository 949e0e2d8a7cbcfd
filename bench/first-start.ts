/**
 * The first start with and without the demo (issue 11): the same preparation a fresh `npm start` runs (migrations,
 * reference data, first accounts) on a new PGlite data folder, once with SEED_DEMO=false (the baseline) and once with
 * the demo, in the same run; then a warm start on the demo's folder (what every later `npm start` pays).
 *
 *   npx tsx bench/first-start.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import type { DemoSummary } from '../src/server/demo/seed-demo.ts';
import { prepareDatabase } from '../src/server/setup.ts';

async function start(dataDir: string, seedDemo: boolean) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, SEED_DEMO: String(seedDemo) });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const database = await openDatabase({ dataDir });
  let demo: DemoSummary | null = null;
  await prepareDatabase(database, config, { onDemo: (summary) => (demo = summary) });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await database.close();
  // CPU time of this process too: on a shared machine the wall-clock time mostly measures the others' load.
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, demo: demo as DemoSummary | null };
}

const folders = await Promise.all([1, 2].map(() => mkdtemp(join(tmpdir(), 'smart-rural-first-start-'))));
try {
  const bare = await start(folders[0]!, false);
  const withDemo = await start(folders[1]!, true);
  const warm = await start(folders[1]!, true);
  const demo = withDemo.demo!;
  const row = (label: string, r: { seconds: number; cpuSeconds: number }, ratio = '') =>
    console.log(`| ${label} | ${r.seconds.toFixed(1)}${ratio} | ${r.cpuSeconds.toFixed(1)} |`);
  console.log('| case | seconds | CPU seconds |\n| --- | ---: | ---: |');
  row('first start, SEED_DEMO=false (baseline)', bare);
  row('first start with the demo', withDemo, ` (× ${(withDemo.seconds / bare.seconds).toFixed(1)})`);
  console.log(
    `| of which the demo's load (${demo.missions} missions, ${demo.needs} needs) | ${demo.seconds.toFixed(1)} | |`,
  );
  row('warm start on the demo’s data', warm);
} finally {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
}
