import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import type { Client, TestApp, TestUser } from '../../../test/support/test-app.ts';
import { createTestApp } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../../domain/diagnostic/guides.ts';
import type { TargetsView } from '../../domain/diagnostic/targets.ts';
import { seedCatalogueDemo } from '../catalogue/catalogue-demo.ts';
import { auditLog } from '../db/schema/index.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';

const LIVING = GUIDE_FR_V1.dimensions.find((d) => d.key === 'living')!;
const MOBILITY = GUIDE_FR_V1.dimensions.find((d) => d.key === 'mobility')!;
const BROADBAND = LIVING.factors[0]!.key;

describe('targets and gaps', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };
  let editor: Client;
  let viewer: Client;
  let otherEditor: Client;
  let missionId: string;
  let url: string;

  const view = async (client: Client) => {
    const response = await client.get(url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TargetsView;
  };
  const audits = async (action: string) =>
    (
      await t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, action)))
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await make.signedIn(t, 'consultant');
    editor = await make.signedIn(t, 'commune_editor', '81001');
    viewer = await make.signedIn(t, 'commune_viewer', '81001');
    otherEditor = await make.signedIn(t, 'commune_editor', '85039');
    await seedCatalogueDemo(t.app.services.catalogue, t.app.services.watch, new Date(), CLI_CONTEXT);
    missionId = (await make.mission(consultant, { communeNis: '81001' })).id;
    url = `/api/missions/${missionId}/targets`;
    // One interview answering every question at level 1: every factor's score is 1.
    const heard = await make.interview(consultant, missionId);
    const answers = questionsInOrder(GUIDE_FR_V1).map(({ question }) => ({ questionKey: question.key, level: 1 }));
    const answered = await consultant.patch(`/api/missions/${missionId}/interviews/${heard.id}`, { answers });
    expect(answered.statusCode, answered.body).toBe(200);
  }, 60_000);
  afterAll(() => t.close());

  it('shows each factor’s score without a gap before any target', async () => {
    const before = await view(viewer);
    expect(before.targets).toEqual([]);
    expect(before.scaleMax).toBe(4);
    expect(before.factors.find((f) => f.factorKey === BROADBAND)).toMatchObject({
      mean: 1,
      gaps: { short: null, medium: null, long: null },
      closedBy: [],
    });
    expect(before.permissions).toEqual({ edit: false, linkSheets: false });
    expect(before.horizons.map((h) => h.key)).toEqual(['short', 'medium', 'long']);
  });

  it('lets the commune’s editor set the targets with the agency, audited, and gives the gap per factor', async () => {
    expect((await view(editor)).permissions.edit).toBe(true);
    const written = await audits('diagnostic.targets');
    const saved = await editor.put(url, {
      targets: [
        { dimension: 'living', horizon: 'short', level: 2 },
        { dimension: 'living', horizon: 'long', level: 3.5 },
        { dimension: 'mobility', horizon: 'medium', level: 3 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const result = saved.json() as TargetsView;
    expect(result.factors.find((f) => f.factorKey === BROADBAND)!.gaps).toEqual({ short: 1, medium: null, long: 2.5 });
    for (const factor of MOBILITY.factors) {
      expect(result.factors.find((f) => f.factorKey === factor.key)!.gaps).toEqual({
        short: null,
        medium: 2,
        long: null,
      });
    }
    expect(await audits('diagnostic.targets')).toBe(written + 1);
    expect((await view(viewer)).targets).toHaveLength(3);
  });

  it('refuses targets off the scale or lower later, in French, and writes nothing', async () => {
    const written = await audits('diagnostic.targets');
    const aboveScale = await consultant.put(url, { targets: [{ dimension: 'economy', horizon: 'short', level: 4.5 }] });
    expect(aboveScale.statusCode).toBe(400);
    expect(aboveScale.json().error.details[0]).toMatchObject({ field: 'targets.0.level', code: 'TARGET_ABOVE_SCALE' });
    expect(aboveScale.json().error.details[0].message).toContain('échelle du guide (4)');
    const lower = await consultant.put(url, {
      targets: [
        { dimension: 'economy', horizon: 'short', level: 3 },
        { dimension: 'economy', horizon: 'long', level: 2 },
      ],
    });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.details[0]).toMatchObject({ field: 'targets.1.level' });
    const notHalf = await consultant.put(url, { targets: [{ dimension: 'economy', horizon: 'short', level: 2.3 }] });
    expect(notHalf.statusCode).toBe(400);
    expect(await audits('diagnostic.targets')).toBe(written);
    expect((await view(consultant)).targets).toHaveLength(3);
  });

  it('refuses the viewer and another commune’s editor', async () => {
    const body = { targets: [] };
    expect((await viewer.put(url, body)).statusCode).toBe(403);
    expect((await otherEditor.put(url, body)).statusCode).toBe(403);
    expect((await otherEditor.get(url)).statusCode).toBe(403);
  });

  it('points each dimension with a gap to the catalogue, and the watch for agency staff only', async () => {
    const watched = await consultant.post('/api/watch/items', {
      title: 'Bornes de recharge partagées',
      sourceUrl: 'https://example.org/veille/bornes',
      publishedOn: '2026-01-15',
      summary: 'Des bornes de recharge mutualisées entre communes voisines.',
      categories: ['ev-charging'],
      recommendation: 'assess',
    });
    expect(watched.statusCode, watched.body).toBe(201);
    const staff = (await view(consultant)).pointers.find((p) => p.dimension === 'mobility')!;
    expect(staff.categories).toContain('ev-charging');
    expect(staff.solutions.map((s) => s.name)).toContain('Mobi’Rural');
    expect(staff.watch.map((w) => w.title)).toContain('Bornes de recharge partagées');
    const commune = (await view(viewer)).pointers.find((p) => p.dimension === 'mobility')!;
    expect(commune.solutions.length).toBeGreaterThan(0);
    expect(commune.watch).toEqual([]);
    // No target for the economy: no gap, nothing to point to.
    expect((await view(consultant)).pointers.map((p) => p.dimension)).toEqual(['living', 'mobility']);
  });

  it('says which gaps a project sheet closes, and which no sheet closes', async () => {
    const started = await consultant.post(`/api/missions/${missionId}/strategy`);
    expect(started.statusCode, started.body).toBe(200);
    const sheet = await make.projectSheet(consultant, missionId, { title: 'Fibre dans les villages' });
    const link = `/api/missions/${missionId}/strategy/projects/${sheet.id}/gaps`;
    expect((await view(consultant)).permissions.linkSheets).toBe(true);
    expect((await editor.put(link, { factorKeys: [BROADBAND] })).statusCode).toBe(403);

    const written = await audits('strategy.project.gaps');
    const linked = await consultant.put(link, { factorKeys: [BROADBAND] });
    expect(linked.statusCode, linked.body).toBe(200);
    const after = linked.json() as TargetsView;
    expect(after.factors.find((f) => f.factorKey === BROADBAND)!.closedBy).toEqual([
      { projectId: sheet.id, title: 'Fibre dans les villages' },
    ]);
    expect(await audits('strategy.project.gaps')).toBe(written + 1);
    // The other living factors still have their short-term gap, closed by no sheet.
    const open = after.factors.filter((f) => f.dimension === 'living' && f.closedBy.length === 0);
    expect(open.length).toBe(LIVING.factors.length - 1);

    const unknown = await consultant.put(link, { factorKeys: ['teleportation'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0]).toMatchObject({ field: 'factorKeys.0', code: 'GAP_FACTOR_UNKNOWN' });
    const elsewhere = (await make.mission(consultant, { communeNis: '81001', title: 'Autre mission' })).id;
    expect(
      (await consultant.put(`/api/missions/${elsewhere}/strategy/projects/${sheet.id}/gaps`, { factorKeys: [] }))
        .statusCode,
    ).toBe(404);

    // Unlinking forgets the link; deleting the sheet would too (cascade).
    const cleared = (await consultant.put(link, { factorKeys: [] })).json() as TargetsView;
    expect(cleared.factors.find((f) => f.factorKey === BROADBAND)!.closedBy).toEqual([]);
  });
});
