import type { UnitOfWork } from '../db/unit-of-work.ts';
import { CommentsService } from './comments.service.ts';
import { CriteriaService } from './criteria.service.ts';
import { EvaluationsService } from './evaluations.service.ts';
import { ObjectivesService } from './objectives.service.ts';
import { PlanService } from './plan.service.ts';
import { ProjectSheetsService } from './project-sheets.service.ts';
import { RankingService } from './ranking.service.ts';
import type { StrategyPlanner } from './strategy-planner.ts';
import { StrategyStateService } from './strategy-state.service.ts';

/**
 * The missions' strategies, one service per use case (issue 16 item 2): the state as a whole, the project sheets,
 * the criteria and weights, the evaluation grid, the ranking and scenarios, the plan, the objectives, the comments.
 */
export function createStrategyServices(uow: UnitOfWork, planner: StrategyPlanner, now: () => Date = () => new Date()) {
  const state = new StrategyStateService(uow);
  return {
    state,
    sheets: new ProjectSheetsService(uow),
    criteria: new CriteriaService(uow),
    evaluations: new EvaluationsService(uow),
    ranking: new RankingService(uow),
    plan: new PlanService(uow, planner, state, now),
    objectives: new ObjectivesService(uow),
    comments: new CommentsService(uow),
  };
}
export type StrategyServices = ReturnType<typeof createStrategyServices>;
