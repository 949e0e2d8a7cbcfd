#!/usr/bin/env node
// `npm test`: unit and integration tests (on PGlite, or on the PostgreSQL server of DATABASE_URL), the
// conformance suite when ../shared/data is there, then the browser tests when Chromium is installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A fresh clone has no node_modules yet: install as `npm start` does (scripts/install.mjs).
ensureDependencies(root);
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const extra = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function vitestRun(projects) {
  const args = [vitest, 'run', ...projects.flatMap((p) => ['--project', p]), ...extra];
  console.log(
    `\n▶ vitest ${projects.join(', ')}${process.env.DATABASE_URL ? ' (PostgreSQL: DATABASE_URL)' : ' (PGlite)'}`,
  );
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const projects = ['unit', 'integration'];
if (existsSync(join(root, '..', 'shared', 'data'))) projects.push('conformance');
vitestRun(projects);

if (existsSync(chromium)) {
  vitestRun(['e2e']);
} else if (process.env.REQUIRE_BROWSER_TESTS === '1') {
  console.error(`Browser tests are required but no Chromium was found at ${chromium} (apt-get install -y chromium).`);
  process.exit(1);
} else {
  console.log(`\nBrowser tests skipped: no Chromium at ${chromium} (apt-get install -y chromium to run them).`);
}
