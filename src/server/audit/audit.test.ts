import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';

describe('the audit log', () => {
  let t: TestApp;
  let admin: Client;
  let editor: Client;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login(await t.createUser('agency_admin'));
    editor = await t.login(await t.createUser('commune_editor', '81001'));
    await editor.patch('/api/communes/81001', { description: 'Première version' });
    await editor.patch('/api/communes/81001', { description: 'Deuxième version' });
  });
  afterAll(() => t.close());

  it('shows who changed what, with before and after, newest first', async () => {
    const page = (await admin.get('/api/audit?action=commune.update')).json();
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({
      actorEmail: editor.user!.email,
      entityType: 'commune',
      entityId: '81001',
      communeNis: '81001',
      before: expect.objectContaining({ description: 'Première version' }),
      after: expect.objectContaining({ description: 'Deuxième version' }),
    });
    expect(new Date(page.items[0].at).getTime()).toBeGreaterThanOrEqual(new Date(page.items[1].at).getTime());
  });

  it('filters by actor, commune, date and pages', async () => {
    const byActor = (await admin.get(`/api/audit?actor=${encodeURIComponent(editor.user!.email.slice(0, 10))}`)).json();
    expect(byActor.items.every((e: { actorEmail: string }) => e.actorEmail === editor.user!.email)).toBe(true);
    expect((await admin.get('/api/audit?communeNis=81004')).json().total).toBe(0);
    expect((await admin.get('/api/audit?from=2000-01-01&to=2000-12-31')).json().total).toBe(0);
    const paged = (await admin.get('/api/audit?pageSize=1&page=2')).json();
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(2);
    const facets = (await admin.get('/api/audit/facets')).json();
    expect(facets.actions).toEqual(expect.arrayContaining(['auth.login', 'commune.update', 'user.create']));
  });

  it('is for agency admins only', async () => {
    expect((await editor.get('/api/audit')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/audit')).statusCode).toBe(401);
  });
});
