import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { ARLON, type DiagnosticPeople, diagnosticPeople, missionOf, TINTIGNY } from './diagnostic.test-support.ts';

type GuideModel = typeof GUIDE_FR_V1 & { dimensions: { factors: { questions: unknown[] }[] }[] };

/** Version 2 of the reference guide as the admin edits it: a question on shared bikes added, a factor of « living » gone. */
function secondVersion(draft: GuideModel): GuideModel {
  const model = structuredClone(draft);
  model.dimensions[1]!.factors[0]!.questions.push({
    key: 'mobility_new_question',
    text: 'La commune propose-t-elle un service de vélos partagés ?',
    levels: [0, 1, 2, 3, 4].map((level) => ({ level, descriptor: `Niveau ${level}.` })),
  });
  model.dimensions[0]!.factors.splice(1, 1);
  return model;
}

/** Drafts, edits and publishes version 2 of the reference guide, as an admin does. */
async function publishSecondVersion(admin: Client): Promise<void> {
  const draft = await admin.post('/api/diagnostic/guides/smart-rural-fr/drafts');
  if (draft.statusCode !== 201) throw new Error(`drafting version 2 was refused: ${draft.body}`);
  const url = '/api/diagnostic/guides/smart-rural-fr/versions/2';
  const saved = await admin.request({ method: 'PUT', url, payload: secondVersion(draft.json().model) });
  if (saved.statusCode !== 200) throw new Error(`saving version 2 was refused: ${saved.body}`);
  const published = await admin.post(`${url}/publish`);
  if (published.statusCode !== 200) throw new Error(`publishing version 2 was refused: ${published.body}`);
}

describe('the interview guide', () => {
  let t: TestApp;
  let people: DiagnosticPeople;

  // Only reads and refused writes here: the guides stay as seeded.
  beforeAll(async () => {
    t = await createTestApp();
    people = await diagnosticPeople(t);
  });
  afterAll(() => t.close());

  it('is seeded as published version 1 with 6 dimensions, 35 factors, 88 questions', async () => {
    const list = (await people.consultant.get('/api/diagnostic/guides')).json();
    expect(list).toEqual([
      expect.objectContaining({
        key: 'smart-rural-fr',
        version: 1,
        status: 'published',
        dimensions: 6,
        factors: 35,
        questions: 88,
      }),
    ]);
    const v1 = (await people.tintignyViewer.get('/api/diagnostic/guides/smart-rural-fr/versions/1')).json();
    expect(v1.model.dimensions[0].factors[0].questions[0].levels).toHaveLength(5);
    expect(v1.permissions.edit).toBe(false);
  });

  it('a published version never changes, through the API or in the database', async () => {
    const response = await people.admin.request({
      method: 'PUT',
      url: '/api/diagnostic/guides/smart-rural-fr/versions/1',
      payload: { ...GUIDE_FR_V1, title: 'Autre titre' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('GUIDE_VERSION_PUBLISHED');
    const refusal = (error: unknown) => String((error as { cause?: Error }).cause?.message ?? error);
    await expect(
      t.database.db
        .execute(sql`update maturity_models set title = 'x' where key = 'smart-rural-fr' and version = 1`)
        .catch((e) => Promise.reject(refusal(e))),
    ).rejects.toMatch(/is published and cannot change/);
    await expect(
      t.database.db
        .execute(sql`delete from maturity_models where key = 'smart-rural-fr' and version = 1`)
        .catch((e) => Promise.reject(refusal(e))),
    ).rejects.toMatch(/is published and cannot be deleted/);
  });

  it('only an agency admin drafts a next version', async () => {
    expect((await people.consultant.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(403);
    expect((await people.arlonEditor.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(403);
  });
});

// Guides are shared by every mission: each test here has an app of its own, whose guides are as seeded.
describe('guide versions', () => {
  let t: TestApp;
  let people: DiagnosticPeople;

  beforeEach(async () => {
    t = await createTestApp();
    people = await diagnosticPeople(t);
  });
  afterEach(() => t.close());

  const other = { resourcePerson: { type: 'other' }, date: '2026-03-05', interviewer: 'B' } as const;

  it('an admin drafts, edits and publishes version 2; the mission keeps version 1', async () => {
    const { admin, consultant } = people;
    // Tintigny's diagnostic started with version 1.
    const tintigny = await missionOf(consultant, TINTIGNY);
    await make.interview(consultant, tintigny);
    const draft = await admin.post('/api/diagnostic/guides/smart-rural-fr/drafts');
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft', permissions: { edit: true } });
    expect((await admin.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(409);
    // Drafts are for admins.
    expect((await consultant.get('/api/diagnostic/guides/smart-rural-fr/versions/2')).statusCode).toBe(404);

    const model = secondVersion(draft.json().model);
    const bad = structuredClone(model) as GuideModel & {
      dimensions: { factors: { questions: { levels: unknown[] }[] }[] }[];
    };
    bad.dimensions[1]!.factors[0]!.questions.at(-1)!.levels.pop();
    const refused = await admin.request({
      method: 'PUT',
      url: '/api/diagnostic/guides/smart-rural-fr/versions/2',
      payload: bad,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].code).toBe('DESCRIPTOR_PER_LEVEL_REQUIRED');
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/diagnostic/guides/smart-rural-fr/versions/2',
      payload: model,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      questions: 88 + 1 - GUIDE_FR_V1.dimensions[0]!.factors[1]!.questions.length,
    });
    const changes = (await admin.get('/api/diagnostic/guides/smart-rural-fr/versions/2/changes')).json();
    expect(changes.changes.map((c: { kind: string }) => c.kind)).toEqual(
      expect.arrayContaining(['factor_removed', 'question_added']),
    );

    const published = await admin.post('/api/diagnostic/guides/smart-rural-fr/versions/2/publish');
    expect(published.json()).toMatchObject({ status: 'published', permissions: { edit: false } });
    const again = await admin.request({
      method: 'PUT',
      url: '/api/diagnostic/guides/smart-rural-fr/versions/2',
      payload: { ...model, title: 'Titre changé après publication' },
    });
    expect(again.json().error.code).toBe('GUIDE_VERSION_PUBLISHED');

    // Tintigny started with version 1 and keeps it; a new mission starts with version 2.
    const next = (await consultant.post(`/api/missions/${tintigny}/interviews`, other)).json();
    expect(next.guide.version).toBe(1);
    const mission = await missionOf(consultant, ARLON);
    const fresh = (await consultant.post(`/api/missions/${mission}/interviews`, other)).json();
    expect(fresh).toMatchObject({ guide: { version: 2 }, questions: saved.json().questions });
  });

  it('an admin creates a new guide; a consultant chooses it for a mission before its first interview', async () => {
    const { admin, consultant } = people;
    await publishSecondVersion(admin);
    const input = { key: 'smart-rural-ecoles', title: 'Guide des écoles numériques' };
    expect((await consultant.post('/api/diagnostic/guides', input)).statusCode).toBe(403);
    const badKey = await admin.post('/api/diagnostic/guides', { ...input, key: 'Guide écoles' });
    expect(badKey.statusCode).toBe(400);
    expect(JSON.stringify(badKey.json().error)).toContain('key');
    const taken = await admin.post('/api/diagnostic/guides', { ...input, key: 'smart-rural-fr' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('GUIDE_KEY_EXISTS');

    const created = await admin.post('/api/diagnostic/guides', input);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      key: 'smart-rural-ecoles',
      version: 1,
      status: 'draft',
      title: 'Guide des écoles numériques',
      permissions: { edit: true },
    });
    // Started from the latest published reference guide (version 2).
    expect(created.json().questions).toBe(
      (await admin.get('/api/diagnostic/guides/smart-rural-fr/versions/2')).json().questions,
    );
    expect((await admin.post('/api/diagnostic/guides', input)).statusCode).toBe(409);

    // A draft cannot be chosen; the admin edits it and publishes version 1.
    const mission = (
      await make.mission(consultant, { title: 'Écoles de Virton', communeNis: '85045', startDate: '2026-03-01' })
    ).id;
    const early = await consultant.request({
      method: 'PUT',
      url: `/api/missions/${mission}/diagnostic/guide`,
      payload: { key: 'smart-rural-ecoles' },
    });
    expect(early.statusCode).toBe(404);
    expect(early.json().error.code).toBe('GUIDE_NOT_PUBLISHED');
    const model = structuredClone(created.json().model);
    model.dimensions[4].factors[0].questions[0].text = 'Les écoles ont-elles un accès internet suffisant ?';
    const edited = await admin.request({
      method: 'PUT',
      url: '/api/diagnostic/guides/smart-rural-ecoles/versions/1',
      payload: { ...model, title: 'Guide des écoles' },
    });
    expect(edited.json()).toMatchObject({ title: 'Guide des écoles', status: 'draft' });
    expect((await admin.post('/api/diagnostic/guides/smart-rural-ecoles/versions/1/publish')).json().status).toBe(
      'published',
    );
    const listed = (await consultant.get('/api/diagnostic/guides')).json();
    expect(listed.map((g: { key: string; version: number }) => `${g.key}/${g.version}`)).toContain(
      'smart-rural-ecoles/1',
    );

    // Before its first interview, the mission shows the default guide, and the consultant may choose another.
    expect((await consultant.get(`/api/missions/${mission}/diagnostic/guide`)).json()).toMatchObject({
      key: 'smart-rural-fr',
      version: 2,
      chosen: false,
      changeable: true,
    });
    const chosen = await consultant.request({
      method: 'PUT',
      url: `/api/missions/${mission}/diagnostic/guide`,
      payload: { key: 'smart-rural-ecoles' },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ key: 'smart-rural-ecoles', version: 1, title: 'Guide des écoles' });
    const interview = (await consultant.post(`/api/missions/${mission}/interviews`, other)).json();
    expect(interview.guide).toEqual({ key: 'smart-rural-ecoles', version: 1 });
    expect((await consultant.get(`/api/missions/${mission}/diagnostic/guide`)).json()).toMatchObject({
      chosen: true,
      changeable: false,
    });
    // Once an interview exists, the guide no longer changes.
    const late = await consultant.request({
      method: 'PUT',
      url: `/api/missions/${mission}/diagnostic/guide`,
      payload: { key: 'smart-rural-fr' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('DIAGNOSTIC_ALREADY_STARTED');
    // Commune users read which guide their mission uses, and cannot change it.
    const virton = await t.login(await t.createUser('commune_editor', '85045'));
    expect((await virton.get(`/api/missions/${mission}/diagnostic/guide`)).json()).toMatchObject({
      key: 'smart-rural-ecoles',
      changeable: false,
    });
    const audit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: mission, page: 1, pageSize: 50 }),
    );
    expect(audit.items.find((e: { action: string }) => e.action === 'diagnostic.guide')).toMatchObject({
      after: { guide: 'smart-rural-ecoles/1' },
    });
    const guideAudit = await t.app.services.uow.read((repos) =>
      repos.audit.search({ entityId: 'smart-rural-ecoles/1', page: 1, pageSize: 50 }),
    );
    expect(guideAudit.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'guide.create',
      'guide.publish',
      'guide.update',
    ]);
  });
});
