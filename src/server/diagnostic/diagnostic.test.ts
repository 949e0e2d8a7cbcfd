import { createHash } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { type Client, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../../domain/diagnostic/guides.ts';
import {
  agency,
  auditLog,
  interviewAnswers,
  interviews,
  missionDiagnostics,
  selfAssessmentLinks,
  swotItems,
} from '../db/schema/index.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import { DiagnosticCore } from './diagnostic-core.ts';

const QUESTIONS = questionsInOrder(GUIDE_FR_V1);
const Q = (i: number) => QUESTIONS[i]!.question.key;
/** Answers every question of the guide with the same level, but the first question of each dimension with `first`. */
function answersAll(level: number, first = level) {
  const firsts = new Set(GUIDE_FR_V1.dimensions.map((d) => d.factors[0]!.questions[0]!.key));
  return QUESTIONS.map(({ question }) => ({
    questionKey: question.key,
    level: firsts.has(question.key) ? first : level,
  }));
}

describe('diagnostic', () => {
  let clock = new Date('2026-03-02T09:00:00Z');
  let t: TestApp;
  let consultantUser: TestUser;
  let consultant: Client;
  let admin: Client;
  let arlonEditor: Client;
  let tintignyViewer: Client;
  let tintigny: string;
  let aubange: string;

  const count_ = async (table: typeof interviews | typeof interviewAnswers | typeof swotItems | typeof auditLog) =>
    (await t.database.db.select({ n: count() }).from(table))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp({ now: () => clock });
    consultantUser = await t.createUser('consultant');
    consultant = await t.login(consultantUser);
    admin = await t.login(await t.createUser('agency_admin'));
    arlonEditor = await t.login(await t.createUser('commune_editor', '81001'));
    tintignyViewer = await t.login(await t.createUser('commune_viewer', '85039'));
    const open = async (communeNis: string, title: string) =>
      (
        await consultant.post('/api/missions', {
          title,
          communeNis,
          consultantIds: [consultantUser.id],
          startDate: '2026-02-01',
        })
      ).json().id as string;
    tintigny = await open('85039', 'Tintigny Smart');
    aubange = await open('81004', 'Aubange Smart');
  });
  afterAll(() => t.close());

  describe('the interview guide', () => {
    it('is seeded as published version 1 with 6 dimensions, 35 factors, 88 questions', async () => {
      const list = (await consultant.get('/api/diagnostic/guides')).json();
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
      const v1 = (await tintignyViewer.get('/api/diagnostic/guides/smart-rural-fr/versions/1')).json();
      expect(v1.model.dimensions[0].factors[0].questions[0].levels).toHaveLength(5);
      expect(v1.permissions.edit).toBe(false);
    });

    it('a published version never changes, through the API or in the database', async () => {
      const response = await admin.request({
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
      expect((await consultant.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(403);
      expect((await arlonEditor.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(403);
    });
  });

  describe('interviews', () => {
    let first: string;

    it('a consultant records an interview, saving answers as they come', async () => {
      const created = await consultant.post(`/api/missions/${tintigny}/interviews`, {
        resourcePerson: { type: 'elected_official', role: 'Bourgmestre', name: 'Jeanne Dupont' },
        date: '2026-03-02',
        interviewer: 'Benoît Consultant',
      });
      expect(created.statusCode).toBe(201);
      first = created.json().id;
      expect(created.json()).toMatchObject({
        guide: { key: 'smart-rural-fr', version: 1 },
        answered: 0,
        questions: 88,
      });
      const one = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
        answers: [{ questionKey: Q(0), level: 3 }],
      });
      expect(one.json().answered).toBe(1);
      // The same answer sent again (a retry after a lost connection) changes nothing; another one is added.
      await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
        answers: [{ questionKey: Q(0), level: 3 }],
      });
      const two = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
        answers: [
          { questionKey: Q(1), level: null, comment: 'Ne connaît pas le dossier' },
          { questionKey: Q(2), level: 2 },
        ],
        notes: 'Entretien à la maison communale.',
      });
      expect(two.json()).toMatchObject({ answered: 2, dontKnow: 1, notes: 'Entretien à la maison communale.' });
      expect(two.json().answers).toContainEqual({
        questionKey: Q(1),
        level: null,
        comment: 'Ne connaît pas le dossier',
      });
    });

    it('refuses an unknown question or a level off the scale, naming the field, and writes nothing', async () => {
      const answersBefore = await count_(interviewAnswers);
      const auditBefore = await count_(auditLog);
      const unknown = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
        answers: [
          { questionKey: Q(3), level: 1 },
          { questionKey: 'no_such_question', level: 1 },
        ],
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatchObject({ code: 'UNKNOWN_QUESTION' });
      expect(unknown.json().error.details[0].field).toBe('answers.1.questionKey');
      const level = await consultant.patch(`/api/missions/${tintigny}/interviews/${first}`, {
        answers: [{ questionKey: Q(3), level: 7 }],
      });
      expect(level.statusCode).toBe(400);
      expect(level.json().error.details[0].field).toBe('answers.0.level');
      const type = await consultant.post(`/api/missions/${tintigny}/interviews`, {
        resourcePerson: { type: 'alien' },
        date: '2026-03-02',
        interviewer: 'X',
      });
      expect(type.statusCode).toBe(400);
      expect(type.json().error.details[0].field).toBe('resourcePerson.type');
      expect(await count_(interviewAnswers)).toBe(answersBefore);
      expect(await count_(auditLog)).toBe(auditBefore);
    });

    it('commune users read their own commune’s interviews without names; another commune gets 403', async () => {
      const own = await tintignyViewer.get(`/api/missions/${tintigny}/interviews`);
      expect(own.statusCode).toBe(200);
      expect(own.json()[0].resourcePerson).toEqual({
        type: 'elected_official',
        role: null,
        name: null,
        identityErased: false,
        identityHidden: true,
      });
      expect((await consultant.get(`/api/missions/${tintigny}/interviews`)).json()[0].resourcePerson.name).toBe(
        'Jeanne Dupont',
      );
      const other = await arlonEditor.get(`/api/missions/${tintigny}/interviews`);
      expect(other.statusCode).toBe(403);
      expect(other.json().error.code).toBe('FORBIDDEN_OTHER_COMMUNE');
      expect((await arlonEditor.get(`/api/missions/${tintigny}/interviews/${first}`)).statusCode).toBe(403);
      expect((await arlonEditor.get(`/api/missions/${tintigny}/results`)).statusCode).toBe(403);
      // Commune users never record interviews (decision 030).
      const write = await tintignyViewer.post(`/api/missions/${tintigny}/interviews`, {
        resourcePerson: { type: 'citizen' },
        date: '2026-03-02',
        interviewer: 'X',
      });
      expect(write.statusCode).toBe(403);
    });

    it('erasing personal data keeps the answers', async () => {
      const erased = await consultant.post(`/api/missions/${tintigny}/interviews/${first}/erase-identity`);
      expect(erased.statusCode).toBe(200);
      expect(erased.json().resourcePerson).toMatchObject({
        type: 'elected_official',
        name: null,
        role: null,
        identityErased: true,
      });
      expect(erased.json().answered).toBe(2);
      const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, first));
      expect(row).toMatchObject({ personName: null, personRole: null });
      const log = (await admin.get(`/api/audit?entityType=interview&entityId=${first}`)).json();
      expect(JSON.stringify(log)).not.toContain('Jeanne Dupont');
      expect(
        (await tintignyViewer.post(`/api/missions/${tintigny}/interviews/${first}/erase-identity`)).statusCode,
      ).toBe(403);
    });
  });

  describe('results', () => {
    it('aggregates two interviews per factor and dimension, with agreement and disagreements', async () => {
      const mk = async (type: string, level: number, firstLevel: number) => {
        const id = (
          await consultant.post(`/api/missions/${tintigny}/interviews`, {
            resourcePerson: { type },
            date: '2026-03-03',
            interviewer: 'Benoît Consultant',
          })
        ).json().id;
        await consultant.patch(`/api/missions/${tintigny}/interviews/${id}`, {
          answers: answersAll(level, firstLevel),
        });
        return id;
      };
      // Remove the partial interview of the previous tests to keep the arithmetic readable.
      const partial = (await consultant.get(`/api/missions/${tintigny}/interviews`)).json()[0].id;
      expect((await consultant.delete(`/api/missions/${tintigny}/interviews/${partial}`)).statusCode).toBe(204);
      await mk('citizen', 2, 0);
      await mk('business', 2, 4);
      const results = (await tintignyViewer.get(`/api/missions/${tintigny}/results`)).json();
      expect(results.interviews).toBe(2);
      const living = results.dimensions.find((d: { dimension: string }) => d.dimension === 'living');
      expect(living.mean).toBeCloseTo(2, 10);
      expect(living.band.key).toBe('structuration');
      const firstFactor = living.factors[0];
      expect(firstFactor).toMatchObject({ n: 2, min: expect.any(Number), max: expect.any(Number) });
      expect(firstFactor.agreement).toBeLessThan(1);
      expect(results.disagreements.questions[0]).toMatchObject({ min: 0, max: 4, agreement: 0 });
      expect(results.overall.band.label).toBe('Structuration');
      expect(results.comparison.populationBand.key).toBe('under_5000');
    });

    it('compares with the province and z-scores across diagnosed communes', async () => {
      const id = (
        await consultant.post(`/api/missions/${aubange}/interviews`, {
          resourcePerson: { type: 'commune_staff' },
          date: '2026-03-04',
          interviewer: 'Benoît Consultant',
        })
      ).json().id;
      await consultant.patch(`/api/missions/${aubange}/interviews/${id}`, { answers: answersAll(3) });
      const results = (await consultant.get(`/api/missions/${tintigny}/results`)).json();
      const mobility = results.comparison.dimensions.find((d: { dimension: string }) => d.dimension === 'mobility');
      expect(mobility.province).toEqual({ mean: 3, n: 1 });
      expect(mobility.peers).toEqual({ mean: null, n: 0 }); // Aubange is larger than Tintigny
      // Two communes: a z-score would be ±1 whatever the scores, so none is given and the comparison is indicative.
      expect(results.zScores.find((z: { dimension: string }) => z.dimension === 'mobility')).toEqual({
        dimension: 'mobility',
        z: null,
        communes: 2,
        method: 'indicative',
      });
      expect(results.benchmark).toEqual({ method: 'indicative', minimum: 10, comparableCommunes: 2, otherGuides: 0 });
      const province = (await consultant.get('/api/diagnostic/province')).json();
      expect(province.communes.map((c: { nisCode: string }) => c.nisCode).sort()).toEqual(['81004', '85039']);
      expect(province.provinceAverage.mobility).toBeCloseTo(2.5, 10);
      expect(province.communes.every((c: { zScores: Record<string, unknown> }) => c.zScores.mobility === null)).toBe(
        true,
      );
      expect(province.benchmark).toEqual({
        minimum: 10,
        groups: [{ guideKey: 'smart-rural-fr', guideTitle: GUIDE_FR_V1.title, communes: 2, method: 'indicative' }],
      });
      // Each commune's band and its place among its own guide's bands (Aubange: 3 everywhere).
      const aubangeRow = province.communes.find((c: { nisCode: string }) => c.nisCode === '81004');
      const band = GUIDE_FR_V1.bands.find((b) => 3 >= b.from && 3 < b.to)!;
      expect(aubangeRow.band.key).toBe(band.key);
      expect(aubangeRow.bandPosition).toEqual({ index: GUIDE_FR_V1.bands.indexOf(band), of: GUIDE_FR_V1.bands.length });
      expect(aubangeRow.guide).toEqual({ key: 'smart-rural-fr', version: 1, title: GUIDE_FR_V1.title });
      const own = (await tintignyViewer.get('/api/diagnostic/province')).json();
      expect(own.communes.map((c: { nisCode: string }) => c.nisCode)).toEqual(['85039']);
    });

    it('scores again at start the stored means an older aggregation method made', async () => {
      await t.database.db
        .update(missionDiagnostics)
        .set({ scoringMethod: 1, dimensionScores: { mobility: 0 } })
        .where(eq(missionDiagnostics.missionId, aubange));
      expect(await new DiagnosticCore(new UnitOfWork(t.database.db)).rescoreOutdated()).toBe(1);
      const province = (await consultant.get('/api/diagnostic/province')).json();
      const aubangeRow = province.communes.find((c: { nisCode: string }) => c.nisCode === '81004');
      expect(aubangeRow.dimensions.mobility).toBe(3);
      expect(await new DiagnosticCore(new UnitOfWork(t.database.db)).rescoreOutdated()).toBe(0);
    });
  });

  describe('SWOT and specificities', () => {
    it('adds items tagged with dimensions and interviews, reorders, merges, and refuses foreign interviews', async () => {
      const interviewId = (await consultant.get(`/api/missions/${tintigny}/interviews`)).json()[0].id;
      const aubangeInterview = (await consultant.get(`/api/missions/${aubange}/interviews`)).json()[0].id;
      const add = (body: object) => consultant.post(`/api/missions/${tintigny}/swot`, body);
      const a = (
        await add({
          category: 'threat',
          text: 'Départ des médecins',
          dimensions: ['living'],
          interviewIds: [interviewId],
        })
      ).json();
      const b = (
        await add({ category: 'threat', text: 'Fermeture du bureau de poste', dimensions: ['living', 'economy'] })
      ).json();
      const c = (
        await add({ category: 'opportunity', text: 'Appel Smart Région 2026', dimensions: ['governance'] })
      ).json();
      expect([a.position, b.position, c.position]).toEqual([0, 1, 0]);
      const before = await count_(swotItems);
      const foreign = await add({ category: 'strength', text: 'X', interviewIds: [aubangeInterview] });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().error.code).toBe('SWOT_INTERVIEW_UNKNOWN');
      expect(await count_(swotItems)).toBe(before);

      const reordered = await consultant.post(`/api/missions/${tintigny}/swot/reorder`, {
        category: 'threat',
        itemIds: [b.id, a.id],
      });
      expect(
        reordered
          .json()
          .items.filter((i: { category: string }) => i.category === 'threat')
          .map((i: { id: string }) => i.id),
      ).toEqual([b.id, a.id]);
      const incomplete = await consultant.post(`/api/missions/${tintigny}/swot/reorder`, {
        category: 'threat',
        itemIds: [b.id],
      });
      expect(incomplete.statusCode).toBe(400);

      const mixed = await consultant.post(`/api/missions/${tintigny}/swot/merge`, { itemIds: [a.id, c.id] });
      expect(mixed.json().error.code).toBe('SWOT_MERGE_CATEGORIES');
      const merged = await consultant.post(`/api/missions/${tintigny}/swot/merge`, {
        itemIds: [b.id, a.id],
        text: 'Recul des services de proximité',
      });
      expect(merged.json()).toMatchObject({
        id: b.id,
        text: 'Recul des services de proximité',
        dimensions: ['living', 'economy'],
        interviewIds: [interviewId],
      });
      const swot = (await tintignyViewer.get(`/api/missions/${tintigny}/swot`)).json();
      expect(swot.items.map((i: { text: string }) => i.text)).toEqual([
        'Appel Smart Région 2026',
        'Recul des services de proximité',
      ]);
      expect(swot.permissions.edit).toBe(false);
      expect((await arlonEditor.get(`/api/missions/${tintigny}/swot`)).statusCode).toBe(403);
      expect(
        (await tintignyViewer.post(`/api/missions/${tintigny}/swot`, { category: 'threat', text: 'x' })).statusCode,
      ).toBe(403);
    });

    it('keeps the territory specificities', async () => {
      const saved = await consultant.request({
        method: 'PUT',
        url: `/api/missions/${tintigny}/specificities`,
        payload: { geography: 'Vallée de la Semois, 8 villages.', assets: '=cmd|"/c calc"!A1 Forêt d’Anlier' },
      });
      expect(saved.statusCode).toBe(200);
      expect((await tintignyViewer.get(`/api/missions/${tintigny}/specificities`)).json()).toMatchObject({
        geography: 'Vallée de la Semois, 8 villages.',
        demography: '',
      });
    });
  });

  describe('reports', () => {
    it('the PDF is in French with the commune, the method, the radar, the SWOT and the specificities', async () => {
      const response = await tintignyViewer.get(`/api/missions/${tintigny}/report.pdf`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain('diagnostic-tintigny.pdf');
      const { pages, text } = await pdfText(response.rawPayload);
      expect(pages).toBeGreaterThan(4);
      const all = text.join('\n');
      for (const expected of [
        'Diagnostic Smart Rural',
        'Tintigny',
        'Méthode',
        'Personnes entendues',
        'Maturité par dimension',
        'Moyenne de la province',
        'Recul des services de proximité',
        'Vallée de la Semois',
        'Premières pistes',
        'Structuration',
      ]) {
        expect(all).toContain(expected);
      }
      expect(all).not.toContain('Jeanne Dupont');
      expect((await arlonEditor.get(`/api/missions/${tintigny}/report.pdf`)).statusCode).toBe(403);
    });

    it('the XLSX holds the raw data, safe from formula injection', async () => {
      const response = await consultant.get(`/api/missions/${tintigny}/report.xlsx`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as never);
      expect(workbook.worksheets.map((w) => w.name)).toEqual([
        'Entretiens',
        'Réponses',
        'Dimensions',
        'Facteurs',
        'Questions',
        'AFOM',
        'Spécificités',
      ]);
      expect(workbook.getWorksheet('Réponses')!.rowCount).toBe(1 + 88 * 2);
      const assets = workbook.getWorksheet('Spécificités')!.getRow(5).getCell(2).value;
      expect(assets).toBe('\'=cmd|"/c calc"!A1 Forêt d’Anlier');
    });
  });

  describe('self-assessment links', () => {
    const guideAnswers = [
      { questionKey: Q(0), level: 1 },
      { questionKey: Q(5), level: 2, comment: 'Pas de plan' },
    ];

    async function link(missionId = tintigny, validDays = 14) {
      const response = await consultant.post(`/api/missions/${missionId}/self-assessments`, {
        resourcePerson: { type: 'association', name: 'Marie Laurent' },
        validDays,
      });
      expect(response.statusCode).toBe(201);
      return response.json() as { token: string; path: string; link: { id: string } };
    }

    it('stores only the hash of the token; the holder fills the guide once, without an account', async () => {
      const { token, path, link: created } = await link();
      expect(path).toBe(`/self-assessment/${token}`);
      const [row] = await t.database.db
        .select()
        .from(selfAssessmentLinks)
        .where(eq(selfAssessmentLinks.id, created.id));
      expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);

      // The workspace may carry a label (the demo's); the resource person reads the agency's name (AGENCY_NAME).
      await t.database.db
        .insert(agency)
        .values({ id: 1, name: 'IDELUX Projets publics — espace de démonstration', demo: true })
        .onConflictDoUpdate({ target: agency.id, set: { name: 'IDELUX Projets publics — espace de démonstration' } });
      const form = await t.anonymous.get(`/api/self-assessment/${token}`);
      expect(form.statusCode).toBe(200);
      expect(form.json()).toMatchObject({
        missionId: tintigny,
        beneficiary: 'Tintigny',
        intervieweeType: 'association',
        agencyName: 'IDELUX Projets publics',
      });
      expect(JSON.stringify(form.json())).not.toContain('Marie Laurent');

      const before = await count_(interviews);
      const submitted = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(submitted.statusCode).toBe(201);
      expect(await count_(interviews)).toBe(before + 1);
      const list = (await consultant.get(`/api/missions/${tintigny}/interviews`)).json();
      expect(list.find((i: { source: string }) => i.source === 'self_assessment')).toMatchObject({
        source: 'self_assessment',
        answered: 2,
        resourcePerson: { type: 'association', name: 'Marie Laurent' },
      });
      const links = (await consultant.get(`/api/missions/${tintigny}/self-assessments`)).json();
      expect(links[0]).toMatchObject({ status: 'used' });

      const again = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(again.statusCode).toBe(410);
      expect(again.json().error).toMatchObject({ code: 'SELF_ASSESSMENT_USED' });
      expect(again.json().error.message).toContain('déjà été utilisé');
      expect(await count_(interviews)).toBe(before + 1);
    });

    it('refuses a link of another mission, writing nothing', async () => {
      const { token } = await link(aubange);
      const before = [await count_(interviews), await count_(interviewAnswers), await count_(auditLog)];
      const response = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe(
        'Ce lien d’auto-évaluation a été créé pour une autre mission : il ne peut pas servir ici.',
      );
      expect([await count_(interviews), await count_(interviewAnswers), await count_(auditLog)]).toEqual(before);
      // The link is still good for its own mission.
      expect((await t.anonymous.get(`/api/self-assessment/${token}`)).statusCode).toBe(200);
    });

    it('refuses an expired link, writing nothing', async () => {
      const { token } = await link(tintigny, 1);
      const saved = clock;
      clock = new Date(clock.getTime() + 2 * 24 * 3600 * 1000);
      try {
        const before = await count_(interviews);
        const open = await t.anonymous.get(`/api/self-assessment/${token}`);
        expect(open.statusCode).toBe(410);
        expect(open.json().error.message).toContain('a expiré');
        const submit = await t.anonymous.post(`/api/self-assessment/${token}`, {
          missionId: tintigny,
          answers: guideAnswers,
        });
        expect(submit.json().error.code).toBe('SELF_ASSESSMENT_EXPIRED');
        expect(await count_(interviews)).toBe(before);
      } finally {
        clock = saved;
      }
    });

    it('refuses a revoked or unknown link, and bad answers, writing nothing', async () => {
      const { token, link: created } = await link();
      const bad = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: [{ questionKey: 'nope', level: 2 }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.details[0].field).toBe('answers.0.questionKey');
      expect((await consultant.delete(`/api/missions/${tintigny}/self-assessments/${created.id}`)).statusCode).toBe(
        204,
      );
      const before = await count_(interviews);
      const revoked = await t.anonymous.post(`/api/self-assessment/${token}`, {
        missionId: tintigny,
        answers: guideAnswers,
      });
      expect(revoked.json().error.code).toBe('SELF_ASSESSMENT_REVOKED');
      const unknown = await t.anonymous.get(`/api/self-assessment/${'x'.repeat(43)}`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe('SELF_ASSESSMENT_INVALID');
      expect(await count_(interviews)).toBe(before);
      expect(
        (
          await tintignyViewer.post(`/api/missions/${tintigny}/self-assessments`, {
            resourcePerson: { type: 'citizen' },
          })
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('guide versions', () => {
    it('an admin drafts, edits and publishes version 2; the mission keeps version 1', async () => {
      const draft = await admin.post('/api/diagnostic/guides/smart-rural-fr/drafts');
      expect(draft.statusCode).toBe(201);
      expect(draft.json()).toMatchObject({ version: 2, status: 'draft', permissions: { edit: true } });
      expect((await admin.post('/api/diagnostic/guides/smart-rural-fr/drafts')).statusCode).toBe(409);
      // Drafts are for admins.
      expect((await consultant.get('/api/diagnostic/guides/smart-rural-fr/versions/2')).statusCode).toBe(404);

      const model = structuredClone(draft.json().model);
      model.dimensions[1].factors[0].questions.push({
        key: 'mobility_new_question',
        text: 'La commune propose-t-elle un service de vélos partagés ?',
        levels: [0, 1, 2, 3, 4].map((level) => ({ level, descriptor: `Niveau ${level}.` })),
      });
      model.dimensions[0].factors.splice(1, 1);
      const bad = structuredClone(model);
      bad.dimensions[1].factors[0].questions.at(-1).levels.pop();
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
      const next = (
        await consultant.post(`/api/missions/${tintigny}/interviews`, {
          resourcePerson: { type: 'other' },
          date: '2026-03-05',
          interviewer: 'B',
        })
      ).json();
      expect(next.guide.version).toBe(1);
      const mission = (
        await consultant.post('/api/missions', {
          title: 'Arlon',
          communeNis: '81001',
          consultantIds: [consultantUser.id],
          startDate: '2026-03-01',
        })
      ).json().id;
      const fresh = (
        await consultant.post(`/api/missions/${mission}/interviews`, {
          resourcePerson: { type: 'other' },
          date: '2026-03-05',
          interviewer: 'B',
        })
      ).json();
      expect(fresh).toMatchObject({ guide: { version: 2 }, questions: saved.json().questions });
    });

    it('an admin creates a new guide; a consultant chooses it for a mission before its first interview', async () => {
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
      // Started from the latest published reference guide (version 2, published above).
      expect(created.json().questions).toBe(
        (await admin.get('/api/diagnostic/guides/smart-rural-fr/versions/2')).json().questions,
      );
      expect((await admin.post('/api/diagnostic/guides', input)).statusCode).toBe(409);

      // A draft cannot be chosen; the admin edits it and publishes version 1.
      const mission = (
        await consultant.post('/api/missions', {
          title: 'Écoles de Virton',
          communeNis: '85045',
          consultantIds: [consultantUser.id],
          startDate: '2026-03-01',
        })
      ).json().id;
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
      const interview = (
        await consultant.post(`/api/missions/${mission}/interviews`, {
          resourcePerson: { type: 'other' },
          date: '2026-03-05',
          interviewer: 'B',
        })
      ).json();
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

  // Last: it spends the address's allowance on the public token routes (30 a minute; the tests above used some).
  it('rate-limits the public self-assessment routes', async () => {
    const url = `/api/self-assessment/${'r'.repeat(43)}`;
    const first = await t.anonymous.get(url);
    expect(first.statusCode).toBe(404);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    expect(Number(first.headers['x-ratelimit-limit'])).toBe(30);
    const codes: number[] = [];
    for (let i = 0; i <= remaining; i++) codes.push((await t.anonymous.get(url)).statusCode);
    expect(codes.slice(0, remaining)).toEqual(Array(remaining).fill(404));
    expect(codes.at(-1)).toBe(429);
    const limited = await t.anonymous.get(`/api/self-assessment/${'r'.repeat(43)}`);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
  });
});
