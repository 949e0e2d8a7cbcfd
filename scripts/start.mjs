#!/usr/bin/env node
// `npm start`: installs what is missing, builds the web app and the server when their sources changed, then serves
// the app.
// Plain JavaScript with Node's built-ins only: it must run on a fresh clone before anything is installed.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './install.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// 1. Dependencies: the same decision as `npm test` (scripts/install.mjs).
ensureDependencies(root);

// 2. The web app and the server, each rebuilt only when its sources changed (scripts/build.mjs).
const { buildServer, buildWeb, SERVER_ENTRY } = await import('./build.mjs');
buildWeb();
await buildServer();

// 3. The server, compiled JavaScript: migrations, reference data and first accounts happen as it starts.
// --expose-gc: the server collects its start-up garbage once it listens (src/server/main.ts).
// --max-semi-space-size=2: V8's young generation grows to 32 MB during the start-up and an idle server kept it;
// capped at 2 MB semi-spaces it stays under 5 MB (−35 MB resident, bench/memory.ts). bench/memory.ts runs the same flags.
const server = spawn(process.execPath, ['--expose-gc', '--max-semi-space-size=2', SERVER_ENTRY], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
