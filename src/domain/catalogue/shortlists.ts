import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { IsoDateTime, NisCode } from '../shared/schemas.ts';
import type { Solution } from './solutions.ts';

/**
 * The buyer's shortlist (G-Cloud's journey): solutions kept from searches, compared side by side (at most four),
 * exported, and closed with the outcome — which solution was chosen and why, or why none.
 */
export const MAX_COMPARED = 4;

/** A shortlist closes with a chosen solution, or with none. */
export const OUTCOME_KINDS = ['chosen', 'none'] as const;

export const ShortlistInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    communeNis: NisCode.nullable().default(null).describe('the commune buying (a commune user: always theirs)'),
    solutionIds: z.array(z.uuid()).max(50).default([]),
    savedSearchId: z.uuid().nullable().default(null),
  })
  .meta({ id: 'ShortlistCreateInput' });
export type ShortlistInput = z.infer<typeof ShortlistInput>;

export const ShortlistUpdateInput = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    solutionIds: z.array(z.uuid()).max(50).optional(),
  })
  .meta({ id: 'ShortlistUpdateInput' });
export type ShortlistUpdateInput = z.infer<typeof ShortlistUpdateInput>;

export const OutcomeInput = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('chosen'), solutionId: z.uuid(), reason: z.string().trim().min(3).max(4000) }),
    z.strictObject({ kind: z.literal('none'), reason: z.string().trim().min(3).max(4000) }),
  ])
  .meta({ id: 'ShortlistOutcomeInput' });
export type OutcomeInput = z.infer<typeof OutcomeInput>;

export const Shortlist = z
  .object({
    id: z.uuid(),
    name: z.string(),
    communeNis: z.string().nullable(),
    ownerId: z.string().nullable(),
    solutionIds: z.array(z.uuid()),
    outcome: z
      .object({
        kind: z.enum(OUTCOME_KINDS),
        solutionId: z.uuid().nullable(),
        reason: z.string(),
        decidedAt: IsoDateTime,
      })
      .nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    /** what the caller may do with it, decided by the server's policy */
    permissions: z.object({ update: z.boolean(), delete: z.boolean() }),
  })
  .meta({ id: 'Shortlist' });
export type Shortlist = z.infer<typeof Shortlist>;

export function assertOutcome(outcome: OutcomeInput, solutionIds: string[]): void {
  if (outcome.kind === 'chosen' && !solutionIds.includes(outcome.solutionId)) {
    throw new DomainError('OUTCOME_NOT_SHORTLISTED', 'the chosen solution is not on the shortlist');
  }
}

export function assertComparable(ids: string[]): void {
  if (ids.length < 2 || ids.length > MAX_COMPARED) {
    throw new DomainError('COMPARE_COUNT', `compare between 2 and ${MAX_COMPARED} solutions`, { max: MAX_COMPARED });
  }
}

/** A row of the side-by-side comparison: one fact, one value per solution, and whether they differ. */
export type ComparisonRow = { key: string; values: string[]; differs: boolean };

type Labels = {
  yes: string;
  no: string;
  none: string;
  category(key: string): string;
  dimension(key: string): string;
  hosting(key: string): string;
  priceModel(key: string): string;
  status(key: string): string;
  money(amount: number): string;
};

/**
 * The facts a buyer compares, in the order a buyer reads them. Used by the comparison screen and by the exports, so
 * they show the same thing.
 */
export function comparisonRows(solutions: Solution[], l: Labels): ComparisonRow[] {
  const join = (items: string[]) => (items.length > 0 ? items.join(', ') : l.none);
  const yesNo = (value: boolean) => (value ? l.yes : l.no);
  const facts: [string, (s: Solution) => string][] = [
    ['vendor', (s) => s.vendor],
    ['status', (s) => l.status(s.status)],
    ['categories', (s) => join(s.categories.map(l.category))],
    ['dimensions', (s) => join(s.dimensions.map(l.dimension))],
    ['standards', (s) => join(s.interoperability.standards)],
    ['mims', (s) => join(s.interoperability.mims)],
    ['openApi', (s) => yesNo(s.interoperability.openApi)],
    ['exportFormats', (s) => join(s.interoperability.exportFormats)],
    ['singleSignOn', (s) => yesNo(s.interoperability.singleSignOn)],
    ['hosting', (s) => l.hosting(s.hosting)],
    ['dataProcessingAgreement', (s) => yesNo(s.gdpr.dataProcessingAgreement)],
    ['subProcessors', (s) => join(s.gdpr.subProcessors)],
    ['accessibilityStatement', (s) => yesNo(s.accessibilityStatementUrl !== null)],
    ['languages', (s) => join(s.languages.map((x) => x.toUpperCase()))],
    ['priceModel', (s) => l.priceModel(s.pricing.model)],
    ['price', (s) => (s.pricing.amount === null ? l.none : l.money(s.pricing.amount))],
    ['support', (s) => s.support || l.none],
    ['usedBy', (s) => String(s.usedBy.length)],
  ];
  return facts.map(([key, value]) => {
    const values = solutions.map(value);
    return { key, values, differs: new Set(values).size > 1 };
  });
}
