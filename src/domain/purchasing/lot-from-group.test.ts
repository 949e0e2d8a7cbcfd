import { describe, expect, it } from 'vitest';
import { lotPricingFromGroup } from './lot-from-group.ts';

const lines = (...quantities: (number | null)[]) =>
  quantities.map((quantity, i) => ({ communeNis: `8100${i + 1}`, quantity }));

describe('a lot priced from its group’s savings estimate', () => {
  it('takes the price of the tier the whole order reaches (all units)', () => {
    const model = {
      kind: 'volume-tiers' as const,
      unit: 'point lumineux',
      discount: 'all-units' as const,
      tiers: [
        { fromQuantity: 0, unitPrice: 500 },
        { fromQuantity: 300, unitPrice: 400 },
      ],
    };
    // 200 + 150 = 350 points: every one at the 300+ tier's 400 €, though neither commune reaches it alone.
    expect(lotPricingFromGroup(model, 'unité', lines(200, 150))).toEqual({ unit: 'point lumineux', unitPrice: 400 });
    expect(lotPricingFromGroup(model, null, lines(200, 50))).toEqual({ unit: 'point lumineux', unitPrice: 500 });
  });

  it('averages incremental slices and a shared fixed cost over every unit, to the cent', () => {
    const incremental = {
      kind: 'volume-tiers' as const,
      unit: 'licence',
      discount: 'incremental' as const,
      tiers: [
        { fromQuantity: 0, unitPrice: 10 },
        { fromQuantity: 100, unitPrice: 8 },
      ],
    };
    // 100 × 10 € + 50 × 8 € = 1 400 € for 150 licences: 9,33 € each.
    expect(lotPricingFromGroup(incremental, null, lines(90, 60)).unitPrice).toBe(9.33);
    const fixed = {
      kind: 'shared-fixed' as const,
      unit: 'borne',
      fixedCost: 10_000,
      perUnitCost: 100,
      fixedCostSplit: 'by-quantity' as const,
    };
    // (10 000 € + 100 × 100 €) ÷ 100 bornes.
    expect(lotPricingFromGroup(fixed, null, lines(60, 40))).toEqual({ unit: 'borne', unitPrice: 200 });
  });

  it('assumes no price without a model or without quantities, and keeps the poll’s unit', () => {
    expect(lotPricingFromGroup(null, 'point lumineux', lines(200))).toEqual({
      unit: 'point lumineux',
      unitPrice: null,
    });
    const model = {
      kind: 'volume-tiers' as const,
      unit: 'point lumineux',
      discount: 'all-units' as const,
      tiers: [{ fromQuantity: 0, unitPrice: 500 }],
    };
    expect(lotPricingFromGroup(model, null, lines(null, 0))).toEqual({ unit: 'point lumineux', unitPrice: null });
  });
});
