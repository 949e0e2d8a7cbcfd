import { type ProcedureAdvice, proposeProcedures } from '../implementation/procedures.ts';
import type { ProcurementNature, ProcurementProcedure } from '../implementation/procurement.ts';
import type { ThresholdTable } from '../implementation/thresholds.ts';
import { formatEuro } from '../shared/format.ts';
import { LEGAL_REFERENCES, type LegalReference, type LegalReferenceKey } from './legal-basis.ts';
import type { ScenarioValue } from './scenario.ts';

/**
 * The legal routes of a scenario (issue 12, decision 140) — the agency as central purchasing body, joint
 * procurement, in-house cooperation, each commune alone — each with its conditions, legal basis and the procedures
 * the thresholds allow for the value that counts. The platform proposes; the agency decides and records its route.
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

export type CommuneAlone = {
  communeNis: string;
  communeName: string;
  value: number;
  /** The procedure the commune would run alone for its share (the lightest allowed without conditions). */
  procedure: ProcurementProcedure;
  recommendedFr: string;
  europeanPublication: boolean;
};

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
  perCommune?: CommuneAlone[];
};

/** What the routes are assessed on. */
export type RouteFacts = {
  value: ScenarioValue;
  /** Communes that adhered to the central purchasing body, when known. */
  adheredCommunes?: string[];
  agencyActsAsCentralPurchasingBody?: boolean | null;
  inHouseConditionsRecorded?: boolean | null;
  thresholds: ThresholdTable;
  agency: string;
  aggregatedAdvice: ProcedureAdvice;
  nature: ProcurementNature;
  launchDate: string;
  communeCount: number;
};

export function assessRoutes(facts: RouteFacts): RouteAssessment[] {
  const { value, agency, aggregatedAdvice, communeCount } = facts;
  const total = value.estimatedValue;
  const recommended = recommendedLabel(aggregatedAdvice);
  const perCommune = communesAlone(facts);
  const largest = Math.max(0, ...perCommune.map((c) => c.value));
  const route = (
    key: Exclude<LegalRoute, 'each-commune-alone'>,
    basis: LegalReferenceKey[],
    conditions: RouteCondition[],
    explanationFr: string,
  ): RouteAssessment => ({
    route: key,
    labelFr: ROUTE_LABELS_FR[key],
    legalBasis: basis.map((k) => LEGAL_REFERENCES[k]),
    conditions,
    possible: conditions.every((c) => c.met !== false),
    explanationFr,
    valueForProcedure: total,
    advice: aggregatedAdvice,
  });
  return [
    route(
      'central-purchasing-body',
      ['definitions', 'centralPurchasing', 'frameworkAgreement'],
      centralPurchasingConditions(facts),
      `${agency} passe un accord-cadre pour la valeur agrégée de ${euros(total)} ; les communes adhérentes ` +
        `commandent ensuite dans l'accord-cadre sans organiser leur propre procédure. Procédure proposée : ${recommended}.`,
    ),
    route(
      'joint-procurement',
      ['jointProcurement'],
      jointConditions(communeCount),
      `Les communes passent ensemble un seul marché pour la valeur agrégée de ${euros(total)} ; chacune approuve ` +
        `la convention et reste responsable de sa part. Procédure proposée : ${recommended}.`,
    ),
    route(
      'in-house',
      ['inHouse'],
      inHouseConditions(agency, facts.inHouseConditionsRecorded ?? null),
      `Les communes confient la prestation à ${agency} sans mise en concurrence, si les conditions du « in house » ` +
        `sont réunies ; ce que l'agence achète pour la fournir reste un marché de ` +
        `${euros(total)}, passé par elle (procédure proposée : ${recommended}).`,
    ),
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

function centralPurchasingConditions(facts: RouteFacts): RouteCondition[] {
  const { value, agency, communeCount } = facts;
  const adhered = facts.adheredCommunes ? new Set(facts.adheredCommunes) : null;
  const missing = adhered ? value.communes.filter((c) => !adhered.has(c.communeNis)) : null;
  return [
    {
      textFr: `${agency}, pouvoir adjudicateur, a décidé d'agir comme centrale d'achat pour ce type d'achats (statuts ou décision de son organe de gestion).`,
      met: facts.agencyActsAsCentralPurchasingBody ?? null,
    },
    {
      textFr:
        missing === null
          ? "Chaque commune participante adhère à la centrale d'achat par une décision de son conseil communal."
          : missing.length === 0
            ? `Les ${communeCount} communes participantes ont adhéré à la centrale d'achat.`
            : `Adhésion à la centrale d'achat encore à enregistrer pour : ${missing.map((c) => c.communeName).join(', ')}.`,
      met: missing === null ? null : missing.length === 0,
    },
    {
      textFr:
        "Les documents du marché annoncent que l'accord-cadre est conclu pour le compte des communes adhérentes et " +
        'nomment celles qui peuvent y recourir (ou la catégorie qui les désigne).',
      met: null,
    },
  ];
}

function jointConditions(communeCount: number): RouteCondition[] {
  return [
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
}

function inHouseConditions(agency: string, recorded: boolean | null): RouteCondition[] {
  return [
    {
      textFr: `Les communes exercent sur ${agency} un contrôle analogue à celui qu'elles exercent sur leurs propres services (conjointement, par ses organes).`,
      met: recorded,
    },
    {
      textFr: `Plus de 80 % des activités de ${agency} sont exercées pour les pouvoirs qui la contrôlent.`,
      met: recorded,
    },
    { textFr: `Pas de participation directe de capitaux privés dans ${agency}.`, met: recorded },
    {
      textFr:
        "L'agence fournit elle-même la prestation : si elle l'achète à un fournisseur, elle doit elle-même passer ce " +
        'marché pour la valeur agrégée.',
      met: null,
    },
  ];
}

/** What each commune would run alone for its own share over the whole term. */
function communesAlone(facts: RouteFacts): CommuneAlone[] {
  return facts.value.communes.map((c) => {
    const advice = advise(facts.nature, c.fullTermAmount, facts.launchDate, facts.thresholds);
    return {
      communeNis: c.communeNis,
      communeName: c.communeName,
      value: c.fullTermAmount,
      procedure: advice.proposals.find((p) => p.recommended)?.procedure ?? 'open',
      recommendedFr: recommendedLabel(advice),
      europeanPublication: advice.europeanPublication.required,
    };
  });
}

export function advise(nature: ProcurementNature, amount: number, launchDate: string, thresholds: ThresholdTable) {
  return proposeProcedures({ nature, estimatedAmountExclVat: amount, launchDate, thresholds });
}

function recommendedLabel(advice: ProcedureAdvice): string {
  const r = advice.proposals.find((p) => p.recommended);
  return r ? r.labelFr.charAt(0).toLowerCase() + r.labelFr.slice(1) : 'procédure ouverte';
}

function euros(value: number): string {
  return formatEuro(value, 'fr');
}
