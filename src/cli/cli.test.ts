import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshDatabaseEnv, seededDatabaseEnv } from '../../test/support/test-database.ts';
import { runWith } from './cli.test-support.ts';

/** A database of the test's own, removed once the test is over: empty, or migrated and holding the communes. */
async function databaseEnv(kind: 'empty' | 'seeded'): Promise<NodeJS.ProcessEnv> {
  const { env, cleanup } = kind === 'empty' ? await freshDatabaseEnv() : await seededDatabaseEnv();
  onTestFinished(() => cleanup());
  return env;
}

/** A folder of the test's own for backup files, removed once the test is over. */
async function backupFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'smart-rural-backup-'));
  onTestFinished(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

/** Aubange's editor, created through the command as an operator would. */
async function aubangeEditor(env: NodeJS.ProcessEnv): Promise<void> {
  const argv = ['users', 'create', '--email', 'ed@aubange.be', '--name', 'Éd', '--role', 'commune_editor'];
  const created = await runWith(env, ...argv, '--commune', '81004');
  expect(created.code, created.stderr).toBe(0);
}

// Each test runs the command on a database of its own, so that it passes alone and in any order.
describe('the smart-rural command', () => {
  it('has --help on each command', async () => {
    const env = await databaseEnv('empty');
    for (const argv of [
      [],
      ['migrate'],
      ['seed'],
      ['users'],
      ['users', 'create'],
      ['users', 'list'],
      ['users', 'disable'],
      ['backup'],
      ['restore'],
    ]) {
      const { code, stdout } = await runWith(env, ...argv, '--help');
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout).toContain('Usage: smart-rural');
    }
  });

  it('migrates and seeds the communes', async () => {
    const env = await databaseEnv('empty');
    expect((await runWith(env, 'migrate')).code).toBe(0);
    const seeded = await runWith(env, 'seed');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('seeded 44 communes (44 with a boundary) and 1 reference sites');
  });

  it('creates, lists and disables users', async () => {
    const env = await databaseEnv('seeded');
    const created = await runWith(
      env,
      'users',
      'create',
      '--email',
      'ed@aubange.be',
      '--name',
      'Éd',
      '--role',
      'commune_editor',
      '--commune',
      '81004',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      /created commune_editor ed@aubange.be \(Aubange\)\npassword \(shown once\): [\w-]{24}/,
    );
    const listed = await runWith(env, 'users', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ email: 'ed@aubange.be', communeNis: '81004', disabled: false }),
    ]);
    expect((await runWith(env, 'users', 'disable', 'ed@aubange.be')).code).toBe(0);
    expect(JSON.parse((await runWith(env, 'users', 'list', '--json')).stdout)[0].disabled).toBe(true);
  });

  it('refuses bad input with a message and an error code, writing nothing', async () => {
    const env = await databaseEnv('seeded');
    await aubangeEditor(env);
    const bad = await runWith(
      env,
      'users',
      'create',
      '--email',
      'not-an-email',
      '--name',
      'X',
      '--role',
      'commune_viewer',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('email');
    expect(bad.stderr).toContain('communeNis');
    const unknownCommune = await runWith(
      env,
      'users',
      'create',
      '--email',
      'x@x.be',
      '--name',
      'X',
      '--role',
      'commune_viewer',
      '--commune',
      '99999',
    );
    expect(unknownCommune.code).toBe(1);
    expect(unknownCommune.stderr).toContain('99999');
    expect((await runWith(env, 'users', 'disable', 'nobody@x.be')).stderr).toContain(
      'no account with the e-mail nobody@x.be',
    );
    const weak = ['users', 'create', '--email', 'marc@x.be', '--name', 'Marc', '--role', 'consultant'];
    const refused = await runWith(env, ...weak, '--password', 'password1234');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('this password is one of the most common');
    const inFrench = await runWith({ ...env, LANG: 'fr_BE.UTF-8' }, ...weak, '--password', 'marc@x.be-2026');
    expect(inFrench.stderr).toContain('ce mot de passe reprend le nom ou l’adresse e-mail du compte');
    expect(JSON.parse((await runWith(env, 'users', 'list', '--json')).stdout)).toHaveLength(1);
    expect((await runWith(env, 'nonsense')).code).toBe(2);
  });

  it('backs up and restores all data, gzip or plain', async () => {
    const env = await databaseEnv('seeded');
    await aubangeEditor(env);
    const folder = await backupFolder();
    for (const file of [join(folder, 'copy.json.gz'), join(folder, 'copy.json')]) {
      const backup = await runWith(env, 'backup', file);
      expect(backup.code, backup.stderr).toBe(0);
      expect(
        (
          await runWith(
            env,
            'users',
            'create',
            '--email',
            `tmp${file.length}@x.be`,
            '--name',
            'Tmp',
            '--role',
            'consultant',
          )
        ).code,
      ).toBe(0);
      const restored = await runWith(env, 'restore', file);
      expect(restored.code, restored.stderr).toBe(0);
      expect(
        JSON.parse((await runWith(env, 'users', 'list', '--json')).stdout).map((u: { email: string }) => u.email),
      ).toEqual(['ed@aubange.be']);
    }
    const plain = JSON.parse(await readFile(join(folder, 'copy.json'), 'utf8'));
    expect(plain.format).toBe('smart-rural-backup');
  });

  it('refuses a file that is not a backup, changing nothing', async () => {
    const env = await databaseEnv('seeded');
    await aubangeEditor(env);
    const folder = await backupFolder();
    const file = join(folder, 'not-a-backup.json');
    await writeFile(file, '{"hello": "world"}');
    const result = await runWith(env, 'restore', file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a Smart Rural backup file');
    expect(JSON.parse((await runWith(env, 'users', 'list', '--json')).stdout)).toHaveLength(1);
  });
});
