import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, runCommand, startServer, waitUntilReady } from '../../../test/support/processes.ts';
import { openDatabase } from './client.ts';
import { currentHolder, DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

const FRENCH = 'est déjà utilisée par un autre processus';

/** The process id of a process that has ended (and whose id no process has taken yet, most likely). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());
}

describe('the data folder lock, in one process', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'smart-rural-lock-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('is taken once: a second opening of the same folder is refused, with the holder named', () => {
    const release = lockDataDir(folder);
    try {
      expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
      try {
        lockDataDir(folder);
      } catch (error) {
        expect((error as Error).message).toContain(FRENCH);
        expect((error as Error).message).toContain(`n° ${process.pid}`);
        expect((error as Error).message).toContain('Nothing was changed.');
      }
    } finally {
      release();
    }
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    lockDataDir(folder)();
  });

  it('takes over a lock whose process has ended (kill -9 leaves it behind)', () => {
    writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...currentHolder(), pid: deadPid() }));
    const release = lockDataDir(folder);
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock whose process id now belongs to another process, or written before a reboot', () => {
    // This very process, but started at another time: the id was recycled.
    writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...currentHolder(), startTicks: '1' }));
    if (currentHolder().startTicks) lockDataDir(folder)();
    writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...currentHolder(), bootId: 'another-boot' }));
    if (currentHolder().bootId) lockDataDir(folder)();
    // The plain process id of older versions.
    writeFileSync(join(folder, LOCK_FILE), String(deadPid()));
    lockDataDir(folder)();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('refuses a lock held from another machine (a shared folder): it cannot tell that process has ended', () => {
    writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...currentHolder(), host: 'autre-serveur' }));
    expect(() => lockDataDir(folder)).toThrow(/autre-serveur/);
    expect(existsSync(join(folder, LOCK_FILE))).toBe(true);
    rmSync(join(folder, LOCK_FILE));
  });

  it('is released when the database closes, and kept while it is open', async () => {
    const database = await openDatabase({ dataDir: join(folder, 'db') });
    try {
      await expect(openDatabase({ dataDir: join(folder, 'db') })).rejects.toThrow(DataDirLockedError);
    } finally {
      await database.close();
    }
    const again = await openDatabase({ dataDir: join(folder, 'db') });
    await again.close();
  });
});

/**
 * The audit's finding: two `npm start` on one data folder both started and lost each other's writes. Real processes
 * here, on PGlite (the embedded database is what the lock protects; a PostgreSQL run skips it).
 */
describe.skipIf(inject('template').kind !== 'pglite')('two processes on one data folder', () => {
  let folder: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'smart-rural-two-'));
    // Start from the migrated template rather than an empty folder: initdb would cost ten seconds.
    const template = inject('template');
    if (template.kind !== 'pglite') return;
    const seeded = await openDatabase({
      dataDir: folder,
      loadDataDir: new Blob([await readFile(template.dumpFile)]),
    });
    await seeded.close();
    env = { DATA_DIR: folder, DATABASE_URL: '', HOST: '127.0.0.1', SEED_DEMO: 'false', NOTICES_INTERVAL_MINUTES: '0' };
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('a second server and the command line stop with a French message while the app runs, and change nothing', async () => {
    const port = await freePort();
    const first = startServer({ ...env, PORT: String(port) });
    try {
      await waitUntilReady(first);

      const second = startServer({ ...env, PORT: String(await freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain(FRENCH);
      expect(second.output()).toContain('Rien n’a été modifié.');

      const create = await runCommand(
        env,
        'users',
        'create',
        '--email',
        'second@idelux.be',
        '--name',
        'Second',
        '--role',
        'consultant',
      );
      expect(create.code).toBe(1);
      expect(create.output).toContain(FRENCH);

      // The first one is still serving.
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
    // Stopped cleanly, it released the folder: the command now runs, and the refused account was never made.
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
    const list = await runCommand(env, 'users', 'list');
    expect(list.code, list.output).toBe(0);
    expect(list.output).toContain('admin@localhost');
    expect(list.output).not.toContain('second@idelux.be');
  });

  it('a server killed with SIGKILL leaves a lock that the next process recognises as stale', async () => {
    const server = startServer({ ...env, PORT: String(await freePort()) });
    await waitUntilReady(server);
    server.child.kill('SIGKILL');
    await server.exited;
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')).pid).toBe(server.child.pid);

    const list = await runCommand(env, 'users', 'list');
    expect(list.code, list.output).toBe(0);
    expect(list.output).toContain('admin@localhost');
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });
});
