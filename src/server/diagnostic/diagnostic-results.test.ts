import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { GUIDE_FR_V1 } from '../../domain/diagnostic/guide-fr-v1.ts';
import { missionDiagnostics } from '../db/schema/index.ts';
import { UnitOfWork } from '../db/unit-of-work.ts';
import {
  AUBANGE,
  answersAll,
  type DiagnosticPeople,
  diagnosedMission,
  diagnosticPeople,
  missionOf,
  Q,
} from './diagnostic.test-support.ts';
import { DiagnosticCore } from './diagnostic-core.ts';

/** Aubange's diagnostic: the commune's staff answered every question with 3. */
async function diagnosedAubange(people: DiagnosticPeople): Promise<string> {
  const aubange = await missionOf(people.consultant, AUBANGE);
  await make.answeredInterview(people.consultant, aubange, answersAll(3), {
    resourcePerson: { type: 'commune_staff' },
    date: '2026-03-04',
    interviewer: 'Benoît Consultant',
  });
  return aubange;
}

/** A diagnostic's results: means per factor and dimension, agreement, and the comparison with the province. */
describe('diagnostic results', () => {
  let t: TestApp;
  let people: DiagnosticPeople;

  beforeAll(async () => {
    t = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
    people = await diagnosticPeople(t);
  });
  afterAll(() => t.close());

  it('aggregates two interviews per factor and dimension, with agreement and disagreements', async () => {
    const { consultant, tintignyViewer } = people;
    const { missionId: tintigny } = await diagnosedMission(consultant);
    // An interview removed from the diagnostic no longer counts.
    const partial = await make.answeredInterview(consultant, tintigny, [{ questionKey: Q(0), level: 3 }]);
    expect((await consultant.delete(`/api/missions/${tintigny}/interviews/${partial.id}`)).statusCode).toBe(204);
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

  it('scores again at start the stored means an older aggregation method made', async () => {
    const { consultant } = people;
    const aubange = await diagnosedAubange(people);
    await t.database.db
      .update(missionDiagnostics)
      .set({ scoringMethod: 1, dimensionScores: { mobility: 0 } })
      .where(eq(missionDiagnostics.missionId, aubange));
    expect(await new DiagnosticCore(new UnitOfWork(t.database.db)).rescoreOutdated()).toBe(1);
    const province = (await consultant.get('/api/diagnostic/province')).json();
    const aubangeRow = province.communes.find((c: { nisCode: string }) => c.nisCode === AUBANGE);
    expect(aubangeRow.dimensions.mobility).toBe(3);
    expect(await new DiagnosticCore(new UnitOfWork(t.database.db)).rescoreOutdated()).toBe(0);
  });

  // The province view reads every diagnosed commune: this test has an app of its own, where only Tintigny (2) and
  // Aubange (3) are diagnosed.
  describe('in a province of two diagnosed communes', () => {
    let province: TestApp;
    let two: DiagnosticPeople;

    beforeAll(async () => {
      province = await createTestApp({ now: () => new Date('2026-03-02T09:00:00Z') });
      two = await diagnosticPeople(province);
    });
    afterAll(() => province.close());

    it('compares with the province and z-scores across diagnosed communes', async () => {
      const { consultant, tintignyViewer } = two;
      const { missionId: tintigny } = await diagnosedMission(consultant);
      await diagnosedAubange(two);
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
      const view = (await consultant.get('/api/diagnostic/province')).json();
      expect(view.communes.map((c: { nisCode: string }) => c.nisCode).sort()).toEqual(['81004', '85039']);
      expect(view.provinceAverage.mobility).toBeCloseTo(2.5, 10);
      expect(view.communes.every((c: { zScores: Record<string, unknown> }) => c.zScores.mobility === null)).toBe(true);
      expect(view.benchmark).toEqual({
        minimum: 10,
        groups: [{ guideKey: 'smart-rural-fr', guideTitle: GUIDE_FR_V1.title, communes: 2, method: 'indicative' }],
      });
      // Each commune's band and its place among its own guide's bands (Aubange: 3 everywhere).
      const aubangeRow = view.communes.find((c: { nisCode: string }) => c.nisCode === '81004');
      const band = GUIDE_FR_V1.bands.find((b) => 3 >= b.from && 3 < b.to)!;
      expect(aubangeRow.band.key).toBe(band.key);
      expect(aubangeRow.bandPosition).toEqual({ index: GUIDE_FR_V1.bands.indexOf(band), of: GUIDE_FR_V1.bands.length });
      expect(aubangeRow.guide).toEqual({ key: 'smart-rural-fr', version: 1, title: GUIDE_FR_V1.title });
      const own = (await tintignyViewer.get('/api/diagnostic/province')).json();
      expect(own.communes.map((c: { nisCode: string }) => c.nisCode)).toEqual(['85039']);
    });
  });
});
