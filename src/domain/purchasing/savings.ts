import { z } from 'zod';
import { PROCEDURE_LABELS_FR, ProcurementProcedure } from '../implementation/procurement.ts';
import { allocate, estimateSavings, PriceModel, type SavingsEstimate } from '../mutualisation/savings.ts';
import { DomainError } from '../shared/errors.ts';
import { formatEuro } from '../shared/format.ts';
import type { ScenarioAnalysis } from './analysis.ts';
import { savingsAssumptionsFr } from './savings-wording.ts';

/**
 * Savings, honestly (issue 12): what the communes of a scenario save by ordering in the agency's framework agreement
 * instead of each running its own procurement. Three effects, each with its assumptions shown:
 * - the **procedure costs each commune avoids**: the procedure it would run alone for its share over the whole term
 *   (the implementation's procedure advice on the dated thresholds, via the scenario's analysis), less the cost of a
 *   call-off in the agreement — at a cost per procedure type that the agency's admins maintain with its source;
 * - the **central purchasing body's fee**, if any: a rate of what each commune buys through the agreement, or an
 *   amount for the whole scenario shared in proportion to what each buys;
 * - the **price effect of volume**, per lot, from the mutualisation's price models (`estimateSavings`), on the
 *   quantities of the initial term only (renewals are not extrapolated: a fixed cost would be counted twice).
 * The agency's own procedure is not free: its cost is stated beside the communes' net saving, and the saving for the
 * public purse as a whole subtracts it (the fee moves money between public bodies, it is not a saving).
 * Money is computed in whole cents.
 */

const Money = z
  .number()
  .finite()
  .min(0, { message: 'NEGATIVE_AMOUNT' })
  .max(1e9)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'NOT_IN_CENTS' });

/** A cost per procedure type, as the agency's admins maintain it, with where the figure comes from. */
export const ProcedureCost = z.strictObject({
  procedure: ProcurementProcedure,
  cost: Money.describe('what running one such procedure costs a commune (staff time, publication), euros excl. VAT'),
  source: z.string().trim().min(1, { message: 'SOURCE_REQUIRED' }).max(1000).describe('where the figure comes from'),
  verified: z.boolean().describe('false: an estimate still to check, shown « estimation à vérifier »'),
});
export type ProcedureCost = z.infer<typeof ProcedureCost>;

export const ProcedureCostTable = z
  .array(ProcedureCost)
  .max(ProcurementProcedure.options.length)
  .superRefine((rows, ctx) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      if (seen.has(row.procedure)) ctx.addIssue({ code: 'custom', path: [i, 'procedure'], message: 'PROCEDURE_TWICE' });
      seen.add(row.procedure);
    });
  });

const SEED_SOURCE =
  'Estimation à vérifier — ordre de grandeur du temps de travail d’un service communal (rédaction des documents, ' +
  'publication, analyse des offres, décision d’attribution, notification), posée par défaut sans source publiée ; ' +
  'à remplacer par un relevé de l’agence ou des communes.';

/**
 * Default costs, clearly estimates: each row says so and is shown « estimation à vérifier » until an admin records
 * a source and marks it checked. Ordered from the lightest procedure to the heaviest, as the advice lists them.
 */
export const SEED_PROCEDURE_COSTS: ProcedureCost[] = (
  [
    ['framework-call-off', 150],
    ['low-value', 300],
    ['negotiated-without-publication', 1_500],
    ['negotiated-direct-with-publication', 3_500],
    ['open', 6_000],
    ['restricted', 8_000],
    ['competitive-negotiation', 9_000],
    ['competitive-dialogue', 15_000],
    ['innovation-partnership', 20_000],
  ] as const
).map(([procedure, cost]) => ({ procedure, cost, source: SEED_SOURCE, verified: false }));

/** The stored rows over the seed: a procedure the admins have not set yet keeps its seed estimate. */
export function procedureCostTable(stored: ProcedureCost[]): ProcedureCost[] {
  return SEED_PROCEDURE_COSTS.map((seed) => stored.find((row) => row.procedure === seed.procedure) ?? seed);
}

export const FeeAssumption = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('rate'),
    ratePercent: z
      .number()
      .finite()
      .min(0, { message: 'NEGATIVE_AMOUNT' })
      .max(100, { message: 'RATE_ABOVE_100' })
      .describe('percent of what each commune buys through the agreement'),
  }),
  z.strictObject({
    kind: z.literal('amount'),
    amount: Money.describe('for the whole scenario, shared in proportion to what each commune buys'),
  }),
]);
export type FeeAssumption = z.infer<typeof FeeAssumption>;

/** A scenario's own assumptions, editable on its screen. */
export const SavingsAssumptions = z.strictObject({
  fee: FeeAssumption.default({ kind: 'none' }),
  feeNote: z.string().trim().max(500).default('').describe('where the fee comes from (the agency’s decision…)'),
  /** This scenario's cost for a procedure type, instead of the agency's table. */
  costOverrides: z
    .array(z.strictObject({ procedure: ProcurementProcedure, cost: Money }))
    .max(20)
    .default([]),
  /** A lot's price model (volume tiers or a shared fixed cost); a lot without one counts no price effect. */
  priceModels: z
    .array(z.strictObject({ lotKey: z.string().trim().min(1).max(40), model: PriceModel }))
    .max(50)
    .default([]),
});
export type SavingsAssumptions = z.infer<typeof SavingsAssumptions>;
export type SavingsAssumptionsInput = z.input<typeof SavingsAssumptions>;

export const DEFAULT_SAVINGS_ASSUMPTIONS: SavingsAssumptions = {
  fee: { kind: 'none' },
  feeNote: '',
  costOverrides: [],
  priceModels: [],
};

export type CostUsed = ProcedureCost & { labelFr: string; overridden: boolean };

export type CommuneSavings = {
  communeNis: string;
  communeName: string;
  /** What the commune buys through the agreement over the whole term. */
  fullTermAmount: number;
  procedureAlone: ProcurementProcedure;
  procedureAloneLabelFr: string;
  procedureAloneCost: number;
  callOffCost: number;
  avoidedProcedureCost: number;
  volumeSaving: number;
  fee: number;
  net: number;
};

export type LotVolumeEffect = {
  lotKey: string;
  label: string;
  /** null: no price model for the lot, or no commune with a quantity. */
  estimate: SavingsEstimate | null;
  noteFr: string;
};

export type ScenarioSavings = {
  communes: CommuneSavings[];
  lots: LotVolumeEffect[];
  totals: {
    volumeSaving: number;
    avoidedProcedureCosts: number;
    fee: number;
    /** volume + avoided procedures − fee: what the communes keep. */
    netForCommunes: number;
    agencyProcedure: ProcurementProcedure | null;
    agencyProcedureCost: number;
    /** The communes' net + the fee (a transfer to the agency) − the agency's own procedure. */
    netForPublicSector: number;
  };
  costsUsed: CostUsed[];
  fee: FeeAssumption;
  assumptionsFr: string[];
  /** Costs of the table that are still estimates, to show « estimation à vérifier ». */
  toVerifyFr: string[];
};

const ISSUES_FR: Record<string, string> = {
  NEGATIVE_AMOUNT: 'un montant ne peut pas être négatif',
  NOT_IN_CENTS: 'les montants se donnent au cent près',
  RATE_ABOVE_100: 'le taux de la commission ne peut pas dépasser 100 %',
  SOURCE_REQUIRED: 'indiquez la source du coût',
  PROCEDURE_TWICE: 'une procédure figure deux fois',
};

/** Parses a scenario's assumptions; a broken rule is a French sentence. */
export function parseSavingsAssumptions(input: unknown): SavingsAssumptions {
  return parseOrThrow(SavingsAssumptions, input, 'INVALID_SAVINGS_ASSUMPTIONS', 'Hypothèses d’économies invalides');
}

/** Parses the admins' table of procedure costs; a broken rule is a French sentence. */
export function parseProcedureCosts(input: unknown): ProcedureCost[] {
  return parseOrThrow(ProcedureCostTable, input, 'INVALID_PROCEDURE_COSTS', 'Coûts de procédure invalides');
}

/**
 * The savings of a scenario through the agency's framework agreement, from its analysis (values per commune and the
 * procedure each would run alone), the table of procedure costs and the scenario's own assumptions.
 */
export function estimateScenarioSavings(
  analysis: ScenarioAnalysis,
  table: ProcedureCost[],
  assumptionsInput: SavingsAssumptionsInput,
): ScenarioSavings {
  const assumptions = parseSavingsAssumptions(assumptionsInput);
  const costs = costBook(table, assumptions);
  const agencyRoute = analysis.routes.find((r) => r.route === 'central-purchasing-body');
  const agencyProcedure = agencyRoute?.advice?.proposals.find((p) => p.recommended)?.procedure ?? null;
  const callOff = costs.use('framework-call-off');
  const { lots, volumeCents } = volumeEffects(analysis, assumptions);
  const rows = communeSavings(analysis, assumptions, costs, volumeCents);
  const sum = (pick: (r: CommuneSavings) => number) => rows.reduce((s, r) => s + toCents(pick(r)), 0);
  const volumeTotal = sum((r) => r.volumeSaving);
  const avoidedTotal = sum((r) => r.avoidedProcedureCost);
  const feeTotal = sum((r) => r.fee);
  const net = volumeTotal + avoidedTotal - feeTotal;
  const agencyCost = agencyProcedure ? toCents(costs.use(agencyProcedure).cost) : 0;
  const costsUsed = costs.used();
  return {
    communes: rows,
    lots,
    totals: {
      volumeSaving: volumeTotal / 100,
      avoidedProcedureCosts: avoidedTotal / 100,
      fee: feeTotal / 100,
      netForCommunes: net / 100,
      agencyProcedure,
      agencyProcedureCost: agencyCost / 100,
      netForPublicSector: (net + feeTotal - agencyCost) / 100,
    },
    costsUsed,
    fee: assumptions.fee,
    assumptionsFr: savingsAssumptionsFr({
      callOff,
      costsUsed,
      assumptions,
      lots,
      agencyProcedure,
      agencyCost: agencyCost / 100,
    }),
    toVerifyFr: costsUsed
      .filter((c) => !c.verified)
      .map((c) => `Coût à vérifier — ${c.labelFr} (${euros(c.cost)}) : ${c.source}`),
  };
}

type CostBook = { use(procedure: ProcurementProcedure): CostUsed; used(): CostUsed[] };

/** The cost of each procedure the estimate uses: the scenario's own value, else the agency's table (or its seed). */
function costBook(table: ProcedureCost[], assumptions: SavingsAssumptions): CostBook {
  const costs = procedureCostTable(table);
  const used = new Map<ProcurementProcedure, CostUsed>();
  const costOf = (procedure: ProcurementProcedure): CostUsed => {
    const row = costs.find((c) => c.procedure === procedure)!;
    const override = assumptions.costOverrides.find((o) => o.procedure === procedure);
    return {
      ...row,
      ...(override
        ? {
            cost: override.cost,
            source: 'Valeur propre à ce scénario (remplace le barème de l’agence).',
            verified: true,
          }
        : {}),
      labelFr: PROCEDURE_LABELS_FR[procedure],
      overridden: override !== undefined,
    };
  };
  return {
    use: (procedure) => {
      const cost = used.get(procedure) ?? costOf(procedure);
      used.set(procedure, cost);
      return cost;
    },
    used: () =>
      [...used.values()].sort(
        (a, b) => ProcurementProcedure.options.indexOf(a.procedure) - ProcurementProcedure.options.indexOf(b.procedure),
      ),
  };
}

/** The fee: a rate of each commune's purchases, or one amount shared in proportion to them. */
function feeCentsOf(fee: FeeAssumption, amountsCents: number[]): number[] {
  switch (fee.kind) {
    case 'rate':
      return amountsCents.map((a) => Math.round((a * fee.ratePercent) / 100));
    case 'amount':
      return allocate(toCents(fee.amount), amountsCents);
    case 'none':
      return amountsCents.map(() => 0);
  }
}

/** What each commune avoids (its own procedure less a call-off), saves on prices, pays in fee, and keeps. */
function communeSavings(
  analysis: ScenarioAnalysis,
  assumptions: SavingsAssumptions,
  costs: CostBook,
  volumeCents: Map<string, number>,
): CommuneSavings[] {
  const alone = analysis.routes.find((r) => r.route === 'each-commune-alone')?.perCommune ?? [];
  const callOff = costs.use('framework-call-off');
  const communes = analysis.value.communes;
  const feeCents = feeCentsOf(
    assumptions.fee,
    communes.map((c) => toCents(c.fullTermAmount)),
  );
  return communes.map((c, i): CommuneSavings => {
    const procedure = alone.find((a) => a.communeNis === c.communeNis)?.procedure ?? 'open';
    const aloneCost = costs.use(procedure);
    const avoided = toCents(aloneCost.cost) - toCents(callOff.cost);
    const volume = volumeCents.get(c.communeNis) ?? 0;
    const fee = feeCents[i]!;
    return {
      communeNis: c.communeNis,
      communeName: c.communeName,
      fullTermAmount: c.fullTermAmount,
      procedureAlone: procedure,
      procedureAloneLabelFr: PROCEDURE_LABELS_FR[procedure],
      procedureAloneCost: aloneCost.cost,
      callOffCost: callOff.cost,
      avoidedProcedureCost: avoided / 100,
      volumeSaving: volume / 100,
      fee: fee / 100,
      net: (volume + avoided - fee) / 100,
    };
  });
}

/** The price effect of volume, lot by lot, on the quantities of the initial term; each commune's share in cents. */
function volumeEffects(
  analysis: ScenarioAnalysis,
  assumptions: SavingsAssumptions,
): { lots: LotVolumeEffect[]; volumeCents: Map<string, number> } {
  const volumeCents = new Map<string, number>();
  const lots = analysis.value.lots.map((lot): LotVolumeEffect => {
    const model = assumptions.priceModels.find((m) => m.lotKey === lot.key)?.model;
    const effect = lotVolumeEffect(lot, model);
    for (const p of effect.estimate?.participants ?? []) {
      volumeCents.set(p.communeNis, (volumeCents.get(p.communeNis) ?? 0) + toCents(p.saving));
    }
    return effect;
  });
  return { lots, volumeCents };
}

function lotVolumeEffect(
  lot: ScenarioAnalysis['value']['lots'][number],
  model: PriceModel | undefined,
): LotVolumeEffect {
  const base = { lotKey: lot.key, label: lot.label };
  if (!model) return { ...base, estimate: null, noteFr: `Lot « ${lot.label} » : ${NO_MODEL}` };
  const withQuantity = lot.participations.filter((p) => (p.quantity ?? 0) > 0);
  if (withQuantity.length === 0) {
    return {
      ...base,
      estimate: null,
      noteFr: `Lot « ${lot.label} » : aucune commune n'a donné de quantité ; l'effet de volume n'est pas calculé.`,
    };
  }
  const estimate = estimateSavings(
    model,
    lot.participations.map((p) => ({ communeNis: p.communeNis, quantity: p.quantity ?? 0 })),
  );
  const without = lot.participations.length - withQuantity.length;
  return {
    ...base,
    estimate,
    noteFr:
      `Lot « ${lot.label} » : économie de volume de ${euros(estimate.totals.saving)} sur la durée initiale ` +
      `(${euros(estimate.totals.costAlone)} seules, ${euros(estimate.totals.costTogether)} ensemble)` +
      (without > 0
        ? without === 1
          ? ' ; 1 commune sans quantité n’y est pas comptée.'
          : ` ; ${without} communes sans quantité n’y sont pas comptées.`
        : '.'),
  };
}

const NO_MODEL = 'pas de modèle de prix, aucun effet de volume compté.';

function toCents(euros: number): number {
  return Math.round(euros * 100);
}

function euros(value: number): string {
  return formatEuro(value, 'fr');
}

function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: 'INVALID_SAVINGS_ASSUMPTIONS' | 'INVALID_PROCEDURE_COSTS',
  prefix: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const reason = ISSUES_FR[issue.message] ?? issue.message;
  const field = issue.path.join('.');
  throw new DomainError(code, `${prefix} : ${reason}${field ? ` (« ${field} »)` : ''}.`, { field, issue: reason });
}
