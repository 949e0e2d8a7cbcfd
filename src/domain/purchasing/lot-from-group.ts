import { estimateSavings, type PriceModel } from '../mutualisation/savings.ts';
import { cents, type Participation } from './scenario.ts';

/**
 * A lot made from a group the consultant already priced (its savings estimate on the group's page, issue 10): the
 * scenario starts from that estimate rather than asking for it again. The lot's unit is the model's (« point
 * lumineux »), else the poll's; its unit price is what the group would pay per unit together — the model's cost for
 * the communes' quantities together, divided by those quantities, to the cent (the tier the whole order reaches, or
 * the shared fixed cost spread over every unit). Without a model, or without a quantity, no price is assumed.
 */
export function lotPricingFromGroup(
  model: PriceModel | null,
  pollUnit: string | null,
  lines: Pick<Participation, 'communeNis' | 'quantity'>[],
): { unit: string | null; unitPrice: number | null } {
  if (!model) return { unit: pollUnit, unitPrice: null };
  const participants = lines
    .filter((line) => line.quantity !== null && line.quantity > 0 && Number.isInteger(line.quantity))
    .map((line) => ({ communeNis: line.communeNis, quantity: line.quantity as number }));
  if (participants.length === 0) return { unit: model.unit, unitPrice: null };
  const { totals } = estimateSavings(model, participants);
  return { unit: model.unit, unitPrice: cents(totals.costTogether / totals.quantity) };
}
