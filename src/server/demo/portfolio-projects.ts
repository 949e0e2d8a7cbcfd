import type { FollowUpSpec } from './implementation.ts';
import type { Scores, SheetSpec } from './strategy.ts';

export const scores = (
  impact: number,
  alignment: number,
  feasibility: number,
  risk: number,
  pooling: number,
  openness: number,
): Scores => ({
  impact,
  alignment,
  feasibility,
  risk,
  pooling,
  openness,
});

/** A project of a mission: its sheet, and its follow-up once the mission is in implementation. */
export type ProjectSpec = SheetSpec & { followUp?: FollowUpSpec };

const SIGNED = [{ kind: 'own' as const, label: 'Budget extraordinaire communal', amount: 0, secured: true }];
export const funding = (own: number, regional: number) => [
  { ...SIGNED[0]!, amount: own },
  ...(regional
    ? [{ kind: 'regional' as const, label: 'Appel à projets Smart Région', amount: regional, secured: true }]
    : []),
];

export const ARLON_PROJECTS: ProjectSpec[] = [
  {
    title: 'Télégestion de l’éclairage public',
    description:
      'Passage au LED et pilotage à distance des luminaires des quartiers périphériques, extinction partielle la nuit.',
    dimensions: ['environment', 'living'],
    owner: 'Service travaux',
    investmentCost: 180_000,
    runningCostPerYear: 9_000,
    durationMonths: 12,
    scores: scores(4, 5, 4, 2, 4, 3),
    followUp: {
      path: ['procurement', 'in-progress', 'delivered'],
      progress: 100,
      budget: [
        { yearOffset: -1, planned: 120_000, committed: 118_500, spent: 118_500 },
        { yearOffset: 0, planned: 60_000, committed: 57_200, spent: 52_000 },
      ],
      funding: funding(90_000, 90_000),
      milestones: [
        { title: 'Inventaire des points lumineux', owner: 'Service travaux', due: -330, done: -335 },
        { title: 'Installation des contrôleurs', owner: 'Fournisseur', due: -120, done: -126 },
        { title: 'Réception définitive', owner: 'Service travaux', due: -30, done: -28 },
      ],
      indicators: [
        {
          name: 'Consommation de l’éclairage public',
          unit: 'MWh/an',
          baseline: 1_450,
          target: 800,
          measures: [
            [-300, 1_420],
            [-180, 1_210],
            [-60, 910],
          ],
        },
      ],
      publish: true,
    },
  },
  {
    title: 'Guichet citoyen en ligne',
    description:
      'Les démarches du service population en ligne (documents, rendez-vous), avec connexion par eID ou itsme.',
    dimensions: ['governance'],
    owner: 'Directrice générale',
    investmentCost: 45_000,
    runningCostPerYear: 11_000,
    durationMonths: 10,
    scores: scores(5, 5, 4, 2, 3, 4),
    followUp: {
      path: ['procurement', 'in-progress'],
      progress: 55,
      budget: [{ yearOffset: 0, planned: 45_000, committed: 43_800, spent: 21_000 }],
      funding: funding(45_000, 0),
      milestones: [
        { title: 'Choix des démarches à ouvrir', owner: 'Service population', due: -150, done: -152 },
        { title: 'Formation des agents', owner: 'Fournisseur', due: -12, done: null },
        { title: 'Ouverture au public', owner: 'Directrice générale', due: 45, done: null },
      ],
      indicators: [
        {
          name: 'Démarches faites en ligne',
          unit: '% des demandes',
          baseline: 0,
          target: 40,
          measures: [
            [-60, 8],
            [-20, 17],
          ],
        },
      ],
      procurement: {
        nature: 'services',
        amount: 45_000,
        launch: -200,
        reference: 'ARL-2025-GUICHET',
        steps: [
          { step: 'specifications', day: -200 },
          { step: 'offers-received', day: -170 },
          { step: 'evaluation', day: -165 },
          { step: 'award', day: -160 },
          { step: 'notification', day: -158 },
          { step: 'contract', day: -150 },
        ],
        award: { vendor: 'Administration Simple SRL (démo)', enterpriseNumber: '0712.345.678', amount: 43_800 },
      },
      publish: true,
    },
  },
  {
    title: 'Capteurs de remplissage des bulles à verre',
    description: 'Connaître le remplissage des bulles à verre pour adapter les tournées de collecte.',
    dimensions: ['environment'],
    owner: 'Conseiller en environnement',
    investmentCost: 28_000,
    runningCostPerYear: 3_000,
    durationMonths: 6,
    scores: scores(3, 4, 4, 2, 5, 3),
    followUp: {
      path: ['procurement'],
      progress: 10,
      budget: [{ yearOffset: 0, planned: 28_000, committed: 0, spent: 0 }],
      funding: funding(28_000, 0),
      milestones: [
        {
          title: 'Cahier des charges validé par le collège',
          owner: 'Conseiller en environnement',
          due: -20,
          done: -22,
        },
        { title: 'Attribution du marché', owner: 'Collège communal', due: 40, done: null },
      ],
      indicators: [],
      procurement: {
        nature: 'supplies',
        amount: 28_000,
        launch: -20,
        reference: 'ARL-2026-VERRE',
        steps: [
          { step: 'specifications', day: -20 },
          { step: 'offers-received', day: 15 },
          { step: 'award', day: 35 },
          { step: 'contract', day: 45 },
        ],
      },
      publish: false,
    },
  },
  {
    title: 'Plateforme de participation citoyenne',
    description: 'Consultations et budget participatif en ligne pour les quartiers.',
    dimensions: ['people', 'governance'],
    owner: 'Échevin de la participation',
    investmentCost: 25_000,
    runningCostPerYear: 3_500,
    durationMonths: 8,
    scores: scores(3, 3, 5, 1, 3, 5),
    followUp: {
      path: [],
      progress: 0,
      budget: [{ yearOffset: 1, planned: 25_000, committed: 0, spent: 0 }],
      funding: funding(25_000, 0),
      milestones: [
        { title: 'Lancement de la première consultation', owner: 'Service communication', due: 200, done: null },
      ],
      indicators: [],
      publish: true,
    },
  },
  {
    title: 'Jumeau numérique du centre-ville',
    description:
      'Un modèle 3D du centre pour planifier les travaux et la mobilité : coûteux, reporté après la législature.',
    dimensions: ['governance', 'mobility'],
    owner: 'Service urbanisme',
    investmentCost: 420_000,
    runningCostPerYear: 40_000,
    durationMonths: 24,
    scores: scores(2, 2, 2, 4, 2, 3),
  },
];
