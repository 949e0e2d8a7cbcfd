/**
 * The texts the central-purchasing work cites, each with what was checked. The thresholds' own evidence lives with the
 * dated threshold table (`implementation/thresholds.ts`); these are the articles and the fixed figures the rules
 * below rest on. `verified: false` means the article number or figure is recalled from secondary sources and was
 * not read in the published text: the UI shows it as « à vérifier », as the thresholds table does.
 */
export type LegalReference = {
  key: LegalReferenceKey;
  citation: string;
  subjectFr: string;
  verified: boolean;
  /** What was compared, or what remains to check. */
  noteFr: string;
};

export const LEGAL_REFERENCE_KEYS = [
  'definitions',
  'centralPurchasing',
  'jointProcurement',
  'inHouse',
  'frameworkAgreement',
  'lots',
  'estimatedValue',
  'smallLots',
  'standstill',
] as const;
export type LegalReferenceKey = (typeof LEGAL_REFERENCE_KEYS)[number];

const LAW = 'Loi du 17 juin 2016 relative aux marchés publics';
const RD = 'AR du 18 avril 2017 relatif à la passation des marchés publics dans les secteurs classiques';
const RECALLED =
  "Numéro d'article repris des notes du domaine (domain.md) et de sources secondaires ; le texte publié au Moniteur belge n'a pas été relu : à vérifier.";

export const LEGAL_REFERENCES: Record<LegalReferenceKey, LegalReference> = {
  definitions: {
    key: 'definitions',
    citation: `${LAW}, art. 2`,
    subjectFr: "Définitions : centrale d'achat, activités d'achat centralisées et auxiliaires",
    verified: false,
    noteFr: `${RECALLED} Les numéros des points de l'art. 2 qui définissent ces notions restent à relever.`,
  },
  centralPurchasing: {
    key: 'centralPurchasing',
    citation: `${LAW}, art. 47`,
    subjectFr:
      "Centrale d'achat : le pouvoir adjudicateur qui recourt à une centrale d'achat est dispensé d'organiser lui-même une procédure de passation pour ce que la centrale a acquis",
    verified: false,
    noteFr: RECALLED,
  },
  jointProcurement: {
    key: 'jointProcurement',
    citation: `${LAW}, art. 48`,
    subjectFr:
      'Marchés conjoints occasionnels : plusieurs pouvoirs adjudicateurs passent ensemble un marché, chacun restant responsable de ce qui est fait en son nom',
    verified: false,
    noteFr: RECALLED,
  },
  inHouse: {
    key: 'inHouse',
    citation: `${LAW}, art. 30`,
    subjectFr:
      'Coopération entre entités du secteur public (« in house ») : contrôle analogue, plus de 80 % de l’activité pour les pouvoirs qui contrôlent, pas de capital privé',
    verified: false,
    noteFr: RECALLED,
  },
  frameworkAgreement: {
    key: 'frameworkAgreement',
    citation: `${LAW}, art. 43`,
    subjectFr: 'Accord-cadre : durée de quatre ans au plus, sauf cas exceptionnels dûment motivés',
    verified: false,
    noteFr: RECALLED,
  },
  lots: {
    key: 'lots',
    citation: `${LAW}, art. 58`,
    subjectFr:
      'Division en lots : le pouvoir adjudicateur examine l’allotissement et motive le choix de ne pas allotir',
    verified: false,
    noteFr: RECALLED,
  },
  estimatedValue: {
    key: 'estimatedValue',
    citation: `${RD}, art. 5 à 7 ; directive 2014/24/UE, art. 5`,
    subjectFr:
      "Valeur estimée : montant total de tous les marchés envisagés pendant toute la durée de l'accord-cadre, options et reconductions comprises, et de tous les lots",
    verified: false,
    noteFr:
      "La règle figure à l'art. 5 de la directive 2014/24/UE (§§ 1er, 5 et 8) ; la transposition belge (chapitre « Estimation du montant du marché » de l'AR) n'a pas été relue article par article : à vérifier.",
  },
  smallLots: {
    key: 'smallLots',
    citation: `${RD}, art. 7 ; directive 2014/24/UE, art. 5, § 10`,
    subjectFr:
      'Petits lots : des lots de moins de 80 000 € (fournitures, services) ou 1 000 000 € (travaux), ensemble au plus 20 % de la valeur de tous les lots, peuvent suivre les règles sous les seuils européens',
    verified: false,
    noteFr:
      "Les montants (80 000 €, 1 000 000 €, 20 %) sont ceux de l'art. 5, § 10 de la directive, repris par des pages publiques consultées ; le numéro d'article de l'AR belge qui les transpose reste à vérifier.",
  },
  standstill: {
    key: 'standstill',
    citation: 'Loi du 17 juin 2013 (motivation, information et voies de recours), art. 11',
    subjectFr:
      "Délai d'attente (standstill) de 15 jours entre l'information des soumissionnaires et la conclusion, pour les marchés atteignant les seuils européens",
    verified: false,
    noteFr: RECALLED,
  },
};

/**
 * The « small lots » figures. They come from the directive and are not revised every two years like the thresholds
 * (so they are not rows of the dated table); a scenario may override them if the Belgian text says otherwise.
 */
export const SMALL_LOTS_DEFAULTS = {
  suppliesServicesBelow: 80_000,
  worksBelow: 1_000_000,
  maxShareOfTotal: 0.2,
} as const;

/** « within 10 % of a threshold » (issue 12): on either side. */
export const NEAR_THRESHOLD_SHARE = 0.1;

/** In general at most four years (art. 43). */
export const FRAMEWORK_MAX_MONTHS = 48;
