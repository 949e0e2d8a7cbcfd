import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Whether this process runs the compiled server (`npm start`: dist/server/main.js, built by scripts/build.mjs) or
 * the TypeScript sources through tsx (tests, `npm run dev`, the CLI).
 */
export const COMPILED = fileURLToPath(import.meta.url).endsWith('.js');

/**
 * Starts a worker thread on `entry`, a `*.worker.ts` module given relative to its caller
 * (`new URL('./x.worker.ts', import.meta.url)`).
 *
 * Compiled, every worker is its own file beside main.js (scripts/build.mjs), so the thread runs plain JavaScript.
 * From the sources, Node 20 does not apply `--import tsx` from a worker's execArgv: the thread starts from a small
 * script that registers tsx's loader in its own thread and then imports the TypeScript entry. Paths are absolute,
 * so the working directory does not matter.
 */
export function startWorker(entry: URL): Worker {
  if (COMPILED) {
    const name = entry.pathname.slice(entry.pathname.lastIndexOf('/') + 1).replace(/\.ts$/, '.js');
    return new Worker(new URL(`./${name}`, import.meta.url));
  }
  // tsx's package maps `tsx/esm/api` to index.cjs for require() and to the index.mjs beside it for import.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const source = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(source, { eval: true });
}
