/**
 * The OCDS export against the OCDS 1.1.5 release-package schema of ../shared/data/ocds (draft-04, hence ajv-draft-04).
 * Part of the conformance suite: it runs where the shared folder exists (CI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { completedProcurement, plannedCallOff } from '../../src/domain/implementation/ocds.fixtures.ts';
import { buildReleasePackage } from '../../src/domain/implementation/ocds.ts';
import { ProcurementProcedure } from '../../src/domain/implementation/procurement.ts';

const ocdsDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'ocds');

describe.skipIf(!existsSync(ocdsDir))('OCDS export against the OCDS 1.1.5 release-package schema', () => {
  const read = (file: string) => JSON.parse(readFileSync(join(ocdsDir, file), 'utf8'));
  // strict: false because OCDS adds its own annotation keywords (codelist, openCodelist, omitWhenMerged, …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(read('release-schema.json'));
  const validate = ajv.compile(read('release-package-schema.json'));

  const check = (pkg: unknown) => {
    const ok = validate(JSON.parse(JSON.stringify(pkg)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  };

  it('validates a file that went from planning to payments', () => {
    check(buildReleasePackage(completedProcurement));
  });

  it('validates a planned call-off under the framework agreement', () => {
    check(buildReleasePackage(plannedCallOff));
  });

  it('validates every Belgian procedure', () => {
    for (const procedure of ProcurementProcedure.options) {
      check(
        buildReleasePackage({
          ...completedProcurement,
          procedure,
          framework: procedure === 'framework-call-off' ? plannedCallOff.framework : undefined,
        }),
      );
    }
  });

  it('rejects a release with a tag outside the closed codelist (the validator is live)', () => {
    const pkg = JSON.parse(JSON.stringify(buildReleasePackage(plannedCallOff)));
    pkg.releases[0].tag = ['started'];
    expect(validate(pkg)).toBe(false);
  });
});
