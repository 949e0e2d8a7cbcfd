import type { ProcurementNature, ProcurementProcedure } from './procurement.ts';

/** The subset of OCDS 1.1.5 the export of a procurement file fills (src/domain/implementation/ocds.ts). */

export type OcdsTag = 'planning' | 'tender' | 'award' | 'contract' | 'implementation';
/** The stages in the order a procurement reaches them: a release at one stage holds all the earlier ones. */
export const OCDS_STAGES: OcdsTag[] = ['planning', 'tender', 'award', 'contract', 'implementation'];
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
