/**
 * The open-data catalogue (database → service → /api/open-data/catalog) validated against the DCAT-AP 3.0.1 SHACL
 * shapes of ../shared/data/dcat-ap: no violation of the mandatory shapes and ranges; the recommended properties
 * missing are reported, not failed. Both serialisations hold the same graph. Runs where the shared folder exists
 * (CI); opens its own database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import jsonld from 'jsonld';
import { Parser, type Quad, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { seedCatalogueDemo } from '../../src/server/catalogue/catalogue-demo.ts';
import { seedReferenceData } from '../../src/server/communes/reference-data.ts';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client.ts';
import { applyMigrations } from '../../src/server/db/migrate.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { SECRETS, seedPublicScenario } from '../../src/server/public/public-scenario.test-support.ts';
import { testConfig } from '../support/test-app.ts';

const dcatDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'dcat-ap');

const parseTurtle = (text: string): Quad[] => new Parser({ format: 'text/turtle' }).parse(text);

describe.skipIf(!existsSync(dcatDir))('DCAT-AP catalogue against the DCAT-AP 3.0.1 SHACL shapes', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let turtle = '';

  const validate = async (shapeFiles: string[], data: Quad[]) => {
    const shapes = shapeFiles.flatMap((file) => parseTurtle(readFileSync(join(dcatDir, file), 'utf8')));
    const validator = new SHACLValidator(shapes as never);
    return validator.validate(new Store(data) as never);
  };
  const describeResults = (report: Awaited<ReturnType<typeof validate>>) =>
    report.results.map(
      (r) => `${r.focusNode?.value} ${r.path?.value ?? ''}: ${r.message.map((m) => m.value).join(' ')}`,
    );

  beforeAll(async () => {
    database = await openDatabase({ memory: true });
    await applyMigrations(database);
    await seedReferenceData(new UnitOfWork(database.db));
    app = await buildApp({
      config: testConfig(),
      database,
      logger: false,
      now: () => new Date('2026-11-30T09:00:00Z'),
    });
    await seedCatalogueDemo(app.services.catalogue, app.services.watch, new Date('2026-03-01'), CLI_CONTEXT);
    await seedPublicScenario(app.services, '');
    const response = await app.inject({ url: '/api/open-data/catalog', headers: { accept: 'text/turtle' } });
    expect(response.headers['content-type']).toMatch(/^text\/turtle/);
    turtle = response.body;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('has no violation of the mandatory shapes and the ranges', async () => {
    const report = await validate(['dcat-ap-SHACL.ttl', 'ranges.ttl'], parseTurtle(turtle));
    expect(describeResults(report)).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('lacks only the recommended properties it chose to leave out', async () => {
    const report = await validate(['shapes_recommended.ttl'], parseTurtle(turtle));
    const missing = [...new Set(report.results.map((r) => r.path?.value))].sort();
    console.info(`DCAT-AP recommended properties missing (${report.results.length} results):`, missing);
    // Left out on purpose (decision 120): the publisher's type, a distribution's availability, and a geometry of
    // the coverage (the NIS codes name the places).
    expect(missing).toEqual(
      [
        'http://data.europa.eu/r5r/availability',
        'http://purl.org/dc/terms/type',
        'http://www.w3.org/ns/dcat#bbox',
        'http://www.w3.org/ns/dcat#centroid',
      ].sort(),
    );
  });

  it('holds one dataset per dataset, and nothing unpublished', async () => {
    const quads = parseTurtle(turtle);
    const datasets = quads.filter(
      (q) =>
        q.predicate.value.endsWith('22-rdf-syntax-ns#type') && q.object.value === 'http://www.w3.org/ns/dcat#Dataset',
    );
    expect(datasets).toHaveLength(5);
    for (const secret of [SECRETS.unpublishedProject, SECRETS.draftObjective, SECRETS.privateNeed]) {
      expect(turtle).not.toContain(secret);
    }
  });

  it('says the same in JSON-LD as in Turtle', async () => {
    const response = await app.inject({ url: '/api/open-data/catalog' });
    expect(response.headers['content-type']).toMatch(/^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(response.json(), { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Parser({ format: 'application/n-quads' }).parse(nquads);
    expect(fromJsonLd.length).toBe(parseTurtle(turtle).length);
    const report = await validate(['dcat-ap-SHACL.ttl', 'ranges.ttl'], fromJsonLd);
    expect(describeResults(report)).toEqual([]);
  });

  it('catches a catalogue without a title (the validator is live)', async () => {
    const broken = parseTurtle(turtle).filter(
      (q) =>
        !(q.subject.value.endsWith('/api/open-data/catalog') && q.predicate.value === 'http://purl.org/dc/terms/title'),
    );
    const report = await validate(['dcat-ap-SHACL.ttl'], broken);
    expect(report.conforms).toBe(false);
  });
});
