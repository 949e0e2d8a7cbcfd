import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Criterion, CriterionCreateInput, CriterionUpdateInput, WeightsInput } from './criteria.ts';
import { Evaluation, EvaluationsInput } from './mission-model.ts';
import { IdParams, MissionParams, strategyRules } from './strategy.contract.ts';
import { MissionAhp, MissionAhpInput } from './strategy-api.ts';

/** The criteria of a mission's strategy, their weights (by hand or by AHP) and the evaluation grid. */
export const strategyEvaluationContract = defineContract('strategy', {
  createCriterion: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/criteria',
    summary: 'Add a criterion; answers every criterion',
    params: MissionParams,
    body: CriterionCreateInput,
    response: z.array(Criterion),
    status: 201,
    refusals: strategyRules,
  },
  updateCriterion: {
    method: 'PATCH',
    path: '/api/strategy/criteria/:id',
    summary: 'Change a criterion: name, direction, weight, preference function (q, p, s), place',
    params: IdParams,
    body: CriterionUpdateInput,
    response: z.array(Criterion),
    refusals: strategyRules,
  },
  deleteCriterion: {
    method: 'DELETE',
    path: '/api/strategy/criteria/:id',
    summary: 'Remove a criterion and its evaluations',
    params: IdParams,
    response: z.null(),
    status: 204,
  },
  setWeights: {
    method: 'PUT',
    path: '/api/missions/:missionId/strategy/weights',
    summary: 'Set every criterion’s weight directly',
    params: MissionParams,
    body: WeightsInput,
    response: z.array(Criterion),
  },
  setAhp: {
    method: 'PUT',
    path: '/api/missions/:missionId/strategy/ahp',
    summary: 'Weights from AHP pairwise comparisons (Saaty’s scale), with the consistency ratio',
    params: MissionParams,
    body: MissionAhpInput,
    response: MissionAhp,
    refusals: strategyRules,
  },
  setEvaluations: {
    method: 'PUT',
    path: '/api/missions/:missionId/strategy/evaluations',
    summary: 'Fill cells of the evaluation grid (null clears one); answers the whole grid',
    params: MissionParams,
    body: EvaluationsInput,
    response: z.array(Evaluation),
  },
});
