import { z } from 'zod';
import { ProcurementProcedure } from '../implementation/procurement.ts';
import { ProcurementStepRecord } from '../implementation/procurement-file.ts';
import { DomainError } from '../shared/errors.ts';
import { formatDate } from '../shared/format.ts';
import { IsoDate } from '../shared/schemas.ts';
import type { ScenarioAnalysis } from './analysis.ts';

/**
 * The agency's own procurement file for a launched scenario (issue 12): the procedure it runs as central purchasing
 * body for the aggregated value, its steps (the implementation's steps and rules, `validateProcurementFile`), the
 * documents, the publication, the bids received, then the award — which creates the framework agreement in the
 * catalogue with its lots, ceilings, duration, vendors and participating communes.
 */

const Money = z.number().finite().positive().max(1e11);

export const FileDocument = z.strictObject({
  title: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('a link to the document (cahier des charges, avis, PV d’ouverture…)'),
});

export const Publication = z.strictObject({
  bdaReference: z
    .string()
    .trim()
    .max(100)
    .nullable()
    .default(null)
    .describe('notice in the Bulletin des Adjudications'),
  joueReference: z.string().trim().max(100).nullable().default(null).describe('notice in the OJEU (TED)'),
  publishedOn: IsoDate.nullable().default(null),
});

export const Bid = z.strictObject({
  lotKey: z.string().trim().min(1).max(40),
  vendor: z.string().trim().min(1).max(200),
  amount: Money.describe('the offer, euros excl. VAT, over the whole term'),
  receivedOn: IsoDate,
});
export type Bid = z.infer<typeof Bid>;

export const AgencyFileInput = z.strictObject({
  procedure: ProcurementProcedure.exclude(['framework-call-off']),
  steps: z.array(ProcurementStepRecord).max(20),
  documents: z.array(FileDocument).max(50).default([]),
  publication: Publication.default({ bdaReference: null, joueReference: null, publishedOn: null }),
  bids: z.array(Bid).max(500).default([]),
});
export type AgencyFileInput = z.input<typeof AgencyFileInput>;

export const LotAward = z.strictObject({
  lotKey: z.string().trim().min(1).max(40),
  vendor: z.string().trim().min(1).max(200),
  amount: Money.describe('the awarded offer, euros excl. VAT'),
  solutionId: z
    .uuid()
    .nullable()
    .default(null)
    .describe('the listed catalogue solution the lot offers, so the communes can order it'),
  unitPrice: Money.nullable().default(null),
});

export const AwardInput = z.strictObject({
  awardDate: IsoDate.describe('date of the award decision'),
  agreementReference: z.string().trim().min(1).max(80).describe('the framework agreement’s reference in the catalogue'),
  startDate: IsoDate.describe('when the agreement starts: after the standstill when one applies'),
  awards: z.array(LotAward).min(1).max(50),
});
export type AwardInput = z.input<typeof AwardInput>;

/** Days between informing the bidders and concluding, when the standstill applies (law of 17 June 2013). */
export const STANDSTILL_DAYS = 15;

export type Standstill = { applies: boolean; endsOn: string | null; reasonFr: string };

/**
 * The standstill: above the European thresholds the contract (here the framework agreement) may not be concluded
 * before the standstill period after the award decision has been sent to the bidders. Below them the Belgian law
 * has its own, narrower cases, not modelled: the file says so.
 */
export function standstillFor(europeanPublication: boolean, awardDate: string): Standstill {
  if (!europeanPublication) {
    return {
      applies: false,
      endsOn: null,
      reasonFr:
        'Sous les seuils européens, pas de délai d’attente obligatoire dans ce modèle (les cas prévus par la loi du 17 juin 2013 pour les marchés publiés en Belgique restent à vérifier).',
    };
  }
  const endsOn = addDays(awardDate, STANDSTILL_DAYS);
  return {
    applies: true,
    endsOn,
    reasonFr: `Marché atteignant le seuil européen : délai d’attente de ${STANDSTILL_DAYS} jours après l’envoi de la décision motivée aux soumissionnaires (loi du 17 juin 2013, art. 11 — à vérifier) ; l’accord-cadre ne peut être conclu avant le ${frDate(endsOn)}.`,
  };
}

export type AgreementDraft = {
  reference: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string;
  ceiling: number;
  lots: {
    number: number;
    key: string;
    title: string;
    vendor: string;
    ceiling: number;
    solutionId: string | null;
    unitPrice: number | null;
  }[];
  communes: string[];
};

/**
 * The framework agreement the award creates: each lot's ceiling is its estimated value (the maximum the agreement
 * may reach over its whole term, options and renewals included), the agreement's ceiling their sum, the duration the
 * scenario's whole term from the start date. Every awarded lot needs a vendor; every lot of the scenario is awarded.
 */
export function agreementFromAward(
  input: {
    title: string;
    analysis: ScenarioAnalysis;
    confirmedCommunes: string[];
    lots: { key: string; label: string }[];
  },
  award: z.infer<typeof AwardInput>,
): AgreementDraft {
  const standstill = standstillFor(input.analysis.europeanPublication.required, award.awardDate);
  if (award.startDate < award.awardDate) {
    throw new DomainError(
      'AGREEMENT_STARTS_BEFORE_AWARD',
      'L’accord-cadre ne peut commencer avant la date d’attribution.',
      {
        field: 'startDate',
      },
    );
  }
  if (standstill.endsOn && award.startDate <= standstill.endsOn) {
    throw new DomainError(
      'AGREEMENT_STARTS_IN_STANDSTILL',
      `L’accord-cadre ne peut être conclu qu’après le délai d’attente, soit à partir du ${frDate(addDays(standstill.endsOn, 1))}.`,
      { field: 'startDate', endsOn: frDate(standstill.endsOn) },
    );
  }
  const lots = input.lots.map((lot, index) => {
    const awarded = award.awards.find((a) => a.lotKey === lot.key);
    if (!awarded) {
      throw new DomainError('AWARD_LOT_MISSING', `Le lot « ${lot.label} » n’a pas d’attributaire.`, {
        field: 'awards',
        lot: lot.label,
      });
    }
    const value = input.analysis.value.lots.find((l) => l.key === lot.key)!;
    if (awarded.amount > value.estimatedValue) {
      throw new DomainError(
        'AWARD_ABOVE_ESTIMATE',
        `L’offre retenue pour le lot « ${lot.label} » dépasse sa valeur estimée : le plafond de l’accord-cadre ne peut pas dépasser ce qui a été publié.`,
        { field: 'awards', lot: lot.label },
      );
    }
    return {
      number: index + 1,
      key: lot.key,
      title: lot.label,
      vendor: awarded.vendor,
      ceiling: value.estimatedValue,
      solutionId: awarded.solutionId,
      unitPrice: awarded.unitPrice,
    };
  });
  for (const a of award.awards) {
    if (!input.lots.some((l) => l.key === a.lotKey)) {
      throw new DomainError('AWARD_UNKNOWN_LOT', `Aucun lot du scénario n’a la clé « ${a.lotKey} ».`, {
        field: 'awards',
      });
    }
  }
  return {
    reference: award.agreementReference,
    title: input.title,
    description: `Accord-cadre passé par la centrale d’achat pour ${input.confirmedCommunes.length} communes (valeur estimée ${input.analysis.value.estimatedValue} € HTVA, ${input.analysis.value.totalMonths} mois).`,
    startDate: award.startDate,
    endDate: addDays(addMonths(award.startDate, input.analysis.value.totalMonths), -1),
    ceiling: input.analysis.value.estimatedValue,
    lots,
    communes: input.confirmedCommunes,
  };
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function frDate(iso: string): string {
  return formatDate(iso, 'fr');
}
