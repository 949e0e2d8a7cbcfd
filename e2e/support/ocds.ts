import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'ocds');

/** A validator of OCDS release packages against the OCDS 1.1.5 schema shipped in test/fixtures/ocds. */
export async function ocdsReleasePackageValidator() {
  const schema = async (file: string) => JSON.parse(await readFile(join(FIXTURES, file), 'utf8'));
  // strict: false because OCDS adds its own annotation keywords (codelist, openCodelist, …).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(await schema('release-schema.json'));
  return ajv.compile(await schema('release-package-schema.json'));
}
