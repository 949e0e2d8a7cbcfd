import { z } from 'zod';
import type { DomainErrorCode } from '../shared/error-codes.ts';
import { DomainError } from '../shared/errors.ts';
import { formatEuro, formatNumber } from '../shared/format.ts';
import { NisCode } from '../shared/schemas.ts';

/**
 * Economies of scale of buying together (issue 5, "savings estimate"): what each commune of a mutualisation group
 * would pay alone and together under a price model, and the assumptions behind the figures, in French, so that the
 * model stays visible next to the result.
 *
 * Two price models:
 * - `volume-tiers`: a unit price that falls with the quantity ordered. By default an **all-units** discount: the tier
 *   reached by the whole order prices every unit of it (the usual form of a supplier's volume discount). Optionally
 *   **incremental**: each slice of quantity is paid at its own tier's price, like a tax scale.
 * - `shared-fixed`: a fixed cost (set-up, platform, project management) that each commune alone would bear in full
 *   and that the group shares, by quantity or equally, plus a cost per unit that does not change.
 *
 * Money is computed in whole euro cents, so prices must be given to the cent and quantities in whole units. With that,
 * the shares of the group add up exactly to its total cost and no commune pays more together than alone.
 */

const isWholeCents = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;

const Price = z
  .number()
  .finite()
  .min(0, { message: 'NEGATIVE_PRICE' })
  .refine(isWholeCents, { message: 'PRICE_NOT_IN_WHOLE_CENTS' })
  .describe('euros excl. VAT, to the cent');

const Unit = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .describe('what is counted, in French, singular after "par": "point lumineux", "licence", "borne"');

export const PriceTier = z.strictObject({
  fromQuantity: z.number().int().min(0).describe('the tier applies from this quantity upwards'),
  unitPrice: Price,
});
export type PriceTier = z.infer<typeof PriceTier>;

export const VolumeTiersModel = z
  .strictObject({
    kind: z.literal('volume-tiers'),
    unit: Unit,
    tiers: z.array(PriceTier).min(1, { message: 'NO_TIERS' }),
    discount: z
      .enum(['all-units', 'incremental'])
      .default('all-units')
      .describe('all-units: the tier reached prices every unit; incremental: each slice at its own price'),
  })
  .superRefine((model, ctx) => {
    const tiers = model.tiers;
    // Zod runs this check even when the list is empty (its `min` issue does not abort): nothing more to say then.
    if (tiers.length === 0) return;
    if (tiers[0]!.fromQuantity !== 0) {
      ctx.addIssue({ code: 'custom', path: ['tiers', 0, 'fromQuantity'], message: 'TIERS_MUST_START_AT_ZERO' });
    }
    for (let i = 1; i < tiers.length; i++) {
      if (tiers[i]!.fromQuantity <= tiers[i - 1]!.fromQuantity) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'fromQuantity'], message: 'TIERS_NOT_SORTED' });
      }
      // A price that rises with the volume is no discount, and would make buying together cost more.
      if (tiers[i]!.unitPrice > tiers[i - 1]!.unitPrice) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'unitPrice'], message: 'TIER_PRICE_INCREASES' });
      }
    }
  });
export type VolumeTiersModel = z.infer<typeof VolumeTiersModel>;

export const SharedFixedModel = z.strictObject({
  kind: z.literal('shared-fixed'),
  unit: Unit,
  fixedCost: Price.describe('paid once per purchase: set-up, platform, project management; euros excl. VAT'),
  fixedCostLabel: z.string().trim().min(1).max(120).optional().describe('what the fixed cost pays for, in French'),
  perUnitCost: Price,
  fixedCostSplit: z
    .enum(['by-quantity', 'equal'])
    .default('by-quantity')
    .describe('how the group shares the fixed cost: in proportion to quantities, or in equal parts'),
});
export type SharedFixedModel = z.infer<typeof SharedFixedModel>;

export const PriceModel = z.discriminatedUnion('kind', [VolumeTiersModel, SharedFixedModel]);
export type PriceModel = z.infer<typeof PriceModel>;
export type PriceModelInput = z.input<typeof PriceModel>;

export const SavingsParticipant = z.strictObject({
  communeNis: NisCode,
  quantity: z.number().int().min(0).describe('whole units the commune would buy'),
});
export type SavingsParticipant = z.infer<typeof SavingsParticipant>;

export const SavingsParticipants = z
  .array(SavingsParticipant)
  .min(1, { message: 'NO_PARTICIPANTS' })
  .superRefine((participants, ctx) => {
    const seen = new Set<string>();
    participants.forEach((p, i) => {
      if (seen.has(p.communeNis))
        ctx.addIssue({ code: 'custom', path: [i, 'communeNis'], message: 'DUPLICATE_COMMUNE' });
      seen.add(p.communeNis);
    });
  });

export type CostComparison = {
  costAlone: number;
  costTogether: number;
  saving: number;
  savingPercent: number;
};

export type ParticipantSavings = { communeNis: string; quantity: number } & CostComparison;

export type SavingsEstimate = {
  unit: string;
  participants: ParticipantSavings[];
  totals: { quantity: number } & CostComparison;
  /** The tier the group's total quantity reaches (volume tiers only). */
  tierReachedTogether?: PriceTier;
  assumptionsFr: string[];
};

const ISSUE_MESSAGES_FR: Record<string, string> = {
  NO_TIERS: 'indiquez au moins un palier de prix',
  NEGATIVE_PRICE: 'un prix ne peut pas être négatif',
  PRICE_NOT_IN_WHOLE_CENTS: 'les prix se donnent au cent près',
  TIERS_MUST_START_AT_ZERO: 'le premier palier doit commencer à 0 unité',
  TIERS_NOT_SORTED: 'les paliers doivent être classés par quantité croissante, sans doublon',
  TIER_PRICE_INCREASES: 'le prix unitaire ne peut pas augmenter d’un palier au suivant',
  NO_PARTICIPANTS: 'il faut au moins un participant',
  DUPLICATE_COMMUNE: 'une commune figure deux fois parmi les participants',
};

export function estimateSavings(model: PriceModelInput, participants: SavingsParticipant[]): SavingsEstimate {
  const m = parseOrThrow(PriceModel, model, 'INVALID_PRICE_MODEL', 'Modèle de prix invalide');
  const people = parseOrThrow(SavingsParticipants, participants, 'INVALID_PARTICIPANTS', 'Participants invalides');
  const quantities = people.map((p) => p.quantity);
  const totalQuantity = quantities.reduce((a, b) => a + b, 0);

  const { aloneCents, togetherCents, tierReached, modelLines } = priceGroup(m, quantities, totalQuantity);

  const participantsOut = people.map((p, i) => ({
    communeNis: p.communeNis,
    quantity: p.quantity,
    ...comparison(aloneCents[i]!, togetherCents[i]!),
  }));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const inactive = quantities.filter((q) => q === 0).length;
  const active = quantities.length - inactive;
  const assumptionsFr = [
    ...modelLines,
    ...(inactive > 0
      ? [
          inactive === 1
            ? "1 participant sans quantité ne prend part ni à l'achat ni au partage des coûts."
            : `${inactive} participants sans quantité ne prennent part ni à l'achat ni au partage des coûts.`,
        ]
      : []),
    ...(active <= 1 ? ["Un seul participant achète : pas d'économie d'échelle."] : []),
    "Montants hors TVA, arrondis au cent ; les cents d'arrondi sont répartis pour que la somme des parts égale le coût total.",
  ];
  return {
    unit: m.unit,
    participants: participantsOut,
    totals: { quantity: totalQuantity, ...comparison(sum(aloneCents), sum(togetherCents)) },
    ...(tierReached ? { tierReachedTogether: tierReached } : {}),
    assumptionsFr,
  };
}

type GroupPricing = {
  aloneCents: number[];
  togetherCents: number[];
  tierReached?: PriceTier;
  modelLines: string[];
};

function priceGroup(model: PriceModel, quantities: number[], total: number): GroupPricing {
  switch (model.kind) {
    case 'volume-tiers':
      return model.discount === 'all-units'
        ? allUnits(model, quantities, total)
        : incremental(model, quantities, total);
    case 'shared-fixed':
      return sharedFixed(model, quantities, total);
  }
}

function allUnits(model: VolumeTiersModel, quantities: number[], total: number): GroupPricing {
  const tier = tierFor(model.tiers, total);
  const price = cents(tier.unitPrice);
  return {
    aloneCents: quantities.map((q) => q * cents(tierFor(model.tiers, q).unitPrice)),
    // Every unit of the group's order at the price of the tier the whole order reaches.
    togetherCents: quantities.map((q) => q * price),
    tierReached: tier,
    modelLines: [
      'Modèle à paliers de volume, remise sur toutes les unités : le palier atteint par la quantité commandée fixe le prix de chaque unité.',
      ...tierLines(model),
      'Seul, chaque participant paie au prix du palier atteint par sa propre quantité.',
      `Ensemble, la quantité totale de ${units(total)} atteint le palier de ${formatEuro(tier.unitPrice, 'fr', { cents: 'always' })} HTVA par ` +
        `${model.unit}, appliqué à toutes les unités : chacun paie ses unités à ce prix.`,
    ],
  };
}

function incremental(model: VolumeTiersModel, quantities: number[], total: number): GroupPricing {
  const totalCents = incrementalCents(model.tiers, total);
  return {
    aloneCents: quantities.map((q) => incrementalCents(model.tiers, q)),
    togetherCents: allocate(totalCents, quantities),
    tierReached: tierFor(model.tiers, total),
    modelLines: [
      'Modèle à paliers progressifs : chaque tranche de quantité est payée au prix de sa tranche.',
      ...tierLines(model),
      'Seul, chaque participant paie ses propres tranches.',
      `Ensemble, le coût des ${units(total)} est calculé une seule fois, puis réparti au prorata des quantités.`,
    ],
  };
}

function sharedFixed(model: SharedFixedModel, quantities: number[], total: number): GroupPricing {
  const fixed = cents(model.fixedCost);
  const perUnit = cents(model.perUnitCost);
  const active = quantities.filter((q) => q > 0).length;
  const weights = model.fixedCostSplit === 'by-quantity' ? quantities : quantities.map((q) => (q > 0 ? 1 : 0));
  const fixedShares = allocate(total > 0 ? fixed : 0, weights);
  const what = model.fixedCostLabel ? ` (${model.fixedCostLabel})` : '';
  const split =
    model.fixedCostSplit === 'by-quantity'
      ? 'au prorata des quantités'
      : `à parts égales entre les ${active} participants qui achètent`;
  return {
    aloneCents: quantities.map((q) => (q > 0 ? fixed + q * perUnit : 0)),
    togetherCents: quantities.map((q, i) => fixedShares[i]! + q * perUnit),
    modelLines: [
      `Coût fixe de ${formatEuro(model.fixedCost)} HTVA${what} : seul, chaque participant le paie en entier ; ` +
        `ensemble, il est payé une fois et partagé ${split}.`,
      `Coût variable de ${formatEuro(model.perUnitCost, 'fr', { cents: 'always' })} HTVA par ${model.unit}, le même seul ou ensemble.`,
    ],
  };
}

/** The tier that applies to a quantity: the last one starting at or below it (tiers start at 0, sorted). */
function tierFor(tiers: PriceTier[], quantity: number): PriceTier {
  let found = tiers[0]!;
  for (const tier of tiers) if (tier.fromQuantity <= quantity) found = tier;
  return found;
}

function incrementalCents(tiers: PriceTier[], quantity: number): number {
  let total = 0;
  tiers.forEach((tier, i) => {
    const end = tiers[i + 1]?.fromQuantity ?? Number.POSITIVE_INFINITY;
    const inSlice = Math.max(0, Math.min(quantity, end) - tier.fromQuantity);
    total += inSlice * cents(tier.unitPrice);
  });
  return total;
}

/**
 * Splits whole cents in proportion to weights (largest remainder): the parts add up to the total exactly, and each
 * part is its exact share rounded down or up by less than a cent. BigInt keeps total × weight exact. Ties go to the
 * earlier participant, so the result does not depend on anything but the input order.
 */
export function allocate(totalCents: number, weights: number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => 0);
  const total = BigInt(totalCents);
  const sum = BigInt(weightSum);
  const exact = weights.map((w) => total * BigInt(w));
  const parts = exact.map((e) => e / sum);
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  const byRemainder = exact
    .map((e, i) => ({ i, remainder: e % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    parts[i]! += 1n;
    left--;
  }
  return parts.map(Number);
}

function tierLines(model: VolumeTiersModel): string[] {
  return model.tiers.map((tier, i) => {
    const next = model.tiers[i + 1];
    const range = next
      ? tier.fromQuantity === 0
        ? `jusqu'à ${units(next.fromQuantity - 1)}`
        : `de ${formatNumber(tier.fromQuantity)} à ${units(next.fromQuantity - 1)}`
      : tier.fromQuantity === 0
        ? 'quelle que soit la quantité'
        : `à partir de ${units(tier.fromQuantity)}`;
    return `Prix unitaire de ${formatEuro(tier.unitPrice, 'fr', { cents: 'always' })} HTVA par ${model.unit} ${range}.`;
  });
}

function comparison(aloneCents: number, togetherCents: number): CostComparison {
  const savingCents = aloneCents - togetherCents;
  return {
    costAlone: aloneCents / 100,
    costTogether: togetherCents / 100,
    saving: savingCents / 100,
    savingPercent: aloneCents > 0 ? Math.round((savingCents / aloneCents) * 10_000) / 100 : 0,
  };
}

function cents(euros: number): number {
  return Math.round(euros * 100);
}

function units(quantity: number): string {
  return `${formatNumber(quantity)} ${quantity === 1 ? 'unité' : 'unités'}`;
}

function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  code: DomainErrorCode,
  prefix: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const reason = ISSUE_MESSAGES_FR[issue.message] ?? issue.message;
  throw new DomainError(code, `${prefix} : ${reason}`, {
    field: issue.path.join('.'),
    issue: issue.message,
    reason,
  });
}
