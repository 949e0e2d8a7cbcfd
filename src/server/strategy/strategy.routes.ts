import { strategyContract } from '../../domain/strategy/strategy.contract.ts';
import { strategyEvaluationContract } from '../../domain/strategy/strategy-evaluation.contract.ts';
import { strategyPlanContract } from '../../domain/strategy/strategy-plan.contract.ts';
import { strategyRankingContract } from '../../domain/strategy/strategy-ranking.contract.ts';
import type { ResourceType } from '../auth/policy.ts';
import { registerContract } from '../http/contract.ts';
import type { ApiInstance } from '../http/types.ts';
import { strategyDocumentRoutes } from './strategy-document.routes.ts';
import type { StrategyServices } from './strategy-services.ts';

type Action = 'read' | 'create' | 'update' | 'delete';
const access = (action: Action, resource: ResourceType = 'strategy') => ({ action, resource }) as const;

/** The state, the project sheets and their comments, the objectives (src/domain/strategy/strategy.contract.ts). */
function sheetRoutes(app: ApiInstance, { state, sheets, comments, objectives }: StrategyServices) {
  const c = strategyContract;
  registerContract(app, c.overview, access('read'), (request) => state.overview(request.actor));
  registerContract(app, c.state, access('read'), (request) => state.state(request.actor, request.params.missionId));
  registerContract(app, c.start, access('update'), (request) => state.start(request.ctx, request.params.missionId));
  registerContract(app, c.createProject, access('create'), (request) =>
    sheets.createProject(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.createProjectFromSwot, access('create'), (request) =>
    sheets.createProjectFromSwot(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.updateProject, access('update'), (request) =>
    sheets.updateProject(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteProject, access('delete'), async (request) => {
    await sheets.deleteProject(request.ctx, request.params.id);
    return null;
  });
  registerContract(app, c.comments, access('read', 'strategy_comment'), (request) =>
    comments.comments(request.actor, request.params.id),
  );
  registerContract(app, c.createComment, access('create', 'strategy_comment'), (request) =>
    comments.createComment(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteComment, access('delete', 'strategy_comment'), async (request) => {
    await comments.deleteComment(request.ctx, request.params.id);
    return null;
  });
  registerContract(app, c.createObjective, access('create'), (request) =>
    objectives.createObjective(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.updateObjective, access('update'), (request) =>
    objectives.updateObjective(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteObjective, access('delete'), async (request) => {
    await objectives.deleteObjective(request.ctx, request.params.id);
    return null;
  });
}

/** The criteria, their weights and the evaluation grid (strategy-evaluation.contract.ts). */
function evaluationRoutes(app: ApiInstance, { criteria, evaluations }: StrategyServices) {
  const c = strategyEvaluationContract;
  registerContract(app, c.createCriterion, access('create'), (request) =>
    criteria.createCriterion(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.updateCriterion, access('update'), (request) =>
    criteria.updateCriterion(request.ctx, request.params.id, request.body),
  );
  registerContract(app, c.deleteCriterion, access('delete'), async (request) => {
    await criteria.deleteCriterion(request.ctx, request.params.id);
    return null;
  });
  registerContract(app, c.setWeights, access('update'), (request) =>
    criteria.setWeights(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.setAhp, access('update'), (request) =>
    criteria.setAhp(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.setEvaluations, access('update'), (request) =>
    evaluations.setEvaluations(request.ctx, request.params.missionId, request.body),
  );
}

/** The ranking and the weight scenarios (strategy-ranking.contract.ts). */
function rankingRoutes(app: ApiInstance, { ranking }: StrategyServices) {
  const c = strategyRankingContract;
  registerContract(app, c.ranking, access('read'), (request) =>
    ranking.ranking(request.actor, request.params.missionId, request.query),
  );
  registerContract(app, c.createScenario, access('create'), (request) =>
    ranking.createScenario(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.compareScenarios, access('read'), (request) =>
    ranking.compareScenarios(request.actor, request.params.missionId),
  );
  registerContract(app, c.applyScenario, access('update'), (request) =>
    ranking.applyScenario(request.ctx, request.params.id),
  );
  registerContract(app, c.deleteScenario, access('delete'), async (request) => {
    await ranking.deleteScenario(request.ctx, request.params.id);
    return null;
  });
}

/** The horizons, the locks, the plan's solve and its approval (strategy-plan.contract.ts). */
function planRoutes(app: ApiInstance, { plan }: StrategyServices) {
  const c = strategyPlanContract;
  registerContract(app, c.setHorizons, access('update'), (request) =>
    plan.setHorizons(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.setLocks, access('update'), (request) =>
    plan.setLocks(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.requestPlan, access('update'), (request) =>
    plan.requestPlan(request.ctx, request.params.missionId, request.body),
  );
  registerContract(app, c.approvePlan, access('update'), (request) =>
    plan.approvePlan(request.ctx, request.params.missionId),
  );
  registerContract(app, c.plan, access('read'), (request) => plan.plan(request.actor, request.params.missionId));
}

/**
 * A mission's strategy, registered from its contracts (src/domain/strategy/strategy*.contract.ts). Routes name no
 * commune: the services load the mission and ask the policy with its commune (agency staff edit every mission's
 * strategy; the commune's users read their own; its editors also comment).
 */
export async function strategyRoutes(app: ApiInstance, options: { strategy: StrategyServices }) {
  const { strategy } = options;
  sheetRoutes(app, strategy);
  evaluationRoutes(app, strategy);
  rankingRoutes(app, strategy);
  planRoutes(app, strategy);
  strategyDocumentRoutes(app, strategy.state);
}
