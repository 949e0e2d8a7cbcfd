import { funding, type ProjectSpec, scores } from './portfolio-projects.ts';

export const TINTIGNY_PROJECTS: ProjectSpec[] = [
  {
    title: 'Wi-Fi public dans les salles de village',
    description: 'Des bornes Wi-Fi gratuites dans les six salles de village et sur la place communale (WiFi4EU).',
    dimensions: ['living', 'people'],
    owner: 'Secrétariat communal',
    investmentCost: 22_000,
    runningCostPerYear: 2_400,
    durationMonths: 6,
    scores: scores(4, 5, 5, 1, 3, 3),
    followUp: {
      path: ['procurement', 'in-progress', 'delivered'],
      progress: 100,
      budget: [{ yearOffset: -1, planned: 22_000, committed: 20_400, spent: 20_400 }],
      funding: [
        { kind: 'european', label: 'Chèque WiFi4EU', amount: 15_000, secured: true },
        { kind: 'own', label: 'Budget extraordinaire communal', amount: 7_000, secured: true },
      ],
      milestones: [
        { title: 'Relevé des salles à équiper', owner: 'Secrétariat communal', due: -260, done: -262 },
        { title: 'Mise en service des bornes', owner: 'Fournisseur', due: -90, done: -95 },
      ],
      indicators: [
        {
          name: 'Connexions par mois',
          unit: 'connexions',
          baseline: 0,
          target: 1_500,
          measures: [
            [-80, 420],
            [-50, 910],
            [-20, 1_260],
          ],
        },
      ],
      publish: true,
    },
  },
  {
    title: 'Transport à la demande pour les aînés',
    description: 'Une navette réservée la veille par téléphone ou en ligne, vers les commerces, le médecin et la gare.',
    dimensions: ['mobility', 'people'],
    owner: 'CPAS',
    investmentCost: 60_000,
    runningCostPerYear: 18_000,
    durationMonths: 12,
    scores: scores(5, 5, 3, 3, 4, 3),
    followUp: {
      path: ['in-progress'],
      progress: 40,
      budget: [
        { yearOffset: 0, planned: 40_000, committed: 38_000, spent: 16_000 },
        { yearOffset: 1, planned: 20_000, committed: 0, spent: 0 },
      ],
      funding: funding(30_000, 30_000),
      milestones: [
        { title: 'Convention avec le CPAS', owner: 'Collège communal', due: -100, done: -104 },
        { title: 'Premiers trajets', owner: 'CPAS', due: -5, done: null },
      ],
      indicators: [
        { name: 'Trajets par mois', unit: 'trajets', baseline: 0, target: 300, measures: [[-15, 45]] },
      ],
      publish: true,
    },
  },
  {
    title: 'Application de signalement citoyen',
    description: 'Les habitants signalent un nid de poule ou un dépôt clandestin et suivent sa résolution.',
    dimensions: ['governance', 'people'],
    owner: 'Service travaux',
    investmentCost: 9_000,
    runningCostPerYear: 1_600,
    durationMonths: 4,
    scores: scores(3, 4, 5, 1, 4, 4),
    followUp: {
      path: ['procurement'],
      progress: 5,
      budget: [{ yearOffset: 0, planned: 9_000, committed: 0, spent: 0 }],
      funding: funding(9_000, 0),
      milestones: [{ title: 'Choix de l’application', owner: 'Service travaux', due: 30, done: null }],
      indicators: [],
      procurement: {
        nature: 'services',
        amount: 9_000,
        launch: -10,
        reference: 'TIN-2026-SIGNAL',
        steps: [
          { step: 'specifications', day: -10 },
          { step: 'offers-received', day: 20 },
        ],
      },
      publish: false,
    },
  },
];

export const AUBANGE_PROJECTS: ProjectSpec[] = [
  {
    title: 'Gestion intelligente du stationnement',
    description: 'Capteurs de places libres et jalonnement dynamique vers les parkings de délestage.',
    dimensions: ['mobility'],
    owner: 'Service mobilité',
    investmentCost: 140_000,
    runningCostPerYear: 12_000,
    durationMonths: 12,
    scores: scores(4, 5, 3, 3, 2, 3),
  },
  {
    title: 'Covoiturage vers le Luxembourg',
    description: 'Une application de covoiturage des navetteurs frontaliers et des aires de covoiturage équipées.',
    dimensions: ['mobility', 'environment'],
    owner: 'Échevine de la mobilité',
    investmentCost: 35_000,
    runningCostPerYear: 6_000,
    durationMonths: 8,
    scores: scores(5, 5, 4, 2, 5, 3),
  },
  {
    title: 'Suivi énergétique des bâtiments communaux',
    description: 'Compteurs communicants dans les écoles et le hall sportif, tableau de bord des consommations.',
    dimensions: ['environment'],
    owner: 'Conseiller en environnement',
    investmentCost: 55_000,
    runningCostPerYear: 4_000,
    durationMonths: 9,
    scores: scores(3, 4, 4, 2, 3, 4),
  },
  {
    title: 'Guichet électronique',
    description: 'Documents administratifs et rendez-vous du service population en ligne.',
    dimensions: ['governance'],
    owner: 'Directeur général',
    investmentCost: 40_000,
    runningCostPerYear: 11_000,
    durationMonths: 10,
    scores: scores(4, 4, 5, 1, 3, 4),
  },
  {
    title: 'Capteurs de remplissage des points d’apport',
    description: 'Adapter les collectes au remplissage réel des bulles à verre et des conteneurs textiles.',
    dimensions: ['environment'],
    owner: 'Service propreté',
    investmentCost: 30_000,
    runningCostPerYear: 3_000,
    durationMonths: 6,
    scores: scores(3, 4, 4, 2, 5, 3),
  },
];

export const MARCHE_PROJECTS: ProjectSpec[] = [
  {
    title: 'Parking intelligent du centre',
    description: 'Affichage des places libres aux entrées de ville et paiement par application.',
    dimensions: ['mobility', 'economy'],
    owner: 'Service mobilité',
    investmentCost: 95_000,
    runningCostPerYear: 8_000,
    durationMonths: 12,
    scores: scores(4, 5, 4, 2, 2, 3),
    followUp: {
      path: ['procurement', 'in-progress', 'delivered'],
      progress: 100,
      budget: [
        { yearOffset: -2, planned: 60_000, committed: 58_000, spent: 58_000 },
        { yearOffset: -1, planned: 35_000, committed: 33_900, spent: 33_900 },
      ],
      funding: funding(47_500, 47_500),
      milestones: [
        { title: 'Pose des capteurs', owner: 'Fournisseur', due: -500, done: -505 },
        { title: 'Réception', owner: 'Service mobilité', due: -400, done: -398 },
      ],
      indicators: [
        {
          name: 'Temps moyen de recherche d’une place',
          unit: 'minutes',
          baseline: 12,
          target: 6,
          measures: [
            [-390, 9],
            [-200, 7],
          ],
        },
      ],
      publish: true,
    },
  },
  {
    title: 'Réservation en ligne des salles',
    description: 'Réserver les salles communales et le matériel de fête en ligne, avec paiement.',
    dimensions: ['governance', 'living'],
    owner: 'Service des fêtes',
    investmentCost: 12_000,
    runningCostPerYear: 1_200,
    durationMonths: 4,
    scores: scores(3, 4, 5, 1, 3, 4),
    followUp: {
      path: ['in-progress', 'delivered'],
      progress: 100,
      budget: [{ yearOffset: -2, planned: 12_000, committed: 11_400, spent: 11_400 }],
      funding: funding(12_000, 0),
      milestones: [{ title: 'Ouverture des réservations', owner: 'Service des fêtes', due: -560, done: -562 }],
      indicators: [
        {
          name: 'Réservations faites en ligne',
          unit: '% des réservations',
          baseline: 0,
          target: 60,
          measures: [
            [-500, 35],
            [-300, 68],
          ],
        },
      ],
      publish: true,
    },
  },
];
