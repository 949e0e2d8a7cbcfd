import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { auditLog, communes } from '../db/schema/index.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { seedReferenceData } from './reference-data.ts';

/** Issue 12: each commune's official designation, with its source, confirmed by the agency's admins. */
describe('official designation of a commune', () => {
  let t: TestApp;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
  });
  afterAll(() => t.close());

  const designationAudits = (nisCode: string) =>
    t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'commune.official_designation'), eq(auditLog.entityId, nisCode)));

  it('shows the reference designation with its source, verified or « à vérifier »', async () => {
    const arlon = (await t.anonymous.get('/api/communes/81001')).json();
    expect(arlon).toMatchObject({ officialName: "Ville d'Arlon", officialNameVerified: true });
    expect(arlon.officialDesignation.source).toMatch(/Liste des villes de Belgique/);
    expect(arlon.officialDesignation.checkedAt).toBeNull();
    const martelange = (await t.anonymous.get('/api/communes/81013')).json();
    expect(martelange).toMatchObject({ officialName: 'Commune de Martelange', officialNameVerified: false });
    expect(martelange.officialDesignation.source).toMatch(/^À vérifier/);
    const list: { nisCode: string; officialNameVerified: boolean }[] = (await t.anonymous.get('/api/communes')).json();
    expect(list.filter((c) => c.officialNameVerified).length).toBeGreaterThanOrEqual(13);
    expect(list.find((c) => c.nisCode === '81013')?.officialNameVerified).toBe(false);
    expect(arlon.permissions.editDesignation).toBe(false);
  });

  it('lets an admin confirm it with its source: the name follows the title, the change is audited, the list shows it', async () => {
    const page = (await admin.get('/api/communes/84035')).json();
    expect(page.permissions.editDesignation).toBe(true);
    const before = page.officialName;
    const response = await admin.put('/api/communes/84035/official-designation', {
      title: 'commune',
      source: 'Courrier de la commune à l’agence, 3 décembre 2026',
    });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail.officialName).toBe(before);
    expect(detail.officialNameVerified).toBe(true);
    expect(detail.officialDesignation.source).toBe('Courrier de la commune à l’agence, 3 décembre 2026');
    expect(Date.parse(detail.officialDesignation.checkedAt)).not.toBeNaN();
    const [audit] = await designationAudits('84035');
    expect(audit?.before).toMatchObject({ verified: false });
    expect(audit?.after).toMatchObject({ verified: true, officialName: before });
    const list: { nisCode: string; officialNameVerified: boolean }[] = (await admin.get('/api/communes')).json();
    expect(list.find((c) => c.nisCode === '84035')?.officialNameVerified).toBe(true);
  });

  it('writes « Ville de … » for a commune that holds the title, and the reference data no longer overwrites it', async () => {
    const response = await admin.put('/api/communes/85024/official-designation', {
      title: 'ville',
      source: 'Décret du Parlement wallon (exemple de test)',
    });
    expect(response.statusCode).toBe(200);
    const name = response.json().officialName as string;
    expect(name).toMatch(/^Ville d/);
    await seedReferenceData(new UnitOfWork(t.database.db));
    const [row] = await t.database.db.select().from(communes).where(eq(communes.nisCode, '85024'));
    expect(row).toMatchObject({ officialName: name, officialNameVerified: true });
    expect(row?.officialNameSource).toBe('Décret du Parlement wallon (exemple de test)');
  });

  it('refuses a missing source, an unknown title or an unknown commune, and changes nothing', async () => {
    const cases = [
      { url: '/api/communes/81013/official-designation', body: { title: 'ville', source: '  ' }, status: 400 },
      { url: '/api/communes/81013/official-designation', body: { title: 'cité', source: 'Décret' }, status: 400 },
      { url: '/api/communes/81013/official-designation', body: { title: 'ville' }, status: 400 },
      { url: '/api/communes/99999/official-designation', body: { title: 'ville', source: 'Décret' }, status: 404 },
    ];
    for (const c of cases) {
      const response = await admin.put(c.url, c.body);
      expect(response.statusCode, JSON.stringify(c.body)).toBe(c.status);
      expect(response.json().error.code).toBeTypeOf('string');
    }
    const french = await admin.request({
      method: 'PUT',
      url: '/api/communes/81013/official-designation',
      headers: { 'accept-language': 'fr-BE' },
      payload: { title: 'ville', source: '' },
    });
    expect(JSON.stringify(french.json())).toMatch(/source/);
    const martelange = (await admin.get('/api/communes/81013')).json();
    expect(martelange).toMatchObject({ officialName: 'Commune de Martelange', officialNameVerified: false });
    expect(await designationAudits('81013')).toHaveLength(0);
  });
});
