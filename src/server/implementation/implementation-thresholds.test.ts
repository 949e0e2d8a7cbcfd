import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';

/** The agency's table of procurement thresholds: edited and trimmed by admins only, never left with a gap. */
describe('implementation: the thresholds table', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
  });
  afterAll(() => t.close());

  it('lets an admin edit the thresholds, validated and audited', async () => {
    const admin = await signedIn(t, 'agency_admin');
    const consultant = await signedIn(t, 'consultant');
    const current = (await admin.get('/api/implementation/thresholds')).json();
    expect(current.map((p: { validFrom: string }) => p.validFrom)).toEqual(['2024-01-01', '2026-01-01']);
    const table = current.map(({ updatedAt: _, ...p }: { updatedAt: string }) => p);
    const overlapping = structuredClone(table);
    overlapping[1].validFrom = '2025-06-01';
    const refused = await admin.put('/api/implementation/thresholds', overlapping);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/chevauchent/);
    const disordered = structuredClone(table);
    disordered[1].values.lowValue = 200_000;
    expect((await admin.put('/api/implementation/thresholds', disordered)).statusCode).toBe(400);
    const edited = structuredClone(table);
    edited[1].values.lowValue = 31_000;
    const ok = await admin.put('/api/implementation/thresholds', edited);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()[1].values.lowValue).toBe(31_000);
    const audit = (await admin.get('/api/audit?action=procurement_thresholds.update')).json();
    expect(JSON.stringify(audit)).toContain('31000');
    expect((await consultant.put('/api/implementation/thresholds', edited)).statusCode).toBe(403);
  });
  it('deletes a period of thresholds only at the ends of the table and never the one in force today', async () => {
    const admin = await signedIn(t, 'agency_admin');
    const consultant = await signedIn(t, 'consultant');
    const table = (await admin.get('/api/implementation/thresholds'))
      .json()
      .map(({ updatedAt: _, ...p }: { updatedAt: string }) => p);
    const today = (await admin.get('/api/implementation/alerts')).json().today as string;
    const inForce = table.find(
      (p: { validFrom: string; validTo: string }) => p.validFrom <= today && today <= p.validTo,
    );
    const later = { ...structuredClone(table.at(-1)), validFrom: '2030-01-01', validTo: '2031-12-31' };
    const muchLater = { ...structuredClone(table.at(-1)), validFrom: '2032-01-01', validTo: '2033-12-31' };
    expect((await admin.put('/api/implementation/thresholds', [...table, later, muchLater])).statusCode).toBe(200);

    const current = await admin.delete(`/api/implementation/thresholds/${inForce.validFrom}`);
    expect(current.statusCode).toBe(422);
    expect(current.json().error).toMatchObject({ code: 'THRESHOLD_PERIOD_IN_FORCE' });
    expect(current.json().error.message).toMatch(/en vigueur aujourd’hui/);
    const gap = await admin.delete('/api/implementation/thresholds/2030-01-01');
    expect(gap.statusCode).toBe(422);
    expect(gap.json().error.code).toBe('THRESHOLD_PERIOD_LEAVES_GAP');
    expect((await admin.delete('/api/implementation/thresholds/2029-02-03')).statusCode).toBe(404);
    expect((await consultant.delete('/api/implementation/thresholds/2032-01-01')).statusCode).toBe(403);
    expect((await admin.get('/api/implementation/thresholds')).json()).toHaveLength(table.length + 2);

    for (const from of ['2032-01-01', '2030-01-01']) {
      const ok = await admin.delete(`/api/implementation/thresholds/${from}`);
      expect(ok.statusCode, ok.body).toBe(200);
    }
    const after = (await admin.get('/api/implementation/thresholds')).json();
    expect(after.map((p: { validFrom: string }) => p.validFrom)).toEqual(
      table.map((p: { validFrom: string }) => p.validFrom),
    );
    const audit = (await admin.get('/api/audit?action=procurement_thresholds.delete')).json();
    expect(JSON.stringify(audit)).toContain('2030-01-01');
  });
});
