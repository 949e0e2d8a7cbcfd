import { z } from 'zod';
import { ProcurementNature } from '../implementation/procurement.ts';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { LEGAL_ROUTES, type ScenarioAnalysis } from './analysis.ts';
import { ProcedureCost, SavingsAssumptions, type ScenarioSavings } from './savings.ts';
import { LotOption, ScenarioTerms } from './scenario.ts';

/** The purchasing feature's API shapes (issue 12): scenarios, participations, adhesions to the central purchasing body. */

export const LegalRoute = z.enum(LEGAL_ROUTES);
export const SCENARIO_STATUSES = ['draft', 'launched', 'cancelled'] as const;
export const ScenarioStatus = z.enum(SCENARIO_STATUSES);
export type ScenarioStatus = z.infer<typeof ScenarioStatus>;

export const PARTICIPATION_STATUSES = ['proposed', 'confirmed', 'declined'] as const;
export const ParticipationStatus = z.enum(PARTICIPATION_STATUSES);
export type ParticipationStatus = z.infer<typeof ParticipationStatus>;

/**
 * A value the domain computes and types in TypeScript (`ScenarioAnalysis`, `ScenarioSavings`), or a body the domain
 * checks itself to answer a French 422 (`parseSavingsAssumptions`): too deep to restate in zod, so the schema lets it
 * through as it is and the OpenAPI document describes it in words, while the contract carries its type to the web.
 */
export function typedByTheDomain<T>(description: string): z.ZodType<T> {
  return z.unknown().describe(description) as unknown as z.ZodType<T>;
}

const Money = z.number().finite().min(0).max(1e11);
const Quantity = z.number().int().min(0).max(1_000_000);

export const ScenarioCreateInput = ScenarioTerms.extend({
  title: z.string().trim().min(1).max(200),
  groupIds: z.array(z.uuid()).min(1).max(20).describe('confirmed groups of needs the scenario starts from'),
  lotsBy: z
    .enum(['group', 'category'])
    .default('category')
    .describe('one lot per group, or one lot per category (groups of one category share a lot)'),
  nature: ProcurementNature.default('services'),
});
export type ScenarioCreateInput = z.input<typeof ScenarioCreateInput>;

export const ScenarioLotInput = z.strictObject({
  key: z.string().trim().min(1).max(40),
  label: z.string().trim().min(1).max(200),
  category: z.string().max(80).nullable().default(null),
  nature: ProcurementNature,
  unit: z.string().trim().max(80).nullable().default(null),
  unitPrice: Money.nullable().default(null),
  options: z.array(LotOption).max(20).default([]),
});
export type ScenarioLotInput = z.input<typeof ScenarioLotInput>;

export const ParticipationInput = z.strictObject({
  lotKey: z.string().trim().min(1).max(40),
  communeNis: NisCode,
  quantity: Quantity.nullable().default(null),
  amount: Money.nullable().default(null),
});

/** The consultant's edit of the whole scenario: terms, lots, participations, and the route the agency chose. */
export const ScenarioUpdateInput = ScenarioTerms.extend({
  title: z.string().trim().min(1).max(200),
  lots: z.array(ScenarioLotInput).min(1).max(50),
  participations: z.array(ParticipationInput).max(5000),
  route: LegalRoute.nullable().default(null).describe('the route the agency decided on (its decision, recorded)'),
  routeNote: z.string().trim().max(2000).default('').describe('why: the decision and its reference'),
});
export type ScenarioUpdateInput = z.input<typeof ScenarioUpdateInput>;

/** A commune confirms (or declines) its line of a lot, with its quantity or amount. */
export const ParticipationConfirmInput = z
  .strictObject({
    communeNis: NisCode.optional().describe('agency staff recording it for a commune; a commune editor: their own'),
    lotKey: z.string().trim().min(1).max(40),
    participate: z.boolean(),
    quantity: Quantity.nullable().default(null),
    amount: Money.nullable().default(null),
  })
  .refine((p) => !p.participate || p.quantity !== null || p.amount !== null, {
    message: 'QUANTITY_OR_AMOUNT_REQUIRED',
    path: ['quantity'],
  });
export type ParticipationConfirmInput = z.input<typeof ParticipationConfirmInput>;

export const AdhesionInput = z.strictObject({
  communeNis: NisCode.optional().describe('agency staff recording it for a commune; a commune editor: their own'),
  decisionDate: IsoDate.describe('date of the council decision to adhere'),
  councilDecisionRef: z.string().trim().min(1).max(200).describe('reference of the council decision'),
});
export type AdhesionInput = z.input<typeof AdhesionInput>;

export const Adhesion = z.object({
  communeNis: NisCode,
  communeName: z.string(),
  decisionDate: z.string(),
  councilDecisionRef: z.string(),
  recordedAt: z.string(),
});
export type Adhesion = z.infer<typeof Adhesion>;

export const ScenarioParticipation = z.object({
  lotKey: z.string(),
  communeNis: NisCode,
  communeName: z.string(),
  quantity: z.number().nullable(),
  amount: z.number().nullable(),
  status: ParticipationStatus,
  confirmedAt: z.string().nullable(),
  adhered: z.boolean().describe('the commune adhered to the central purchasing body'),
});
export type ScenarioParticipation = z.infer<typeof ScenarioParticipation>;

export const ScenarioSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: ScenarioStatus,
  launchDate: z.string(),
  route: LegalRoute.nullable(),
  lotCount: z.number().int(),
  communeCount: z.number().int(),
  confirmedCount: z.number().int(),
  pendingCount: z.number().int(),
  updatedAt: z.string(),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;

export const ScenarioDetail = ScenarioSummary.extend({
  groups: z.array(z.object({ id: z.uuid(), label: z.string() })),
  initialMonths: z.number().int(),
  renewals: z.number().int(),
  renewalMonths: z.number().int(),
  lots: z.array(ScenarioLotInput.extend({ category: z.string().nullable(), unit: z.string().nullable() })),
  participations: z.array(ScenarioParticipation).describe('a commune user: their own commune’s lines'),
  routeNote: z.string(),
  analysis: typedByTheDomain<ScenarioAnalysis | null>(
    'ScenarioAnalysis (src/domain/purchasing/analysis.ts); null when the scenario cannot be valued yet',
  ),
  analysisError: z.string().nullable().describe('why the scenario cannot be valued yet, in French'),
  savings: typedByTheDomain<ScenarioSavings | null>(
    'ScenarioSavings (src/domain/purchasing/savings.ts); null when the scenario cannot be valued yet',
  ),
  savingsAssumptions: SavingsAssumptions.describe('the fee, the scenario’s own costs, the lots’ price models'),
  savingsError: z.string().nullable().describe('why the savings cannot be estimated, in French'),
  launchBlockers: z.array(z.string()).describe('what must happen before launch, in French'),
  permissions: z.object({ manage: z.boolean(), confirm: z.boolean() }),
});
export type ScenarioDetail = z.infer<typeof ScenarioDetail>;

/** The agency's procurement file of a launched scenario (issue 12, step 3). */
export const AgencyFile = z.object({
  scenarioId: z.uuid(),
  procedure: z.string(),
  procedureLabel: z.string(),
  steps: z.array(
    z.object({
      step: z.string(),
      label: z.string(),
      plannedDate: z.string().optional(),
      actualDate: z.string().optional(),
    }),
  ),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  publication: z.object({
    bdaReference: z.string().nullable(),
    joueReference: z.string().nullable(),
    publishedOn: z.string().nullable(),
  }),
  bids: z.array(z.object({ lotKey: z.string(), vendor: z.string(), amount: z.number(), receivedOn: z.string() })),
  problems: z.array(z.object({ severity: z.enum(['error', 'warning']), messageFr: z.string() })),
  europeanPublication: z.boolean(),
  standstill: z.object({ applies: z.boolean(), endsOn: z.string().nullable(), reasonFr: z.string() }).nullable(),
  award: z
    .object({
      awardDate: z.string(),
      lots: z.array(z.object({ lotKey: z.string(), vendor: z.string(), amount: z.number() })),
      agreementId: z.uuid().nullable(),
    })
    .nullable(),
});
export type AgencyFile = z.infer<typeof AgencyFile>;

/** A row of the procedure costs table as the admin screen shows it. */
export const ProcedureCostRecord = ProcedureCost.extend({
  labelFr: z.string(),
  /** false: the seed estimate, no admin has set this procedure yet. */
  stored: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type ProcedureCostRecord = z.infer<typeof ProcedureCostRecord>;
