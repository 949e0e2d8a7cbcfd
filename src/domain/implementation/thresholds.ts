import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { IsoDate } from '../shared/schemas.ts';

/**
 * Belgian public procurement thresholds as dated reference data (domain.md: "store them as dated data, never as
 * constants in code"). The EU revises its thresholds every two years and Belgium follows by ministerial decree, so a
 * table is a list of periods; the server stores it and an admin adds the next period. The domain defines the shape,
 * the checks and the seed below. Every amount is in euros, excluding VAT.
 */

const Amount = z.number().positive().finite();

export const ThresholdValues = z.strictObject({
  euWorks: Amount.describe('EU publication threshold for works contracts (Directive 2014/24/EU art. 4 a)'),
  euSuppliesServicesSubCentral: Amount.describe(
    'EU publication threshold for supplies and services of sub-central authorities: communes, intercommunales (art. 4 c)',
  ),
  euSuppliesServicesCentral: Amount.describe(
    'EU threshold for supplies and services of central government (art. 4 b); Belgium reuses it for the negotiated procedure without prior publication',
  ),
  negotiatedWithoutPublication: Amount.describe(
    'Negotiated procedure without prior publication allowed when the expense to approve is below this (Law of 17 June 2016 art. 42 §1 1° a; RD of 18 April 2017 art. 90 al. 1 1°)',
  ),
  negotiatedDirectWithPublicationWorks: Amount.describe(
    'Negotiated procedure with prior publication allowed for works below this (Law of 17 June 2016 art. 41 §1 2°)',
  ),
  lowValue: Amount.describe('Low-value contract (accepted invoice) below this estimate (Law of 17 June 2016 art. 92)'),
});
export type ThresholdValues = z.infer<typeof ThresholdValues>;
export type ThresholdKey = keyof ThresholdValues;

/** Where a figure comes from, and whether someone has checked it against that source. */
export const ThresholdEvidence = z
  .strictObject({
    legalBasis: z.string().min(1).describe('the text that sets the figure'),
    checkedAgainst: z.array(z.string().min(1)).describe('documents (URLs) the figure was compared with'),
    verified: z.boolean(),
    note: z.string().min(1).optional().describe('what remains to check; required when verified is false'),
  })
  .superRefine((e, ctx) => {
    if (!e.verified && !e.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'UNVERIFIED_FIGURE_NEEDS_NOTE' });
    }
  });
export type ThresholdEvidence = z.infer<typeof ThresholdEvidence>;

export const ThresholdPeriod = z
  .strictObject({
    validFrom: IsoDate,
    validTo: IsoDate,
    source: z.string().min(1).describe('the texts that set this period, in short'),
    values: ThresholdValues,
    evidence: z.strictObject({
      euWorks: ThresholdEvidence,
      euSuppliesServicesSubCentral: ThresholdEvidence,
      euSuppliesServicesCentral: ThresholdEvidence,
      negotiatedWithoutPublication: ThresholdEvidence,
      negotiatedDirectWithPublicationWorks: ThresholdEvidence,
      lowValue: ThresholdEvidence,
    }),
  })
  .superRefine((p, ctx) => {
    if (p.validTo < p.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'PERIOD_ENDS_BEFORE_IT_STARTS' });
    }
    // The procedures are nested (each lighter one sits below the next); figures out of this order are a typing error.
    const v = p.values;
    const ordered: [ThresholdKey, ThresholdKey][] = [
      ['lowValue', 'negotiatedWithoutPublication'],
      ['negotiatedWithoutPublication', 'euSuppliesServicesSubCentral'],
      ['negotiatedWithoutPublication', 'negotiatedDirectWithPublicationWorks'],
      ['negotiatedDirectWithPublicationWorks', 'euWorks'],
      ['euSuppliesServicesCentral', 'euSuppliesServicesSubCentral'],
    ];
    for (const [lower, higher] of ordered) {
      if (!(v[lower] < v[higher])) {
        ctx.addIssue({ code: 'custom', path: ['values', lower], message: `MUST_BE_BELOW_${higher}` });
      }
    }
  });
export type ThresholdPeriod = z.infer<typeof ThresholdPeriod>;

export const ThresholdTable = z
  .array(ThresholdPeriod)
  .min(1)
  .superRefine((periods, ctx) => {
    const sorted = [...periods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.validFrom <= sorted[i - 1]!.validTo) {
        ctx.addIssue({ code: 'custom', path: [periods.indexOf(sorted[i]!)], message: 'PERIODS_OVERLAP' });
      }
    }
  })
  .describe('Procurement thresholds by period of validity; periods never overlap');
export type ThresholdTable = z.infer<typeof ThresholdTable>;

/** The period in force on a date (both ends included). No period: the table must be completed by an admin. */
export function findThresholdPeriod(table: ThresholdTable, date: string): ThresholdPeriod {
  const period = table.find((p) => p.validFrom <= date && date <= p.validTo);
  if (!period) {
    throw new DomainError(
      'THRESHOLD_PERIOD_NOT_FOUND',
      `Aucun seuil de marchés publics n'est enregistré pour la date du ${date}.`,
      { date },
    );
  }
  return period;
}

/**
 * Whether the period starting on `validFrom` may be removed from the table on `today`. Refused when it is the period
 * in force today (advice for today would have no figures), when it is the last period left, or when it sits between
 * two others (launch dates between them would find no figures). The first or last period of the table, not in force
 * today, may go: a mistyped future period, or an old one nobody needs.
 */
export function checkPeriodRemoval(table: ThresholdTable, validFrom: string, today: string): void {
  const sorted = [...table].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const index = sorted.findIndex((p) => p.validFrom === validFrom);
  if (index < 0) {
    throw new DomainError('THRESHOLD_PERIOD_UNKNOWN', `Aucune période de seuils ne commence le ${validFrom}.`, {
      date: validFrom,
    });
  }
  const period = sorted[index]!;
  if (sorted.length === 1 || (period.validFrom <= today && today <= period.validTo)) {
    throw new DomainError(
      'THRESHOLD_PERIOD_IN_FORCE',
      'Cette période est celle des seuils en vigueur aujourd’hui : corrigez-la plutôt que de la supprimer.',
      { from: period.validFrom, to: period.validTo },
    );
  }
  if (index > 0 && index < sorted.length - 1) {
    throw new DomainError(
      'THRESHOLD_PERIOD_LEAVES_GAP',
      'Supprimer cette période laisserait des dates sans seuils entre la précédente et la suivante.',
      { from: period.validFrom, to: period.validTo },
    );
  }
}

/** Figures of a period that nobody has checked yet, so the UI can say which advice rests on them. */
export function unverifiedFigures(period: ThresholdPeriod): { key: ThresholdKey; value: number; note: string }[] {
  return (Object.keys(period.evidence) as ThresholdKey[])
    .filter((key) => !period.evidence[key].verified)
    .map((key) => ({ key, value: period.values[key], note: period.evidence[key].note ?? '' }));
}

// ---------------------------------------------------------------------------------------------------------------
// Seed. Each figure names its legal basis and the public pages it was compared with (checked in 2026 with the
// project's search tool). Secondary pages are cited where the official journal itself was not readable.
// ---------------------------------------------------------------------------------------------------------------

const EC_THRESHOLDS =
  'https://single-market-economy.ec.europa.eu/single-market/public-procurement/legal-rules-and-implementation/thresholds_en';
const BRUSSELS_TABLE =
  'http://plaatselijke-besturen.brussels/themas/overheidsopdrachten/lokale-overheidsopdrachten-en-concessieovereenkomsten/toepasselijke-regelgeving/federale-wetgeving/voornaamste-belgische-drempels-klassieke-sectoren';
const BOSA_LOW_VALUE =
  'https://bosa.belgium.be/nl/themas/overheids-opdrachten/marktkenniscentrum/overheidsopdrachten-van-beperkte-waarde-klassieke';

const lowValueEvidence: ThresholdEvidence = {
  legalBasis: 'Loi du 17 juin 2016 relative aux marchés publics, art. 92 (marché de faible montant, facture acceptée)',
  checkedAgainst: [
    BOSA_LOW_VALUE,
    'https://lokaalbestuur.vlaanderen.be/faq/overheidsopdrachten/wanneer-kan-je-een-opdracht-via-aanvaarde-factuur-sluiten',
    BRUSSELS_TABLE,
  ],
  verified: true,
};

const worksNegotiatedWithPublicationEvidence: ThresholdEvidence = {
  legalBasis:
    'Loi du 17 juin 2016, art. 41, § 1er, 2° (procédure négociée directe avec publication préalable, travaux)',
  checkedAgainst: [BRUSSELS_TABLE],
  verified: true,
};

export const SEED_THRESHOLD_TABLE: ThresholdTable = [
  {
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    source:
      "Règlement délégué (UE) 2023/2495 de la Commission (seuils 2024-2025 de la directive 2014/24/UE), transposé par l'arrêté ministériel du 13 décembre 2023 (M.B. 18.12.2023) dans l'AR du 18 avril 2017 (art. 11 et 90) ; loi du 17 juin 2016, art. 41 et 92.",
    values: {
      euWorks: 5_538_000,
      euSuppliesServicesSubCentral: 221_000,
      euSuppliesServicesCentral: 143_000,
      negotiatedWithoutPublication: 143_000,
      negotiatedDirectWithPublicationWorks: 750_000,
      lowValue: 30_000,
    },
    evidence: {
      euWorks: {
        legalBasis: 'Règlement délégué (UE) 2023/2495 ; AR du 18 avril 2017, art. 11',
        checkedAgainst: [
          EC_THRESHOLDS,
          'https://www.tenderexperts.be/fr/nouvelles/seuils-marches-publics/',
          'https://www.ori.be/nl/news/395/overheidsopdrachten-nieuwe-drempels/',
        ],
        verified: true,
      },
      euSuppliesServicesSubCentral: {
        legalBasis: 'Règlement délégué (UE) 2023/2495 ; AR du 18 avril 2017, art. 11',
        checkedAgainst: [
          'https://www.tenderexperts.be/fr/nouvelles/seuils-marches-publics/',
          'https://www.ori.be/nl/news/395/overheidsopdrachten-nieuwe-drempels/',
        ],
        verified: true,
      },
      euSuppliesServicesCentral: {
        legalBasis: 'Règlement délégué (UE) 2023/2495 ; AR du 18 avril 2017, art. 11',
        checkedAgainst: [
          'https://www.ori.be/nl/news/395/overheidsopdrachten-nieuwe-drempels/',
          'https://www.ariapartner.be/blog/insights-3/flash-info-rappel-5',
        ],
        verified: true,
      },
      negotiatedWithoutPublication: {
        legalBasis: 'Loi du 17 juin 2016, art. 42, § 1er, 1°, a) ; AR du 18 avril 2017, art. 90, al. 1er, 1°',
        checkedAgainst: [
          'https://www.ori.be/nl/news/395/overheidsopdrachten-nieuwe-drempels/',
          'https://agiosolutions.eu/2024/01/02/nieuw-jaar-nieuwe-regels-en-drempelbedragen-voor-overheidsopdrachten/',
          'https://wallex.wallonie.be/sites/wallex/contents/acts/129/129202/1.html',
        ],
        verified: true,
      },
      negotiatedDirectWithPublicationWorks: worksNegotiatedWithPublicationEvidence,
      lowValue: lowValueEvidence,
    },
  },
  {
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    source:
      'Règlement délégué (UE) 2025/2152 de la Commission du 22 octobre 2025 (JO L du 23.10.2025, seuils 2026-2027 de la directive 2014/24/UE) ; AR du 12 janvier 2026 modifiant deux seuils de la loi du 17 juin 2013 ; loi du 17 juin 2016, art. 41 et 92.',
    values: {
      euWorks: 5_404_000,
      euSuppliesServicesSubCentral: 216_000,
      euSuppliesServicesCentral: 140_000,
      negotiatedWithoutPublication: 140_000,
      negotiatedDirectWithPublicationWorks: 750_000,
      lowValue: 30_000,
    },
    evidence: {
      euWorks: {
        legalBasis: 'Règlement délégué (UE) 2025/2152 (ELI http://data.europa.eu/eli/reg_del/2025/2152/oj)',
        checkedAgainst: [
          'https://cwmf.gov.ie/en/news/revised-eu-procurement-thresholds-applicable-from-1-january-2026',
          'https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027',
        ],
        verified: true,
      },
      euSuppliesServicesSubCentral: {
        legalBasis: 'Règlement délégué (UE) 2025/2152',
        checkedAgainst: [
          'https://cwmf.gov.ie/en/news/revised-eu-procurement-thresholds-applicable-from-1-january-2026',
          'https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027',
        ],
        verified: true,
      },
      euSuppliesServicesCentral: {
        legalBasis: 'Règlement délégué (UE) 2025/2152',
        checkedAgainst: [
          'https://cwmf.gov.ie/en/news/revised-eu-procurement-thresholds-applicable-from-1-january-2026',
          'https://www.mondaq.com/ireland/government-contracts-procurement-ppp/1696870/public-procurement-thresholds-for-2026-2027',
        ],
        verified: true,
      },
      negotiatedWithoutPublication: {
        legalBasis: 'Loi du 17 juin 2016, art. 42, § 1er, 1°, a) ; AR du 18 avril 2017, art. 90, al. 1er, 1°',
        checkedAgainst: ['https://wallex.wallonie.be/sites/wallex/contents/acts/129/129202/1.html'],
        verified: false,
        note: "L'AR du 12 janvier 2026 confirme que le seuil de 143 000 € de l'art. 90, al. 1er, 1° baisse avec le règlement (UE) 2025/2152 (seuil des autorités centrales : 140 000 €), mais le texte belge qui remplace ce montant dans l'AR du 18 avril 2017 (arrêté ministériel publié au Moniteur belge) n'a pas été lu : vérifier le montant de 140 000 € et sa date d'entrée en vigueur.",
      },
      negotiatedDirectWithPublicationWorks: worksNegotiatedWithPublicationEvidence,
      lowValue: lowValueEvidence,
    },
  },
];
