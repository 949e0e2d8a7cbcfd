import { DomainError } from '../shared/errors.ts';
import { type OcdsInput, OcdsProcurementInput } from './ocds-input.ts';
import { OCDS_STAGES, type OcdsReleasePackage, type OcdsTag } from './ocds-output.ts';
import { releaseAt } from './ocds-release.ts';
import { definedOnly, startOfDay } from './ocds-values.ts';
import { stepsFor } from './procurement-file.ts';

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
 *
 * The input is in ocds-input.ts, the output's types and codelists in ocds-output.ts, one release in ocds-release.ts.
 */

export { OcdsMilestoneInput, OcdsProcurementInput, OcdsTransactionInput } from './ocds-input.ts';
export type {
  OcdsAward,
  OcdsContract,
  OcdsIdentifier,
  OcdsMilestone,
  OcdsOrganizationReference,
  OcdsParty,
  OcdsPeriod,
  OcdsRelatedProcess,
  OcdsRelease,
  OcdsReleasePackage,
  OcdsTag,
  OcdsTender,
  OcdsTransaction,
  OcdsValue,
} from './ocds-output.ts';
export { PROCUREMENT_CATEGORIES, PROCUREMENT_METHODS } from './ocds-output.ts';

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
  const releases = OCDS_STAGES.filter((stage) => stageDates[stage] !== undefined).map((stage) =>
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
function datesOfStages(v: OcdsInput): Partial<Record<OcdsTag, string>> {
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
