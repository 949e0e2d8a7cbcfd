import { z } from 'zod';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { GroupExplanation } from './grouping.ts';
import { PURCHASE_WARNINGS, PurchaseWarning, PurchaseWarningCode } from './purchase.ts';
import { PriceModel } from './savings.ts';

/** The mutualisation's API shapes (issue 5): runs, groups, polls, joint purchases, and the calculator's format. */
export const GROUP_STATUSES = ['proposed', 'confirmed', 'dismissed'] as const;
export const GroupStatus = z.enum(GROUP_STATUSES);
export type GroupStatus = z.infer<typeof GroupStatus>;

export const MutualisationRun = z.object({
  id: z.uuid(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number().describe('0 to 1'),
  step: z.string().nullable(),
  stats: z
    .object({
      needs: z.number(),
      groups: z.number(),
      suggestedCategories: z.number().optional().describe('needs given a suggested category'),
      durationMs: z.number(),
    })
    .nullable()
    .describe('when done'),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type MutualisationRun = z.infer<typeof MutualisationRun>;

export const GroupSummary = z.object({
  id: z.uuid(),
  status: GroupStatus,
  label: z.string(),
  category: z.string().nullable(),
  reason: z.string().describe('why the group was formed, in French'),
  explanation: GroupExplanation.nullable().describe('the same, as facts for other languages (null for older groups)'),
  sharedTerms: z.array(z.string()),
  needCount: z.number(),
  communeCount: z.number(),
  communeNames: z.array(z.string()),
  updatedAt: z.string(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

/**
 * A need of the group. A commune user reads their own commune's needs in full, and only the commune and title of
 * the others' (`restricted`; policy.ts, needView).
 */
export const GroupNeed = z.object({
  id: z.uuid(),
  communeNis: NisCode,
  communeName: z.string(),
  title: z.string(),
  restricted: z.boolean().describe('only the commune and the title are shown to the caller'),
  description: z.string().nullable(),
  estimatedBudget: z.number().nullable(),
  urgency: z.string().nullable(),
});

export const GroupCommune = z.object({
  nisCode: NisCode,
  name: z.string(),
  population: z.number().nullable(),
  needCount: z.number(),
  budget: z
    .number()
    .nullable()
    .describe('sum of the estimated budgets of its needs in the group, euros; null when not shown to the caller'),
});

export const PollAnswer = z.object({
  communeNis: NisCode,
  communeName: z.string(),
  answer: z.enum(['yes', 'no']).nullable(),
  quantity: z.number().nullable(),
  budget: z.number().nullable(),
  comment: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const InterestPoll = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  groupLabel: z.string().optional(),
  question: z.string(),
  unit: z.string(),
  deadline: z.string(),
  audience: z.enum(['group', 'all']),
  closed: z.boolean().describe('the deadline has passed'),
  asked: z.number().int().describe('how many communes the poll asks'),
  answers: z.array(PollAnswer).describe('a commune user: their own commune’s answer only'),
  createdAt: z.string(),
  permissions: z.object({
    answer: z.boolean().describe('the caller may answer it for their own commune now (open, and theirs to answer)'),
  }),
});
export type InterestPoll = z.infer<typeof InterestPoll>;

export const PurchaseInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200),
    lotId: z.uuid().nullable().default(null).describe('a lot of the agency’s framework agreement to buy through'),
    solutionId: z
      .uuid()
      .nullable()
      .default(null)
      .describe('the solution of the lot bought (required with a lot): each commune’s line is a call-off of it'),
    confirmed: z
      .array(PurchaseWarningCode)
      .max(PURCHASE_WARNINGS.length)
      .default([])
      .describe('the warnings of the draft the consultant confirmed (single commune, no saving, not adherent)'),
  })
  .refine((p) => p.lotId === null || p.solutionId !== null, { message: 'SOLUTION_REQUIRED', path: ['solutionId'] });
export type PurchaseInput = z.infer<typeof PurchaseInput>;

export const PurchaseLine = z.object({
  communeNis: NisCode,
  communeName: z.string(),
  quantity: z.number(),
  amount: z.number(),
});
export const PurchaseTotals = z.object({
  quantity: z.number(),
  costAlone: z.number(),
  costTogether: z.number(),
  saving: z.number(),
});

export const JointPurchase = z.object({
  id: z.uuid(),
  title: z.string(),
  lot: z
    .object({ id: z.uuid(), label: z.string(), agreementId: z.uuid() })
    .nullable()
    .describe('the framework agreement lot it goes through'),
  solution: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  lines: z.array(PurchaseLine.extend({ callOffId: z.uuid().nullable() })).describe('a commune user: their own line'),
  totals: PurchaseTotals.nullable(),
  createdAt: z.string(),
});
export type JointPurchase = z.infer<typeof JointPurchase>;

/** What the purchase would be, before it is made: its lines, what the lot has left, what to confirm and why. */
export const PurchaseDraft = z.object({
  lines: z.array(PurchaseLine),
  totals: PurchaseTotals.nullable(),
  amount: z.number().describe('the whole purchase, euros excl. VAT'),
  lot: z
    .object({
      id: z.uuid(),
      label: z.string(),
      remaining: z.number().describe('what the lot has left before the purchase'),
      agreementRemaining: z.number().nullable(),
    })
    .nullable(),
  warnings: z.array(PurchaseWarning),
});
export type PurchaseDraft = z.infer<typeof PurchaseDraft>;

export const PurchaseDraftQuery = z.strictObject({
  lotId: z.uuid().optional(),
  solutionId: z.uuid().optional(),
});

/** What a scenario of the savings estimate tries: a quantity per commune (NIS code → whole units). */
export const ScenarioQuantities = z.record(NisCode, z.number().int().min(0).max(1_000_000));
export type ScenarioQuantities = z.infer<typeof ScenarioQuantities>;

export const GroupDetail = GroupSummary.extend({
  needs: z.array(GroupNeed),
  communes: z.array(GroupCommune),
  totals: z.object({
    population: z.number(),
    budget: z.number().nullable().describe('null for a commune user: it would add up the other communes’ budgets'),
  }),
  priceModel: z.unknown().nullable(),
  scenarioQuantities: ScenarioQuantities.nullable().describe(
    'the quantities saved with the price model (a commune user: their own)',
  ),
  yourShare: z
    .object({ quantity: z.number(), costAlone: z.number(), costTogether: z.number(), saving: z.number() })
    .nullable()
    .describe('a commune user: their commune’s line of the saved estimate'),
  polls: z.array(InterestPoll),
  purchase: JointPurchase.nullable(),
  permissions: z.object({
    manage: z.boolean().describe('confirm, dismiss, reopen, split, merge, rename, set its price model'),
    poll: z.boolean().describe('ask the communes whether they join'),
    buy: z.boolean().describe('turn it into a joint purchase now (confirmed, and none yet)'),
  }),
});
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GroupAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('confirm') }),
  z.strictObject({ action: z.literal('dismiss') }),
  z.strictObject({ action: z.literal('reopen') }),
  z.strictObject({
    action: z.literal('split'),
    needIds: z.array(z.uuid()).min(1).describe('needs that leave this group to form a new proposed group'),
  }),
  z.strictObject({ action: z.literal('merge'), groupId: z.uuid().describe('the group merged into this one') }),
  z.strictObject({ action: z.literal('rename'), label: z.string().trim().min(1).max(200) }),
  z.strictObject({
    action: z.literal('price-model'),
    priceModel: PriceModel.nullable(),
    quantities: ScenarioQuantities.optional().describe('the scenario’s quantities, kept with the model'),
  }),
]);
export type GroupAction = z.infer<typeof GroupAction>;

export const PollCreateInput = z.strictObject({
  question: z.string().trim().min(1).max(500),
  unit: z.string().trim().min(1).max(80).describe('what a quantity counts, e.g. "point lumineux"'),
  deadline: IsoDate,
  audience: z.enum(['group', 'all']).default('group').describe('the group’s communes, or every current commune'),
});
export type PollCreateInput = z.infer<typeof PollCreateInput>;

export const PollAnswerInput = z
  .strictObject({
    communeNis: NisCode.optional().describe('agency staff answering for a commune; a commune user answers for theirs'),
    answer: z.enum(['yes', 'no']),
    quantity: z.number().int().min(0).max(1_000_000).nullable().default(null),
    budget: z.number().finite().min(0).max(1e10).nullable().default(null),
    comment: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((a) => a.answer === 'no' || a.quantity !== null || a.budget !== null, {
    message: 'QUANTITY_OR_BUDGET_REQUIRED',
    path: ['quantity'],
  });
export type PollAnswerInput = z.infer<typeof PollAnswerInput>;

/** The calculator's and the CLI's format (issue 5). */
export const NeedsAnalysisInput = z.strictObject({
  needs: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(100),
        nis_code: NisCode,
        title: z.string().trim().min(1).max(200),
        description: z.string().max(4000).default(''),
        category: z.string().nullable().optional(),
      }),
    )
    .min(1)
    .max(25_000),
});
export const NeedsAnalysisResult = z.object({
  groups: z.array(
    z.object({
      needs: z.array(z.string()),
      communes: z.array(z.string()),
      label: z.string(),
      reason: z.string(),
    }),
  ),
});
