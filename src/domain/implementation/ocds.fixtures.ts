import type { OcdsProcurementInput } from './ocds.ts';

/**
 * Procurement files used by the OCDS tests: one that went all the way to payments, one call-off only planned.
 * Libramont-Chevigny (NIS 84077) is one of the communes the seed names; the supplier is made up.
 */

const base = {
  ocidPrefix: 'ocds-sr0001',
  package: {
    uri: 'https://smart-rural.example.be/api/implementation/procurements/libramont-eclairage/ocds.json',
    publishedDate: '2026-11-30T09:00:00Z',
    publisher: { name: 'IDELUX Projets publics' },
    license: 'https://creativecommons.org/licenses/by/4.0/',
  },
  buyer: { nisCode: '84077', name: 'Ville de Libramont-Chevigny', enterpriseNumber: '0207.352.617' },
} satisfies Partial<OcdsProcurementInput>;

export const completedProcurement: OcdsProcurementInput = {
  ...base,
  procurementId: 'libramont-eclairage-2026',
  reference: 'CSC 2026-F-012',
  title: "Télégestion de l'éclairage public",
  description: 'Fourniture et mise en service de contrôleurs connectés pour 420 points lumineux.',
  nature: 'supplies',
  procedure: 'negotiated-direct-with-publication',
  estimatedAmountExclVat: 180_000,
  planning: {
    date: '2026-01-20',
    rationale: "Réduire la consommation de l'éclairage public (fiche projet Smart Environment).",
    budgetAmountExclVat: 200_000,
    projectId: 'libramont-p07',
    projectTitle: 'Éclairage public intelligent',
  },
  steps: [
    { step: 'specifications', plannedDate: '2026-02-01', actualDate: '2026-02-03' },
    { step: 'publication', plannedDate: '2026-02-10', actualDate: '2026-02-10' },
    { step: 'questions', actualDate: '2026-02-24' },
    { step: 'offers-received', plannedDate: '2026-03-16', actualDate: '2026-03-16' },
    { step: 'evaluation', actualDate: '2026-04-02' },
    { step: 'award', actualDate: '2026-04-14' },
    { step: 'notification', actualDate: '2026-04-16' },
    { step: 'contract', actualDate: '2026-04-16' },
  ],
  tenderDeadline: '2026-03-16T11:00:00+01:00',
  numberOfTenderers: 3,
  award: {
    date: '2026-04-14',
    amountExclVat: 168_420.5,
    supplier: { name: 'Lumière Ardenne SRL', enterpriseNumber: '0712.345.678' },
  },
  contract: {
    amountExclVat: 168_420.5,
    dateSigned: '2026-04-16',
    startDate: '2026-05-01',
    endDate: '2027-04-30',
    milestones: [
      { id: 'm1', title: 'Installation des contrôleurs', dueDate: '2026-09-30', dateMet: '2026-09-25' },
      { id: 'm2', title: 'Réception définitive', dueDate: '2027-04-30' },
    ],
    transactions: [{ id: 't1', date: '2026-10-15', amountExclVat: 101_052.3 }],
  },
};

export const plannedCallOff: OcdsProcurementInput = {
  ...base,
  procurementId: 'libramont-guichet-2027',
  title: 'Guichet citoyen en ligne',
  nature: 'services',
  procedure: 'framework-call-off',
  estimatedAmountExclVat: 24_000,
  framework: { title: "Marché-cadre d'applications Smart, lot 2" },
};
