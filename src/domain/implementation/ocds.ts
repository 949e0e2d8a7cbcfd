import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { IsoDate, NisCode } from '../shared/schemas.ts';
import { PROCEDURE_LABELS_FR, ProcurementNature, ProcurementProcedure } from './procurement.ts';
import { ProcurementStepRecord, stepsFor } from './procurement-file.ts';

/**
 * A project's procurement file as an Open Contracting Data Standard 1.1 release package (schema 1.1.5), the open
 * format the domain names for procurement (planning, tender, award, contract, implementation). One release per stage
 * reached, each complete as of that stage, so a reader can take any release alone or merge them into a record.
 *
 * Choices a reader may question:
 * - Amounts are excluding VAT, as Belgian thresholds are; OCDS core has no VAT field, so the budget description says so.
 * - The commune's party id is `BE-NIS-<NIS code>`; the NIS code is not an org-id.guide scheme, so it is also given as
 *   an additional identifier and the enterprise number (BCE/KBO, scheme `BE-BCE_KBO`) is the identifier when known.
 * - Date-only values become midnight UTC (`T00:00:00Z`), and period ends the last second of their day.
 */

const OcidPrefix = z
  .string()
  .regex(/^ocds-[a-z0-9]{6}$/, { message: 'OCID_PREFIX_FORMAT' })
  .describe('the publisher prefix registered with the Open Contracting Partnership, e.g. ocds-abc123');
const DateOrDateTime = z.union([IsoDate, z.iso.datetime({ offset: true })]);
const PositiveAmount = z.number().positive().finite();

/** Belgian enterprise number (BCE/KBO): ten digits starting with 0 or 1, often written 0123.456.789. */
const EnterpriseNumber = z.string().regex(/^[01]\d{3}\.?\d{3}\.?\d{3}$/, { message: 'ENTERPRISE_NUMBER_FORMAT' });

const Organisation = z.strictObject({ name: z.string().min(1), enterpriseNumber: EnterpriseNumber.optional() });

export const OcdsMilestoneInput = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  type: z.string().min(1).default('delivery').describe('OCDS milestoneType codelist (open): delivery, reporting…'),
  dueDate: IsoDate.optional(),
  dateMet: IsoDate.optional(),
  status: z.enum(['scheduled', 'met', 'notMet', 'partiallyMet']).optional(),
});

export const OcdsTransactionInput = z.strictObject({
  id: z.string().min(1),
  date: IsoDate,
  amountExclVat: PositiveAmount,
});

export const OcdsProcurementInput = z
  .strictObject({
    ocidPrefix: OcidPrefix,
    procurementId: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/, { message: 'PROCUREMENT_ID_FORMAT' })
      .describe('the identifier of the procurement file in the app; with the prefix it makes the ocid'),
    reference: z.string().min(1).optional().describe("the commune's own file reference, e.g. CSC 2026-TP-0147"),
    package: z.strictObject({
      uri: z.url(),
      publishedDate: z.iso.datetime({ offset: true }),
      publisher: z.strictObject({
        name: z.string().min(1),
        scheme: z.string().min(1).optional(),
        uid: z.string().min(1).optional(),
        uri: z.url().optional(),
      }),
      license: z.url().optional(),
      publicationPolicy: z.url().optional(),
    }),
    buyer: z.strictObject({
      nisCode: NisCode,
      name: z.string().min(1),
      enterpriseNumber: EnterpriseNumber.optional(),
    }),
    title: z.string().min(1),
    description: z.string().min(1).optional(),
    nature: ProcurementNature,
    procedure: ProcurementProcedure,
    procedureRationale: z.string().min(1).optional().describe('why this procedure, e.g. the case of art. 42 invoked'),
    estimatedAmountExclVat: z.number().min(0).finite(),
    planning: z
      .strictObject({
        date: IsoDate.optional().describe('the decision to buy (council or college decision)'),
        rationale: z.string().min(1).optional(),
        budgetAmountExclVat: z.number().min(0).finite().optional(),
        budgetDescription: z.string().min(1).optional(),
        projectId: z.string().min(1).optional(),
        projectTitle: z.string().min(1).optional(),
      })
      .default({}),
    steps: z.array(ProcurementStepRecord).default([]),
    tenderDeadline: DateOrDateTime.optional().describe('deadline for offers, when it has a time of day'),
    numberOfTenderers: z.number().int().min(0).optional(),
    framework: z
      .strictObject({
        title: z.string().min(1),
        ocid: z
          .string()
          .regex(/^ocds-[a-z0-9]{6}-.+$/)
          .optional(),
        centralPurchasingBody: z.string().min(1).default('IDELUX'),
      })
      .optional()
      .describe('the framework agreement a call-off is made under'),
    award: z
      .strictObject({
        date: IsoDate,
        amountExclVat: PositiveAmount,
        supplier: Organisation,
      })
      .optional(),
    contract: z
      .strictObject({
        amountExclVat: PositiveAmount,
        dateSigned: IsoDate.optional(),
        startDate: IsoDate.optional(),
        endDate: IsoDate.optional(),
        status: z.enum(['pending', 'active', 'cancelled', 'terminated']).optional(),
        milestones: z.array(OcdsMilestoneInput).default([]),
        transactions: z.array(OcdsTransactionInput).default([]),
      })
      .optional(),
  })
  .superRefine((v, ctx) => {
    // An OCDS contract points to its award (contract.awardID is required).
    if (v.contract && !v.award) {
      ctx.addIssue({ code: 'custom', path: ['contract'], message: 'CONTRACT_NEEDS_AWARD' });
    }
    if (v.contract?.startDate && v.contract.endDate && v.contract.endDate < v.contract.startDate) {
      ctx.addIssue({ code: 'custom', path: ['contract', 'endDate'], message: 'CONTRACT_ENDS_BEFORE_IT_STARTS' });
    }
    if (v.procedure === 'framework-call-off' && !v.framework) {
      ctx.addIssue({ code: 'custom', path: ['framework'], message: 'CALL_OFF_NEEDS_FRAMEWORK' });
    }
  });
export type OcdsProcurementInput = z.input<typeof OcdsProcurementInput>;
type Input = z.output<typeof OcdsProcurementInput>;

// ---- Output: the subset of OCDS 1.1.5 this export fills --------------------------------------------------------

export type OcdsTag = 'planning' | 'tender' | 'award' | 'contract' | 'implementation';
export type OcdsValue = { amount: number; currency: 'EUR' };
export type OcdsOrganizationReference = { id: string; name: string };
export type OcdsIdentifier = { scheme: string; id: string; legalName?: string };
export type OcdsParty = {
  id: string;
  name: string;
  identifier?: OcdsIdentifier;
  additionalIdentifiers?: OcdsIdentifier[];
  roles: string[];
};
export type OcdsPeriod = { startDate?: string; endDate?: string };
export type OcdsMilestone = {
  id: string;
  title: string;
  type: string;
  dueDate?: string;
  dateMet?: string;
  status: 'scheduled' | 'met' | 'notMet' | 'partiallyMet';
};
export type OcdsTransaction = {
  id: string;
  date: string;
  value: OcdsValue;
  payer: OcdsOrganizationReference;
  payee: OcdsOrganizationReference;
};
export type OcdsTender = {
  id: string;
  title: string;
  description?: string;
  status: 'planned' | 'active' | 'complete';
  procuringEntity: OcdsOrganizationReference;
  value: OcdsValue;
  procurementMethod: 'open' | 'selective' | 'limited' | 'direct';
  procurementMethodDetails: string;
  procurementMethodRationale?: string;
  mainProcurementCategory: 'goods' | 'works' | 'services';
  tenderPeriod?: OcdsPeriod;
  numberOfTenderers?: number;
};
export type OcdsAward = {
  id: string;
  title: string;
  status: 'active';
  date: string;
  value: OcdsValue;
  suppliers: OcdsOrganizationReference[];
};
export type OcdsContract = {
  id: string;
  awardID: string;
  title: string;
  status: 'pending' | 'active' | 'cancelled' | 'terminated';
  value: OcdsValue;
  period?: OcdsPeriod;
  dateSigned?: string;
  implementation?: { transactions?: OcdsTransaction[]; milestones?: OcdsMilestone[] };
};
export type OcdsRelatedProcess = {
  id: string;
  relationship: string[];
  title: string;
  scheme?: string;
  identifier?: string;
};
export type OcdsRelease = {
  [field: string]: unknown;
  ocid: string;
  id: string;
  date: string;
  tag: OcdsTag[];
  initiationType: 'tender';
  language: 'fr';
  parties: OcdsParty[];
  buyer: OcdsOrganizationReference;
  planning: {
    rationale?: string;
    budget?: { id?: string; description: string; amount: OcdsValue; project?: string; projectID?: string };
  };
  tender: OcdsTender;
  awards?: OcdsAward[];
  contracts?: OcdsContract[];
  relatedProcesses?: OcdsRelatedProcess[];
};
export type OcdsReleasePackage = {
  uri: string;
  version: '1.1';
  extensions?: string[];
  publishedDate: string;
  publisher: { name: string; scheme?: string; uid?: string; uri?: string };
  license?: string;
  publicationPolicy?: string;
  releases: OcdsRelease[];
};

/** Belgian procedure → OCDS method codelist (closed: open, selective, limited, direct). */
export const PROCUREMENT_METHODS: Record<ProcurementProcedure, OcdsTender['procurementMethod']> = {
  // Ordered under a framework already awarded: no competition at this stage (OCDS framework guidance).
  'framework-call-off': 'direct',
  // The buyer consults the operators it chooses.
  'low-value': 'limited',
  'negotiated-without-publication': 'limited',
  // Published notice, any interested operator may tender in one stage: "open" in OCDS terms.
  'negotiated-direct-with-publication': 'open',
  open: 'open',
  // Only the candidates the buyer selects may tender.
  restricted: 'selective',
  'competitive-negotiation': 'selective',
  'competitive-dialogue': 'selective',
  'innovation-partnership': 'selective',
};

export const PROCUREMENT_CATEGORIES: Record<ProcurementNature, OcdsTender['mainProcurementCategory']> = {
  works: 'works',
  supplies: 'goods',
  services: 'services',
};

const STAGES: OcdsTag[] = ['planning', 'tender', 'award', 'contract', 'implementation'];

export function buildReleasePackage(input: OcdsProcurementInput): OcdsReleasePackage {
  const parsed = OcdsProcurementInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainError('INVALID_OCDS_INPUT', `Dossier de marché incomplet pour OCDS : ${issue.message}`, {
      field: issue.path.join('.'),
      issue: issue.message,
    });
  }
  const v = parsed.data;
  const ocid = `${v.ocidPrefix}-${v.procurementId}`;
  const stageDates = datesOfStages(v);
  const releases = STAGES.filter((stage) => stageDates[stage] !== undefined).map((stage) =>
    releaseAt(v, ocid, stage, stageDates[stage]!),
  );
  return {
    uri: v.package.uri,
    version: '1.1',
    publishedDate: v.package.publishedDate,
    publisher: { ...definedOnly(v.package.publisher), name: v.package.publisher.name },
    ...definedOnly({ license: v.package.license, publicationPolicy: v.package.publicationPolicy }),
    releases,
  };
}

/** When each stage was reached (as an OCDS date-time); a stage not reached has no date and no release. */
function datesOfStages(v: Input): Partial<Record<OcdsTag, string>> {
  const done = (step: string) => v.steps.find((s) => s.step === step)?.actualDate;
  const publishedDay = v.package.publishedDate;
  // A procedure with publication is launched by its notice; without one, by sending the specifications to the
  // operators consulted. Offers received prove a launch whose date was not recorded.
  const launched = stepsFor(v.procedure).includes('publication')
    ? (done('publication') ?? done('offers-received'))
    : (done('specifications') ?? done('offers-received'));
  const implementationDates = [
    ...(v.contract?.transactions ?? []).map((t) => t.date),
    ...(v.contract?.milestones ?? []).flatMap((m) => (m.dateMet ? [m.dateMet] : [])),
  ].sort();
  const contractDate = v.contract ? (v.contract.dateSigned ?? done('contract') ?? v.award?.date) : undefined;
  const hasImplementation = Boolean(v.contract?.transactions.length || v.contract?.milestones.length);
  return {
    planning: startOfDay(v.planning.date ?? done('specifications')) ?? publishedDay,
    tender: startOfDay(launched),
    award: startOfDay(v.award?.date),
    contract: startOfDay(contractDate),
    implementation: hasImplementation ? startOfDay(implementationDates.at(-1) ?? contractDate) : undefined,
  };
}

function releaseAt(v: Input, ocid: string, stage: OcdsTag, date: string): OcdsRelease {
  const reached = (s: OcdsTag) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
  const transactions = reached('implementation') ? (v.contract?.transactions ?? []) : [];
  const buyerRef = { id: `BE-NIS-${v.buyer.nisCode}`, name: v.buyer.name };
  const supplierRef = v.award ? supplierReference(v.award.supplier) : undefined;
  const awardId = `${ocid}-award-1`;

  const parties: OcdsParty[] = [
    {
      ...buyerRef,
      ...definedOnly({ identifier: enterpriseIdentifier(v.buyer.enterpriseNumber, v.buyer.name) }),
      additionalIdentifiers: [{ scheme: 'BE-NIS', id: v.buyer.nisCode }],
      roles: ['buyer', 'procuringEntity', ...(transactions.length ? ['payer'] : [])],
    },
  ];
  if (v.award && supplierRef && reached('award')) {
    parties.push({
      ...supplierRef,
      ...definedOnly({ identifier: enterpriseIdentifier(v.award.supplier.enterpriseNumber, v.award.supplier.name) }),
      roles: ['supplier', ...(transactions.length ? ['payee'] : [])],
    });
  }

  const release: OcdsRelease = {
    ocid,
    id: `${ocid}-${stage}`,
    date,
    tag: [stage],
    initiationType: 'tender',
    language: 'fr',
    parties,
    buyer: buyerRef,
    planning: planningOf(v),
    tender: tenderOf(v, ocid, buyerRef, stage === 'planning' ? 'planned' : stage === 'tender' ? 'active' : 'complete'),
  };
  if (v.award && supplierRef && reached('award')) {
    release.awards = [
      {
        id: awardId,
        title: v.title,
        status: 'active',
        date: startOfDay(v.award.date)!,
        value: euro(v.award.amountExclVat),
        suppliers: [supplierRef],
      },
    ];
  }
  if (v.contract && supplierRef && reached('contract')) {
    const c = v.contract;
    const period = definedOnly({ startDate: startOfDay(c.startDate), endDate: endOfDay(c.endDate) });
    const milestones = c.milestones.map(
      (m): OcdsMilestone => ({
        id: m.id,
        title: m.title,
        type: m.type,
        ...definedOnly({ dueDate: endOfDay(m.dueDate), dateMet: startOfDay(m.dateMet) }),
        status: m.status ?? (m.dateMet ? 'met' : 'scheduled'),
      }),
    );
    release.contracts = [
      {
        id: `${ocid}-contract-1`,
        awardID: awardId,
        title: v.title,
        status: c.status ?? (c.dateSigned ? 'active' : 'pending'),
        value: euro(c.amountExclVat),
        ...(Object.keys(period).length ? { period } : {}),
        ...definedOnly({ dateSigned: startOfDay(c.dateSigned) }),
        ...(reached('implementation')
          ? {
              implementation: {
                ...(transactions.length
                  ? {
                      transactions: transactions.map((t) => ({
                        id: t.id,
                        date: startOfDay(t.date)!,
                        value: euro(t.amountExclVat),
                        payer: buyerRef,
                        payee: supplierRef,
                      })),
                    }
                  : {}),
                ...(milestones.length ? { milestones } : {}),
              },
            }
          : {}),
      },
    ];
  }
  if (v.framework) {
    release.relatedProcesses = [
      {
        id: '1',
        relationship: ['framework'],
        title: v.framework.title,
        ...(v.framework.ocid ? { scheme: 'ocid', identifier: v.framework.ocid } : {}),
      },
    ];
  }
  return release;
}

function planningOf(v: Input): OcdsRelease['planning'] {
  const p = v.planning;
  const budgetAmount = p.budgetAmountExclVat;
  return definedOnly({
    rationale: p.rationale,
    budget:
      budgetAmount === undefined
        ? undefined
        : {
            description: p.budgetDescription ?? 'Budget du projet, montant hors TVA',
            amount: euro(budgetAmount),
            ...definedOnly({ project: p.projectTitle, projectID: p.projectId }),
          },
  });
}

function tenderOf(
  v: Input,
  ocid: string,
  procuringEntity: OcdsOrganizationReference,
  status: OcdsTender['status'],
): OcdsTender {
  const step = (name: string) => v.steps.find((s) => s.step === name);
  const offers = step('offers-received');
  const tenderPeriod = definedOnly({
    startDate: startOfDay(step('publication')?.actualDate),
    endDate: endOfDay(v.tenderDeadline ?? offers?.plannedDate ?? offers?.actualDate),
  });
  const details =
    v.procedure === 'framework-call-off' && v.framework
      ? `${PROCEDURE_LABELS_FR[v.procedure]} (${v.framework.centralPurchasingBody})`
      : PROCEDURE_LABELS_FR[v.procedure];
  return {
    id: v.reference ?? ocid,
    title: v.title,
    ...definedOnly({ description: v.description }),
    status,
    procuringEntity,
    value: euro(v.estimatedAmountExclVat),
    procurementMethod: PROCUREMENT_METHODS[v.procedure],
    procurementMethodDetails: details,
    ...definedOnly({ procurementMethodRationale: v.procedureRationale }),
    mainProcurementCategory: PROCUREMENT_CATEGORIES[v.nature],
    ...(Object.keys(tenderPeriod).length ? { tenderPeriod } : {}),
    ...definedOnly({ numberOfTenderers: v.numberOfTenderers }),
  };
}

function supplierReference(supplier: z.output<typeof Organisation>): OcdsOrganizationReference {
  const digits = supplier.enterpriseNumber?.replace(/\D/g, '');
  return { id: digits ? `BE-BCE_KBO-${digits}` : 'supplier-1', name: supplier.name };
}

function enterpriseIdentifier(enterpriseNumber: string | undefined, legalName: string): OcdsIdentifier | undefined {
  return enterpriseNumber ? { scheme: 'BE-BCE_KBO', id: enterpriseNumber.replace(/\D/g, ''), legalName } : undefined;
}

function euro(amount: number): OcdsValue {
  return { amount, currency: 'EUR' };
}

function startOfDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return date.length === 10 ? `${date}T00:00:00Z` : date;
}

function endOfDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return date.length === 10 ? `${date}T23:59:59Z` : date;
}

/** Leaves out absent fields: OCDS readers treat a present null or undefined differently from a missing field. */
function definedOnly<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
