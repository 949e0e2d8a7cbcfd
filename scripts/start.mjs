#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web app and the server when their sources changed, then serves
// the app.
// Plain JavaScript with Node's built-ins only: it must run on a fresh clone before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// 1. Dependencies: a fresh clone gets exactly the locked versions; a changed lock file is installed again.
const installedLock = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installedLock)) {
  console.log('Installation des dépendances (npm ci)…');
  run(npm, ['ci', '--no-audit', '--no-fund']);
} else if (statSync(join(root, 'package-lock.json')).mtimeMs > statSync(installedLock).mtimeMs) {
  console.log('Mise à jour des dépendances (npm install)…');
  run(npm, ['install', '--no-audit', '--no-fund']);
}

// 2. The web app and the server, each rebuilt only when its sources changed (scripts/build.mjs).
const { buildServer, buildWeb, SERVER_ENTRY } = await import('./build.mjs');
buildWeb();
await buildServer();

// 3. The server, compiled JavaScript: migrations, reference data and first accounts happen as it starts.
// --expose-gc: the server collects its start-up garbage once it listens (src/server/main.ts).
const server = spawn(process.execPath, ['--expose-gc', SERVER_ENTRY], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
