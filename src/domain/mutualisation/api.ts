import { z } from 'zod';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { GroupExplanation } from './grouping.ts';
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

export const GroupNeed = z.object({
  id: z.uuid(),
  communeNis: NisCode,
  communeName: z.string(),
  title: z.string(),
  description: z.string(),
  estimatedBudget: z.number().nullable(),
  urgency: z.string(),
});

export const GroupCommune = z.object({
  nisCode: NisCode,
  name: z.string(),
  population: z.number().nullable(),
  needCount: z.number(),
  budget: z.number().describe('sum of the estimated budgets of its needs in the group, euros'),
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
  answers: z.array(PollAnswer),
  createdAt: z.string(),
});
export type InterestPoll = z.infer<typeof InterestPoll>;

export const PurchaseInput = z.strictObject({
  title: z.string().trim().min(1).max(200),
  lotId: z.uuid().nullable().default(null).describe('a lot of the agency’s framework agreement to buy through'),
});
export type PurchaseInput = z.infer<typeof PurchaseInput>;

export const JointPurchase = z.object({
  id: z.uuid(),
  title: z.string(),
  lot: z.object({ id: z.uuid(), label: z.string() }).nullable().describe('the framework agreement lot it goes through'),
  lines: z.array(z.object({ communeNis: NisCode, communeName: z.string(), quantity: z.number(), amount: z.number() })),
  totals: z
    .object({ quantity: z.number(), costAlone: z.number(), costTogether: z.number(), saving: z.number() })
    .nullable(),
  createdAt: z.string(),
});
export type JointPurchase = z.infer<typeof JointPurchase>;

export const GroupDetail = GroupSummary.extend({
  needs: z.array(GroupNeed),
  communes: z.array(GroupCommune),
  totals: z.object({ population: z.number(), budget: z.number() }),
  priceModel: z.unknown().nullable(),
  polls: z.array(InterestPoll),
  purchase: JointPurchase.nullable(),
  permissions: z.object({ manage: z.boolean() }),
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
  z.strictObject({ action: z.literal('price-model'), priceModel: PriceModel.nullable() }),
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
