/**
 * The OCDS schemas the project ships in test/fixtures/ocds (used by the browser journey, which must run without the
 * shared folder) are exact copies of the team's ../shared/data/ocds. Runs where the shared folder exists (CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const shared = resolve(root, '..', 'shared', 'data', 'ocds');
const shipped = join(root, 'test', 'fixtures', 'ocds');

describe.skipIf(!existsSync(shared))('the shipped OCDS 1.1.5 schemas', () => {
  it.each([
    'release-schema.json',
    'release-package-schema.json',
    'record-package-schema.json',
    'versioned-release-validation-schema.json',
    'extensions/techniques/release-schema.json',
    'extensions/techniques/extension.json',
    'extensions/techniques/LICENSE',
  ])('%s equals the shared copy byte for byte', (file) => {
    expect(readFileSync(join(shipped, file)).equals(readFileSync(join(shared, file)))).toBe(true);
  });

  it('ship with the Apache-2.0 licence of their source', () => {
    const licence = readFileSync(join(shipped, 'LICENSE'), 'utf8');
    expect(licence).toContain('Apache License');
    expect(licence).toContain('Version 2.0');
    expect(JSON.parse(readFileSync(join(shipped, 'release-package-schema.json'), 'utf8')).id).toContain('1__1__5');
  });
});
