import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { diagnosticContract } from '../../../domain/diagnostic/diagnostic.contract.ts';
import { needsContract } from '../../../domain/needs/needs.contract.ts';
import { fillPath } from '../../../domain/shared/contract.ts';
import { analysisContract } from '../../../domain/strategy/analysis.contract.ts';
import type { CriterionCreateInput, CriterionUpdateInput } from '../../../domain/strategy/criteria.ts';
import type { HorizonsInput } from '../../../domain/strategy/horizons.ts';
import type { EvaluationsInput, PortfolioLockEntry } from '../../../domain/strategy/mission-model.ts';
import type { ObjectiveCreateInput, ObjectiveUpdateInput } from '../../../domain/strategy/objectives.ts';
import type { ProjectSheetCreateInput, ProjectSheetUpdateInput } from '../../../domain/strategy/project-sheets.ts';
import type { PortfolioProblem, RankProblem } from '../../../domain/strategy/schemas.ts';
import { strategyContract, strategyFiles } from '../../../domain/strategy/strategy.contract.ts';
import type { AhpResultSchema, MissionAhpInput, PlanRequest } from '../../../domain/strategy/strategy-api.ts';
import { strategyEvaluationContract } from '../../../domain/strategy/strategy-evaluation.contract.ts';
import { strategyPlanContract } from '../../../domain/strategy/strategy-plan.contract.ts';
import { strategyRankingContract } from '../../../domain/strategy/strategy-ranking.contract.ts';
import { withQuery } from '../../lib/api.ts';
import { call, endpointQuery } from '../../lib/contract-client.ts';

/**
 * The strategy of a mission, through its contracts (src/domain/strategy/*.contract.ts): one state query, the
 * computed views (ranking, plan), and every change. Query keys come from the contracts: `['strategy']` covers them all.
 */
const FEATURE = ['strategy'] as const;

/** The diagnostic's SWOT items, through the diagnostic's contract: the plan's balance can ask that each high-priority one is met. */
export function useSwotItems(missionId: string) {
  return useQuery(endpointQuery(diagnosticContract.swot, { params: { id: missionId } }));
}

/** The needs register of the mission's commune (the needs a sheet may answer): id and title. */
export function useCommuneNeeds(communeNis: string) {
  return useQuery({
    ...endpointQuery(needsContract.list, { query: { communeNis } }),
    select: (needs) => needs.map((need) => ({ value: need.id, label: need.title })),
  });
}

export function useStrategy(missionId: string) {
  return useQuery(endpointQuery(strategyContract.state, { params: { missionId } }));
}

export function useRanking(missionId: string, options: { scenarioId: string | null; topK: number; enabled?: boolean }) {
  return useQuery({
    ...endpointQuery(strategyRankingContract.ranking, {
      params: { missionId },
      query: { ...(options.scenarioId ? { scenarioId: options.scenarioId } : {}), topK: options.topK },
    }),
    enabled: options.enabled ?? true,
  });
}

export function useScenarioComparison(missionId: string, enabled = true) {
  return useQuery({ ...endpointQuery(strategyRankingContract.compareScenarios, { params: { missionId } }), enabled });
}

/** The latest plan; polled every second while it is queued or being solved (its progress is stored with it). */
export function usePlan(missionId: string) {
  return useQuery({
    ...endpointQuery(strategyPlanContract.plan, { params: { missionId } }),
    refetchInterval: (query) => (query.state.data?.run?.status === 'running' ? 1000 : false),
  });
}

export function useComments(projectId: string) {
  return useQuery(endpointQuery(strategyContract.comments, { params: { id: projectId } }));
}

export function useStrategyOverview(enabled = true) {
  return useQuery({ ...endpointQuery(strategyContract.overview), enabled });
}

/** Any change to a mission's strategy refreshes the state and every view computed from it (and the overview). */
function useStrategyMutation<TInput, TOutput>(run: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: FEATURE }),
  });
}

export type ProjectCreateBody = z.input<typeof ProjectSheetCreateInput>;
export type ProjectUpdateBody = z.input<typeof ProjectSheetUpdateInput>;
export type CriterionCreateBody = z.input<typeof CriterionCreateInput>;
export type CriterionUpdateBody = z.input<typeof CriterionUpdateInput>;

export function useStartStrategy(missionId: string) {
  return useStrategyMutation(() => call(strategyContract.start, { params: { missionId } }));
}

export function useCreateProject(missionId: string) {
  return useStrategyMutation((body: ProjectCreateBody) =>
    call(strategyContract.createProject, { params: { missionId }, body }),
  );
}

export function useUpdateProject(_missionId: string) {
  return useStrategyMutation(({ id, body }: { id: string; body: ProjectUpdateBody }) =>
    call(strategyContract.updateProject, { params: { id }, body }),
  );
}

export function useDeleteProject(_missionId: string) {
  return useStrategyMutation((id: string) => call(strategyContract.deleteProject, { params: { id } }));
}

export function useCreateCriterion(missionId: string) {
  return useStrategyMutation((body: CriterionCreateBody) =>
    call(strategyEvaluationContract.createCriterion, { params: { missionId }, body }),
  );
}

export function useUpdateCriterion(_missionId: string) {
  return useStrategyMutation(({ id, body }: { id: string; body: CriterionUpdateBody }) =>
    call(strategyEvaluationContract.updateCriterion, { params: { id }, body }),
  );
}

export function useDeleteCriterion(_missionId: string) {
  return useStrategyMutation((id: string) => call(strategyEvaluationContract.deleteCriterion, { params: { id } }));
}

export function useSetWeights(missionId: string) {
  return useStrategyMutation((weights: Record<string, number>) =>
    call(strategyEvaluationContract.setWeights, { params: { missionId }, body: { weights } }),
  );
}

export function useSetAhp(missionId: string) {
  return useStrategyMutation((body: z.input<typeof MissionAhpInput>) =>
    call(strategyEvaluationContract.setAhp, { params: { missionId }, body }),
  );
}

export function useSetEvaluations(missionId: string) {
  return useStrategyMutation((values: EvaluationsInput['values']) =>
    call(strategyEvaluationContract.setEvaluations, { params: { missionId }, body: { values } }),
  );
}

export function useCreateScenario(missionId: string) {
  return useStrategyMutation((body: { name: string; weights?: Record<string, number> }) =>
    call(strategyRankingContract.createScenario, { params: { missionId }, body }),
  );
}

export function useApplyScenario(_missionId: string) {
  return useStrategyMutation((id: string) => call(strategyRankingContract.applyScenario, { params: { id } }));
}

export function useDeleteScenario(_missionId: string) {
  return useStrategyMutation((id: string) => call(strategyRankingContract.deleteScenario, { params: { id } }));
}

export function useSetHorizons(missionId: string) {
  return useStrategyMutation((horizons: HorizonsInput['horizons']) =>
    call(strategyPlanContract.setHorizons, { params: { missionId }, body: { horizons } }),
  );
}

export function useSetLocks(missionId: string) {
  return useStrategyMutation((locks: PortfolioLockEntry[]) =>
    call(strategyPlanContract.setLocks, { params: { missionId }, body: { locks } }),
  );
}

/** Queues the plan's solve: the answer is the queued run, `usePlan` follows its progress. */
export function useRequestPlan(missionId: string) {
  return useStrategyMutation((body: z.input<typeof PlanRequest>) =>
    call(strategyPlanContract.requestPlan, { params: { missionId }, body }),
  );
}

export function useApprovePlan(missionId: string) {
  return useStrategyMutation(() => call(strategyPlanContract.approvePlan, { params: { missionId } }));
}

export function useCreateObjective(missionId: string) {
  return useStrategyMutation((body: z.input<typeof ObjectiveCreateInput>) =>
    call(strategyContract.createObjective, { params: { missionId }, body }),
  );
}

export function useUpdateObjective(_missionId: string) {
  return useStrategyMutation(({ id, body }: { id: string; body: z.input<typeof ObjectiveUpdateInput> }) =>
    call(strategyContract.updateObjective, { params: { id }, body }),
  );
}

export function useDeleteObjective(_missionId: string) {
  return useStrategyMutation((id: string) => call(strategyContract.deleteObjective, { params: { id } }));
}

export function useCreateComment(_missionId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => call(strategyContract.createComment, { params: { id: projectId }, body: { body } }),
    onSuccess: (comments) => {
      client.setQueryData(endpointQuery(strategyContract.comments, { params: { id: projectId } }).queryKey, comments);
      return client.invalidateQueries({ queryKey: strategyContract.state.key });
    },
  });
}

export function useDeleteComment(_missionId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(strategyContract.deleteComment, { params: { id } }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({
          queryKey: endpointQuery(strategyContract.comments, { params: { id: projectId } }).queryKey,
        }),
        client.invalidateQueries({ queryKey: strategyContract.state.key }),
      ]),
  });
}

/** The document's address (a file, outside the contract): a plain link downloads it with the session cookie. */
export function documentUrl(missionId: string, format: 'pdf' | 'xlsx', language: string): string {
  return withQuery(fillPath(strategyFiles[format], { missionId }), { lang: language });
}

// ── calculators ─────────────────────────────────────────────────────────────────────────────────────────────────
export function useRankCalculator() {
  return useMutation({ mutationFn: (problem: RankProblem) => call(analysisContract.rank, { body: problem }) });
}

export function usePortfolioCalculator() {
  return useMutation({
    mutationFn: (problem: PortfolioProblem) => call(analysisContract.portfolio, { body: problem }),
  });
}

export type { AhpResultSchema };
