import { euThresholdFor } from '../implementation/procedures.ts';
import type { ProcurementNature } from '../implementation/procurement.ts';
import { findThresholdPeriod, type ThresholdTable, type ThresholdValues } from '../implementation/thresholds.ts';
import { formatDate, formatEuro, formatPercent } from '../shared/format.ts';
import { LEGAL_REFERENCES, type LegalReference, NEAR_THRESHOLD_SHARE, SMALL_LOTS_DEFAULTS } from './legal-basis.ts';
import { advise, assessRoutes, type RouteAssessment } from './legal-routes.ts';
import { estimateScenarioValue, type ScenarioInput, type ScenarioValue } from './scenario.ts';

/**
 * What a scenario means in law (issue 12): the legal routes with their conditions and basis, and for each the
 * procedures the dated thresholds in force on the launch date allow for the value that counts — the AGGREGATED
 * value of all lots over the whole term when the agency or the communes buy together, each commune's own share when
 * each buys alone. The procedures come from the implementation's one advice (`proposeProcedures`) on the one
 * threshold table; nothing here repeats a threshold. The platform proposes; choosing the route is a decision the
 * agency takes and records, with its legal basis (domain.md: IMIO acts both as central purchasing body and in house).
 */

export {
  LEGAL_ROUTES,
  type LegalRoute,
  ROUTE_LABELS_FR,
  type RouteAssessment,
  type RouteCondition,
} from './legal-routes.ts';

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

  const routes = assessRoutes({
    value,
    adheredCommunes: context.adheredCommunes,
    agencyActsAsCentralPurchasingBody: context.agencyActsAsCentralPurchasingBody,
    inHouseConditionsRecorded: context.inHouseConditionsRecorded,
    thresholds: context.thresholds,
    agency,
    aggregatedAdvice,
    nature,
    launchDate,
    communeCount,
  });
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
