import { describe, expect, it } from 'vitest';
import { completedProcurement, plannedCallOff } from './ocds.fixtures.ts';
import { buildReleasePackage } from './ocds.ts';
import { ProcurementProcedure } from './procurement.ts';

/**
 * The OCDS export against the official OCDS 1.1.5 release-package schema kept in ../shared/data/ocds/.
 *
 * needs ajv-draft-04: the OCDS schema is JSON Schema draft-04, which ajv 8 (installed through fastify) does not read
 * by itself. Add the devDependencies `ajv-draft-04` (1.0.0), `ajv` (8.x, its peer) and `ajv-formats` (3.x, for the
 * `date-time` and `uri` formats); until then this suite is skipped, and ocds.test.ts checks the structure and the
 * closed codelists by hand. The modules are loaded by name at run time so that type-checking does not depend on them.
 */

type ValidateFunction = ((data: unknown) => boolean) & { errors?: unknown[] | null };
type AjvInstance = {
  addSchema(schema: object): unknown;
  compile(schema: object): ValidateFunction;
};
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
type AddFormats = (ajv: AjvInstance) => unknown;

// The shared folder sits next to the checkout: /work/<checkout>/src/domain/implementation → /work/shared/data/ocds
const SCHEMA_DIR = new URL('../../../../shared/data/ocds/', import.meta.url);

async function importByName<T>(name: string): Promise<T | null> {
  try {
    const module = (await import(/* @vite-ignore */ name)) as { default: T };
    return module.default;
  } catch {
    return null;
  }
}

async function loadSchema(file: string): Promise<object | null> {
  try {
    const module = (await import(/* @vite-ignore */ new URL(file, SCHEMA_DIR).href)) as { default: object };
    return module.default;
  } catch {
    return null;
  }
}

async function packageValidator(): Promise<ValidateFunction | null> {
  const Ajv = await importByName<AjvConstructor>('ajv-draft-04');
  const addFormats = await importByName<AddFormats>('ajv-formats');
  const releaseSchema = await loadSchema('release-schema.json');
  const packageSchema = await loadSchema('release-package-schema.json');
  if (!Ajv || !addFormats || !releaseSchema || !packageSchema) return null;
  // strict: false because OCDS adds its own annotation keywords (codelist, openCodelist, omitWhenMerged, …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The package schema refers to the release schema by its absolute id.
  ajv.addSchema(releaseSchema);
  return ajv.compile(packageSchema);
}

const validate = await packageValidator();

describe.skipIf(!validate)('OCDS export against the OCDS 1.1.5 release-package schema (needs ajv-draft-04)', () => {
  const check = (pkg: unknown) => {
    const ok = validate!(JSON.parse(JSON.stringify(pkg)));
    expect(validate!.errors ?? [], JSON.stringify(validate!.errors, null, 2)).toEqual([]);
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
    expect(validate!(pkg)).toBe(false);
  });
});
