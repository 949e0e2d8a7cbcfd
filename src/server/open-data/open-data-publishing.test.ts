import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { rowsOf } from '../db/client.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import { publishedProject } from '../public/public-scenario.test-support.ts';

/** A lighting file as the public scenario's, under another reference. */
const lightingFile = (suffix: string) => ({
  nature: 'supplies',
  estimatedAmountExclVat: 180_000,
  launchDate: '2026-03-01',
  procedure: 'negotiated-direct-with-publication',
  framework: null,
  reference: `CSC 2026-F-012 ${suffix}`,
  steps: [
    { step: 'specifications', plannedDate: '2026-02-15', actualDate: '2026-02-20' },
    { step: 'publication', plannedDate: '2026-03-10' },
  ],
  vendorName: null,
  vendorEnterpriseNumber: null,
  awardAmountExclVat: null,
});

/**
 * What a change to a published project does to the open data: its figures as written, the OCDS appended by the
 * publishing job only. Each test changes a published project of its own, in a commune no other test here uses.
 */
describe('open data: a published project changes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('writes decimals with a comma in the spreadsheet CSV and a point in the plain one', async () => {
    const title = 'Éclairage public LED de Bastogne';
    const lighting = await publishedProject(t.app.services, { communeNis: '82003', title, reference: 'CSC-BAS-1' });
    await t.app.services.implementation.followUp.updateFollowUp(CLI_CONTEXT, lighting, {
      budget: [{ year: 2026, planned: 80_000.5, committed: 50_000, spent: 42_500.25 }],
    });
    const rows = parse((await t.anonymous.get('/api/open-data/datasets/projects/csv')).body, {
      bom: true,
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(rows.find((r) => r.projet === title)).toMatchObject({
      budget_prevu_eur: '80000,5',
      budget_depense_eur: '42500,25',
    });
    const plain = parse((await t.anonymous.get('/api/open-data/datasets/projects/csv-comma')).body, {
      columns: true,
    }) as Record<string, string>[];
    expect(plain.find((r) => r.projet === title)).toMatchObject({ budget_prevu_eur: '80000.5' });
  });

  it('reads the OCDS as published: a public GET writes nothing, the publishing job appends only what changed', async () => {
    const lighting = await publishedProject(t.app.services, {
      communeNis: '83028',
      title: 'Éclairage public LED de Hotton',
      reference: 'CSC 2026-F-012',
    });
    // Seeded through the services, not the API: publish as the job does after a change.
    await t.app.services.ocdsPublisher.publish();
    const count = async (table: 'ocds_releases' | 'audit_log') =>
      rowsOf<{ n: number }>(
        await t.app.services.uow.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      )[0]!.n;
    const published = async () =>
      (await t.anonymous.get('/api/open-data/datasets/procurement/ocds-releases')).json().releases as {
        id: string;
        tender?: { title?: string; status?: string };
      }[];
    const before = await published();
    // The file changes outside the API (no job queued): the public read still shows what was published.
    await t.app.services.implementation.procurement.saveProcurement(
      CLI_CONTEXT,
      lighting,
      lightingFile('bis') as never,
    );
    const [releases, audit] = [await count('ocds_releases'), await count('audit_log')];
    for (const format of ['ocds-releases', 'ocds-records']) {
      expect((await t.anonymous.get(`/api/open-data/datasets/procurement/${format}`)).statusCode).toBe(200);
    }
    for (const page of ['/api/open-data/datasets', '/api/open-data/catalog', '/api/open-data/datasets/projects/json']) {
      expect((await t.anonymous.get(page)).statusCode).toBe(200);
    }
    expect(await count('ocds_releases')).toBe(releases);
    expect(await count('audit_log')).toBe(audit);
    expect(await published()).toEqual(before);

    // The job publishes the change as one update release; run again on unchanged data, it adds nothing.
    await t.app.services.ocdsPublisher.publish();
    const after = await published();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(JSON.stringify(after.at(-1))).toContain('CSC 2026-F-012 bis');
    await t.app.services.ocdsPublisher.publish();
    expect(await published()).toEqual(after);
  });

  it('publishes a change made through the API a moment later, through the job queue', async () => {
    const lighting = await publishedProject(t.app.services, {
      communeNis: '85039',
      title: 'Éclairage public LED de Tintigny',
      reference: 'CSC 2026-F-012',
    });
    const consultant = await signedIn(t, 'consultant');
    const saved = await consultant.put(`/api/implementation/projects/${lighting}/procurement`, lightingFile('ter'));
    expect(saved.statusCode, saved.body).toBe(200);
    let body = '';
    for (let i = 0; i < 100 && !body.includes('CSC 2026-F-012 ter'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      body = (await t.anonymous.get('/api/open-data/datasets/procurement/ocds-releases')).body;
    }
    expect(body).toContain('CSC 2026-F-012 ter');
  });

  it('publishes a commune’s confirmed designation as the buyer’s new name, the earlier release unchanged', async () => {
    await publishedProject(t.app.services, {
      communeNis: '84075',
      title: 'Éclairage public LED de Wellin',
      reference: 'CSC 2026-F-012',
    });
    await t.app.services.ocdsPublisher.publish();
    const wellin = async () =>
      ((await t.anonymous.get('/api/open-data/datasets/procurement/ocds-releases')).json().releases as object[])
        .map((r) => JSON.stringify(r))
        .filter((r) => r.includes('Éclairage public LED de Wellin'));
    const before = await wellin();
    expect(before.join()).toContain('"name":"Commune de Wellin"');
    const admin = await signedIn(t, 'agency_admin');
    const confirmed = await admin.put('/api/communes/84075/official-designation', {
      title: 'ville',
      source: 'Exemple de test : décret fictif',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    let after = before;
    for (let i = 0; i < 100 && after.length === before.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await wellin();
    }
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.at(-1)).toContain('"name":"Ville de Wellin"');
  });
});
