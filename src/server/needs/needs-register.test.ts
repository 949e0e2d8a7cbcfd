import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';

const ARLON = '81001';
const AUBANGE = '81004';

/**
 * A commune's needs register: entering a need, who reads it, finding it, refusing bad input. Each test enters the
 * needs it reads; no test of this file enters one for Aubange, whose editor therefore reads an empty register.
 */
describe('needs register', () => {
  let t: TestApp;
  let consultant: Client;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
  });
  afterAll(() => t.close());

  it('a commune editor records a need of their commune, and only of theirs; its viewers read it', async () => {
    const arlonEditor = await make.signedIn(t, 'commune_editor', ARLON);
    const arlonViewer = await make.signedIn(t, 'commune_viewer', ARLON);
    const aubangeEditor = await make.signedIn(t, 'commune_editor', AUBANGE);
    const created = await arlonEditor.post('/api/needs', {
      communeNis: ARLON,
      title: 'Remplacer les lampadaires par des LED',
      description: 'Les lampadaires au sodium du centre consomment trop.',
      dimensions: ['environment'],
      category: 'public-lighting',
      urgency: 'high',
      estimatedBudget: 120000,
      timeframe: 'short',
      source: 'meeting',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ communeName: 'Arlon', urgency: 'high', permissions: { edit: true } });
    const other = await arlonEditor.post('/api/needs', { communeNis: AUBANGE, title: 'Wi-Fi' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');

    const seen = (await arlonViewer.get('/api/needs')).json();
    expect(seen.map((n: { title: string }) => n.title)).toContain('Remplacer les lampadaires par des LED');
    expect(seen[0].permissions.edit).toBe(false);
    expect((await aubangeEditor.get('/api/needs')).json()).toEqual([]);
    expect((await aubangeEditor.get(`/api/needs/${created.json().id}`)).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/needs')).statusCode).toBe(401);

    const edited = await arlonEditor.patch(`/api/needs/${created.json().id}`, { estimatedBudget: 95000 });
    expect(edited.json().estimatedBudget).toBe(95000);
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: created.json().id, page: 1, pageSize: 50 }),
    );
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['need.create', 'need.update']);
  });

  it('finds needs by their French words, whatever the accents and plurals', async () => {
    await make.need(await make.signedIn(t, 'commune_editor', ARLON), {
      communeNis: ARLON,
      title: 'Remplacer les lampadaires par des LED',
    });
    const found = (await consultant.get(`/api/needs?q=${encodeURIComponent('LAMPADAIRE')}`)).json();
    expect(found.map((n: { communeNis: string }) => n.communeNis)).toContain(ARLON);
  });

  it('rejects bad input with a 400 naming the field, and writes nothing', async () => {
    const response = await consultant.post('/api/needs', { communeNis: ARLON, title: 'X', category: 'teleportation' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('category');
  });
});
