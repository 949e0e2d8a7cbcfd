import type { DiagnosticSpec } from './diagnostic.ts';

/**
 * The diagnostics of the demo's missions: who was heard, the self-assessments, and the SWOT drawn from them. Roles,
 * not names: the demo holds no personal data. Commune facts stay general and true to their situation.
 */
const INTERVIEWER = 'Consultante (démo)';

export const ARLON_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'elected_official', role: 'Échevin du numérique', daysAgo: 420, centre: 2.4 },
    { type: 'commune_staff', role: 'Directrice générale', daysAgo: 415, centre: 2.1 },
    { type: 'commune_staff', role: 'Responsable des travaux', daysAgo: 410, centre: 1.8 },
    { type: 'business', role: 'Commerçant du centre-ville', daysAgo: 405, centre: 1.6 },
  ],
  selfAssessments: [{ type: 'commune_staff', role: 'Service population', centre: 2.2 }],
  swot: [
    {
      category: 'strength',
      text: 'Administration déjà équipée d’un logiciel de gestion du courrier et des délibérations',
      dimensions: ['governance'],
    },
    {
      category: 'strength',
      text: 'Chef-lieu de province : services publics et gare concentrés au centre',
      dimensions: ['mobility', 'living'],
    },
    {
      category: 'weakness',
      text: 'Éclairage public ancien et énergivore dans les quartiers périphériques',
      dimensions: ['environment'],
    },
    { category: 'weakness', text: 'Peu de démarches administratives possibles en ligne', dimensions: ['governance'] },
    {
      category: 'opportunity',
      text: 'Appels à projets Smart Région et fonds européens pour la transition numérique',
      dimensions: ['economy', 'governance'],
    },
    {
      category: 'threat',
      text: 'Forte concurrence du Grand-Duché pour le recrutement de profils numériques',
      dimensions: ['economy', 'people'],
    },
  ],
};

export const TINTIGNY_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'elected_official', role: 'Bourgmestre', daysAgo: 380, centre: 1.6 },
    { type: 'association', role: 'Comité des fêtes de village', daysAgo: 375, centre: 1.4 },
    { type: 'citizen', role: 'Habitante d’un hameau', daysAgo: 372, centre: 1.2 },
  ],
  selfAssessments: [],
  swot: [
    {
      category: 'strength',
      text: 'Vie associative très présente dans les villages',
      dimensions: ['people', 'living'],
    },
    {
      category: 'weakness',
      text: 'Hameaux mal couverts par le réseau mobile et sans accès internet public',
      dimensions: ['living'],
    },
    {
      category: 'weakness',
      text: 'Peu de transports en commun pour les aînés sans voiture',
      dimensions: ['mobility'],
    },
    {
      category: 'opportunity',
      text: 'Coopération avec les communes voisines de Gaume pour acheter ensemble',
      dimensions: ['governance'],
    },
  ],
};

export const AUBANGE_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'elected_official', role: 'Échevine de la mobilité', daysAgo: 150, centre: 2.0 },
    { type: 'commune_staff', role: 'Conseiller en environnement', daysAgo: 146, centre: 1.9 },
    { type: 'business', role: 'Entreprise du zoning', daysAgo: 140, centre: 2.3 },
  ],
  selfAssessments: [{ type: 'commune_staff', role: 'Service informatique', centre: 2.5 }],
  swot: [
    {
      category: 'strength',
      text: 'Position au cœur de l’agglomération transfrontalière (Belgique, France, Luxembourg)',
      dimensions: ['economy', 'mobility'],
    },
    {
      category: 'weakness',
      text: 'Trafic de navetteurs saturant les axes vers le Luxembourg aux heures de pointe',
      dimensions: ['mobility', 'environment'],
    },
    {
      category: 'weakness',
      text: 'Collecte des déchets organisée sans connaître le remplissage des points d’apport',
      dimensions: ['environment'],
    },
    {
      category: 'opportunity',
      text: 'Habitants jeunes et connectés, prêts à utiliser des services en ligne',
      dimensions: ['people'],
    },
    {
      category: 'threat',
      text: 'Hausse des prix de l’énergie sur les bâtiments communaux',
      dimensions: ['environment', 'economy'],
    },
  ],
};

export const LIBRAMONT_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'elected_official', role: 'Bourgmestre', daysAgo: 24, centre: 2.0 },
    { type: 'commune_staff', role: 'Agent de développement local', daysAgo: 10, centre: 2.2, share: 0.45 },
  ],
  selfAssessments: [
    { type: 'commune_staff', role: 'Service travaux', centre: 1.7 },
    { type: 'commune_staff', role: 'CPAS', centre: 1.9 },
  ],
  pendingLinks: [{ type: 'association', role: 'Maison des jeunes' }],
  swot: [
    {
      category: 'strength',
      text: 'Pôle agricole reconnu : la Foire de Libramont attire des visiteurs de toute l’Europe',
      dimensions: ['economy'],
    },
    {
      category: 'weakness',
      text: 'Les salles communales se réservent encore par téléphone et sur papier',
      dimensions: ['governance', 'living'],
    },
    {
      category: 'opportunity',
      text: 'Gare sur l’axe Bruxelles–Luxembourg à valoriser pour la mobilité partagée',
      dimensions: ['mobility'],
    },
  ],
};

export const MARCHE_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'elected_official', role: 'Échevin des finances', daysAgo: 900, centre: 2.3 },
    { type: 'commune_staff', role: 'Responsable informatique', daysAgo: 895, centre: 2.6 },
  ],
  selfAssessments: [],
  swot: [
    {
      category: 'strength',
      text: 'Centre commerçant actif et services administratifs bien organisés',
      dimensions: ['economy', 'governance'],
    },
    {
      category: 'weakness',
      text: 'Stationnement difficile au centre les jours de marché',
      dimensions: ['mobility'],
    },
  ],
};

export const MUSEUM_DIAGNOSTIC: DiagnosticSpec = {
  interviewer: INTERVIEWER,
  interviews: [
    { type: 'other', role: 'Direction du musée', daysAgo: 12, centre: 2.1 },
    { type: 'other', role: 'Responsable de l’accueil des visiteurs', daysAgo: 5, centre: 1.9, share: 0.6 },
  ],
  selfAssessments: [],
  pendingLinks: [{ type: 'commune_staff', role: 'Office du tourisme de Bastogne' }],
  swot: [
    {
      category: 'strength',
      text: 'Site de mémoire de renommée internationale, fréquenté toute l’année',
      dimensions: ['economy', 'people'],
    },
    {
      category: 'weakness',
      text: 'Billetterie et réservation des groupes encore gérées à la main',
      dimensions: ['economy', 'governance'],
    },
  ],
};
