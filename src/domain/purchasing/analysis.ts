import { euThresholdFor, type ProcedureAdvice, proposeProcedures } from '../implementation/procedures.ts';
import type { ProcurementNature, ProcurementProcedure } from '../implementation/procurement.ts';
import { findThresholdPeriod, type ThresholdTable, type ThresholdValues } from '../implementation/thresholds.ts';
import { formatDate, formatEuro, formatPercent } from '../shared/format.ts';
import {
  LEGAL_REFERENCES,
  type LegalReference,
  type LegalReferenceKey,
  NEAR_THRESHOLD_SHARE,
  SMALL_LOTS_DEFAULTS,
} from './legal-basis.ts';
import { estimateScenarioValue, type ScenarioInput, type ScenarioValue } from './scenario.ts';

/**
 * What a scenario means in law (issue 12): the legal routes with their conditions and basis, and for each the
 * procedures the dated thresholds in force on the launch date allow for the value that counts — the AGGREGATED
 * value of all lots over the whole term when the agency or the communes buy together, each commune's own share when
 * each buys alone. The procedures come from the implementation's one advice (`proposeProcedures`) on the one
 * threshold table; nothing here repeats a threshold. The platform proposes; choosing the route is a decision the
 * agency takes and records, with its legal basis (domain.md: IMIO acts both as central purchasing body and in house).
 */

export const LEGAL_ROUTES = ['central-purchasing-body', 'joint-procurement', 'in-house', 'each-commune-alone'] as const;
export type LegalRoute = (typeof LEGAL_ROUTES)[number];

export const ROUTE_LABELS_FR: Record<LegalRoute, string> = {
  'central-purchasing-body': "L'agence comme centrale d'achat",
  'joint-procurement': 'Marché conjoint de plusieurs communes',
  'in-house': 'Coopération « in house » avec l’agence',
  'each-commune-alone': 'Chaque commune seule',
};

/** `met: null` — a fact the platform does not hold; a person checks it. */
export type RouteCondition = { textFr: string; met: boolean | null };

export type RouteAssessment = {
  route: LegalRoute;
  labelFr: string;
  legalBasis: LegalReference[];
  conditions: RouteCondition[];
  /** Every known condition met and none known to fail. */
  possible: boolean;
  explanationFr: string;
  /** The value the procedure is chosen on: aggregated, or the largest commune share for « each commune alone ». */
  valueForProcedure: number;
  /** Procedures for that value (none for in-house between the communes and the agency). */
  advice: ProcedureAdvice | null;
  /** « each commune alone »: the advice for each commune's own share. */
  perCommune?: {
    communeNis: string;
    communeName: string;
    value: number;
    /** The procedure the commune would run alone for its share (the lightest allowed without conditions). */
    procedure: ProcurementProcedure;
    recommendedFr: string;
    europeanPublication: boolean;
  }[];
};

export type NearThreshold = {
  scope: 'total' | 'lot' | 'commune';
  scopeLabel: string;
  value: number;
  thresholdNameFr: string;
  threshold: number;
  /** (value − threshold) ÷ threshold: negative below. */
  gap: number;
  messageFr: string;
};

export type LotAssessment = {
  key: string;
  label: string;
  estimatedValue: number;
  /** The lot's own value reaches the European threshold. */
  aboveEuAlone: boolean;
  /** May follow the below-threshold rules under the small-lots exception. */
  smallLot: boolean;
  messageFr: string;
};

export type ScenarioAnalysis = {
  value: ScenarioValue;
  launchDate: string;
  period: { validFrom: string; validTo: string; source: string };
  /** The nature that sets the European threshold: works only if every lot is works. */
  nature: ProcurementNature;
  euThreshold: number;
  europeanPublication: { required: boolean; reasonFr: string };
  routes: RouteAssessment[];
  lots: LotAssessment[];
  smallLots: { applies: boolean; shareUsed: number; messageFr: string | null; legalBasis: LegalReference };
  lotSplittingFr: string;
  nearThresholds: NearThreshold[];
  warningsFr: string[];
  /** Figures and articles not checked against their published text, to show as « à vérifier ». */
  toVerifyFr: string[];
};

export type AnalysisContext = {
  thresholds: ThresholdTable;
  /** Communes that adhered to the agency as central purchasing body (NIS codes), when known. */
  adheredCommunes?: string[];
  /** The agency records this decision (statutes / board); null: not recorded yet. */
  agencyActsAsCentralPurchasingBody?: boolean | null;
  /** The agency's statutes meet art. 30 (analogous control, > 80 % activity for its members, no private capital). */
  inHouseConditionsRecorded?: boolean | null;
  /** Name of the agency, as it is called. */
  agencyName?: string;
};

export function analyseScenario(input: ScenarioInput, context: AnalysisContext): ScenarioAnalysis {
  const value = estimateScenarioValue(input);
  const launchDate = input.launchDate;
  const period = findThresholdPeriod(context.thresholds, launchDate);
  const v = period.values;
  const nature = scenarioNature(value);
  const eu = euThresholdFor(nature, v);
  const total = value.estimatedValue;
  const agency = context.agencyName ?? 'IDELUX Projets publics';
  const aggregatedAdvice = advise(nature, total, launchDate, context.thresholds);
  const required = total >= eu;
  const largestCommune = Math.max(0, ...value.communes.map((c) => c.fullTermAmount));
  const communeCount = value.communes.length;

  const europeanPublication = {
    required,
    reasonFr: required
      ? `Valeur estimée agrégée de ${euros(total)} HTVA (tous les lots, toute la durée, options et reconductions ` +
        `comprises), égale ou supérieure au seuil européen de ${euros(eu)} en vigueur le ${frDate(launchDate)} : ` +
        `publication au JOUE obligatoire${largestCommune < eu ? `, même si aucune commune seule n'atteint ce seuil (la plus grande part est de ${euros(largestCommune)})` : ''}.`
      : `Valeur estimée agrégée de ${euros(total)} HTVA, sous le seuil européen de ${euros(eu)} en vigueur le ` +
        `${frDate(launchDate)} : pas de publication au JOUE.`,
  };

  const routes = assessRoutes({ value, context, agency, aggregatedAdvice, nature, launchDate, communeCount });
  const lots = assessLots(value, v, total, eu);
  const smallLots = smallLotsSummary(lots, total, required, nature);
  const nearThresholds = findNearThresholds(value, v, nature);

  const toVerifyFr = [
    ...aggregatedAdvice.verificationNotesFr,
    ...uniqueReferences(routes.flatMap((r) => r.legalBasis).concat(smallLots.legalBasis))
      .filter((ref) => !ref.verified)
      .map((ref) => `Référence à vérifier — ${ref.citation} : ${ref.noteFr}`),
  ];

  return {
    value,
    launchDate,
    period: { validFrom: period.validFrom, validTo: period.validTo, source: period.source },
    nature,
    euThreshold: eu,
    europeanPublication,
    routes,
    lots,
    smallLots,
    lotSplittingFr:
      value.lots.length > 1
        ? `Marché divisé en ${value.lots.length} lots : la valeur de tous les lots compte pour choisir la procédure ` +
          `et la publicité (${euros(total)}) ; chaque lot est attribué séparément et une commune peut ne rejoindre ` +
          `que certains lots.`
        : "Un seul lot : le pouvoir adjudicateur examine la division en lots et, s'il n'allotit pas, en donne les " +
          'raisons principales dans les documents du marché.',
    nearThresholds,
    warningsFr: [...value.warningsFr, ...aggregatedAdvice.warningsFr],
    toVerifyFr,
  };
}

function assessRoutes(args: {
  value: ScenarioValue;
  context: AnalysisContext;
  agency: string;
  aggregatedAdvice: ProcedureAdvice;
  nature: ProcurementNature;
  launchDate: string;
  communeCount: number;
}): RouteAssessment[] {
  const { value, context, agency, aggregatedAdvice, nature, launchDate, communeCount } = args;
  const total = value.estimatedValue;
  const adhered = context.adheredCommunes ? new Set(context.adheredCommunes) : null;
  const missingAdhesion = adhered ? value.communes.filter((c) => !adhered.has(c.communeNis)) : null;
  const recommended = recommendedLabel(aggregatedAdvice);

  const cpbConditions: RouteCondition[] = [
    {
      textFr: `${agency}, pouvoir adjudicateur, a décidé d'agir comme centrale d'achat pour ce type d'achats (statuts ou décision de son organe de gestion).`,
      met: context.agencyActsAsCentralPurchasingBody ?? null,
    },
    {
      textFr:
        missingAdhesion === null
          ? "Chaque commune participante adhère à la centrale d'achat par une décision de son conseil communal."
          : missingAdhesion.length === 0
            ? `Les ${communeCount} communes participantes ont adhéré à la centrale d'achat.`
            : `Adhésion à la centrale d'achat encore à enregistrer pour : ${missingAdhesion.map((c) => c.communeName).join(', ')}.`,
      met: missingAdhesion === null ? null : missingAdhesion.length === 0,
    },
    {
      textFr:
        "Les documents du marché annoncent que l'accord-cadre est conclu pour le compte des communes adhérentes et " +
        'nomment celles qui peuvent y recourir (ou la catégorie qui les désigne).',
      met: null,
    },
  ];

  const jointConditions: RouteCondition[] = [
    {
      textFr: `Au moins deux pouvoirs adjudicateurs passent le marché ensemble (${communeCount} commune${communeCount > 1 ? 's' : ''} dans le scénario).`,
      met: communeCount >= 2,
    },
    {
      textFr:
        'Une convention entre les communes désigne celle qui conduit la procédure et règle les responsabilités ; ' +
        'chaque conseil communal l’approuve.',
      met: null,
    },
    {
      textFr: 'Chaque commune reste responsable des parties de la procédure conduites en son nom.',
      met: null,
    },
  ];

  const inHouseConditions: RouteCondition[] = [
    {
      textFr: `Les communes exercent sur ${agency} un contrôle analogue à celui qu'elles exercent sur leurs propres services (conjointement, par ses organes).`,
      met: context.inHouseConditionsRecorded ?? null,
    },
    {
      textFr: `Plus de 80 % des activités de ${agency} sont exercées pour les pouvoirs qui la contrôlent.`,
      met: context.inHouseConditionsRecorded ?? null,
    },
    {
      textFr: `Pas de participation directe de capitaux privés dans ${agency}.`,
      met: context.inHouseConditionsRecorded ?? null,
    },
    {
      textFr:
        "L'agence fournit elle-même la prestation : si elle l'achète à un fournisseur, elle doit elle-même passer ce " +
        'marché pour la valeur agrégée.',
      met: null,
    },
  ];

  const perCommune = value.communes.map((c) => {
    const advice = advise(nature, c.fullTermAmount, launchDate, context.thresholds);
    return {
      communeNis: c.communeNis,
      communeName: c.communeName,
      value: c.fullTermAmount,
      procedure: advice.proposals.find((p) => p.recommended)?.procedure ?? 'open',
      recommendedFr: recommendedLabel(advice),
      europeanPublication: advice.europeanPublication.required,
    };
  });
  const largest = Math.max(0, ...perCommune.map((c) => c.value));

  const refs = (...keys: LegalReferenceKey[]) => keys.map((k) => LEGAL_REFERENCES[k]);
  const possible = (conditions: RouteCondition[]) => conditions.every((c) => c.met !== false);

  return [
    {
      route: 'central-purchasing-body',
      labelFr: ROUTE_LABELS_FR['central-purchasing-body'],
      legalBasis: refs('definitions', 'centralPurchasing', 'frameworkAgreement'),
      conditions: cpbConditions,
      possible: possible(cpbConditions),
      explanationFr:
        `${agency} passe un accord-cadre pour la valeur agrégée de ${euros(total)} ; les communes adhérentes ` +
        `commandent ensuite dans l'accord-cadre sans organiser leur propre procédure. Procédure proposée : ${recommended}.`,
      valueForProcedure: total,
      advice: aggregatedAdvice,
    },
    {
      route: 'joint-procurement',
      labelFr: ROUTE_LABELS_FR['joint-procurement'],
      legalBasis: refs('jointProcurement'),
      conditions: jointConditions,
      possible: possible(jointConditions),
      explanationFr:
        `Les communes passent ensemble un seul marché pour la valeur agrégée de ${euros(total)} ; chacune approuve ` +
        `la convention et reste responsable de sa part. Procédure proposée : ${recommended}.`,
      valueForProcedure: total,
      advice: aggregatedAdvice,
    },
    {
      route: 'in-house',
      labelFr: ROUTE_LABELS_FR['in-house'],
      legalBasis: refs('inHouse'),
      conditions: inHouseConditions,
      possible: possible(inHouseConditions),
      explanationFr:
        `Les communes confient la prestation à ${agency} sans mise en concurrence, si les conditions du « in house » ` +
        `sont réunies ; ce que l'agence achète pour la fournir reste un marché de ` +
        `${euros(total)}, passé par elle (procédure proposée : ${recommended}).`,
      valueForProcedure: total,
      advice: aggregatedAdvice,
    },
    {
      route: 'each-commune-alone',
      labelFr: ROUTE_LABELS_FR['each-commune-alone'],
      legalBasis: [],
      conditions: [{ textFr: 'Toujours possible : chaque commune passe son propre marché pour sa part.', met: true }],
      possible: true,
      explanationFr:
        `Chaque commune passe son propre marché pour sa part (la plus grande : ${euros(largest)}) : ` +
        `${communeCount} procédures au lieu d'une, sans l'effet de volume sur les prix.`,
      valueForProcedure: largest,
      advice: null,
      perCommune,
    },
  ];
}

function assessLots(value: ScenarioValue, v: ThresholdValues, total: number, eu: number): LotAssessment[] {
  return value.lots.map((lot) => {
    const lotEu = euThresholdFor(lot.nature, v);
    const aboveEuAlone = lot.estimatedValue >= lotEu;
    return {
      key: lot.key,
      label: lot.label,
      estimatedValue: lot.estimatedValue,
      aboveEuAlone,
      smallLot: false,
      messageFr: aboveEuAlone
        ? `Le lot « ${lot.label} » (${euros(lot.estimatedValue)}) atteint à lui seul le seuil européen de ${euros(lotEu)}.`
        : total >= eu
          ? `Le lot « ${lot.label} » (${euros(lot.estimatedValue)}) est sous le seuil européen, mais la valeur de ` +
            `tous les lots (${euros(total)}) l'atteint : il suit les règles européennes, sauf s'il entre dans les petits lots.`
          : `Le lot « ${lot.label} » (${euros(lot.estimatedValue)}) est sous le seuil européen, comme l'ensemble des lots.`,
    };
  });
}

/**
 * The « small lots » exception: when all lots together reach the European threshold, lots each below 80 000 €
 * (supplies, services) or 1 000 000 € (works), together at most 20 % of the value of all lots, may follow the
 * below-threshold rules. The smallest lots are taken first, which fits the most lots within the 20 %; the agency
 * may choose others within the same limits.
 */
function smallLotsSummary(
  lots: LotAssessment[],
  total: number,
  aboveEu: boolean,
  nature: ProcurementNature,
): ScenarioAnalysis['smallLots'] {
  const legalBasis = LEGAL_REFERENCES.smallLots;
  if (!aboveEu || lots.length < 2 || total <= 0) return { applies: false, shareUsed: 0, messageFr: null, legalBasis };
  const limit = nature === 'works' ? SMALL_LOTS_DEFAULTS.worksBelow : SMALL_LOTS_DEFAULTS.suppliesServicesBelow;
  let used = 0;
  const chosen: LotAssessment[] = [];
  for (const lot of [...lots].sort((a, b) => a.estimatedValue - b.estimatedValue)) {
    if (lot.estimatedValue >= limit) continue;
    if (used + lot.estimatedValue > SMALL_LOTS_DEFAULTS.maxShareOfTotal * total) continue;
    used += lot.estimatedValue;
    chosen.push(lot);
  }
  for (const lot of chosen) lot.smallLot = true;
  if (chosen.length === 0) {
    return {
      applies: false,
      shareUsed: 0,
      messageFr:
        `Aucun lot ne peut suivre l'exception des petits lots (chacun sous ${euros(limit)}, ensemble au plus ` +
        `${formatPercentFr(SMALL_LOTS_DEFAULTS.maxShareOfTotal)} de ${euros(total)}).`,
      legalBasis,
    };
  }
  const share = used / total;
  return {
    applies: true,
    shareUsed: share,
    messageFr:
      `Exception des petits lots possible pour ${chosen.map((l) => `« ${l.label} »`).join(', ')} ` +
      `(${euros(used)}, soit ${formatPercentFr(share)} de la valeur de tous les lots ; chacun sous ${euros(limit)}, ` +
      `ensemble au plus ${formatPercentFr(SMALL_LOTS_DEFAULTS.maxShareOfTotal)}) : ces lots peuvent suivre les ` +
      'procédures sous les seuils européens.',
    legalBasis,
  };
}

/** Values within 10 % of a threshold, on either side: the estimate or an offer could move it across. */
function findNearThresholds(value: ScenarioValue, v: ThresholdValues, nature: ProcurementNature): NearThreshold[] {
  const out: NearThreshold[] = [];
  const check = (scope: NearThreshold['scope'], scopeLabel: string, amount: number, lotNature: ProcurementNature) => {
    const thresholds: [string, number][] = [
      ['du faible montant', v.lowValue],
      ['de la procédure négociée sans publication préalable', v.negotiatedWithoutPublication],
      ['européen', euThresholdFor(lotNature, v)],
    ];
    if (lotNature === 'works')
      thresholds.push([
        'de la procédure négociée directe avec publication (travaux)',
        v.negotiatedDirectWithPublicationWorks,
      ]);
    for (const [name, threshold] of thresholds) {
      const gap = (amount - threshold) / threshold;
      if (Math.abs(gap) <= NEAR_THRESHOLD_SHARE) {
        out.push({
          scope,
          scopeLabel,
          value: amount,
          thresholdNameFr: name,
          threshold,
          gap,
          messageFr:
            `${scopeLabel} : ${euros(amount)}, à ${formatPercentFr(Math.abs(gap))} ${gap < 0 ? 'sous' : 'au-dessus du'} ` +
            `seuil ${name} (${euros(threshold)}). Vérifier l'estimation (options, reconductions, lots, communes qui ` +
            'pourraient encore adhérer) : une variation la ferait changer de régime.',
        });
      }
    }
  };
  check('total', 'Valeur agrégée', value.estimatedValue, nature);
  for (const lot of value.lots) check('lot', `Lot « ${lot.label} »`, lot.estimatedValue, lot.nature);
  return out;
}

function scenarioNature(value: ScenarioValue): ProcurementNature {
  if (value.lots.every((l) => l.nature === 'works')) return 'works';
  // Supplies and services share the sub-central threshold; a mix with works takes it too (the lower, so the safer).
  return value.lots.some((l) => l.nature === 'services') && !value.lots.some((l) => l.nature === 'supplies')
    ? 'services'
    : 'supplies';
}

function advise(nature: ProcurementNature, amount: number, launchDate: string, thresholds: ThresholdTable) {
  return proposeProcedures({ nature, estimatedAmountExclVat: amount, launchDate, thresholds });
}

function recommendedLabel(advice: ProcedureAdvice): string {
  const r = advice.proposals.find((p) => p.recommended);
  return r ? r.labelFr.charAt(0).toLowerCase() + r.labelFr.slice(1) : 'procédure ouverte';
}

function uniqueReferences(refs: LegalReference[]): LegalReference[] {
  return [...new Map(refs.map((r) => [r.key, r])).values()];
}

function euros(value: number): string {
  return formatEuro(value, 'fr');
}

function formatPercentFr(share: number): string {
  return formatPercent(share, 'fr', 1);
}

function frDate(iso: string): string {
  return formatDate(iso, 'fr');
}
