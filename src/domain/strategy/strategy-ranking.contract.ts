import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Criterion } from './criteria.ts';
import { IdParams, MissionParams } from './strategy.contract.ts';
import {
  RankingAnalysis,
  RankingQuery,
  Scenario,
  ScenarioComparisonSchema,
  ScenarioCreateInput,
} from './strategy-api.ts';

/** The ranking of a mission's projects (PROMETHEE, GAIA, stability) and its weight scenarios. */
export const strategyRankingContract = defineContract('strategy', {
  ranking: {
    method: 'GET',
    path: '/api/missions/:missionId/strategy/ranking',
    summary: 'PROMETHEE II ranking, PROMETHEE I partial order, GAIA plane and weight stability intervals',
    params: MissionParams,
    query: RankingQuery,
    response: RankingAnalysis,
  },
  createScenario: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/scenarios',
    summary: 'Save a weight scenario (the current weights unless given)',
    params: MissionParams,
    body: ScenarioCreateInput,
    response: Scenario,
    status: 201,
  },
  compareScenarios: {
    method: 'GET',
    path: '/api/missions/:missionId/strategy/scenarios/comparison',
    summary: 'The ranking under the current weights and under each scenario, side by side, with their agreement',
    params: MissionParams,
    response: ScenarioComparisonSchema,
  },
  applyScenario: {
    method: 'POST',
    path: '/api/strategy/scenarios/:id/apply',
    summary: 'Make a scenario’s weights the current ones',
    params: IdParams,
    response: z.array(Criterion),
  },
  deleteScenario: {
    method: 'DELETE',
    path: '/api/strategy/scenarios/:id',
    summary: 'Delete a scenario',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
});
