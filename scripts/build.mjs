#!/usr/bin/env node
// Builds what `npm start` runs, each part only when its sources changed since its last build:
//   - the web app (vite build → dist/web, with .br and .gz beside each file);
//   - the server (esbuild → dist/server/main.js and one file per worker thread, plus the migrations and the
//     reference data it reads at start), so production runs plain JavaScript, not a TypeScript loader.
// `node scripts/build.mjs [web|server|all] [--force]`. Plain JavaScript with Node's built-ins at the top level: the
// bundlers are imported only once the dependencies are installed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_ENTRY = join(root, 'dist', 'server', 'main.js');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether `output` is missing or older than any of `sources` (files or folders, relative to the root). */
function stale(stamp, output, sources) {
  if (!existsSync(output) || !existsSync(stamp)) return true;
  return Math.max(...sources.map((p) => newestMtime(join(root, p)))) > statSync(stamp).mtimeMs;
}

const BUILD_SCRIPT = relative(root, fileURLToPath(import.meta.url));

export function buildWeb({ force = false } = {}) {
  const stamp = join(root, 'dist', 'web', '.build-stamp');
  const sources = ['src/web', 'src/domain', 'vite.config.ts', 'package-lock.json', BUILD_SCRIPT];
  if (!force && !stale(stamp, join(root, 'dist', 'web', 'index.html'), sources)) return false;
  console.log("Construction de l'application web (vite build)…");
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

/** Every `*.worker.ts` of the server: each runs in its own thread, so each is an entry of its own. */
function workerEntries(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return workerEntries(path);
    return entry.name.endsWith('.worker.ts') ? [path] : [];
  });
}

export async function buildServer({ force = false } = {}) {
  const outdir = join(root, 'dist', 'server');
  const stamp = join(outdir, '.build-stamp');
  const sources = ['src/server', 'src/domain', 'package-lock.json', 'tsconfig.json', BUILD_SCRIPT];
  if (!force && !stale(stamp, SERVER_ENTRY, sources)) return false;
  console.log('Construction du serveur (esbuild)…');
  const esbuild = await import(pathToFileURL(join(root, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(root, 'src', 'server', 'main.ts'), ...workerEntries(join(root, 'src', 'server'))],
    // Flat: src/server/strategy/portfolio-solver.worker.ts → dist/server/portfolio-solver.worker.js, next to
    // main.js, where src/server/worker-thread.ts looks for it.
    entryNames: '[name]',
    outdir,
    bundle: true,
    // The dependencies stay in node_modules (PGlite's WebAssembly, pdfmake's fonts are found there).
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // esbuild runs as a service process: ended here, not kept beside the server for its whole life.
  await esbuild.stop();
  // Read from beside the code at start (import.meta.url): src/server/db/migrate.ts, communes/reference-data.ts.
  cpSync(join(root, 'src', 'server', 'db', 'migrations'), join(outdir, 'migrations'), { recursive: true });
  cpSync(join(root, 'src', 'server', 'communes', 'reference'), join(outdir, 'reference'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const what = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? 'all';
  const force = process.argv.includes('--force');
  if (what === 'web' || what === 'all') buildWeb({ force });
  if (what === 'server' || what === 'all') await buildServer({ force });
}
