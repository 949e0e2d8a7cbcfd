import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SwotResponse } from '../../../domain/diagnostic/swot.ts';
import type { Criterion, CriterionCreateInput, CriterionUpdateInput } from '../../../domain/strategy/criteria.ts';
import type { Horizon, HorizonsInput } from '../../../domain/strategy/horizons.ts';
import type { Evaluation, EvaluationsInput, PortfolioLockEntry } from '../../../domain/strategy/mission-model.ts';
import type { Objective, ObjectiveCreateInput, ObjectiveUpdateInput } from '../../../domain/strategy/objectives.ts';
import type {
  ProjectSheet,
  ProjectSheetCreateInput,
  ProjectSheetUpdateInput,
} from '../../../domain/strategy/project-sheets.ts';
import type { PortfolioProblem, PortfolioResult, RankProblem, RankResult } from '../../../domain/strategy/schemas.ts';
import type {
  AhpResultSchema,
  MissionAhp,
  MissionAhpInput,
  PlanRequest,
  PlanRun,
  PlanState,
  ProjectComment,
  RankingAnalysis,
  Scenario,
  ScenarioComparisonSchema,
  StrategyOverviewItem,
  StrategyState,
} from '../../../domain/strategy/strategy-api.ts';
import { api } from '../../lib/api.ts';

/** The strategy of a mission: one state query, the computed views (ranking, plan), and every change. */
export const strategyKeys = {
  all: ['strategy'] as const,
  state: (missionId: string) => ['strategy', missionId, 'state'] as const,
  ranking: (missionId: string, scenarioId: string | null, topK: number) =>
    ['strategy', missionId, 'ranking', scenarioId, topK] as const,
  comparison: (missionId: string) => ['strategy', missionId, 'comparison'] as const,
  plan: (missionId: string) => ['strategy', missionId, 'plan'] as const,
  comments: (projectId: string) => ['strategy', 'comments', projectId] as const,
  overview: ['strategy', 'overview'] as const,
  swot: (missionId: string) => ['strategy', missionId, 'swot'] as const,
};

/** The diagnostic's SWOT items, read through its API: the plan's balance can ask that each high-priority one is met. */
export function useSwotItems(missionId: string) {
  return useQuery({
    queryKey: strategyKeys.swot(missionId),
    queryFn: () => api.get<SwotResponse>(`/api/missions/${missionId}/swot`),
  });
}

const base = (missionId: string) => `/api/missions/${encodeURIComponent(missionId)}/strategy`;

/** The needs register of the mission's commune (the needs a sheet may answer): id and title. */
export function useCommuneNeeds(communeNis: string) {
  return useQuery({
    queryKey: ['strategy', 'commune-needs', communeNis],
    queryFn: () => api.get<{ id: string; title: string }[]>('/api/needs', { communeNis }),
    select: (needs) => needs.map((need) => ({ value: need.id, label: need.title })),
  });
}

export function useStrategy(missionId: string) {
  return useQuery({ queryKey: strategyKeys.state(missionId), queryFn: () => api.get<StrategyState>(base(missionId)) });
}

export function useRanking(missionId: string, options: { scenarioId: string | null; topK: number; enabled?: boolean }) {
  return useQuery({
    queryKey: strategyKeys.ranking(missionId, options.scenarioId, options.topK),
    queryFn: () =>
      api.get<RankingAnalysis>(`${base(missionId)}/ranking`, { scenarioId: options.scenarioId, topK: options.topK }),
    enabled: options.enabled ?? true,
  });
}

export function useScenarioComparison(missionId: string, enabled = true) {
  return useQuery({
    queryKey: strategyKeys.comparison(missionId),
    queryFn: () => api.get<ScenarioComparisonSchema>(`${base(missionId)}/scenarios/comparison`),
    enabled,
  });
}

/** The latest plan; polled every second while it is being computed. */
export function usePlan(missionId: string) {
  return useQuery({
    queryKey: strategyKeys.plan(missionId),
    queryFn: () => api.get<PlanState>(`${base(missionId)}/plan`),
    refetchInterval: (query) => (query.state.data?.run?.status === 'running' ? 1000 : false),
  });
}

export function useComments(projectId: string) {
  return useQuery({
    queryKey: strategyKeys.comments(projectId),
    queryFn: () => api.get<ProjectComment[]>(`/api/strategy/projects/${encodeURIComponent(projectId)}/comments`),
  });
}

export function useStrategyOverview(enabled = true) {
  return useQuery({
    queryKey: strategyKeys.overview,
    queryFn: () => api.get<StrategyOverviewItem[]>('/api/strategy/overview'),
    enabled,
  });
}

/** Any change to a mission's strategy refreshes the state and every view computed from it. */
function useStrategyMutation<TInput, TOutput>(missionId: string, run: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['strategy', missionId] }),
        client.invalidateQueries({ queryKey: strategyKeys.overview }),
      ]),
  });
}

export type ProjectCreateBody = z.input<typeof ProjectSheetCreateInput>;
export type ProjectUpdateBody = z.input<typeof ProjectSheetUpdateInput>;
export type CriterionCreateBody = z.input<typeof CriterionCreateInput>;
export type CriterionUpdateBody = z.input<typeof CriterionUpdateInput>;

export function useStartStrategy(missionId: string) {
  return useStrategyMutation(missionId, () => api.post<StrategyState>(base(missionId)));
}

export function useCreateProject(missionId: string) {
  return useStrategyMutation(missionId, (body: ProjectCreateBody) =>
    api.post<ProjectSheet>(`${base(missionId)}/projects`, body),
  );
}

export function useUpdateProject(missionId: string) {
  return useStrategyMutation(missionId, ({ id, body }: { id: string; body: ProjectUpdateBody }) =>
    api.patch<ProjectSheet>(`/api/strategy/projects/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteProject(missionId: string) {
  return useStrategyMutation(missionId, (id: string) => api.delete(`/api/strategy/projects/${encodeURIComponent(id)}`));
}

export function useCreateCriterion(missionId: string) {
  return useStrategyMutation(missionId, (body: CriterionCreateBody) =>
    api.post<Criterion[]>(`${base(missionId)}/criteria`, body),
  );
}

export function useUpdateCriterion(missionId: string) {
  return useStrategyMutation(missionId, ({ id, body }: { id: string; body: CriterionUpdateBody }) =>
    api.patch<Criterion[]>(`/api/strategy/criteria/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteCriterion(missionId: string) {
  return useStrategyMutation(missionId, (id: string) => api.delete(`/api/strategy/criteria/${encodeURIComponent(id)}`));
}

export function useSetWeights(missionId: string) {
  return useStrategyMutation(missionId, (weights: Record<string, number>) =>
    api.put<Criterion[]>(`${base(missionId)}/weights`, { weights }),
  );
}

export function useSetAhp(missionId: string) {
  return useStrategyMutation(missionId, (body: z.input<typeof MissionAhpInput>) =>
    api.put<MissionAhp>(`${base(missionId)}/ahp`, body),
  );
}

export function useSetEvaluations(missionId: string) {
  return useStrategyMutation(missionId, (values: EvaluationsInput['values']) =>
    api.put<Evaluation[]>(`${base(missionId)}/evaluations`, { values }),
  );
}

export function useCreateScenario(missionId: string) {
  return useStrategyMutation(missionId, (body: { name: string; weights?: Record<string, number> }) =>
    api.post<Scenario>(`${base(missionId)}/scenarios`, body),
  );
}

export function useApplyScenario(missionId: string) {
  return useStrategyMutation(missionId, (id: string) =>
    api.post<Criterion[]>(`/api/strategy/scenarios/${encodeURIComponent(id)}/apply`),
  );
}

export function useDeleteScenario(missionId: string) {
  return useStrategyMutation(missionId, (id: string) =>
    api.delete(`/api/strategy/scenarios/${encodeURIComponent(id)}`),
  );
}

export function useSetHorizons(missionId: string) {
  return useStrategyMutation(missionId, (horizons: HorizonsInput['horizons']) =>
    api.put<Horizon[]>(`${base(missionId)}/horizons`, { horizons }),
  );
}

export function useSetLocks(missionId: string) {
  return useStrategyMutation(missionId, (locks: PortfolioLockEntry[]) =>
    api.put<PortfolioLockEntry[]>(`${base(missionId)}/locks`, { locks }),
  );
}

export function useRequestPlan(missionId: string) {
  return useStrategyMutation(missionId, (body: Partial<PlanRequest>) =>
    api.post<PlanRun>(`${base(missionId)}/plan`, body),
  );
}

export function useApprovePlan(missionId: string) {
  return useStrategyMutation(missionId, () => api.post<StrategyState>(`${base(missionId)}/plan/approve`));
}

export function useCreateObjective(missionId: string) {
  return useStrategyMutation(missionId, (body: z.input<typeof ObjectiveCreateInput>) =>
    api.post<Objective[]>(`${base(missionId)}/objectives`, body),
  );
}

export function useUpdateObjective(missionId: string) {
  return useStrategyMutation(missionId, ({ id, body }: { id: string; body: z.input<typeof ObjectiveUpdateInput> }) =>
    api.patch<Objective[]>(`/api/strategy/objectives/${encodeURIComponent(id)}`, body),
  );
}

export function useDeleteObjective(missionId: string) {
  return useStrategyMutation(missionId, (id: string) =>
    api.delete(`/api/strategy/objectives/${encodeURIComponent(id)}`),
  );
}

export function useCreateComment(missionId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api.post<ProjectComment[]>(`/api/strategy/projects/${encodeURIComponent(projectId)}/comments`, { body }),
    onSuccess: (comments) => {
      client.setQueryData(strategyKeys.comments(projectId), comments);
      return client.invalidateQueries({ queryKey: strategyKeys.state(missionId) });
    },
  });
}

export function useDeleteComment(missionId: string, projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/strategy/comments/${encodeURIComponent(id)}`),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: strategyKeys.comments(projectId) }),
        client.invalidateQueries({ queryKey: strategyKeys.state(missionId) }),
      ]),
  });
}

/** The document's address: a plain link downloads it with the session cookie. */
export function documentUrl(missionId: string, format: 'pdf' | 'xlsx', language: string): string {
  return `${base(missionId)}/document.${format}?lang=${language}`;
}

// ── calculators ─────────────────────────────────────────────────────────────────────────────────────────────────
export function useRankCalculator() {
  return useMutation({ mutationFn: (problem: RankProblem) => api.post<RankResult>('/api/analysis/rank', problem) });
}

export function usePortfolioCalculator() {
  return useMutation({
    mutationFn: (problem: PortfolioProblem) => api.post<PortfolioResult>('/api/analysis/portfolio', problem),
  });
}

export type { AhpResultSchema };
