import { z } from 'zod';
import { ProcurementNature } from '../implementation/procurement.ts';
import { DomainError } from '../shared/errors.ts';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { FRAMEWORK_MAX_MONTHS } from './legal-basis.ts';

/**
 * A procurement scenario (issue 12): what the agency, as central purchasing body, would put out to tender for one or
 * several confirmed groups of needs. Lots by category or solution type; per lot the communes that join with their
 * quantities or budgets (from the poll's answers); the agreement's duration, renewals and options. Amounts are euros
 * excluding VAT, as procurement thresholds are.
 */

const Money = z.number().finite().min(0).max(1e11);

export const Participation = z
  .strictObject({
    communeNis: NisCode,
    communeName: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(0).max(1_000_000).nullable().default(null),
    amount: Money.nullable()
      .default(null)
      .describe(
        "the commune's expected spend over the agreement's initial term; null: quantity × the lot's unit price",
      ),
  })
  .refine((p) => p.quantity !== null || p.amount !== null, {
    message: 'QUANTITY_OR_AMOUNT_REQUIRED',
    path: ['amount'],
  });
export type Participation = z.infer<typeof Participation>;

export const LotOption = z.strictObject({
  label: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('e.g. « Modules complémentaires », « Réserve pour communes adhérant plus tard »'),
  amount: Money.describe('its value over the whole term'),
});
export type LotOption = z.infer<typeof LotOption>;

export const ScenarioLot = z
  .strictObject({
    key: z.string().trim().min(1).max(40).describe('stable within the scenario, e.g. « lot-1 »'),
    label: z.string().trim().min(1).max(200),
    category: z.string().max(80).nullable().default(null).describe('a key of the Smart categories taxonomy'),
    nature: ProcurementNature,
    unit: z.string().trim().max(80).nullable().default(null),
    unitPrice: Money.nullable().default(null).describe('expected price per unit over the initial term'),
    participations: z.array(Participation).max(600),
    options: z.array(LotOption).max(20).default([]),
  })
  .superRefine((lot, ctx) => {
    const seen = new Set<string>();
    lot.participations.forEach((p, i) => {
      if (seen.has(p.communeNis)) {
        ctx.addIssue({ code: 'custom', path: ['participations', i, 'communeNis'], message: 'COMMUNE_TWICE_IN_LOT' });
      }
      seen.add(p.communeNis);
      if (p.amount === null && lot.unitPrice === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['participations', i, 'amount'],
          message: 'AMOUNT_OR_UNIT_PRICE_REQUIRED',
        });
      }
    });
  });
export type ScenarioLot = z.infer<typeof ScenarioLot>;

export const ScenarioTerms = z.strictObject({
  launchDate: IsoDate.describe('planned launch of the procedure: it selects the thresholds in force'),
  initialMonths: z.number().int().min(1).max(120).describe('initial term of the framework agreement'),
  renewals: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe('how many renewals (reconductions) the agreement allows'),
  renewalMonths: z.number().int().min(0).max(120).default(0).describe('length of each renewal'),
});
export type ScenarioTerms = z.infer<typeof ScenarioTerms>;

export const ScenarioInput = ScenarioTerms.extend({
  lots: z.array(ScenarioLot).min(1).max(50),
})
  .refine((s) => s.renewals === 0 || s.renewalMonths > 0, {
    message: 'RENEWAL_MONTHS_REQUIRED',
    path: ['renewalMonths'],
  })
  .superRefine((s, ctx) => {
    const keys = new Set<string>();
    s.lots.forEach((lot, i) => {
      if (keys.has(lot.key)) ctx.addIssue({ code: 'custom', path: ['lots', i, 'key'], message: 'LOT_KEY_TWICE' });
      keys.add(lot.key);
    });
  });
export type ScenarioInput = z.input<typeof ScenarioInput>;
export type Scenario = z.infer<typeof ScenarioInput>;

export type ParticipationValue = {
  communeNis: string;
  communeName: string;
  quantity: number | null;
  /** Over the initial term. */
  initialAmount: number;
  /** Over the whole term, renewals included (options are the lot's, not a commune's). */
  fullTermAmount: number;
};

export type LotValue = {
  key: string;
  label: string;
  nature: ProcurementNature;
  initialAmount: number;
  renewalsAmount: number;
  optionsAmount: number;
  /** The estimated value: initial term + renewals + options. */
  estimatedValue: number;
  participations: ParticipationValue[];
};

export type ScenarioValue = {
  totalMonths: number;
  /** Whole term ÷ initial term: what renewals multiply the initial spend by. */
  termFactor: number;
  lots: LotValue[];
  estimatedValue: number;
  /** Each commune's share over every lot and the whole term (the value it would procure alone). */
  communes: { communeNis: string; communeName: string; fullTermAmount: number; lotKeys: string[] }[];
  warningsFr: string[];
};

/**
 * The estimated value of the framework agreement: the maximum value of all the contracts envisaged over its whole
 * term, renewals and options included, for every lot (directive 2014/24/UE art. 5; AR du 18 avril 2017). A commune's
 * yearly spend is assumed to continue at the same pace during renewals, so renewals add their share of the initial
 * spend; options are counted once, at their full value. Amounts are rounded to the cent.
 */
export function estimateScenarioValue(input: ScenarioInput): ScenarioValue {
  const s = parseScenario(input);
  const totalMonths = s.initialMonths + s.renewals * s.renewalMonths;
  const termFactor = totalMonths / s.initialMonths;
  const communes = new Map<string, ScenarioValue['communes'][number]>();
  const lots = s.lots.map((lot): LotValue => {
    const participations = lot.participations.map((p): ParticipationValue => {
      const initialAmount = cents(p.amount ?? (p.quantity ?? 0) * (lot.unitPrice ?? 0));
      const fullTermAmount = cents(initialAmount * termFactor);
      const commune = communes.get(p.communeNis) ?? {
        communeNis: p.communeNis,
        communeName: p.communeName,
        fullTermAmount: 0,
        lotKeys: [],
      };
      commune.fullTermAmount = cents(commune.fullTermAmount + fullTermAmount);
      commune.lotKeys.push(lot.key);
      communes.set(p.communeNis, commune);
      return {
        communeNis: p.communeNis,
        communeName: p.communeName,
        quantity: p.quantity,
        initialAmount,
        fullTermAmount,
      };
    });
    const initialAmount = cents(participations.reduce((sum, p) => sum + p.initialAmount, 0));
    const withRenewals = cents(participations.reduce((sum, p) => sum + p.fullTermAmount, 0));
    const optionsAmount = cents(lot.options.reduce((sum, o) => sum + o.amount, 0));
    return {
      key: lot.key,
      label: lot.label,
      nature: lot.nature,
      initialAmount,
      renewalsAmount: cents(withRenewals - initialAmount),
      optionsAmount,
      estimatedValue: cents(withRenewals + optionsAmount),
      participations,
    };
  });
  const warningsFr: string[] = [];
  if (totalMonths > FRAMEWORK_MAX_MONTHS) {
    warningsFr.push(
      `Durée totale de ${totalMonths} mois, reconductions comprises : un accord-cadre dure en principe quatre ans au ` +
        'plus (loi du 17 juin 2016, art. 43) ; une durée plus longue doit être motivée par un cas exceptionnel.',
    );
  }
  for (const lot of lots) {
    if (lot.participations.length === 0) {
      warningsFr.push(`Le lot « ${lot.label} » n'a encore aucune commune participante.`);
    }
  }
  return {
    totalMonths,
    termFactor,
    lots,
    estimatedValue: cents(lots.reduce((sum, l) => sum + l.estimatedValue, 0)),
    communes: [...communes.values()].sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr')),
    warningsFr,
  };
}

const ISSUES_FR: Record<string, string> = {
  QUANTITY_OR_AMOUNT_REQUIRED: 'une quantité ou un montant est requis',
  AMOUNT_OR_UNIT_PRICE_REQUIRED: 'une quantité sans montant demande un prix unitaire au lot',
  COMMUNE_TWICE_IN_LOT: 'la commune figure deux fois dans le lot',
  LOT_KEY_TWICE: 'deux lots portent la même clé',
  RENEWAL_MONTHS_REQUIRED: 'des reconductions demandent leur durée en mois',
};

/** Parses a scenario; a broken rule is a French sentence naming the lot and the commune concerned. */
export function parseScenario(input: ScenarioInput): Scenario {
  const parsed = ScenarioInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const [, lotIndex, , lineIndex] = issue.path;
    const lot = typeof lotIndex === 'number' ? input.lots?.[lotIndex] : undefined;
    const line = lot && typeof lineIndex === 'number' ? lot.participations?.[lineIndex] : undefined;
    const where = [lot ? `lot « ${lot.label} »` : null, line ? line.communeName : null].filter(Boolean).join(', ');
    const what = ISSUES_FR[issue.message] ?? issue.message;
    throw new DomainError('INVALID_SCENARIO', `Scénario incomplet${where ? ` (${where})` : ''} : ${what}.`, {
      field,
      issue: what,
    });
  }
  return parsed.data;
}

/** A poll's answer, as the mutualisation records it. */
export type PollAnswerFacts = {
  communeNis: string;
  communeName: string;
  answer: 'yes' | 'no' | null;
  quantity: number | null;
  budget: number | null;
};

/**
 * A lot's participations from a poll: the communes that answered yes, with their quantity and their budget (the
 * budget is taken as their spend over the initial term; without one, quantity × the lot's unit price). A commune
 * that answered twice (two polls of two groups in one lot) keeps the sum.
 */
export function participationsFromAnswers(answers: PollAnswerFacts[]): Participation[] {
  const byCommune = new Map<string, Participation>();
  for (const a of answers) {
    if (a.answer !== 'yes' || (a.quantity === null && a.budget === null)) continue;
    const previous = byCommune.get(a.communeNis);
    byCommune.set(a.communeNis, {
      communeNis: a.communeNis,
      communeName: a.communeName,
      quantity: sumNullable(previous?.quantity ?? null, a.quantity),
      amount: sumNullable(previous?.amount ?? null, a.budget),
    });
  }
  return [...byCommune.values()].sort((a, b) => a.communeName.localeCompare(b.communeName, 'fr'));
}

function sumNullable(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

export const cents = (value: number) => Math.round(value * 100) / 100;
