import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { IsoDate, IsoDateTime, NisCode } from '../shared/schemas.ts';

/**
 * The agency's framework agreements (marchés-cadres, centrale de marché): lots, each awarded to a vendor with a
 * ceiling, and the solutions each lot offers. Communes adhere to an agreement, then place call-offs (commandes) under
 * a lot until its ceiling, and the agreement's, are reached.
 */
const money = z.number().min(0).max(1e11).describe('euros excl. VAT');

export const AgreementInput = z
  .strictObject({
    reference: z.string().trim().min(1).max(60).describe('e.g. "IDELUX-SMART-2026-01"'),
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(4000).default(''),
    startDate: IsoDate,
    endDate: IsoDate,
    ceiling: money.nullable().default(null).describe('the whole agreement’s ceiling, or none'),
    demo: z.boolean().default(false),
  })
  .refine((a) => a.startDate <= a.endDate, { message: 'AGREEMENT_PERIOD_ORDER', path: ['endDate'] })
  .meta({ id: 'AgreementCreateInput' });
export type AgreementInput = z.infer<typeof AgreementInput>;

/** What may change after creation (the reference stays): every field optional, the rest stays as it is. */
export const AgreementUpdateInput = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(4000).optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    ceiling: money.nullable().optional(),
  })
  .meta({ id: 'AgreementUpdateInput' });
export type AgreementUpdateInput = z.infer<typeof AgreementUpdateInput>;

/**
 * The rules of an agreement's change, given what was ordered under it (not cancelled): its period must still cover
 * every call-off's date and its ceiling cannot go below the ordered amount.
 */
export function checkAgreementChange(next: {
  startDate: string;
  endDate: string;
  ceiling: number | null;
  ordered: number;
  /** the first and last call-off dates (YYYY-MM-DD), null without call-offs */
  firstOrder: string | null;
  lastOrder: string | null;
}): void {
  if (next.startDate > next.endDate) throw new DomainError('AGREEMENT_PERIOD_ORDER', 'the end precedes the start');
  if (next.firstOrder && next.lastOrder && (next.startDate > next.firstOrder || next.endDate < next.lastOrder)) {
    throw new DomainError('AGREEMENT_PERIOD_EXCLUDES_CALL_OFFS', 'the period no longer covers the call-offs', {
      first: next.firstOrder,
      last: next.lastOrder,
    });
  }
  const cents = (n: number) => Math.round(n * 100);
  if (next.ceiling !== null && cents(next.ceiling) < cents(next.ordered)) {
    throw new DomainError('AGREEMENT_CEILING_BELOW_ORDERED', 'the ceiling is below what was ordered', {
      ordered: Math.round(next.ordered * 100) / 100,
    });
  }
}

export const LotInput = z
  .strictObject({
    number: z.number().int().min(1).max(999),
    title: z.string().trim().min(1).max(200),
    vendor: z.string().trim().min(1).max(200).nullable().default(null).describe('the awarded vendor, once awarded'),
    ceiling: money,
    solutions: z
      .array(z.strictObject({ solutionId: z.uuid(), unitPrice: money.nullable().default(null) }))
      .max(100)
      .default([]),
  })
  .meta({ id: 'LotCreateInput' });
export type LotInput = z.infer<typeof LotInput>;

export const Consumption = z.object({
  ceiling: z.number().nullable(),
  ordered: z.number(),
  /** null when there is no ceiling */
  remaining: z.number().nullable(),
  /** 0–1, null without ceiling */
  share: z.number().nullable(),
});
export type Consumption = z.infer<typeof Consumption>;

export const Lot = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    number: z.number().int(),
    title: z.string(),
    vendor: z.string().nullable(),
    consumption: Consumption,
    solutions: z.array(
      z.object({ solutionId: z.uuid(), name: z.string(), status: z.string(), unitPrice: z.number().nullable() }),
    ),
  })
  .meta({ id: 'Lot' });
export type Lot = z.infer<typeof Lot>;

/** What the caller may do with an agreement, decided by the server's policy (the web only reads it). */
export const AgreementPermissions = z.object({
  update: z.boolean().describe('change the agreement and its lots, add a lot'),
  adhere: z.boolean().describe('adhere for the caller’s own commune (not yet adherent)'),
});
export type AgreementPermissions = z.infer<typeof AgreementPermissions>;

export const Agreement = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    description: z.string(),
    startDate: IsoDate,
    endDate: IsoDate,
    demo: z.boolean(),
    consumption: Consumption,
    lots: z.array(Lot),
    /** the communes that adhered (for a commune user: only theirs) */
    adherents: z.array(z.object({ communeNis: z.string(), adheredAt: IsoDateTime })),
    permissions: AgreementPermissions,
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof Agreement>;

export const AdhesionInput = z.strictObject({ communeNis: NisCode }).meta({ id: 'AdhesionInput' });

export const CallOffInput = z
  .strictObject({
    lotId: z.uuid(),
    solutionId: z.uuid(),
    communeNis: NisCode,
    quantity: z.number().int().min(1).max(1_000_000),
    amount: z.number().positive().max(1e10).describe('euros excl. VAT'),
    amountReason: z
      .string()
      .trim()
      .max(1000)
      .nullable()
      .default(null)
      .describe('why the amount differs from the one the solution’s price gives (required then)'),
    note: z.string().trim().max(2000).default(''),
    confirmDuplicate: z
      .boolean()
      .default(false)
      .describe('order even though an identical order was placed a few minutes ago'),
  })
  .meta({ id: 'CallOffCreateInput' });
export type CallOffInput = z.infer<typeof CallOffInput>;

export const CallOff = z
  .object({
    id: z.uuid(),
    agreementId: z.uuid(),
    agreementReference: z.string(),
    lotId: z.uuid(),
    lotNumber: z.number().int(),
    lotTitle: z.string(),
    vendor: z.string().nullable(),
    solutionId: z.uuid(),
    solutionName: z.string(),
    communeNis: z.string(),
    communeName: z.string(),
    quantity: z.number().int(),
    amount: z.number(),
    /** the amount the solution's price gave, when it gives one */
    computedAmount: z.number().nullable(),
    amountReason: z.string().nullable(),
    note: z.string(),
    orderedAt: IsoDateTime,
    orderedBy: z.string().nullable(),
    /** set once cancelled: the call-off no longer counts against the ceilings */
    cancelledAt: IsoDateTime.nullable(),
    cancellationReason: z.string().nullable(),
    /** what the caller may do with it, decided by the server (cancel: the policy and the delay) */
    permissions: z.object({ cancel: z.boolean() }),
  })
  .meta({ id: 'CallOff' });
export type CallOff = z.infer<typeof CallOff>;

export const CallOffCancelInput = z
  .strictObject({ reason: z.string().trim().min(1).max(1000).describe('why the order is cancelled') })
  .meta({ id: 'CallOffCancelInput' });
export type CallOffCancelInput = z.infer<typeof CallOffCancelInput>;

/** A commune's editor may cancel their commune's order within this many days; agency staff at any time. */
export const CALL_OFF_CANCEL_DAYS = 14;

/** Why a call-off cannot be cancelled (null: it can). `byAgency`: agency staff (no time limit). */
export function cancellationRefusal(input: {
  cancelledAt: Date | null;
  orderedAt: Date;
  now: Date;
  byAgency: boolean;
}): 'CALL_OFF_ALREADY_CANCELLED' | 'CALL_OFF_CANCEL_TOO_LATE' | null {
  if (input.cancelledAt) return 'CALL_OFF_ALREADY_CANCELLED';
  const days = (input.now.getTime() - input.orderedAt.getTime()) / 86_400_000;
  if (!input.byAgency && days > CALL_OFF_CANCEL_DAYS) return 'CALL_OFF_CANCEL_TOO_LATE';
  return null;
}

/** The rules of a cancellation. `byAgency`: agency staff (no time limit). */
export function checkCancellation(input: {
  cancelledAt: Date | null;
  orderedAt: Date;
  now: Date;
  byAgency: boolean;
}): void {
  const refusal = cancellationRefusal(input);
  if (refusal === 'CALL_OFF_ALREADY_CANCELLED') {
    throw new DomainError(refusal, 'the call-off is already cancelled');
  }
  if (refusal === 'CALL_OFF_CANCEL_TOO_LATE') {
    throw new DomainError(refusal, 'too late for the commune to cancel', { days: CALL_OFF_CANCEL_DAYS });
  }
}

export const CallOffQuery = z.strictObject({
  commune: NisCode.optional(),
  agreement: z.uuid().optional(),
  lot: z.uuid().optional(),
  vendor: z.string().trim().max(200).optional(),
});
export type CallOffQuery = z.infer<typeof CallOffQuery>;

export const CallOffTotalsQuery = z.strictObject({ agreement: z.uuid().optional() });

export const CallOffTotals = z
  .object({
    byCommune: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), amount: z.number() })),
    byLot: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), amount: z.number() })),
    byVendor: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), amount: z.number() })),
  })
  .meta({ id: 'CallOffTotals' });
export type CallOffTotals = z.infer<typeof CallOffTotals>;

export function consumption(ceiling: number | null, ordered: number): Consumption {
  const rounded = Math.round(ordered * 100) / 100;
  if (ceiling === null) return { ceiling: null, ordered: rounded, remaining: null, share: null };
  return {
    ceiling,
    ordered: rounded,
    remaining: Math.round((ceiling - ordered) * 100) / 100,
    share: ceiling === 0 ? 1 : ordered / ceiling,
  };
}

/** The rules a call-off must meet, given the state read under lock. Throws the first one broken. */
export function checkCallOff(input: {
  today: string;
  agreement: { startDate: string; endDate: string; ceiling: number | null; ordered: number };
  lot: { ceiling: number; ordered: number; vendor: string | null };
  solution: { status: string; offeredByLot: boolean };
  adhered: boolean;
  amount: number;
}): void {
  const { agreement, lot, solution, amount, today } = input;
  if (today < agreement.startDate || today > agreement.endDate) {
    throw new DomainError('AGREEMENT_NOT_RUNNING', 'the agreement is not running today', {
      start: agreement.startDate,
      end: agreement.endDate,
    });
  }
  if (!input.adhered) throw new DomainError('COMMUNE_NOT_ADHERENT', 'the commune has not adhered to the agreement');
  if (lot.vendor === null) throw new DomainError('LOT_NOT_AWARDED', 'the lot is not awarded yet');
  if (!solution.offeredByLot) throw new DomainError('SOLUTION_NOT_IN_LOT', 'the lot does not offer this solution');
  if (solution.status !== 'listed') throw new DomainError('SOLUTION_NOT_LISTED', 'the solution is not listed');
  const cents = (n: number) => Math.round(n * 100);
  if (cents(lot.ordered) + cents(amount) > cents(lot.ceiling)) {
    throw new DomainError('LOT_CEILING_EXCEEDED', 'the order would exceed the lot’s ceiling', {
      remaining: Math.max(0, (cents(lot.ceiling) - cents(lot.ordered)) / 100),
    });
  }
  if (agreement.ceiling !== null && cents(agreement.ordered) + cents(amount) > cents(agreement.ceiling)) {
    throw new DomainError('AGREEMENT_CEILING_EXCEEDED', 'the order would exceed the agreement’s ceiling', {
      remaining: Math.max(0, (cents(agreement.ceiling) - cents(agreement.ordered)) / 100),
    });
  }
}

/** Totals of call-offs grouped by a key, largest amount first. */
export function totalsBy<T>(
  rows: T[],
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  amountOf: (row: T) => number,
): { key: string; label: string; count: number; amount: number }[] {
  const groups = new Map<string, { key: string; label: string; count: number; amount: number }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { key, label: labelOf(row), count: 0, amount: 0 };
    group.count += 1;
    group.amount = Math.round((group.amount + amountOf(row)) * 100) / 100;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label, 'fr'));
}
