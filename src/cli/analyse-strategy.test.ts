import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hydroelectricSites } from '../domain/strategy/strategy-fixtures.test-support.ts';
import { run } from './cli.test-support.ts';

/** `smart-rural analyse rank|portfolio`: the formats on stdout, input errors on stderr with exit code 2. */
describe('smart-rural analyse', () => {
  let folder: string;
  const file = async (name: string, content: unknown) => {
    const path = join(folder, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'smart-rural-analyse-'));
  });

  it('has --help', async () => {
    for (const argv of [['analyse'], ['analyse', 'rank'], ['analyse', 'portfolio']]) {
      const { code, stdout } = await run(...argv, '--help');
      expect(code, argv.join(' ')).toBe(0);
      expect(stdout).toContain('Usage: smart-rural analyse');
    }
  });

  it('rank prints the PROMETHEE II ranking of the published hydroelectric example', async () => {
    const { code, stdout, stderr } = await run(
      'analyse',
      'rank',
      '--input',
      await file('hydro.json', hydroelectricSites),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['ranking']);
    expect(output.ranking.map((r: { id: string }) => r.id)).toEqual([
      'a5-austria',
      'a2-belgium',
      'a4-sweden',
      'a6-france',
      'a3-germany',
      'a1-italy',
    ]);
    expect(Object.keys(output.ranking[0])).toEqual(['id', 'phiPlus', 'phiMinus', 'phi', 'rank']);
  });

  it('portfolio prints status, objective, plan and the greedy objective', async () => {
    const input = await file('portfolio.json', {
      horizons: [
        { id: 'short', budget: 10, valueFactor: 1 },
        { id: 'medium', budget: 10, valueFactor: 0.8 },
      ],
      projects: [
        { id: 'museum app', value: 12, cost: 10 },
        { id: 'wifi', value: 6, cost: 6 },
        { id: 'bins', value: 4, cost: 4, excludes: ['museum app'] },
      ],
      locks: [{ projectId: 'wifi', horizonId: 'short' }],
    });
    const { code, stdout } = await run('analyse', 'portfolio', '--input', input);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['status', 'objective', 'plan', 'greedyObjective']);
    expect(output).toMatchObject({ status: 'optimal', objective: 6 + 0.8 * 12 });
    expect(output.plan).toEqual([
      { id: 'wifi', horizon: 'short' },
      { id: 'museum app', horizon: 'medium' },
    ]);
  });

  it('portfolio takes the optional phasing and carry-over (issue 13)', async () => {
    const problem = {
      horizons: [
        { id: 'short', budget: 100_000, valueFactor: 1 },
        { id: 'medium', budget: 100_000, valueFactor: 0.85 },
      ],
      projects: [
        { id: 'flagship', value: 90, cost: 150_000 },
        { id: 'small', value: 20, cost: 10_000 },
      ],
    };
    const plain = JSON.parse((await run('analyse', 'portfolio', '--input', await file('plain.json', problem))).stdout);
    expect(plain.plan).toEqual([{ id: 'small', horizon: 'short' }]);
    const carried = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('carried.json', { ...problem, carryOver: true }),
    );
    expect(carried.code).toBe(0);
    expect(JSON.parse(carried.stdout).plan).toContainEqual({ id: 'flagship', horizon: 'medium' });
    const phased = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('phased.json', { ...problem, projects: [{ ...problem.projects[0], phasing: [0.6, 0.4] }] }),
    );
    expect(JSON.parse(phased.stdout).plan).toEqual([{ id: 'flagship', horizon: 'short' }]);
  });

  it('names the cause of bad input on stderr, exit code 2, no stack trace', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['malformed.json', '{"criteria": [', /is not valid JSON/],
      ['shape.json', { criteria: [{ id: 'c', direction: 'up' }] }, /criteria\.0\.direction/],
      [
        'unknown.json',
        {
          criteria: [{ id: 'c', direction: 'max', weight: 1, preference: { type: 'usual' } }],
          alternatives: [{ id: 'a', values: { d: 2 } }],
        },
        /RANK_UNKNOWN_CRITERION.*"d"/,
      ],
      [
        'thresholds.json',
        {
          criteria: [{ id: 'c', direction: 'max', weight: 1, preference: { type: 'linear', q: 5, p: 1 } }],
          alternatives: [{ id: 'a', values: { c: 2 } }],
        },
        /RANK_PREFERENCE_THRESHOLDS_ORDER/,
      ],
    ];
    for (const [name, content, message] of cases) {
      const { code, stdout, stderr } = await run('analyse', 'rank', '--input', await file(name, content));
      expect(code, name).toBe(2);
      expect(stdout, name).toBe('');
      expect(stderr, name).toMatch(message);
      expect(stderr, name).not.toMatch(/\n\s+at /);
    }
    const missing = await run('analyse', 'rank', '--input', join(folder, 'missing.json'));
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
  });

  it('a dependency cycle, an unknown project or an infeasible portfolio: exit code 2 naming the cause', async () => {
    const horizons = [{ id: 'h', budget: 10, valueFactor: 1 }];
    const cycle = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('cycle.json', {
        horizons,
        projects: [
          { id: 'a', value: 1, cost: 1, requires: ['b'] },
          { id: 'b', value: 1, cost: 1, requires: ['a'] },
        ],
      }),
    );
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('PROJECT_DEPENDENCY_CYCLE');
    expect(cycle.stderr).toContain('a → b → a');

    const unknown = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('unknown-project.json', { horizons, projects: [{ id: 'a', value: 1, cost: 1, excludes: ['z'] }] }),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/PORTFOLIO_UNKNOWN_PROJECT.*"z"/);

    const infeasible = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('infeasible.json', {
        horizons,
        projects: [{ id: 'town hall network', value: 3, cost: 15, mandatory: true }],
      }),
    );
    expect(infeasible.code).toBe(2);
    expect(JSON.parse(infeasible.stdout)).toEqual({
      status: 'infeasible',
      objective: null,
      plan: [],
      greedyObjective: 0,
    });
    expect(infeasible.stderr).toContain('Mandatory project "town hall network" costs 15');

    const badOption = await run(
      'analyse',
      'portfolio',
      '--input',
      await file('ok.json', { horizons, projects: [] }),
      '--time-limit',
      'soon',
    );
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--time-limit');
  });
});
