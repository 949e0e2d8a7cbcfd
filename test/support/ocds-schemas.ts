import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/**
 * Validators of OCDS 1.1.5 release and record packages with the extensions the exports use (decision 140): each
 * extension's `release-schema.json` is a JSON Merge Patch (RFC 7386) applied to the core release schema before
 * validating, as the OCDS extension mechanism says. `dir` holds the core schemas and `extensions/<name>/`: the copy the
 * project ships (test/fixtures/ocds) or the team's ../shared/data/ocds (conformance suite).
 */
export function ocdsValidators(dir: string) {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const extensionsDir = join(dir, 'extensions');
  const extensions = existsSync(extensionsDir) ? readdirSync(extensionsDir).sort() : [];
  let release = read('release-schema.json');
  for (const name of extensions) release = mergePatch(release, read(join('extensions', name, 'release-schema.json')));
  // strict: false because OCDS adds its own annotation keywords (codelist, openCodelist, omitWhenMerged, …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(release);
  ajv.addSchema(read('versioned-release-validation-schema.json'));
  const releasePackage = ajv.compile(read('release-package-schema.json'));
  const recordPackage = ajv.compile(read('record-package-schema.json'));
  const check = (validate: typeof releasePackage) => (pkg: unknown) => {
    const ok = validate(JSON.parse(JSON.stringify(pkg)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  };
  return {
    extensions,
    releasePackage,
    recordPackage,
    checkReleasePackage: check(releasePackage),
    checkRecordPackage: check(recordPackage),
  };
}

/** RFC 7386: objects merged member by member, null removes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}
