// The one install step of `npm start` and `npm test`: each must work first on a fresh clone, so both call this
// before they load anything from node_modules. Plain JavaScript with Node's built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * What to install, from the facts on disk (mtimes in ms, null when the file is missing): nothing, `npm ci` (exactly
 * the locked versions) or `npm install` (no lock file yet). Install when node_modules is missing, or when the lock
 * file is newer than the copy npm keeps of what it installed (node_modules/.package-lock.json).
 * @param {{ nodeModules: boolean, lock: number | null, installedLock: number | null }} facts
 * @returns {null | { command: 'ci' | 'install', reason: 'missing' | 'lock-changed' }}
 */
export function installDecision({ nodeModules, lock, installedLock }) {
  const command = lock === null ? 'install' : 'ci';
  if (!nodeModules || installedLock === null) return { command, reason: 'missing' };
  if (lock !== null && lock > installedLock) return { command, reason: 'lock-changed' };
  return null;
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : null;
}

/** Installs the dependencies when needed (see installDecision); stops the process if npm fails. */
export function ensureDependencies(cwd = root) {
  const decision = installDecision({
    nodeModules: existsSync(join(cwd, 'node_modules')),
    lock: mtime(join(cwd, 'package-lock.json')),
    installedLock: mtime(join(cwd, 'node_modules', '.package-lock.json')),
  });
  if (!decision) return;
  console.log(
    decision.reason === 'missing'
      ? `Installation des dépendances (npm ${decision.command})…`
      : `Mise à jour des dépendances : package-lock.json a changé (npm ${decision.command})…`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [decision.command, '--no-audit', '--no-fund'], {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
