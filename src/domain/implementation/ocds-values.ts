import type { OcdsOrganisationInput } from './ocds-input.ts';
import type { OcdsIdentifier, OcdsOrganizationReference, OcdsValue } from './ocds-output.ts';

/** The small conversions every part of an OCDS release shares: amounts, dates, identifiers, absent fields. */

export function supplierReference(supplier: OcdsOrganisationInput): OcdsOrganizationReference {
  const digits = supplier.enterpriseNumber?.replace(/\D/g, '');
  return { id: digits ? `BE-BCE_KBO-${digits}` : 'supplier-1', name: supplier.name };
}

export function enterpriseIdentifier(
  enterpriseNumber: string | undefined,
  legalName: string,
): OcdsIdentifier | undefined {
  return enterpriseNumber ? { scheme: 'BE-BCE_KBO', id: enterpriseNumber.replace(/\D/g, ''), legalName } : undefined;
}

export function euro(amount: number): OcdsValue {
  return { amount, currency: 'EUR' };
}

export function startOfDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return date.length === 10 ? `${date}T00:00:00Z` : date;
}

export function endOfDay(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return date.length === 10 ? `${date}T23:59:59Z` : date;
}

/** Leaves out absent fields: OCDS readers treat a present null or undefined differently from a missing field. */
export function definedOnly<T extends Record<string, unknown>>(
  object: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
