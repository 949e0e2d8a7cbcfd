import type { OcdsContractInput, OcdsInput } from './ocds-input.ts';
import {
  OCDS_STAGES,
  type OcdsAward,
  type OcdsContract,
  type OcdsMilestone,
  type OcdsOrganizationReference,
  type OcdsParty,
  type OcdsRelatedProcess,
  type OcdsRelease,
  type OcdsTag,
  type OcdsTender,
  PROCUREMENT_CATEGORIES,
  PROCUREMENT_METHODS,
} from './ocds-output.ts';
import { definedOnly, endOfDay, enterpriseIdentifier, euro, startOfDay, supplierReference } from './ocds-values.ts';
import { PROCEDURE_LABELS_FR } from './procurement.ts';

/** The release of a procurement file at one stage, complete as of that stage: a reader may take it alone. */
export function releaseAt(v: OcdsInput, ocid: string, stage: OcdsTag, date: string): OcdsRelease {
  const reached = (s: OcdsTag) => OCDS_STAGES.indexOf(stage) >= OCDS_STAGES.indexOf(s);
  const buyer = { id: `BE-NIS-${v.buyer.nisCode}`, name: v.buyer.name };
  const supplier = v.award && reached('award') ? supplierReference(v.award.supplier) : undefined;
  const paid = reached('implementation') && Boolean(v.contract?.transactions.length);
  const awardId = `${ocid}-award-1`;
  return {
    ocid,
    id: `${ocid}-${stage}`,
    date,
    tag: [stage],
    initiationType: 'tender',
    language: 'fr',
    parties: partiesOf(v, buyer, supplier, paid),
    buyer,
    planning: planningOf(v),
    tender: tenderOf(v, ocid, buyer, stage === 'planning' ? 'planned' : stage === 'tender' ? 'active' : 'complete'),
    ...(v.award && supplier ? { awards: [awardOf(v, awardId, supplier)] } : {}),
    ...(v.contract && supplier && reached('contract')
      ? { contracts: [contractOf(v.contract, { ocid, awardId, title: v.title }, buyer, supplier, reached)] }
      : {}),
    ...(v.framework ? { relatedProcesses: [frameworkProcess(v.framework)] } : {}),
  };
}

/** The buyer, and the supplier once the award is reached; payer and payee once money has moved. */
function partiesOf(
  v: OcdsInput,
  buyer: OcdsOrganizationReference,
  supplier: OcdsOrganizationReference | undefined,
  paid: boolean,
): OcdsParty[] {
  const parties: OcdsParty[] = [
    {
      ...buyer,
      ...definedOnly({ identifier: enterpriseIdentifier(v.buyer.enterpriseNumber, v.buyer.name) }),
      additionalIdentifiers: [{ scheme: 'BE-NIS', id: v.buyer.nisCode }],
      roles: ['buyer', 'procuringEntity', ...(paid ? ['payer'] : [])],
    },
  ];
  if (v.award && supplier) {
    parties.push({
      ...supplier,
      ...definedOnly({ identifier: enterpriseIdentifier(v.award.supplier.enterpriseNumber, v.award.supplier.name) }),
      roles: ['supplier', ...(paid ? ['payee'] : [])],
    });
  }
  return parties;
}

function planningOf(v: OcdsInput): OcdsRelease['planning'] {
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
  v: OcdsInput,
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

function awardOf(v: OcdsInput, awardId: string, supplier: OcdsOrganizationReference): OcdsAward {
  const award = v.award!;
  return {
    id: awardId,
    title: v.title,
    status: 'active',
    date: startOfDay(award.date)!,
    value: euro(award.amountExclVat),
    suppliers: [supplier],
  };
}

function contractOf(
  c: OcdsContractInput,
  ids: { ocid: string; awardId: string; title: string },
  payer: OcdsOrganizationReference,
  payee: OcdsOrganizationReference,
  reached: (stage: OcdsTag) => boolean,
): OcdsContract {
  const period = definedOnly({ startDate: startOfDay(c.startDate), endDate: endOfDay(c.endDate) });
  return {
    id: `${ids.ocid}-contract-1`,
    awardID: ids.awardId,
    title: ids.title,
    status: c.status ?? (c.dateSigned ? 'active' : 'pending'),
    value: euro(c.amountExclVat),
    ...(Object.keys(period).length ? { period } : {}),
    ...definedOnly({ dateSigned: startOfDay(c.dateSigned) }),
    ...(reached('implementation') ? { implementation: implementationOf(c, payer, payee) } : {}),
  };
}

/** The contract's payments and milestones, each list left out when empty. */
function implementationOf(
  c: OcdsContractInput,
  payer: OcdsOrganizationReference,
  payee: OcdsOrganizationReference,
): NonNullable<OcdsContract['implementation']> {
  const transactions = c.transactions.map((t) => ({
    id: t.id,
    date: startOfDay(t.date)!,
    value: euro(t.amountExclVat),
    payer,
    payee,
  }));
  const milestones = c.milestones.map(
    (m): OcdsMilestone => ({
      id: m.id,
      title: m.title,
      type: m.type,
      ...definedOnly({ dueDate: endOfDay(m.dueDate), dateMet: startOfDay(m.dateMet) }),
      status: m.status ?? (m.dateMet ? 'met' : 'scheduled'),
    }),
  );
  return { ...(transactions.length ? { transactions } : {}), ...(milestones.length ? { milestones } : {}) };
}

function frameworkProcess(framework: NonNullable<OcdsInput['framework']>): OcdsRelatedProcess {
  return {
    id: '1',
    relationship: ['framework'],
    title: framework.title,
    ...(framework.ocid ? { scheme: 'ocid', identifier: framework.ocid } : {}),
  };
}
