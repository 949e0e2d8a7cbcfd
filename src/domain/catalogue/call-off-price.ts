import { formatEuro, formatNumber } from '../shared/format.ts';
import type { PriceModel } from './solutions.ts';

/**
 * The amount of a call-off from the solution's price (issue 10): the lot's negotiated unit price when the lot has
 * one, else the catalogue price — per licence, per inhabitant or flat, times the quantity; for a price by tiers,
 * the price of the tier the quantity falls in (a tier's price is for the whole order, e.g. « jusqu'à 10 000
 * habitants : 6 000 € »). The buyer may change the amount, with a reason (the server requires one).
 */
export type CallOffPricing = {
  model: PriceModel;
  amount: number | null;
  tiers: { label: string; price: number; upTo?: number | null }[];
};

export type CallOffQuote = {
  amount: number;
  /** how the amount was found, in French: « 4,50 € × 2 500 = 11 250 € » */
  basisFr: string;
};

const cents = (euros: number) => Math.round(euros * 100);

export function quoteCallOff(input: {
  pricing: CallOffPricing;
  lotUnitPrice: number | null;
  quantity: number;
}): CallOffQuote | null {
  const { pricing, lotUnitPrice, quantity } = input;
  if (!Number.isInteger(quantity) || quantity < 1) return null;
  const times = (unit: number, what: string) => {
    const amount = (cents(unit) * quantity) / 100;
    return {
      amount,
      basisFr: `${what} ${formatEuro(unit, 'fr', { cents: 'always' })} × ${formatNumber(quantity)} = ${formatEuro(amount)} HTVA`,
    };
  };
  if (lotUnitPrice !== null) return times(lotUnitPrice, 'Prix unitaire du lot :');
  if (pricing.model === 'tiered') {
    const tier = pricing.tiers.find((t) => t.upTo !== null && t.upTo !== undefined && quantity <= t.upTo);
    const open = pricing.tiers.find((t) => t.upTo === null || t.upTo === undefined);
    // Tiers without bounds cannot be chosen from a quantity: the buyer types the amount.
    const chosen = tier ?? (pricing.tiers.some((t) => typeof t.upTo === 'number') ? open : undefined);
    if (!chosen) return null;
    return {
      amount: chosen.price,
      basisFr: `Palier « ${chosen.label} » pour ${formatNumber(quantity)} : ${formatEuro(chosen.price)} HTVA`,
    };
  }
  if (pricing.amount === null) return null;
  const what =
    pricing.model === 'per-inhabitant'
      ? 'Prix par habitant :'
      : pricing.model === 'per-licence'
        ? 'Prix unitaire :'
        : 'Forfait :';
  return times(pricing.amount, what);
}

/** Whether the amount typed differs from the quote (to the cent): a reason is then required. */
export function amountDiffers(amount: number, quote: CallOffQuote | null): boolean {
  return quote !== null && cents(amount) !== cents(quote.amount);
}

/**
 * An order identical to one placed this recently (same commune, lot, solution, quantity and amount, not cancelled)
 * is refused unless the buyer confirms it: a double click, or the form sent twice, must not order twice.
 */
export const DUPLICATE_CALL_OFF_MINUTES = 10;
