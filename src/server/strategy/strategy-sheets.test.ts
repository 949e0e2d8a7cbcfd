import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import type { ProjectSheet } from '../../domain/strategy/project-sheets.ts';
import type { StrategyState } from '../../domain/strategy/strategy-api.ts';
import { auditLog, projectSheets } from '../db/schema/index.ts';
import { CLI_CONTEXT } from '../http/request-context.ts';
import {
  aubangeMission,
  fiveSheets,
  idsOf,
  scoredStrategy,
  startedStrategy,
  strategyOf,
  strategyPeople,
  strategyUrl,
  strategyWithSheets,
} from './strategy.test-support.ts';

/**
 * A mission's strategy started and its project sheets, as a consultant writes them for Aubange and the commune
 * follows them: links to the SWOT and the needs, dependencies and exclusions, comments; bad input refused, nothing
 * written. Each test starts its own mission.
 */
describe('strategy: start and project sheets', () => {
  let t: TestApp;
  let consultant: Client & { user: TestUser };
  let aubangeEditor: Client;
  let aubangeViewer: Client;
  let arlonEditor: Client;
  const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    ({ consultant, aubangeEditor, aubangeViewer, arlonEditor } = await strategyPeople(t));
  });
  afterAll(() => t.close());

  it('starts with the default criteria and three horizons, once', async () => {
    const missionId = await aubangeMission(consultant);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const before = await state();
    expect(before.started).toBe(false);
    expect(before.criteria).toEqual([]);
    const started = (await consultant.post(base())).json() as StrategyState;
    expect(started.started).toBe(true);
    expect(started.criteria.map((c) => c.name)).toEqual([
      'Impact pour les citoyens',
      'Alignement avec le diagnostic',
      'Coût d’investissement',
      'Faisabilité',
      'Risque',
      'Potentiel de mutualisation',
      'Ouverture et interopérabilité',
    ]);
    expect(started.criteria.reduce((s, c) => s + c.normalisedWeight, 0)).toBeCloseTo(1, 12);
    expect(started.criteria.find((c) => c.source === 'investmentCost')).toMatchObject({ direction: 'min' });
    // From the mission's start (January 2026), the medium term ending with the legislature.
    expect(started.horizons.map((h) => [h.key, h.startYear, h.endYear, h.budget])).toEqual([
      ['short', 2026, 2027, 0],
      ['medium', 2028, 2030, 0],
      ['long', 2031, 2032, 0],
    ]);
    expect(started.permissions).toEqual({ edit: true, comment: true });
    const audits = await auditCount();
    expect(((await consultant.post(base())).json() as StrategyState).criteria).toHaveLength(7);
    expect(await auditCount(), 'starting again changes nothing').toBe(audits);
  });

  it('creates five project sheets with costs, funding, dependencies and exclusions', async () => {
    const missionId = await startedStrategy(consultant);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const create = async (body: Record<string, unknown>) => {
      const response = await consultant.post(`${strategyUrl(missionId)}/projects`, body);
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as ProjectSheet;
    };
    const { sensors, airQuality, ...sheets } = await fiveSheets(consultant, missionId, create);
    expect(sensors).toMatchObject({
      earliestHorizon: 'medium',
      durationMonths: 18,
      swotItemIds: [airQuality],
      needRefs: ['BES-2026-014'],
      status: 'draft',
      mandatory: false,
    });
    const s = await state();
    expect(s.projects).toHaveLength(5);
    // Exclusions read both ways.
    expect(s.projects.find((p) => p.id === sheets.app.id)!.excludes).toEqual([sheets.kiosk.id]);
  });

  it('creates a draft sheet from a SWOT item of the diagnostic, and follows the item when SWOT items merge', async () => {
    const { missionId } = await strategyWithSheets(consultant);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const swot = async (text: string) =>
      (
        await consultant.post(`/api/missions/${missionId}/swot`, {
          category: 'threat',
          text,
          dimensions: ['living', 'people'],
        })
      ).json() as { id: string };
    const isolation = await swot('Isolement des personnes âgées dans les villages');
    const response = await consultant.post(`${base()}/projects/from-swot`, { swotItemId: isolation.id });
    expect(response.statusCode, response.body).toBe(201);
    const sheet = response.json() as ProjectSheet;
    expect(sheet).toMatchObject({
      title: 'Parer à : isolement des personnes âgées dans les villages',
      description: 'Répond à l’élément AFOM (menace) : « Isolement des personnes âgées dans les villages »',
      dimensions: ['living', 'people'],
      swotItemIds: [isolation.id],
      status: 'draft',
    });

    // Merged into another item, the SWOT item the sheet answered lives on as the merged item.
    const solitude = await swot('Solitude des aînés');
    const merged = await consultant.post(`/api/missions/${missionId}/swot/merge`, {
      itemIds: [solitude.id, isolation.id],
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const project = (await state()).projects.find((p) => p.id === sheet.id)!;
    expect(project.swotItemIds).toEqual([solitude.id]);

    expect((await consultant.delete(`/api/strategy/projects/${sheet.id}`)).statusCode).toBe(204);
    expect((await state()).projects).toHaveLength(5);
  });

  it('links a sheet to needs of its commune’s register, and refuses another commune’s', async () => {
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const need = async (communeNis: string, title: string) => {
      const response = await consultant.post('/api/needs', { communeNis, title, description: '', source: 'meeting' });
      expect(response.statusCode, response.body).toBe(201);
      return (response.json() as { id: string }).id;
    };
    const aubange = await need('81004', 'Wi-Fi gratuit sur les places des villages');
    const arlon = await need('81001', 'Wi-Fi public au centre-ville');
    const before = await auditCount();
    const refused = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { needIds: [aubange, arlon] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'NEED_UNKNOWN' });
    expect(await auditCount()).toBe(before);

    const linked = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { needIds: [aubange] });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await state()).projects.find((p) => p.id === ids.wifi)!.needIds).toEqual([aubange]);
    // The commune's editor reads the link from the commune's own register.
    expect((await state(aubangeEditor)).projects.find((p) => p.id === ids.wifi)!.needIds).toEqual([aubange]);
  });

  it('refuses a SWOT item of another mission or none, writing nothing', async () => {
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const before = await auditCount();
    const unknown = await consultant.post(`${base()}/projects/from-swot`, {
      swotItemId: '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c',
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'SWOT_ITEM_UNKNOWN' });
    const linked = await consultant.patch(`/api/strategy/projects/${ids.fibre}`, {
      swotItemIds: ['0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c'],
    });
    expect(linked.statusCode, linked.body).toBe(400);
    expect(await auditCount()).toBe(before);
    expect((await state()).projects).toHaveLength(5);
  });

  it('refuses a dependency cycle (422 PROJECT_DEPENDENCY_CYCLE naming the projects), writing nothing', async () => {
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const before = await auditCount();
    const response = await consultant.patch(`/api/strategy/projects/${ids.fibre}`, { requires: [ids.wifi] });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('PROJECT_DEPENDENCY_CYCLE');
    expect(response.json().error.message).toContain('« Fibre optique des bâtiments communaux »');
    expect(response.json().error.message).toContain('« Wi-Fi public sur les places »');
    expect(await auditCount()).toBe(before);
    expect((await state()).projects.find((p) => p.id === ids.fibre)!.requires).toEqual([]);
  });

  it('refuses bad sheets with 400 naming the field, writing nothing', async () => {
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const before = await auditCount();
    const unknown = await consultant.post(`${base()}/projects`, {
      title: 'X',
      requires: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('PROJECT_REFERENCE_UNKNOWN');
    const negative = await consultant.post(`${base()}/projects`, { title: 'X', investmentCost: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details[0].field).toBe('investmentCost');
    const dimension = await consultant.post(`${base()}/projects`, { title: 'X', dimensions: ['tourism'] });
    expect(dimension.json().error.details[0].field).toBe('dimensions.0');
    const both = await consultant.patch(`/api/strategy/projects/${ids.wifi}`, { excludes: [ids.fibre] });
    expect(both.json().error.code).toBe('PROJECT_REQUIRES_EXCLUDED');
    expect(await auditCount()).toBe(before);
    expect(
      (await t.database.db.select({ n: count() }).from(projectSheets).where(eq(projectSheets.missionId, missionId)))[0]!
        .n,
    ).toBe(5);
  });

  it('lets the commune read the strategy, its editors comment, and nobody of another commune in', async () => {
    const { missionId, sheets } = await strategyWithSheets(consultant);
    const ids = idsOf(sheets);
    const base = () => strategyUrl(missionId);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    const seen = await state(aubangeViewer);
    expect(seen.projects).toHaveLength(5);
    expect(seen.permissions).toEqual({ edit: false, comment: false });
    expect((await state(aubangeEditor)).permissions).toEqual({ edit: false, comment: true });
    expect((await aubangeEditor.patch(`/api/strategy/projects/${ids.app}`, { title: 'Mine' })).statusCode).toBe(403);
    expect((await arlonEditor.get(base())).statusCode).toBe(403);

    const posted = await aubangeEditor.post(`/api/strategy/projects/${ids.app}/comments`, {
      body: 'Le collège souhaite une version en néerlandais.',
    });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json()).toEqual([
      expect.objectContaining({ body: 'Le collège souhaite une version en néerlandais.', canDelete: true }),
    ]);
    expect((await aubangeViewer.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'x' })).statusCode).toBe(
      403,
    );
    const comments = (await aubangeViewer.get(`/api/strategy/projects/${ids.app}/comments`)).json();
    expect(comments[0].canDelete).toBe(false);
    expect((await state()).projects.find((p) => p.id === ids.app)!.commentCount).toBe(1);
    // The author, or agency staff, may delete it; another commune user may not.
    expect((await consultant.delete(`/api/strategy/comments/${comments[0].id}`)).statusCode).toBe(204);
    const mine = (
      await aubangeEditor.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'Je retire ma remarque.' })
    ).json();
    const staffs = (await consultant.post(`/api/strategy/projects/${ids.app}/comments`, { body: 'Noté.' })).json();
    const staffComment = staffs.find((c: { body: string }) => c.body === 'Noté.');
    expect((await aubangeEditor.delete(`/api/strategy/comments/${staffComment.id}`)).statusCode).toBe(403);
    expect((await arlonEditor.delete(`/api/strategy/comments/${mine[0].id}`)).statusCode).toBe(403);
    expect((await aubangeEditor.delete(`/api/strategy/comments/${mine[0].id}`)).statusCode).toBe(204);
    await consultant.delete(`/api/strategy/comments/${staffComment.id}`);
  });

  it('a mission starting in December plans from the next year', async () => {
    const december = await t.app.services.missions.create(CLI_CONTEXT, {
      title: 'Habay Smart',
      communeNis: '85046',
      consultantIds: [consultant.user.id],
      startDate: '2026-12-01',
    });
    const before = (await consultant.get(`/api/missions/${december.id}/strategy`)).json() as StrategyState;
    const started = (await consultant.post(`/api/missions/${december.id}/strategy`)).json() as StrategyState;
    for (const horizons of [before.horizons, started.horizons]) {
      expect(horizons.map((h) => `${h.startYear}–${h.endYear}`)).toEqual(['2027–2028', '2029–2030', '2031–2032']);
    }
  });

  it('deletes a project sheet with its links', async () => {
    const { missionId, sheets } = await scoredStrategy(consultant);
    const ids = idsOf(sheets);
    const state = (client: Client = consultant) => strategyOf(client, missionId);
    expect((await consultant.delete(`/api/strategy/projects/${ids.fibre}`)).statusCode).toBe(204);
    const s = await state();
    expect(s.projects.find((p) => p.id === ids.wifi)!.requires).toEqual([]);
    expect(s.evaluations.some((e) => e.projectId === ids.fibre)).toBe(false);
    expect((await consultant.delete(`/api/strategy/projects/${ids.fibre}`)).statusCode).toBe(404);
  });
});
