import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, isAbsolute, join, relative } from 'node:path';
import { translate } from '../i18n/messages.ts';

/**
 * PGlite keeps its data in a folder that only one process may open: two processes on one folder each keep their own
 * copy of the pages in memory, lose each other's writes and can leave the folder unreadable. Opening the embedded
 * database takes this lock (decision 002), so a second server or a command run while the app serves stops with a
 * clear message before it touches anything.
 *
 * The lock is a file created atomically (hard link of a complete temporary file: it exists whole or not at all).
 * It names its holder precisely enough to tell, after a `kill -9` or a reboot, that the holder is gone: the machine,
 * the boot, the process id and, on Linux, the process's start time (a recycled process id is not the holder).
 * A stale lock is taken over under a short second lock, so two processes arriving together cannot both take it.
 */
export const LOCK_FILE = '.smart-rural.lock';

/** Who holds the lock, as written in the lock file. */
export type LockHolder = {
  pid: number;
  host: string;
  /** Linux's boot id: a lock written before the last reboot is stale. */
  bootId: string | null;
  /** Linux's start time of the process, in clock ticks since boot: tells a recycled process id from the holder. */
  startTicks: string | null;
  startedAt: string;
  command: string;
  /** Random, so a process releases only its own lock. */
  token: string;
};

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const params = {
      dataDir,
      pid: holder.pid,
      host: holder.host,
      command: holder.command,
      since: holder.startedAt.slice(0, 16).replace('T', ' '),
    };
    // Both languages: the operator reads it in a terminal, where the request language is unknown.
    super(`${translate('DATA_DIR_LOCKED', 'fr', params)}\n${translate('DATA_DIR_LOCKED', 'en', params)}`);
    this.name = 'DataDirLockedError';
  }
}

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
function readStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** What the process is, for the message the next one reads: the script and its subcommand, never its options. */
function describeCommand(): string {
  const [, script = 'node', ...args] = process.argv;
  const local = relative(process.cwd(), script);
  const words = [local.startsWith('..') || isAbsolute(local) ? basename(script) : local];
  for (const arg of args) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words.join(' ').slice(0, 120);
}

export function currentHolder(): LockHolder {
  return {
    pid: process.pid,
    host: hostname(),
    bootId: readBootId(),
    startTicks: readStartTicks(process.pid),
    startedAt: new Date().toISOString(),
    command: describeCommand(),
    token: randomBytes(12).toString('hex'),
  };
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the holder may still be running. A holder on another machine (a shared folder) cannot be checked from
 * here, so it counts as running: refusing is safe, taking over is not.
 */
export function holderIsRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  const bootId = readBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !processExists(holder.pid)) return false;
  if (holder.startTicks) {
    const ticks = readStartTicks(holder.pid);
    if (ticks && ticks !== holder.startTicks) return false;
  }
  return true;
}

/** The holder written in a lock file; null when there is no file; a lock of an older version gives only its pid. */
function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number') {
      return {
        pid: parsed.pid,
        host: parsed.host ?? hostname(),
        bootId: parsed.bootId ?? null,
        startTicks: parsed.startTicks ?? null,
        startedAt: parsed.startedAt ?? statSync(file).mtime.toISOString(),
        command: parsed.command ?? '?',
        token: parsed.token ?? '',
      };
    }
  } catch {
    // Not JSON: the plain process id an older version wrote, or nothing usable.
  }
  const pid = Number(text.trim());
  return {
    pid: Number.isInteger(pid) ? pid : 0,
    host: hostname(),
    bootId: null,
    startTicks: null,
    startedAt: statSync(file).mtime.toISOString(),
    command: '?',
    token: '',
  };
}

/** Creates `file` holding `holder`, atomically; false when it already exists. */
function createExclusive(file: string, holder: LockHolder): boolean {
  const temporary = `${file}.${holder.token}.tmp`;
  writeFileSync(temporary, JSON.stringify(holder));
  try {
    linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Start-up only: a few milliseconds while another process finishes taking over a stale lock. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

function sameHolder(a: LockHolder | null, b: LockHolder): boolean {
  return a !== null && a.pid === b.pid && a.token === b.token && a.startedAt === b.startedAt && a.host === b.host;
}

/**
 * Removes the stale lock `seen` unless another process changed the lock meanwhile. Only one process at a time does
 * this (under `<lock>.takeover`), and locks are only ever created whole, so the file it removes is the stale one.
 */
function removeStaleLock(file: string, seen: LockHolder, me: LockHolder): void {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, me)) {
    const other = readHolder(guard);
    // A process killed inside these few lines leaves its guard behind: remove it once its holder is gone.
    if (other && !holderIsRunning(other)) rmSync(guard, { force: true });
    else pause(20);
    return;
  }
  try {
    if (sameHolder(readHolder(file), seen)) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the data folder's lock for this process, or throws DataDirLockedError naming the process that holds it.
 * Returns the function that releases it (also run when the process exits normally).
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  const me = currentHolder();
  for (let attempt = 0; attempt < 50; attempt++) {
    if (createExclusive(file, me)) {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        if (sameHolder(readHolder(file), me)) rmSync(file, { force: true });
      };
      process.on('exit', release);
      return release;
    }
    const holder = readHolder(file);
    if (holder === null) continue;
    if (holderIsRunning(holder)) throw new DataDirLockedError(dataDir, holder);
    removeStaleLock(file, holder, me);
  }
  throw new DataDirLockedError(dataDir, readHolder(file) ?? me);
}
