import { z } from 'zod';
import { defineContract } from '../shared/contract.ts';
import { Horizon, HorizonsInput } from './horizons.ts';
import { LocksInput, PortfolioLockEntry } from './mission-model.ts';
import { MissionParams, strategyRules } from './strategy.contract.ts';
import { PlanRequest, PlanRun, PlanState, StrategyState } from './strategy-api.ts';

/** The horizons and locks of a mission's plan, the plan's solve (a job of the queue) and its approval. */
export const strategyPlanContract = defineContract('strategy', {
  setHorizons: {
    method: 'PUT',
    path: '/api/missions/:missionId/strategy/horizons',
    summary: 'The short, medium and long term: budget, value factor and years',
    params: MissionParams,
    body: HorizonsInput,
    response: z.array(Horizon),
  },
  setLocks: {
    method: 'PUT',
    path: '/api/missions/:missionId/strategy/locks',
    summary: 'The projects a consultant fixes in a horizon (replaces the list); the next plan keeps them there',
    params: MissionParams,
    body: LocksInput,
    response: z.array(PortfolioLockEntry),
  },
  requestPlan: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/plan',
    summary:
      'Queue the optimal plan (HiGHS) as a job any instance may do; poll GET …/plan for its progress until it is done',
    params: MissionParams,
    body: PlanRequest,
    response: PlanRun,
    status: 202,
    refusals: strategyRules,
  },
  approvePlan: {
    method: 'POST',
    path: '/api/missions/:missionId/strategy/plan/approve',
    summary: 'Approve the projects the latest plan places (the plan must be computed and up to date)',
    params: MissionParams,
    response: StrategyState,
    refusals: strategyRules,
  },
  plan: {
    method: 'GET',
    path: '/api/missions/:missionId/strategy/plan',
    summary: 'The latest plan (queued, running, done or failed, with its progress), and whether the data changed since',
    params: MissionParams,
    response: PlanState,
  },
});
