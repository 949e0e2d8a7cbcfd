/**
 * The OCDS export of a procurement file kept in the app (database → service → JSON), validated against the OCDS 1.1.5
 * release-package schema of ../shared/data/ocds. Runs where the shared folder exists (CI); opens its own database.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectSheetCreateInput } from '../../src/domain/strategy/project-sheets.ts';
import { buildApp } from '../../src/server/app.ts';
import { seedCatalogueDemo } from '../../src/server/catalogue/catalogue-demo.ts';
import { seedReferenceData } from '../../src/server/communes/reference-data.ts';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/client.ts';
import { applyMigrations } from '../../src/server/db/migrate.ts';
import { UnitOfWork } from '../../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../../src/server/http/request-context.ts';
import { testConfig } from '../support/test-app.ts';

const ocdsDir = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'ocds');

describe.skipIf(!existsSync(ocdsDir))('OCDS export of a stored procurement file', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const read = (file: string) => JSON.parse(readFileSync(join(ocdsDir, file), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(read('release-schema.json'));
  const validate = ajv.compile(read('release-package-schema.json'));
  const check = (pkg: unknown) => {
    const ok = validate(JSON.parse(JSON.stringify(pkg)));
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  };

  let projectId = '';
  let callOffId = '';

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
    const s = app.services;
    const mission = await s.missions.create(CLI_CONTEXT, {
      title: 'Libramont-Chevigny Smart',
      communeNis: '84077',
      consultantIds: [],
      startDate: '2026-01-15',
    });
    await s.missions.update(CLI_CONTEXT, mission.id, { phase: 'implementation' });
    const sheet = (title: string) =>
      s.strategy.sheets.createProject(
        CLI_CONTEXT,
        mission.id,
        ProjectSheetCreateInput.parse({ title, status: 'approved' }),
      );
    projectId = (await sheet('Télégestion de l’éclairage public')).id;
    callOffId = (await sheet('Guichet citoyen en ligne')).id;
    await s.implementation.items.addMilestone(CLI_CONTEXT, projectId, {
      title: 'Installation',
      dueDate: '2026-09-30',
      owner: null,
      doneDate: '2026-09-25',
    });
    await s.implementation.procurement.saveProcurement(CLI_CONTEXT, projectId, {
      nature: 'supplies',
      estimatedAmountExclVat: 180_000,
      launchDate: '2026-02-01',
      procedure: 'negotiated-direct-with-publication',
      framework: null,
      reference: 'CSC 2026-F-012',
      steps: [
        { step: 'specifications', actualDate: '2026-02-03' },
        { step: 'publication', actualDate: '2026-02-10' },
        { step: 'offers-received', actualDate: '2026-03-16' },
        { step: 'evaluation', actualDate: '2026-04-02' },
        { step: 'award', actualDate: '2026-04-14' },
        { step: 'notification', actualDate: '2026-04-16' },
        { step: 'contract', actualDate: '2026-04-16' },
      ],
      vendorName: 'Lumière Ardenne SRL',
      vendorEnterpriseNumber: '0712.345.678',
      awardAmountExclVat: 168_420.5,
    });
    await seedCatalogueDemo(s.catalogue, s.watch, new Date('2026-01-10T00:00:00Z'));
    const listed = await s.catalogue.list(CLI_CONTEXT.actor, { status: ['listed'] });
    const guichet = listed.find((solution) => solution.name === 'Guichet Citoyen')!;
    await s.implementation.procurement.saveProcurement(CLI_CONTEXT, callOffId, {
      nature: 'services',
      estimatedAmountExclVat: 24_000,
      launchDate: '2026-05-01',
      procedure: 'framework-call-off',
      framework: { solutionId: guichet.id, lotId: guichet.lots[0]!.lotId, callOffId: null },
      reference: null,
      steps: [{ step: 'specifications', plannedDate: '2026-05-15' }],
      vendorName: null,
      vendorEnterpriseNumber: null,
      awardAmountExclVat: null,
    });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('validates a file that went to its contract, with the project’s milestones', async () => {
    const pkg = await app.services.implementation.procurement.ocds(
      CLI_CONTEXT.actor,
      projectId,
      'https://smart-rural.example.be',
    );
    check(pkg);
    const tags = pkg.releases.flatMap((r) => r.tag);
    expect(tags).toEqual(expect.arrayContaining(['planning', 'tender', 'award', 'contract']));
    expect(JSON.stringify(pkg)).toContain('Lumière Ardenne SRL');
  });

  it('validates a planned call-off under the framework agreement', async () => {
    const pkg = await app.services.implementation.procurement.ocds(
      CLI_CONTEXT.actor,
      callOffId,
      'https://smart-rural.example.be',
    );
    check(pkg);
    // The framework the call-off is made under is named from the catalogue: solution, lot and agreement.
    expect(JSON.stringify(pkg)).toContain(
      'Guichet Citoyen — lot 1 « Services en ligne aux citoyens », accord-cadre IDELUX-SMART-2026-DEMO',
    );
  });
});
