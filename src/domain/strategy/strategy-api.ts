import { z } from 'zod';
import { IsoDateTime, NisCode } from '../shared/schemas.ts';
import { Criterion } from './criteria.ts';
import { FundingBasis } from './funding.ts';
import { Horizon, HorizonKey } from './horizons.ts';
import { Evaluation, OutsideProject, PortfolioLockEntry, RankingAnalysis } from './mission-model.ts';
import { Objective } from './objectives.ts';
import { PlanBalance } from './plan-balance.ts';
import { ProjectSheet } from './project-sheets.ts';
import { Roadmap } from './roadmap.ts';
import { PortfolioStatus } from './schemas.ts';

/**
 * What the HTTP API answers about a mission's strategy, and the inputs it takes beyond the sheets, criteria and
 * objectives: AHP comparisons, scenarios, plan runs, comments, and the calculators' results.
 */
export const AhpResultSchema = z
  .object({
    weights: z.array(z.number()),
    lambdaMax: z.number(),
    consistencyIndex: z.number(),
    consistencyRatio: z.number().describe('CI / RI: judgements are acceptable below 0.10'),
    randomIndex: z.number(),
    consistent: z.boolean(),
  })
  .meta({ id: 'AhpResult' });
export type AhpResultSchema = z.infer<typeof AhpResultSchema>;

const Judgement = z
  .number()
  .min(1 / 9 - 1e-9)
  .max(9 + 1e-9);

export const MissionAhpInput = z.strictObject({
  criterionIds: z.array(z.uuid()).min(2).max(15).describe('every criterion of the mission, in the matrix order'),
  upperTriangle: z
    .array(z.array(Judgement))
    .describe("row i: how much more important criterion i is than i+1 … n, on Saaty's 1/9 … 9 scale"),
  apply: z.boolean().default(true).describe('set the criteria weights to the AHP weights'),
});
export type MissionAhpInput = z.infer<typeof MissionAhpInput>;

export const MissionAhp = z
  .object({
    criterionIds: z.array(z.uuid()),
    upperTriangle: z.array(z.array(z.number())),
    result: AhpResultSchema,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'MissionAhp' });
export type MissionAhp = z.infer<typeof MissionAhp>;

export const Scenario = z
  .object({
    id: z.uuid(),
    name: z.string(),
    weights: z.record(z.string(), z.number()).describe('weight by criterion id'),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'StrategyScenario' });
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioCreateInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  weights: z
    .record(z.uuid(), z.number().min(0).max(1000))
    .optional()
    .describe('by criterion id; the current weights when left out'),
});
export type ScenarioCreateInput = z.infer<typeof ScenarioCreateInput>;

export const ScenarioComparisonSchema = z
  .object({
    scenarios: z.array(z.object({ id: z.string(), name: z.string(), weights: z.record(z.string(), z.number()) })),
    ranks: z.array(z.object({ id: z.string(), ranks: z.record(z.string(), z.number()) })),
    agreement: z.array(
      z.object({
        first: z.string(),
        second: z.string(),
        kendallTau: z.number().nullable(),
        spearmanRho: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ScenarioComparison' });
export type ScenarioComparisonSchema = z.infer<typeof ScenarioComparisonSchema>;

export const StrategyPermissions = z.object({
  edit: z.boolean().describe('change sheets, criteria, weights, evaluations, horizons, plan (agency staff)'),
  comment: z.boolean().describe('comment on the project sheets (also the commune’s editors)'),
});

export const StrategyState = z
  .object({
    missionId: z.uuid(),
    communeNis: NisCode,
    started: z.boolean().describe('false until the strategy is started (default criteria and horizons set)'),
    criteria: z.array(Criterion),
    projects: z.array(ProjectSheet),
    evaluations: z.array(Evaluation),
    horizons: z.array(Horizon),
    locks: z.array(PortfolioLockEntry),
    objectives: z.array(Objective),
    scenarios: z.array(Scenario),
    ahp: MissionAhp.nullable(),
    permissions: StrategyPermissions,
  })
  .meta({ id: 'StrategyState' });
export type StrategyState = z.infer<typeof StrategyState>;

export const RankingQuery = z.object({
  scenarioId: z.uuid().optional().describe('rank with a saved scenario’s weights instead of the current ones'),
  topK: z.coerce
    .number()
    .int()
    .min(0)
    .max(500)
    .optional()
    .describe('stability intervals keep the top k unchanged; 0 for the whole ranking; 5 by default'),
});

export const PlanRequest = z.strictObject({
  timeLimitSeconds: z.number().min(1).max(60).default(20).describe('HiGHS stops after this and keeps its best plan'),
  relativeGap: z.number().min(0).max(0.05).default(1e-4).describe('stop when within this share of the optimum'),
  fundingBasis: FundingBasis.default('requested').describe(
    'which funding lowers the commune’s share: requested and granted (default), or granted only; the other basis is computed beside it for comparison',
  ),
  carryOver: z
    .boolean()
    .default(false)
    .describe('money a horizon leaves unspent carries to the next ones (the commune’s reserve funds)'),
  balance: PlanBalance.optional().describe(
    'optional balance rules: min/max share per dimension and strategic objective, SWOT items to cover',
  ),
});
export type PlanRequest = z.infer<typeof PlanRequest>;
/** What services take: funding basis, carry-over and balance may be left out, so older callers still work. */
export type PlanOptions = Omit<PlanRequest, 'fundingBasis' | 'carryOver' | 'balance'> & {
  fundingBasis?: FundingBasis;
  carryOver?: boolean;
  balance?: PlanBalance;
};

const FundingTotals = z.object({
  investment: z.number(),
  funding: z.number().describe('funding counted on the plan’s basis'),
  ownShare: z.number().describe('investment − funding: what the budget pays'),
  requested: z.number(),
  granted: z.number(),
});

export const LEFT_OUT_CODES = [
  'EXCLUDED_BY',
  'REQUIRES_LEFT_OUT',
  'DOES_NOT_FIT',
  'HELD_BY_BALANCE',
  'NO_VALUE',
  'FITS',
] as const;

export const PlanResult = z
  .object({
    status: PortfolioStatus,
    objective: z.number().nullable(),
    greedyObjective: z.number(),
    placements: z.array(z.object({ projectId: z.uuid(), horizon: HorizonKey })),
    greedyPlacements: z.array(z.object({ projectId: z.uuid(), horizon: HorizonKey })),
    values: z.record(z.string(), z.number()).describe('the value (priority) each project had in the problem'),
    budgets: z.array(
      z.object({
        horizon: HorizonKey,
        budget: z.number(),
        used: z.number(),
        remaining: z.number(),
        binds: z.boolean(),
        runningPerYear: z.number().describe('yearly running costs of the projects placed in this horizon'),
        investment: z.number().optional().describe('gross investment of the projects placed (used = own share)'),
        funding: z.number().optional().describe('funding counted for those projects: investment − used'),
      }),
    ),
    fundingBasis: FundingBasis.optional().describe('absent in plans computed before funding was counted'),
    carryOver: z.boolean().optional().describe('the plan let unspent money carry to the next horizons'),
    costs: z
      .record(z.string(), FundingTotals)
      .optional()
      .describe('by project: investment, funding on the plan’s basis and own share'),
    comparison: z
      .object({
        fundingBasis: FundingBasis,
        status: PortfolioStatus,
        objective: z.number().nullable(),
        placements: z.array(z.object({ projectId: z.uuid(), horizon: HorizonKey })),
        budgets: z.array(z.object({ horizon: HorizonKey, budget: z.number(), used: z.number() })),
      })
      .nullable()
      .optional()
      .describe('the plan on the other funding basis, to compare'),
    leftOut: z.array(
      z.object({
        projectId: z.uuid(),
        reasons: z.array(
          z.object({
            code: z.enum(LEFT_OUT_CODES),
            by: z.string().optional(),
            requires: z.string().optional(),
            cost: z.number().optional(),
            from: z.string().optional(),
            horizon: z.string().optional(),
            remaining: z.array(z.object({ horizon: z.string(), amount: z.number() })).optional(),
            rule: z.string().optional().describe('HELD_BY_BALANCE: the balance rule that holds the project back'),
            label: z.string().optional(),
            bound: z.enum(['min', 'max']).optional(),
            limit: z.number().optional().describe('HELD_BY_BALANCE: the bound, as a share 0 … 1'),
          }),
        ),
      }),
    ),
    balance: z
      .array(
        z.object({
          id: z.string(),
          label: z.string(),
          measure: z.enum(['budget', 'projects']),
          min: z.number().nullable(),
          max: z.number().nullable(),
          share: z.number().nullable().describe('the group’s share of the plan, 0 … 1; null for an empty plan'),
          binds: z.boolean(),
          holdsBack: z.array(z.string()).describe('projects the money allows but this rule keeps out'),
        }),
      )
      .optional()
      .describe('the plan’s balance rules against the plan; absent when it had none'),
    cover: z
      .array(z.object({ id: z.string(), label: z.string(), placed: z.array(z.string()) }))
      .optional()
      .describe('the SWOT items to cover, with the projects of the plan answering each'),
    planBalance: PlanBalance.optional().describe('the balance asked, as typed'),
    outside: z.array(OutsideProject).describe('projects that could not take part (rejected, not evaluated, …)'),
    infeasibility: z
      .object({
        causes: z.array(z.record(z.string(), z.unknown())),
        message: z.string(),
        messageFr: z.string().optional().describe('the same causes in French'),
      })
      .nullable()
      .describe('when infeasible: what makes it so'),
    roadmap: Roadmap.nullable(),
  })
  .meta({ id: 'PlanResult' });
export type PlanResult = z.infer<typeof PlanResult>;

/** Where a plan's solve stands: queued for an instance, solving, solving the other funding basis, explaining. */
export const PLAN_STEPS = ['queued', 'retry', 'solve', 'compare', 'explain', 'done', 'failed'] as const;
export const PlanStep = z.enum(PLAN_STEPS);
export type PlanStep = z.infer<typeof PlanStep>;

export const PlanRun = z
  .object({
    id: z.uuid(),
    status: z.enum(['running', 'done', 'failed']),
    progress: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .describe('0 … 1 while running, stored with the run so every instance shows it; null for older plans'),
    step: PlanStep.nullable().describe('queued (waiting for an instance), retry (after a lost instance), solve…'),
    startedAt: IsoDateTime,
    finishedAt: IsoDateTime.nullable(),
    timeLimitSeconds: z.number(),
    relativeGap: z.number(),
    requestedBy: z.string().nullable(),
    locks: z.array(PortfolioLockEntry).describe('the locks the plan was computed with'),
    result: PlanResult.nullable(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  })
  .meta({ id: 'PlanRun' });
export type PlanRun = z.infer<typeof PlanRun>;

export const PlanState = z
  .object({
    run: PlanRun.nullable(),
    stale: z.boolean().describe('the sheets, evaluations, weights, budgets or locks changed since this plan'),
  })
  .meta({ id: 'PlanState' });
export type PlanState = z.infer<typeof PlanState>;

export const ProjectComment = z
  .object({
    id: z.uuid(),
    projectId: z.uuid(),
    authorId: z.uuid().nullable(),
    authorName: z.string(),
    body: z.string(),
    createdAt: IsoDateTime,
    canDelete: z.boolean(),
  })
  .meta({ id: 'ProjectComment' });
export type ProjectComment = z.infer<typeof ProjectComment>;

export const CommentCreateInput = z.strictObject({ body: z.string().trim().min(1).max(4000) });
export type CommentCreateInput = z.infer<typeof CommentCreateInput>;

export const StrategyOverviewItem = z
  .object({
    missionId: z.uuid(),
    missionTitle: z.string(),
    communeNis: NisCode,
    communeName: z.string(),
    phase: z.string(),
    started: z.boolean(),
    projects: z.number().int(),
    planned: z.number().int().nullable().describe('projects in the latest plan; null without a plan'),
    plannedInvestment: z.number().nullable(),
    planStatus: z.string().nullable(),
    planFinishedAt: IsoDateTime.nullable(),
  })
  .meta({ id: 'StrategyOverviewItem' });
export type StrategyOverviewItem = z.infer<typeof StrategyOverviewItem>;

export const PortfolioCalculatorQuery = z.object({
  timeLimitSeconds: z.coerce.number().min(0.1).max(10).default(10).describe('at most 10 s over HTTP'),
  relativeGap: z.coerce.number().min(0).max(0.05).default(0).describe('0: proven optimal unless the time runs out'),
});

export { RankingAnalysis };
