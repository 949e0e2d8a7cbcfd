import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { pdfText } from '../../../test/support/pdf-text.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { swotItems } from '../db/schema/index.ts';
import {
  AUBANGE,
  type DiagnosticPeople,
  diagnosedMission,
  diagnosticPeople,
  missionOf,
  rows,
  TINTIGNY,
} from './diagnostic.test-support.ts';

const SPECIFICITIES = { geography: 'Vallée de la Semois, 8 villages.', assets: '=cmd|"/c calc"!A1 Forêt d’Anlier' };

/** A diagnostic's SWOT analysis, the territory's specificities, and the reports that gather them with the results. */
describe('diagnostic SWOT, specificities and reports', () => {
  let t: TestApp;
  let people: DiagnosticPeople;

  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
    people = await diagnosticPeople(t);
  });
  afterAll(() => t.close());

  /**
   * Tintigny's diagnosed mission, as its report reads it: its two interviews, a named elected official heard without
   * answers yet, a SWOT threat and its specificities.
   */
  async function reportedTintigny(): Promise<string> {
    const { consultant } = people;
    const { missionId } = await diagnosedMission(consultant);
    await make.interview(consultant, missionId, {
      resourcePerson: { type: 'elected_official', role: 'Bourgmestre', name: 'Jeanne Dupont' },
    });
    await make.swotItem(consultant, missionId, {
      category: 'threat',
      text: 'Recul des services de proximité',
      dimensions: ['living', 'economy'],
    });
    const saved = await consultant.put(`/api/missions/${missionId}/specificities`, SPECIFICITIES);
    if (saved.statusCode !== 200) throw new Error(`saving the specificities was refused: ${saved.body}`);
    return missionId;
  }

  it('adds items tagged with dimensions and interviews, reorders, merges, and refuses foreign interviews', async () => {
    const { consultant, arlonEditor, tintignyViewer } = people;
    const tintigny = await missionOf(consultant, TINTIGNY);
    const interviewId = (await make.interview(consultant, tintigny)).id;
    const aubangeInterview = (await make.interview(consultant, await missionOf(consultant, AUBANGE))).id;
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
    const before = await rows(t, swotItems);
    const foreign = await add({ category: 'strength', text: 'X', interviewIds: [aubangeInterview] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('SWOT_INTERVIEW_UNKNOWN');
    expect(await rows(t, swotItems)).toBe(before);

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
    const tintigny = await missionOf(people.consultant, TINTIGNY);
    const saved = await people.consultant.request({
      method: 'PUT',
      url: `/api/missions/${tintigny}/specificities`,
      payload: SPECIFICITIES,
    });
    expect(saved.statusCode).toBe(200);
    expect((await people.tintignyViewer.get(`/api/missions/${tintigny}/specificities`)).json()).toMatchObject({
      geography: 'Vallée de la Semois, 8 villages.',
      demography: '',
    });
  });

  describe('reports', () => {
    it('the PDF is in French with the commune, the method, the radar, the SWOT and the specificities', async () => {
      const tintigny = await reportedTintigny();
      const response = await people.tintignyViewer.get(`/api/missions/${tintigny}/report.pdf`);
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
      expect((await people.arlonEditor.get(`/api/missions/${tintigny}/report.pdf`)).statusCode).toBe(403);
    });

    it('the XLSX holds the raw data, safe from formula injection', async () => {
      const tintigny = await reportedTintigny();
      const response = await people.consultant.get(`/api/missions/${tintigny}/report.xlsx`);
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
});
