import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from './cli.test-support.ts';

describe('smart-rural analyse needs', () => {
  let folder: string;
  const file = async (name: string, content: string | Buffer) => {
    const path = join(folder, name);
    await writeFile(path, content);
    return path;
  };
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'smart-rural-needs-'));
  });

  it('groups needs written differently by two communes, and leaves alone what matches nothing', async () => {
    const input = await file(
      'needs.csv',
      [
        'id;nis_code;title;description;category',
        'a;81001;Remplacer les lampadaires par des LED;Les vieux lampadaires consomment trop;',
        'b;81004;Éclairage public intelligent;"Moduler l’intensité, la nuit";',
        'c;83012;Fête du village;Organiser les festivités;',
        'd;82036;Défibrillateurs accessibles;Installer des défibrillateurs automatiques dans chaque village;',
        'e;85039;Achat de défibrillateurs automatiques;Équiper les villages de défibrillateurs;',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await run('analyse', 'needs', '--input', input);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.groups.map((g: { needs: string[] }) => g.needs.sort())).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
    expect(result.groups[0]).toMatchObject({ communes: ['81001', '81004'], label: 'Éclairage public intelligent' });
    expect(result.groups[1].reason).toContain('défibrillateurs');
  }, 60_000);

  it('names bad lines and exits with code 2', async () => {
    const input = await file('bad.csv', 'id,nis_code,title,description\nx,123,,\n');
    const { code, stderr } = await run('analyse', 'needs', '--input', input);
    expect(code).toBe(2);
    expect(stderr).toContain('line 2: nis_code "123" is not a five-digit NIS code');
    expect(stderr).toContain('line 2: title is empty');
    const missing = await run('analyse', 'needs', '--input', join(folder, 'none.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
