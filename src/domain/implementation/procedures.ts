import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { formatEuro } from '../shared/format.ts';
import { IsoDate } from '../shared/schemas.ts';
import { NATURE_LABELS_FR, PROCEDURE_LABELS_FR, ProcurementNature, type ProcurementProcedure } from './procurement.ts';
import {
  findThresholdPeriod,
  type ThresholdKey,
  ThresholdTable,
  type ThresholdValues,
  unverifiedFigures,
} from './thresholds.ts';

/**
 * Which award procedures Belgian law allows for a contract, from its nature, its estimated amount excl. VAT and the
 * thresholds in force on its launch date (Law of 17 June 2016, Royal Decree of 18 April 2017, classical sectors,
 * a sub-central contracting authority such as a commune). Every threshold works as "strictly below": an amount equal
 * to a threshold already falls on the heavier side, as the texts say ("n'atteint pas", "inférieur à").
 *
 * Out of scope: social and other specific services (their own 750 000 € regime), special sectors, defence, concessions.
 */

export const FrameworkMatch = z.strictObject({
  solutionId: z.string().min(1).describe('the catalogue solution that fits the need'),
  lot: z.string().min(1).describe('the lot of the framework agreement that lists it'),
  centralPurchasingBody: z.string().min(1).default('IDELUX').describe('the agency acting as central purchasing body'),
});
export type FrameworkMatch = z.infer<typeof FrameworkMatch>;

export const ProcedureQuery = z.strictObject({
  nature: ProcurementNature,
  estimatedAmountExclVat: z.number().min(0).finite().describe('estimate excl. VAT, options and renewals included'),
  launchDate: IsoDate.describe('date the procedure is launched: it selects the thresholds in force'),
  thresholds: ThresholdTable,
  frameworkMatch: FrameworkMatch.optional(),
});
export type ProcedureQuery = z.input<typeof ProcedureQuery>;

export type PublicationRequirement = {
  /** Belgian publication in the Bulletin des Adjudications. */
  bulletinDesAdjudications: boolean;
  /** European publication in the Official Journal of the EU (JOUE / TED). */
  joue: boolean;
};

export type ProcedureProposal = {
  procedure: ProcurementProcedure;
  labelFr: string;
  allowed: boolean;
  /** Allowed only in the cases the law lists; the commune must state which one applies. */
  conditional: boolean;
  recommended: boolean;
  reasonFr: string;
  legalBasis: string;
  publication: PublicationRequirement;
};

export type PublicationAdvice = { required: boolean; reasonFr: string };

export type ProcedureAdvice = {
  nature: ProcurementNature;
  estimatedAmountExclVat: number;
  launchDate: string;
  period: { validFrom: string; validTo: string; source: string };
  euThreshold: number;
  /** For a procedure of the commune's own; a call-off from the framework agreement needs none. */
  europeanPublication: PublicationAdvice;
  belgianPublication: PublicationAdvice;
  proposals: ProcedureProposal[];
  warningsFr: string[];
  /**
   * The agency's own notes on figures of the thresholds table not yet checked against their source (« Chiffre à
   * vérifier … »): internal, for the admins who maintain the table; the server empties them for everyone else.
   */
  verificationNotesFr: string[];
};

const LAW = 'Loi du 17 juin 2016';
const ROYAL_DECREE = 'AR du 18 avril 2017';
/** Below this share of a threshold, an estimate is close enough that the retained offer may cross it. */
const NEAR_THRESHOLD_RATIO = 0.9;

export function euThresholdFor(nature: ProcurementNature, values: ThresholdValues): number {
  return nature === 'works' ? values.euWorks : values.euSuppliesServicesSubCentral;
}

/** Art. 41 §1: below the EU threshold for supplies and services (1°), below a fixed amount for works (2°). */
export function negotiatedWithPublicationThresholdFor(nature: ProcurementNature, values: ThresholdValues): number {
  return nature === 'works' ? values.negotiatedDirectWithPublicationWorks : values.euSuppliesServicesSubCentral;
}

type Proposal = Omit<ProcedureProposal, 'recommended' | 'labelFr'>;
/** What every proposal's reasons read from: the amount and nature against the period's figures. */
type Facts = {
  nature: ProcurementNature;
  amount: number;
  /** The amount in words: « 25 000 € ». */
  a: string;
  v: ThresholdValues;
  eu: number;
  aboveEu: boolean;
  joueSentence: string;
  withPublication: PublicationRequirement;
  noPublication: PublicationRequirement;
};

/** The call-off from the framework agreement, when the need fits a solution of one of its lots. */
function frameworkProposals(f: Facts, frameworkMatch: FrameworkMatch | undefined): Proposal[] {
  const { noPublication } = f;
  const proposals: Proposal[] = [];
  if (frameworkMatch) {
    proposals.push({
      procedure: 'framework-call-off',
      allowed: true,
      conditional: false,
      reasonFr:
        `La solution « ${frameworkMatch.solutionId} » figure au lot « ${frameworkMatch.lot} » du marché-cadre de la ` +
        `centrale d'achat ${frameworkMatch.centralPurchasingBody} : la commune qui y adhère commande dans ce ` +
        `marché-cadre et est dispensée d'organiser elle-même une procédure de passation, dans les limites du ` +
        `marché-cadre (montant maximal, durée, conditions d'adhésion).`,
      legalBasis: `${LAW}, art. 47 (centrale d'achat) et art. 43 (accord-cadre)`,
      publication: noPublication,
    });
  }

  return proposals;
}

/** The procedures the amount allows or excludes: low value, negotiated without and with publication. */
function amountProposals(f: Facts): Proposal[] {
  const { nature, amount, a, v, noPublication } = f;
  const proposals: Proposal[] = [];
  const lowValue = amount < v.lowValue;
  proposals.push({
    procedure: 'low-value',
    allowed: lowValue,
    conditional: false,
    reasonFr: lowValue
      ? `Montant estimé de ${a} HTVA inférieur à ${euros(v.lowValue)} : marché de faible montant, conclu sur ` +
        `simple facture acceptée, sans publication. Consulter si possible plusieurs opérateurs ; le montant ` +
        `approuvé doit lui aussi rester sous ${euros(v.lowValue)}.`
      : `Montant estimé de ${a} HTVA égal ou supérieur à ${euros(v.lowValue)} : le régime du faible montant ne ` +
        `s'applique pas.`,
    legalBasis: `${LAW}, art. 92`,
    publication: noPublication,
  });

  const negotiatedWithout = amount < v.negotiatedWithoutPublication;
  proposals.push({
    procedure: 'negotiated-without-publication',
    allowed: negotiatedWithout,
    conditional: false,
    reasonFr: negotiatedWithout
      ? `Dépense à approuver estimée à ${a} HTVA, inférieure à ${euros(v.negotiatedWithoutPublication)} : ` +
        `procédure négociée sans publication préalable, en consultant si possible plusieurs opérateurs. Le seuil ` +
        `porte sur la dépense à approuver : si l'offre retenue l'atteint, cette procédure ne convient plus.`
      : `Montant de ${a} HTVA égal ou supérieur à ${euros(v.negotiatedWithoutPublication)} : la procédure négociée ` +
        `sans publication préalable n'est possible que dans les cas exceptionnels de l'art. 42 de la loi ` +
        `(urgence impérieuse, opérateur unique, procédure précédente infructueuse…), à motiver.`,
    legalBasis: `${LAW}, art. 42, § 1er, 1°, a) ; ${ROYAL_DECREE}, art. 90, al. 1er, 1°`,
    publication: noPublication,
  });

  const negotiatedWithLimit = negotiatedWithPublicationThresholdFor(nature, v);
  const negotiatedWith = amount < negotiatedWithLimit;
  const limitText =
    nature === 'works'
      ? `le plafond de ${euros(negotiatedWithLimit)} fixé pour les travaux`
      : `le seuil européen de ${euros(negotiatedWithLimit)}`;
  proposals.push({
    procedure: 'negotiated-direct-with-publication',
    allowed: negotiatedWith,
    conditional: false,
    reasonFr: negotiatedWith
      ? `Marché de ${NATURE_LABELS_FR[nature]} estimé à ${a} HTVA, sous ${limitText} : procédure négociée directe ` +
        `avec publication préalable (avis au Bulletin des Adjudications, offres puis négociation possible).`
      : `Marché de ${NATURE_LABELS_FR[nature]} estimé à ${a} HTVA, égal ou supérieur à ${limitText} : procédure ` +
        `négociée directe avec publication préalable exclue.`,
    legalBasis: `${LAW}, art. 41, § 1er, ${nature === 'works' ? '2°' : '1°'}`,
    publication: { bulletinDesAdjudications: true, joue: false },
  });

  return proposals;
}

/** The procedures always permitted, some only in cases to motivate. */
function openProposals(f: Facts): Proposal[] {
  const { eu, aboveEu, joueSentence, withPublication } = f;
  const proposals: Proposal[] = [];
  proposals.push({
    procedure: 'open',
    allowed: true,
    conditional: false,
    reasonFr: `Toujours permise : tout opérateur intéressé remet une offre, sans négociation.${joueSentence}`,
    legalBasis: `${LAW}, art. 36`,
    publication: withPublication,
  });

  proposals.push({
    procedure: 'restricted',
    allowed: true,
    conditional: false,
    reasonFr:
      `Toujours permise : sélection des candidats, puis offres des seuls candidats sélectionnés, sans négociation ; ` +
      `utile quand beaucoup de candidatures sont attendues.${joueSentence}`,
    legalBasis: `${LAW}, art. 37`,
    publication: withPublication,
  });

  proposals.push({
    procedure: 'competitive-negotiation',
    allowed: true,
    conditional: aboveEu,
    reasonFr: aboveEu
      ? `Au-delà du seuil européen (${euros(eu)}), permise seulement si le besoin ne peut être satisfait sans ` +
        `adapter des solutions disponibles, comporte de l'innovation, est complexe, ne peut être spécifié avec ` +
        `précision, ou après des offres irrégulières ou inacceptables : cas à motiver.${joueSentence}`
      : `Montant estimé inférieur au seuil européen (${euros(eu)}) : permise sans autre condition ; sélection des ` +
        `candidats puis négociation des offres.${joueSentence}`,
    legalBasis: aboveEu ? `${LAW}, art. 38, § 1er, 1°, a) à e)` : `${LAW}, art. 38, § 1er, 1°, f)`,
    publication: withPublication,
  });

  proposals.push({
    procedure: 'competitive-dialogue',
    allowed: true,
    conditional: true,
    reasonFr:
      `Permise sous conditions, dans les cas de l'art. 38 de la loi (besoin complexe ou innovant, solution à ` +
      `construire avec les candidats) : à motiver.${joueSentence}`,
    legalBasis: `${LAW}, art. 39`,
    publication: withPublication,
  });

  proposals.push({
    procedure: 'innovation-partnership',
    allowed: true,
    conditional: true,
    reasonFr:
      `Permise sous condition : besoin de produits, services ou travaux innovants qui n'existent pas encore sur le ` +
      `marché, à développer puis acquérir : à motiver.${joueSentence}`,
    legalBasis: `${LAW}, art. 40`,
    publication: withPublication,
  });

  return proposals;
}

function europeanPublicationOf(f: Facts, frameworkMatch: FrameworkMatch | undefined): PublicationAdvice {
  const { nature, a, eu, aboveEu } = f;
  return {
    required: aboveEu,
    reasonFr: aboveEu
      ? `Montant estimé de ${a} HTVA égal ou supérieur au seuil européen de ${euros(eu)} pour des ` +
        `${NATURE_LABELS_FR[nature]} : publication au JOUE obligatoire pour une procédure propre à la commune` +
        `${frameworkMatch ? ', mais pas pour une commande dans le marché-cadre' : ''}.`
      : `Montant estimé de ${a} HTVA inférieur au seuil européen de ${euros(eu)} : pas de publication au JOUE.`,
  };
}

function belgianPublicationOf(f: Facts, frameworkMatch: FrameworkMatch | undefined): PublicationAdvice {
  const { amount, v } = f;
  const negotiatedWithout = amount < v.negotiatedWithoutPublication;
  return {
    required: !negotiatedWithout,
    reasonFr: negotiatedWithout
      ? `Sous ${euros(v.negotiatedWithoutPublication)}, le faible montant ou la procédure négociée sans ` +
        `publication préalable dispensent du Bulletin des Adjudications ; il reste obligatoire pour toute ` +
        `procédure avec publication.`
      : `À partir de ${euros(v.negotiatedWithoutPublication)}, toute procédure propre à la commune (hors cas ` +
        `exceptionnels de l'art. 42) passe par un avis au Bulletin des Adjudications` +
        `${frameworkMatch ? ' ; la commande dans le marché-cadre en est dispensée' : ''}.`,
  };
}

export function proposeProcedures(input: ProcedureQuery): ProcedureAdvice {
  const parsed = ProcedureQuery.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('INVALID_PROCEDURE_QUERY', `Demande invalide : ${issue.message}`, {
      field: issue.path.join('.'),
      issue: issue.message,
    });
  }
  const { nature, estimatedAmountExclVat: amount, launchDate, thresholds, frameworkMatch } = parsed.data;
  const period = findThresholdPeriod(thresholds, launchDate);
  const v = period.values;
  const eu = euThresholdFor(nature, v);
  const aboveEu = amount >= eu;
  const facts: Facts = {
    nature,
    amount,
    a: euros(amount),
    v,
    eu,
    aboveEu,
    joueSentence: aboveEu
      ? ` Montant égal ou supérieur au seuil européen (${euros(eu)}) : avis au Bulletin des Adjudications et au JOUE.`
      : ` Avis au Bulletin des Adjudications (sous le seuil européen de ${euros(eu)}, pas de JOUE).`,
    withPublication: { bulletinDesAdjudications: true, joue: aboveEu },
    noPublication: { bulletinDesAdjudications: false, joue: false },
  };
  const proposals = [...frameworkProposals(facts, frameworkMatch), ...amountProposals(facts), ...openProposals(facts)];
  const recommended = recommend(proposals);
  return {
    nature,
    estimatedAmountExclVat: amount,
    launchDate,
    period: { validFrom: period.validFrom, validTo: period.validTo, source: period.source },
    euThreshold: eu,
    europeanPublication: europeanPublicationOf(facts, frameworkMatch),
    belgianPublication: belgianPublicationOf(facts, frameworkMatch),
    proposals: proposals.map((p) => ({
      ...p,
      labelFr: labelOf(p.procedure, frameworkMatch),
      recommended: p.procedure === recommended,
    })),
    warningsFr: warnings(amount, nature, v),
    verificationNotesFr: unverifiedFigures(period).map(
      (figure) => `Chiffre à vérifier — ${FIGURE_NAMES_FR[figure.key]} (${euros(figure.value)}) : ${figure.note}`,
    ),
  };
}

/** The lightest procedure allowed without conditions; the framework call-off first, as it spares a procedure. */
function recommend(proposals: Omit<ProcedureProposal, 'recommended' | 'labelFr'>[]): ProcurementProcedure {
  const lightest = proposals.find((p) => p.allowed && !p.conditional);
  return lightest?.procedure ?? 'open';
}

function labelOf(procedure: ProcurementProcedure, frameworkMatch: FrameworkMatch | undefined): string {
  const label = PROCEDURE_LABELS_FR[procedure];
  return procedure === 'framework-call-off' && frameworkMatch
    ? `${label} (${frameworkMatch.centralPurchasingBody})`
    : label;
}

const NEAR_THRESHOLD_NAMES_FR: [ThresholdKey | 'eu', string][] = [
  ['lowValue', 'du faible montant'],
  ['negotiatedWithoutPublication', 'de la procédure négociée sans publication préalable'],
  ['negotiatedDirectWithPublicationWorks', 'de la procédure négociée directe avec publication préalable (travaux)'],
  ['eu', 'de la publicité européenne'],
];

const FIGURE_NAMES_FR: Record<ThresholdKey, string> = {
  euWorks: 'seuil européen des travaux',
  euSuppliesServicesSubCentral: 'seuil européen des fournitures et services',
  euSuppliesServicesCentral: 'seuil européen des autorités centrales',
  negotiatedWithoutPublication: 'seuil de la procédure négociée sans publication préalable',
  negotiatedDirectWithPublicationWorks: 'plafond de la procédure négociée directe avec publication préalable (travaux)',
  lowValue: 'seuil du faible montant',
};

function warnings(amount: number, nature: ProcurementNature, v: ThresholdValues): string[] {
  const out: string[] = [];
  for (const [key, name] of NEAR_THRESHOLD_NAMES_FR) {
    if (key === 'negotiatedDirectWithPublicationWorks' && nature !== 'works') continue;
    const threshold = key === 'eu' ? euThresholdFor(nature, v) : v[key];
    if (amount >= threshold * NEAR_THRESHOLD_RATIO && amount < threshold) {
      out.push(
        `Montant estimé proche du seuil ${name} (${euros(threshold)}) : vérifier que l'estimation comprend options, ` +
          `reconductions et lots, et qu'aucune offre ne le fera dépasser.`,
      );
    }
  }
  return out;
}

/** "30 000 €" for whole amounts (thresholds), "12 345,67 €" otherwise; Belgian French conventions. */
function euros(value: number): string {
  return formatEuro(value, 'fr');
}
