#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web app when its sources changed, then serves the app.
// Plain JavaScript with Node's built-ins only: it must run on a fresh clone before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

// 1. Dependencies: the same decision as `npm test` (scripts/install.mjs).
ensureDependencies(root);

// 2. The web app, rebuilt only when its sources are newer than the last build.
const stamp = join(root, 'dist', 'web', '.build-stamp');
const sources = ['src/web', 'src/domain', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
if (!existsSync(join(root, 'dist', 'web', 'index.html')) || Math.max(...sources) > newestMtime(stamp)) {
  console.log("Construction de l'application web (vite build)…");
  run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  writeFileSync(stamp, new Date().toISOString());
}

// 3. The server: migrations, reference data and first accounts happen as it starts.
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
