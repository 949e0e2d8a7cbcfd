import { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from '../implementation/ocds.ts';
import {
  PROCEDURE_LABELS_FR,
  type ProcurementNature,
  type ProcurementProcedure,
} from '../implementation/procurement.ts';
import type { OcdsReleaseLike } from '../open-data/ocds-history.ts';

/**
 * The agency's framework agreement as its own OCDS contracting process, and each commune's call-off under it as a
 * related process (issue 12; OCDS 1.1.5 « Framework agreements » guidance, Techniques and Lots extensions):
 * - the framework process: the agency's procedure (`tender`) with `tender.techniques.hasFrameworkAgreement` and its
 *   `frameworkAgreement` (method without reopening of competition: the communes order from the catalogue at the
 *   awarded prices; the participating communes as buyer categories), its lots (`tender.lots`, each with its value,
 *   which is the lot's ceiling, and its period), one award per lot (`relatedLots`) naming the vendor. The agreement
 *   itself is the award: the first stage has no contract, the call-offs are the contracts.
 * - a call-off: the commune's own process (buyer: the commune), a direct order (`tender.competitive: false`) with its
 *   award and contract, and `relatedProcesses` [{ relationship: ['framework'], scheme: 'ocid', identifier: the
 *   framework's ocid, relatedLots: the lot }].
 * The builders give the releases the data supports today, one per stage reached; `open-data/ocds-history.ts` keeps
 * what was published and adds releases when something changed.
 */

export const OCDS_EXTENSIONS = [
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json',
  'https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json',
] as const;

export type OcdsOrganisation = { id: string; name: string };

export type FrameworkProcessInput = {
  ocidPrefix: string;
  scenarioId: string;
  title: string;
  agency: OcdsOrganisation;
  procedure: Exclude<ProcurementProcedure, 'framework-call-off'>;
  /** The scenario's launch date: the day the agency decided to run the procedure. */
  launchDate: string;
  steps: { step: string; plannedDate?: string; actualDate?: string }[];
  publication: { bdaReference: string | null; joueReference: string | null; publishedOn: string | null };
  /** Whole term in months, renewals included; the agreement's dates once awarded. */
  totalMonths: number;
  estimatedValue: number;
  europeanPublication: boolean;
  lots: { key: string; label: string; nature: ProcurementNature; estimatedValue: number }[];
  bids: { lotKey: string; vendor: string }[];
  /** The communes that confirmed their participation: their official designations. */
  communes: { nisCode: string; name: string }[];
  award: {
    date: string;
    agreementReference: string;
    startDate: string;
    endDate: string;
    lots: { lotKey: string; vendor: string; amount: number }[];
  } | null;
};

export function frameworkOcid(prefix: string, scenarioId: string): string {
  return `${prefix}-${scenarioId}`;
}

export function callOffOcid(prefix: string, callOffId: string): string {
  return `${prefix}-co-${callOffId}`;
}

const lotId = (index: number) => `lot-${index + 1}`;

/** The framework agreement's process: `planning` at launch, `tender` at publication, `award` at the award. */
export function frameworkReleases(input: FrameworkProcessInput): OcdsReleaseLike[] {
  const ocid = frameworkOcid(input.ocidPrefix, input.scenarioId);
  const done = (step: string) => input.steps.find((s) => s.step === step)?.actualDate;
  const published = input.publication.publishedOn ?? done('publication');
  const stages: { tag: Stage; date: string }[] = [{ tag: 'planning', date: input.launchDate }];
  if (published) stages.push({ tag: 'tender', date: published });
  if (input.award) stages.push({ tag: 'award', date: input.award.date });
  return stages.map(({ tag, date }) => frameworkRelease(input, ocid, tag, date));
}

type Stage = 'planning' | 'tender' | 'award';
type Awarded = NonNullable<FrameworkProcessInput['award']>;
type ContractPeriod = { startDate: string; endDate: string } | { durationInDays: number };

function frameworkRelease(input: FrameworkProcessInput, ocid: string, stage: Stage, date: string): OcdsReleaseLike {
  const awarded = stage === 'award' && input.award ? input.award : null;
  const suppliers = new Map<string, OcdsOrganisation>();
  for (const lot of awarded?.lots ?? []) {
    if (!suppliers.has(lot.vendor))
      suppliers.set(lot.vendor, { id: `supplier-${suppliers.size + 1}`, name: lot.vendor });
  }
  const period: ContractPeriod = awarded
    ? { startDate: startOfDay(awarded.startDate), endDate: endOfDay(awarded.endDate) }
    : { durationInDays: Math.round(input.totalMonths * 30.4375) };
  const release: OcdsReleaseLike = {
    ocid,
    id: `${ocid}-${stage}`,
    date: startOfDay(date),
    tag: [stage],
    initiationType: 'tender',
    language: 'fr',
    parties: [
      { ...input.agency, roles: ['buyer', 'procuringEntity'] },
      ...input.communes.map((c) => ({ id: `BE-NIS-${c.nisCode}`, name: c.name, roles: ['buyer'] })),
      ...[...suppliers.values()].map((s) => ({ ...s, roles: ['supplier'] })),
    ],
    buyer: input.agency,
    tender: frameworkTender(input, ocid, stage, awarded, period),
  };
  if (awarded) release.awards = frameworkAwards(input, ocid, awarded, suppliers, period);
  return release;
}

/** The framework agreement's tender at a stage: its value, procedure, periods, notices, technique and lots. */
function frameworkTender(
  input: FrameworkProcessInput,
  ocid: string,
  stage: Stage,
  awarded: Awarded | null,
  period: ContractPeriod,
) {
  const natures = new Set(input.lots.map((l) => l.nature));
  const mainNature: ProcurementNature = natures.has('works')
    ? 'works'
    : natures.has('supplies')
      ? 'supplies'
      : 'services';
  const offersDue = input.steps.find((s) => s.step === 'offers-received');
  const tenderEnd = offersDue?.actualDate ?? offersDue?.plannedDate;
  const published = input.publication.publishedOn ?? input.steps.find((s) => s.step === 'publication')?.actualDate;
  const tenderers = new Set(input.bids.map((b) => b.vendor)).size;
  const communes = input.communes.map((c) => c.name).join(', ');
  const documents = publicationNotices(input.publication, published);
  const status = stage === 'planning' ? 'planned' : stage === 'tender' ? 'active' : 'complete';
  return {
    id: awarded?.agreementReference ?? ocid,
    title: input.title,
    description: `Accord-cadre passé par ${input.agency.name} en qualité de centrale d'achat pour ${input.communes.length} communes.`,
    status,
    procuringEntity: input.agency,
    value: euro(input.estimatedValue),
    procurementMethod: PROCUREMENT_METHODS[input.procedure],
    procurementMethodDetails: `${PROCEDURE_LABELS_FR[input.procedure]} (centrale d'achat, accord-cadre)`,
    mainProcurementCategory: PROCUREMENT_CATEGORIES[mainNature],
    ...(stage !== 'planning' && published
      ? { tenderPeriod: { startDate: startOfDay(published), ...(tenderEnd ? { endDate: endOfDay(tenderEnd) } : {}) } }
      : {}),
    contractPeriod: period,
    ...(stage === 'award' ? { numberOfTenderers: tenderers } : {}),
    ...(documents.length && stage !== 'planning' ? { documents } : {}),
    techniques: {
      hasFrameworkAgreement: true,
      frameworkAgreement: {
        method: 'withoutReopeningCompetition',
        buyerCategories: `Communes de la province de Luxembourg qui ont adhéré à la centrale d'achat : ${communes}`,
        description: `Valeur estimée sur toute la durée, reconductions et options comprises, pour tous les lots${
          input.europeanPublication ? ' ; publicité européenne' : ''
        }.`,
      },
    },
    lots: input.lots.map((lot, index) => ({
      id: lotId(index),
      title: lot.label,
      status,
      value: euro(lot.estimatedValue),
      contractPeriod: period,
      mainProcurementCategory: PROCUREMENT_CATEGORIES[lot.nature],
      techniques: { hasFrameworkAgreement: true },
    })),
  };
}

function publicationNotices(publication: FrameworkProcessInput['publication'], published: string | null | undefined) {
  return [
    ...(publication.bdaReference
      ? [publicationNotice('bda', `Avis au Bulletin des Adjudications ${publication.bdaReference}`, published)]
      : []),
    ...(publication.joueReference
      ? [publicationNotice('joue', `Avis au Journal officiel de l'UE ${publication.joueReference}`, published)]
      : []),
  ];
}

/** One award per awarded lot, to its supplier. */
function frameworkAwards(
  input: FrameworkProcessInput,
  ocid: string,
  awarded: Awarded,
  suppliers: Map<string, OcdsOrganisation>,
  period: ContractPeriod,
) {
  return input.lots.flatMap((lot, index) => {
    const won = awarded.lots.find((a) => a.lotKey === lot.key);
    if (!won) return [];
    return [
      {
        id: `${ocid}-award-${index + 1}`,
        title: `${input.title} — lot ${index + 1} « ${lot.label} »`,
        status: 'active',
        date: startOfDay(awarded.date),
        value: euro(won.amount),
        suppliers: [suppliers.get(won.vendor)!],
        contractPeriod: period,
        relatedLots: [lotId(index)],
      },
    ];
  });
}

function publicationNotice(id: string, title: string, date: string | null | undefined) {
  return { id, documentType: 'tenderNotice', title, ...(date ? { datePublished: startOfDay(date) } : {}) };
}

export type CallOffProcessInput = {
  ocidPrefix: string;
  callOffId: string;
  framework: {
    ocid: string;
    title: string;
    reference: string;
    lotNumber: number;
    lotTitle: string;
    nature: ProcurementNature;
    vendor: string;
    centralPurchasingBody: string;
  };
  buyer: { nisCode: string; name: string };
  solutionName: string;
  quantity: number;
  amount: number;
  orderedOn: string;
  cancelled: { on: string; reason: string } | null;
};

/** A call-off: one release when ordered (award and contract), its contract cancelled afterwards if it was. */
export function callOffReleases(input: CallOffProcessInput): OcdsReleaseLike[] {
  const ocid = callOffOcid(input.ocidPrefix, input.callOffId);
  const buyer = { id: `BE-NIS-${input.buyer.nisCode}`, name: input.buyer.name };
  const supplier = { id: 'supplier-1', name: input.framework.vendor };
  const title = `${input.solutionName} — ${input.quantity} × (lot ${input.framework.lotNumber} « ${input.framework.lotTitle} »)`;
  const awardId = `${ocid}-award-1`;
  return [
    {
      ocid,
      id: `${ocid}-contract`,
      date: startOfDay(input.orderedOn),
      tag: ['award', 'contract'],
      initiationType: 'tender',
      language: 'fr',
      parties: [
        { ...buyer, roles: ['buyer', 'procuringEntity'] },
        { ...supplier, roles: ['supplier'] },
      ],
      buyer,
      tender: {
        id: `${ocid}-tender`,
        title,
        status: 'complete',
        procuringEntity: buyer,
        value: euro(input.amount),
        procurementMethod: PROCUREMENT_METHODS['framework-call-off'],
        procurementMethodDetails: `${PROCEDURE_LABELS_FR['framework-call-off']} ${input.framework.reference} (centrale d'achat ${input.framework.centralPurchasingBody})`,
        mainProcurementCategory: PROCUREMENT_CATEGORIES[input.framework.nature],
        competitive: false,
      },
      awards: [
        {
          id: awardId,
          title,
          status: 'active',
          date: startOfDay(input.orderedOn),
          value: euro(input.amount),
          suppliers: [supplier],
        },
      ],
      contracts: [
        {
          id: `${ocid}-contract-1`,
          awardID: awardId,
          title,
          status: input.cancelled ? 'cancelled' : 'active',
          value: euro(input.amount),
          dateSigned: startOfDay(input.orderedOn),
          ...(input.cancelled ? { description: `Commande annulée : ${input.cancelled.reason}` } : {}),
        },
      ],
      relatedProcesses: [
        {
          id: '1',
          relationship: ['framework'],
          title: `${input.framework.title} (${input.framework.reference})`,
          scheme: 'ocid',
          identifier: input.framework.ocid,
          relatedLots: [lotId(input.framework.lotNumber - 1)],
        },
      ],
    },
  ];
}

function euro(amount: number) {
  return { amount, currency: 'EUR' };
}

function startOfDay(date: string): string {
  return date.length === 10 ? `${date}T00:00:00Z` : date;
}

function endOfDay(date: string): string {
  return date.length === 10 ? `${date}T23:59:59Z` : date;
}
