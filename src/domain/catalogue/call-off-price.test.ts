import { describe, expect, it } from 'vitest';
import { amountDiffers, quoteCallOff } from './call-off-price.ts';

const nbsp = (s: string | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe('quoteCallOff (issue 10: the order amount from the solution’s price)', () => {
  it('multiplies a unit price by the quantity: 4,50 € per light point × 2 500', () => {
    const quote = quoteCallOff({
      pricing: { model: 'per-licence', amount: 4.5, tiers: [] },
      lotUnitPrice: null,
      quantity: 2500,
    });
    expect(quote?.amount).toBe(11250);
    expect(nbsp(quote?.basisFr)).toBe('Prix unitaire : 4,50 € × 2 500 = 11 250 € HTVA');
  });

  it('prefers the lot’s negotiated price, and counts in cents', () => {
    const quote = quoteCallOff({
      pricing: { model: 'per-inhabitant', amount: 0.35, tiers: [] },
      lotUnitPrice: 0.33,
      quantity: 30_123,
    });
    expect(quote?.amount).toBe(9940.59);
  });

  it('takes the tier the quantity falls in, or the open last tier', () => {
    const pricing = {
      model: 'tiered' as const,
      amount: null,
      tiers: [
        { label: 'jusqu’à 10 000 habitants', price: 6000, upTo: 10_000 },
        { label: 'au-delà', price: 11_000, upTo: null },
      ],
    };
    expect(quoteCallOff({ pricing, lotUnitPrice: null, quantity: 4_500 })?.amount).toBe(6000);
    expect(quoteCallOff({ pricing, lotUnitPrice: null, quantity: 10_001 })?.amount).toBe(11_000);
    // Tiers without bounds say nothing about which one applies.
    const unbounded = { ...pricing, tiers: pricing.tiers.map((t) => ({ ...t, upTo: null })) };
    expect(quoteCallOff({ pricing: unbounded, lotUnitPrice: null, quantity: 4_500 })).toBeNull();
  });

  it('gives nothing without a price or a whole quantity, and compares amounts to the cent', () => {
    expect(
      quoteCallOff({ pricing: { model: 'flat', amount: null, tiers: [] }, lotUnitPrice: null, quantity: 1 }),
    ).toBeNull();
    expect(
      quoteCallOff({ pricing: { model: 'flat', amount: 3500, tiers: [] }, lotUnitPrice: null, quantity: 0 }),
    ).toBeNull();
    const quote = { amount: 11250, basisFr: '' };
    expect(amountDiffers(11250.001, quote)).toBe(false);
    expect(amountDiffers(11000, quote)).toBe(true);
    expect(amountDiffers(11000, null)).toBe(false);
  });
});
