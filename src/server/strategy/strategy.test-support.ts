/**
 * The strategy's integration tests build their data here, each test its own, in stages a consultant goes through for
 * Aubange: a started strategy, its five project sheets, their weights and scores, the horizons' budgets, a plan.
 */
import { expect } from 'vitest';
import * as make from '../../../test/support/factories.ts';
import type { Client, TestApp, TestUser } from '../../../test/support/test-app.ts';
import type { ProjectSheet } from '../../domain/strategy/project-sheets.ts';
import type { PlanState, StrategyState } from '../../domain/strategy/strategy-api.ts';

export const AUBANGE = '81004';

export type StrategyPeople = {
  consultant: Client & { user: TestUser };
  aubangeEditor: Client;
  aubangeViewer: Client;
  arlonEditor: Client;
};

/** A consultant, an editor and a viewer of Aubange, and an editor of Arlon, each signed in. */
export async function strategyPeople(t: TestApp): Promise<StrategyPeople> {
  return {
    consultant: await make.signedIn(t, 'consultant'),
    aubangeEditor: await make.signedIn(t, 'commune_editor', AUBANGE),
    aubangeViewer: await make.signedIn(t, 'commune_viewer', AUBANGE),
    arlonEditor: await make.signedIn(t, 'commune_editor', '81001'),
  };
}

export const strategyUrl = (missionId: string) => `/api/missions/${missionId}/strategy`;

/** The mission's strategy as the client reads it. */
export async function strategyOf(client: Client, missionId: string): Promise<StrategyState> {
  return (await client.get(strategyUrl(missionId))).json() as StrategyState;
}

/** Aubange's mission, started in January 2026, whose strategy is not started yet. */
export async function aubangeMission(consultant: Client & { user: TestUser }): Promise<string> {
  return (await make.mission(consultant, { title: 'Aubange Smart 2030', communeNis: AUBANGE, startDate: '2026-01-15' }))
    .id;
}

/** Aubange's mission with its strategy started: the default criteria and three horizons without budget. */
export async function startedStrategy(consultant: Client & { user: TestUser }): Promise<string> {
  const missionId = await aubangeMission(consultant);
  const started = await consultant.post(strategyUrl(missionId));
  if (started.statusCode >= 300) throw new Error(`starting the strategy was refused: ${started.body}`);
  return missionId;
}

export type SheetKey = 'fibre' | 'wifi' | 'app' | 'kiosk' | 'sensors';
export type FiveSheets = Record<SheetKey, ProjectSheet> & { airQuality: string };

/**
 * The five project sheets of Aubange's strategy: the mandatory fibre, half funded; the Wi-Fi that requires it; the
 * app and the kiosks that exclude each other; the air sensors, not before the medium term, answering a SWOT weakness.
 * `create` is how a sheet is created (the factory unless the test checks each creation itself).
 */
export async function fiveSheets(
  consultant: Client,
  missionId: string,
  create: (body: Record<string, unknown>) => Promise<ProjectSheet> = (body) =>
    make.projectSheet(consultant, missionId, body),
): Promise<FiveSheets> {
  const fibre = await create({
    title: 'Fibre optique des bâtiments communaux',
    dimensions: ['governance', 'economy'],
    investmentCost: 180_000,
    runningCostPerYear: 6_000,
    owner: 'Service informatique',
    funding: [{ name: 'Appel Smart Région', rate: 50 }],
    mandatory: true,
    status: 'proposed',
  });
  const wifi = await create({
    title: 'Wi-Fi public sur les places',
    dimensions: ['living'],
    investmentCost: 40_000,
    runningCostPerYear: 3_000,
    requires: [fibre.id],
  });
  const app = await create({ title: 'Application citoyenne', dimensions: ['people'], investmentCost: 60_000 });
  const kiosk = await create({
    title: 'Bornes d’information',
    dimensions: ['people'],
    investmentCost: 50_000,
    excludes: [app.id],
  });
  const airQuality = await make.swotItem(consultant, missionId, {
    category: 'weakness',
    text: 'Aucune mesure de la qualité de l’air près des écoles',
    dimensions: ['environment'],
  });
  const sensors = await create({
    title: 'Capteurs de qualité de l’air',
    description: 'Mesurer le NO2 et les particules près des écoles.',
    dimensions: ['environment'],
    investmentCost: 90_000,
    runningCostPerYear: 4_000,
    earliestHorizon: 'medium',
    durationMonths: 18,
    swotItemIds: [airQuality.id],
    needRefs: ['BES-2026-014'],
  });
  return { fibre, wifi, app, kiosk, sensors, airQuality: airQuality.id };
}

/** Aubange's strategy started, with its five project sheets. */
export async function strategyWithSheets(
  consultant: Client & { user: TestUser },
): Promise<{ missionId: string; sheets: FiveSheets }> {
  const missionId = await startedStrategy(consultant);
  return { missionId, sheets: await fiveSheets(consultant, missionId) };
}

/** The ids of the five sheets, by name. */
export function idsOf(sheets: FiveSheets): Record<SheetKey, string> {
  const { fibre, wifi, app, kiosk, sensors } = sheets;
  return { fibre: fibre.id, wifi: wifi.id, app: app.id, kiosk: kiosk.id, sensors: sensors.id };
}

/** Consistent AHP judgements over n criteria: the first 3× the second, the second 2× the rest, the rest equal. */
export function consistentJudgements(n: number): number[][] {
  return Array.from({ length: n - 1 }, (_, i) =>
    Array.from({ length: n - 1 - i }, (_, k) => (i === 0 ? (k === 0 ? 3 : 6) : i === 1 ? 2 : 1)),
  );
}

/** The scores of each sheet on the six manual criteria, in their order. */
export const SCORES: Record<SheetKey, number[]> = {
  fibre: [4, 5, 3, 2, 3, 2],
  wifi: [5, 4, 5, 2, 4, 4],
  app: [4, 3, 4, 3, 5, 5],
  kiosk: [2, 2, 4, 2, 2, 2],
  sensors: [3, 4, 3, 3, 4, 5],
};

/** The grid of scores of the five sheets, one value per sheet and manual criterion. */
export function gridValues(state: StrategyState, sheets: FiveSheets) {
  const manual = state.criteria.filter((c) => c.source === 'manual');
  const keyOf = new Map((Object.keys(SCORES) as SheetKey[]).map((key) => [sheets[key].id, key]));
  return state.projects.flatMap((p) =>
    manual.map((c, j) => ({ projectId: p.id, criterionId: c.id, value: SCORES[keyOf.get(p.id)!][j]! })),
  );
}

/** The criteria weighed by AHP (6 : 2 : 1 : 1 : 1 : 1 : 1) and every sheet scored. */
export async function weighAndScore(consultant: Client, missionId: string, sheets: FiveSheets): Promise<void> {
  const state = await strategyOf(consultant, missionId);
  const ahp = await consultant.put(`${strategyUrl(missionId)}/ahp`, {
    criterionIds: state.criteria.map((c) => c.id),
    upperTriangle: consistentJudgements(state.criteria.length),
  });
  if (ahp.statusCode !== 200) throw new Error(`the AHP judgements were refused: ${ahp.body}`);
  const scored = await consultant.put(`${strategyUrl(missionId)}/evaluations`, { values: gridValues(state, sheets) });
  if (scored.statusCode !== 200) throw new Error(`the scores were refused: ${scored.body}`);
}

/** Aubange's strategy started, with its five sheets weighed and scored. */
export async function scoredStrategy(
  consultant: Client & { user: TestUser },
): Promise<{ missionId: string; sheets: FiveSheets }> {
  const { missionId, sheets } = await strategyWithSheets(consultant);
  await weighAndScore(consultant, missionId, sheets);
  return { missionId, sheets };
}

/** Budgets of 200 000, 150 000 and 100 000 € over 2025–2030, the later horizons' value discounted. */
export const HORIZONS = [
  { key: 'short', budget: 200_000, valueFactor: 1, startYear: 2025, endYear: 2026 },
  { key: 'medium', budget: 150_000, valueFactor: 0.85, startYear: 2027, endYear: 2028 },
  { key: 'long', budget: 100_000, valueFactor: 0.7, startYear: 2029, endYear: 2030 },
];

/** A scored strategy whose horizons have their budgets: ready for a plan. */
export async function plannableStrategy(
  consultant: Client & { user: TestUser },
): Promise<{ missionId: string; sheets: FiveSheets }> {
  const scored = await scoredStrategy(consultant);
  const set = await consultant.put(`${strategyUrl(scored.missionId)}/horizons`, { horizons: HORIZONS });
  if (set.statusCode !== 200) throw new Error(`the horizons were refused: ${set.body}`);
  return scored;
}

/** Asks for a plan with the mission's current data, waits for it, and reads it. */
export async function computePlan(t: TestApp, consultant: Client, missionId: string): Promise<PlanState> {
  const started = await consultant.post(`${strategyUrl(missionId)}/plan`, {});
  expect(started.statusCode, started.body).toBe(202);
  expect(started.json()).toMatchObject({ status: 'running', result: null, timeLimitSeconds: 20, relativeGap: 1e-4 });
  await t.app.services.planner.idle();
  return (await consultant.get(`${strategyUrl(missionId)}/plan`)).json() as PlanState;
}
