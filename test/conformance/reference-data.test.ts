/**
 * The project's own reference files must say what the shared data says. Runs where ../shared/data exists (CI).
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const shared = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const reference = resolve(import.meta.dirname, '..', '..', 'src', 'server', 'communes', 'reference');

describe.skipIf(!existsSync(shared))('reference data against ../shared/data', () => {
  const read = (file: string) =>
    parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];

  it('has the 44 communes with the same codes, names, arrondissements, populations and areas', () => {
    const ours = read(join(reference, 'communes.csv'));
    const theirs = read(join(shared, 'communes-luxembourg.csv'));
    expect(ours).toHaveLength(44);
    expect(
      ours.map((r) => [r.nis_code, r.name_fr, r.arrondissement, r.population, r.population_year, r.area_km2]),
    ).toEqual(
      theirs.map((r) => [r.nis_code, r.name_fr, r.arrondissement, r.population, r.population_year, r.area_km2]),
    );
    expect(ours.reduce((s, r) => s + Number(r.population), 0)).toBe(286_752);
  });

  it('is what the build script makes from the shared data, byte for byte', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'reference-'));
    const root = resolve(import.meta.dirname, '..', '..');
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'build-reference-data.ts'), shared, scratch],
      {
        cwd: root,
      },
    );
    for (const file of ['communes.csv', 'boundaries.geojson', 'belgium-communes.csv']) {
      expect(readFileSync(join(scratch, file), 'utf8'), file).toBe(readFileSync(join(reference, file), 'utf8'));
    }
  });

  it('validates the OCDS schemas are where the conformance suite expects them', () => {
    expect(JSON.parse(readFileSync(join(shared, 'ocds', 'release-schema.json'), 'utf8')).id).toContain('1__1__5');
  });
});
