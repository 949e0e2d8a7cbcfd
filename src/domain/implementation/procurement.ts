import { z } from 'zod';

/** The words of a Belgian public procurement (*marché public*) shared by the rules, the file steps and the OCDS export. */

export const PROCUREMENT_NATURES = ['works', 'supplies', 'services'] as const;
export const ProcurementNature = z.enum(PROCUREMENT_NATURES).describe('travaux, fournitures ou services');
export type ProcurementNature = z.infer<typeof ProcurementNature>;

/**
 * Award procedures of the Law of 17 June 2016, plus the call-off from the agency's framework agreement, which spares
 * the commune its own procedure. Listed from the lightest to the heaviest, the order in which they are proposed.
 */
export const PROCUREMENT_PROCEDURES = [
  'framework-call-off',
  'low-value',
  'negotiated-without-publication',
  'negotiated-direct-with-publication',
  'open',
  'restricted',
  'competitive-negotiation',
  'competitive-dialogue',
  'innovation-partnership',
] as const;
export const ProcurementProcedure = z.enum(PROCUREMENT_PROCEDURES);
export type ProcurementProcedure = z.infer<typeof ProcurementProcedure>;

export const PROCEDURE_LABELS_FR: Record<ProcurementProcedure, string> = {
  'framework-call-off': "Commande dans le marché-cadre de la centrale d'achat",
  'low-value': 'Marché de faible montant (facture acceptée)',
  'negotiated-without-publication': 'Procédure négociée sans publication préalable',
  'negotiated-direct-with-publication': 'Procédure négociée directe avec publication préalable',
  open: 'Procédure ouverte',
  restricted: 'Procédure restreinte',
  'competitive-negotiation': 'Procédure concurrentielle avec négociation',
  'competitive-dialogue': 'Dialogue compétitif',
  'innovation-partnership': "Partenariat d'innovation",
};

export const NATURE_LABELS_FR: Record<ProcurementNature, string> = {
  works: 'travaux',
  supplies: 'fournitures',
  services: 'services',
};
