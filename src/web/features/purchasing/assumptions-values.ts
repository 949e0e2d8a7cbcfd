import { z } from 'zod';
import type { ProcurementProcedure } from '../../../domain/implementation/procurement.ts';
import { PriceModel, type PriceModelInput } from '../../../domain/mutualisation/savings.ts';
import type { ScenarioDetail } from '../../../domain/purchasing/api.ts';
import {
  type FeeAssumption,
  SavingsAssumptions,
  type SavingsAssumptionsInput,
} from '../../../domain/purchasing/savings.ts';
import { numberOf } from '../../lib/schema-form.ts';

/**
 * The savings assumptions as the form holds them (issue 12): the fee, this scenario's own procedure costs, and one
 * price model per lot, in the lots' order so that a refused field of `lotModels.<index>` lands on its input.
 */

/** The kinds of price model the domain prices (src/domain/mutualisation/savings.ts), as the editor offers them. */
export const MODEL_KINDS = ['all-units', 'incremental', 'shared-fixed'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

type Amount = number | string;
type Lot = ScenarioDetail['lots'][number];
export type ModelValues = {
  enabled: boolean;
  kind: ModelKind;
  unit: string;
  tiers: { fromQuantity: Amount; unitPrice: Amount }[];
  fixedCost: Amount;
  fixedCostLabel: string;
  perUnitCost: Amount;
  fixedCostSplit: 'by-quantity' | 'equal';
};

/** What the editor shows for a lot: its stored model, or a first tier at the lot's unit price, not counted yet. */
export function modelValuesOf(lot: Lot, model: PriceModel | undefined): ModelValues {
  const blank: ModelValues = {
    enabled: false,
    kind: 'all-units',
    unit: lot.unit ?? '',
    tiers: [{ fromQuantity: 0, unitPrice: lot.unitPrice ?? '' }],
    fixedCost: '',
    fixedCostLabel: '',
    perUnitCost: lot.unitPrice ?? '',
    fixedCostSplit: 'by-quantity',
  };
  if (!model) return blank;
  if (model.kind === 'volume-tiers') {
    // Switching to a fixed cost starts from the base tier's price per unit.
    const perUnitCost = lot.unitPrice ?? model.tiers[0]?.unitPrice ?? '';
    return { ...blank, enabled: true, kind: model.discount, unit: model.unit, tiers: model.tiers, perUnitCost };
  }
  return {
    ...blank,
    tiers: [{ fromQuantity: 0, unitPrice: lot.unitPrice ?? model.perUnitCost }],
    enabled: true,
    kind: 'shared-fixed',
    unit: model.unit,
    fixedCost: model.fixedCost,
    fixedCostLabel: model.fixedCostLabel ?? '',
    perUnitCost: model.perUnitCost,
    fixedCostSplit: model.fixedCostSplit,
  };
}

/** The model the domain checks and prices, or null when the lot counts no volume effect. */
export function modelOf(m: ModelValues): PriceModelInput | null {
  if (!m.enabled) return null;
  if (m.kind === 'shared-fixed') {
    return {
      kind: 'shared-fixed',
      unit: m.unit,
      fixedCost: numberOf(m.fixedCost),
      ...(m.fixedCostLabel.trim() ? { fixedCostLabel: m.fixedCostLabel.trim() } : {}),
      perUnitCost: numberOf(m.perUnitCost),
      fixedCostSplit: m.fixedCostSplit,
    };
  }
  return {
    kind: 'volume-tiers',
    unit: m.unit,
    tiers: m.tiers.map((tier) => ({ fromQuantity: numberOf(tier.fromQuantity), unitPrice: numberOf(tier.unitPrice) })),
    discount: m.kind,
  };
}

export type AssumptionsValues = {
  fee: { kind: FeeAssumption['kind']; ratePercent: Amount; amount: Amount };
  feeNote: string;
  /** By procedure; blank: the agency's table. */
  overrides: Partial<Record<ProcurementProcedure, Amount>>;
  lotModels: ModelValues[];
};

/** The domain's assumptions, with a model (or none) per lot in the lots' order. */
export const AssumptionsForm = SavingsAssumptions.omit({ priceModels: true }).extend({
  lotModels: z.array(PriceModel.nullable()),
});
export type AssumptionsFormInput = z.input<typeof AssumptionsForm>;

export function assumptionsValuesOf(scenario: ScenarioDetail): AssumptionsValues {
  const stored = scenario.savingsAssumptions;
  return {
    fee: {
      kind: stored.fee.kind,
      ratePercent: stored.fee.kind === 'rate' ? stored.fee.ratePercent : '',
      amount: stored.fee.kind === 'amount' ? stored.fee.amount : '',
    },
    feeNote: stored.feeNote,
    overrides: Object.fromEntries(stored.costOverrides.map((o) => [o.procedure, o.cost])),
    lotModels: scenario.lots.map((lot) =>
      modelValuesOf(lot, stored.priceModels.find((m) => m.lotKey === lot.key)?.model),
    ),
  };
}

export function formInputOf(values: AssumptionsValues): AssumptionsFormInput {
  const fee: FeeAssumption =
    values.fee.kind === 'rate'
      ? { kind: 'rate', ratePercent: numberOf(values.fee.ratePercent) }
      : values.fee.kind === 'amount'
        ? { kind: 'amount', amount: numberOf(values.fee.amount) }
        : { kind: 'none' };
  return {
    fee,
    feeNote: values.feeNote,
    costOverrides: Object.entries(values.overrides)
      .filter(([, cost]) => cost !== '' && cost !== undefined)
      .map(([procedure, cost]) => ({ procedure: procedure as ProcurementProcedure, cost: numberOf(cost ?? '') })),
    lotModels: values.lotModels.map(modelOf),
  };
}

/** What the server takes: each lot's model under its key. */
export function assumptionsOf(input: AssumptionsFormInput, lots: Lot[]): SavingsAssumptionsInput {
  const { lotModels, ...rest } = input;
  return {
    ...rest,
    priceModels: lots.flatMap((lot, i) => {
      const model = lotModels[i];
      return model ? [{ lotKey: lot.key, model }] : [];
    }),
  };
}
