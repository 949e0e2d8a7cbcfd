import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built web app (vite build output) the e2e servers serve. */
    webDist: string;
  }
}

/**
 * Builds the web app once for the whole e2e run into a temporary folder (never dist/web, which a developer may
 * be serving). E2E_WEB_DIST=<folder> reuses an existing build instead.
 */
export default async function setup(project: TestProject) {
  const reuse = process.env.E2E_WEB_DIST;
  if (reuse) {
    if (!existsSync(join(reuse, 'index.html'))) throw new Error(`E2E_WEB_DIST=${reuse} holds no index.html`);
    project.provide('webDist', resolve(reuse));
    return;
  }
  const outDir = await mkdtemp(join(tmpdir(), 'smart-rural-web-'));
  const started = Date.now();
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    build: { outDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  process.stdout.write(`e2e: web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  project.provide('webDist', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
