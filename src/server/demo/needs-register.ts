import type { NeedInputRaw } from '../../domain/needs/need.ts';

/**
 * The needs register of the demo: what the communes said in diagnostics, meetings and project sheets, in their own
 * words. Each theme is phrased several ways by different communes (accents, synonyms, word order), so the grouping
 * finds real groups; a few needs match nothing. Communes are real and current (Province of Luxembourg).
 */
type Phrasing = [title: string, description: string];
type Theme = { category: string | null; urgency: 'low' | 'medium' | 'high'; budget: number; phrasings: Phrasing[] };

const COMMUNES = [
  '81001', // Arlon
  '85039', // Tintigny
  '81004', // Aubange
  '84077', // Libramont-Chevigny
  '83034', // Marche-en-Famenne
  '82003', // Bastogne
  '81015', // Messancy
  '85045', // Virton
  '84009', // Bertrix
  '85046', // Habay
  '83012', // Durbuy
  '84043', // Neufchâteau
  '82014', // Houffalize
  '85009', // Etalle
  '84010', // Bouillon
  '81003', // Attert
  '83028', // Hotton
  '85011', // Florenville
];

const THEMES: Theme[] = [
  {
    category: 'public-lighting',
    urgency: 'high',
    budget: 120_000,
    phrasings: [
      ['Remplacer les lampadaires par des LED', 'Les vieux luminaires au sodium consomment trop d’énergie.'],
      ['Éclairage public intelligent', 'Moduler l’intensité de l’éclairage la nuit dans les rues résidentielles.'],
      ['Eclairage public : passage au LED', 'Rénovation des points lumineux du centre et des villages.'],
      ['Télégestion des luminaires', 'Piloter à distance l’éclairage public et programmer l’extinction nocturne.'],
      ['Réduire la facture de l’éclairage public', 'Extinction partielle et LED sur les routes communales.'],
      ['Luminaires LED dans les villages', 'Remplacer l’éclairage des hameaux, trop ancien.'],
    ],
  },
  {
    category: null,
    urgency: 'medium',
    budget: 15_000,
    phrasings: [
      ['Application de signalement pour les citoyens', 'Signaler un nid de poule, un lampadaire en panne.'],
      ['Signalements des habitants', 'Un outil où la population signale les dégradations de voirie.'],
      ['Plateforme de signalement des problèmes de voirie', 'Suivre les signalements jusqu’à leur résolution.'],
      ['Signaler les dépôts clandestins', 'Les habitants signalent un dépôt sauvage avec une photo.'],
      ['Application citoyenne de signalement', 'Recevoir les signalements des citoyens sur l’espace public.'],
    ],
  },
  {
    category: 'e-counter',
    urgency: 'high',
    budget: 40_000,
    phrasings: [
      ['Guichet électronique', 'Démarches administratives en ligne pour la population.'],
      ['E-guichet pour les documents administratifs', 'Commander un document sans se déplacer à la commune.'],
      ['Prise de rendez-vous en ligne au service population', 'Éviter les files au guichet.'],
      ['Guichet en ligne', 'Demander un extrait d’acte ou un certificat de domicile par internet.'],
      ['Démarches en ligne pour les citoyens', 'Un guichet électronique avec connexion par eID ou itsme.'],
      ['Rendez-vous en ligne pour les cartes d’identité', 'Réserver un créneau au service population.'],
    ],
  },
  {
    category: null,
    urgency: 'medium',
    budget: 25_000,
    phrasings: [
      ['Wi-Fi gratuit sur la place', 'Un accès internet public pour les visiteurs et les habitants.'],
      ['Bornes wifi dans les villages', 'Installer des hotspots dans les salles de village.'],
      ['WiFi4EU : étendre le réseau', 'Nous avons reçu le chèque WiFi4EU, il faut choisir les lieux.'],
      ['Wifi public dans les lieux communaux', 'Bibliothèque, salle des fêtes et maison de village.'],
      ['Accès wifi gratuit au centre du village', 'Un réseau wifi public autour de l’église et de l’école.'],
    ],
  },
  {
    category: 'on-demand-transport',
    urgency: 'high',
    budget: 60_000,
    phrasings: [
      ['Transport à la demande pour les aînés', 'Une navette pour les personnes âgées vers le marché.'],
      ['Taxi social', 'Un taxi social réservé par téléphone pour les trajets médicaux.'],
      ['Navettes à la demande dans les villages', 'Réserver un trajet la veille vers le centre.'],
      ['Service de transport à la demande', 'Relier les hameaux à la gare et aux commerces.'],
      ['Navette pour les seniors', 'Les aînés sans voiture n’ont pas de bus le week-end.'],
    ],
  },
  {
    category: null,
    urgency: 'medium',
    budget: 20_000,
    phrasings: [
      ['Budget participatif', 'Les citoyens proposent et votent des projets pour leur quartier.'],
      ['Plateforme de participation citoyenne', 'Consultations en ligne des habitants.'],
      ['Consulter la population en ligne', 'Sondages et concertation sur les projets communaux.'],
      ['Participation citoyenne numérique', 'Associer les habitants aux décisions du conseil.'],
      ['Outil de consultation citoyenne', 'Consulter les habitants sur l’aménagement de la place.'],
    ],
  },
  {
    category: 'waste',
    urgency: 'medium',
    budget: 30_000,
    phrasings: [
      ['Conteneurs à verre connectés', 'Connaître le taux de remplissage des bulles à verre pour la collecte.'],
      ['Capteurs de remplissage des poubelles', 'Optimiser les tournées de collecte des déchets.'],
      ['Bulles à verre avec capteurs', 'Éviter les débordements autour des points d’apport.'],
      ['Collecte des déchets optimisée', 'Capteurs de remplissage sur les conteneurs publics.'],
      ['Poubelles connectées dans les parcs', 'Vider les poubelles publiques quand elles sont pleines.'],
    ],
  },
  {
    category: 'booking-facilities',
    urgency: 'low',
    budget: 8_000,
    phrasings: [
      ['Réservation en ligne des salles communales', 'Réserver la salle des fêtes et le hall sportif par internet.'],
      ['Réserver les salles et le matériel en ligne', 'Tables, chapiteaux et salles de village.'],
      ['Location des salles de village en ligne', 'Un calendrier des disponibilités et le paiement en ligne.'],
      ['Réservation du hall omnisports', 'Les clubs réservent leurs créneaux en ligne.'],
    ],
  },
  {
    category: 'energy-monitoring',
    urgency: 'medium',
    budget: 50_000,
    phrasings: [
      ['Suivi des consommations énergétiques des bâtiments', 'Compteurs communicants dans les écoles.'],
      ['Cadastre énergétique des bâtiments communaux', 'Suivre la consommation de gaz et d’électricité.'],
      ['Monitoring énergétique', 'Un tableau de bord des consommations des bâtiments publics.'],
      ['Réduire la consommation d’énergie des écoles', 'Mesurer et piloter le chauffage des bâtiments scolaires.'],
    ],
  },
  {
    category: null,
    urgency: 'medium',
    budget: 35_000,
    phrasings: [
      ['Application touristique de balades', 'Des promenades guidées sur smartphone pour les visiteurs.'],
      ['Parcours touristique numérique', 'Valoriser le patrimoine avec une application de visite.'],
      ['Balades connectées pour les touristes', 'Circuits de randonnée avec audioguide.'],
      ['Application de découverte du patrimoine', 'Une visite guidée du village sur téléphone.'],
    ],
  },
  {
    category: 'car-sharing',
    urgency: 'low',
    budget: 45_000,
    phrasings: [
      ['Voitures partagées', 'Mettre en place l’autopartage au centre du village.'],
      ['Autopartage de véhicules électriques', 'Réduire le nombre de voitures par ménage.'],
      ['Service d’autopartage', 'Une voiture partagée près de la maison communale.'],
      ['Voiture électrique partagée pour les habitants', 'Réservation par application.'],
    ],
  },
  {
    category: null,
    urgency: 'low',
    budget: 10_000,
    phrasings: [
      ['Inclusion numérique des aînés', 'Des formations à l’usage d’internet à l’espace public numérique.'],
      ['Ateliers numériques pour seniors', 'Aider les personnes âgées à faire leurs démarches en ligne.'],
      ['Espace public numérique', 'Former les habitants éloignés du numérique.'],
    ],
  },
];

/** Needs that match nothing else in the register: they stay alone in the grouping. */
const SINGLES: Phrasing[] = [
  ['Sonorisation de la salle du conseil', 'Micros et retransmission des séances du conseil communal.'],
  ['Gestion des cimetières', 'Registre des concessions et plan des sépultures.'],
  ['Archivage des délibérations', 'Numériser les registres anciens du collège.'],
  ['Défibrillateurs géolocalisés', 'Carte des défibrillateurs accessibles au public.'],
  ['Suivi des chantiers de voirie', 'Informer les riverains des travaux en cours.'],
  ['Gestion du parc de véhicules communaux', 'Entretiens, contrôles techniques et carnets de bord.'],
  ['Plan communal de la faune et de la flore', 'Inventorier les haies et les mares du territoire.'],
];

const SOURCES = ['diagnostic', 'meeting', 'project_sheet', 'direct'] as const;
const TIMEFRAMES = ['short', 'medium', 'long'] as const;

/** The register, deterministic: theme after theme, each phrasing by the next commune of the list. */
export function needsRegister(): NeedInputRaw[] {
  const needs: NeedInputRaw[] = [];
  let k = 0;
  for (const [t, theme] of THEMES.entries()) {
    for (const [p, [title, description]] of theme.phrasings.entries()) {
      needs.push({
        communeNis: COMMUNES[(t * 5 + p * 7) % COMMUNES.length]!,
        title,
        description,
        category: p % 3 === 0 ? theme.category : null,
        urgency: theme.urgency,
        estimatedBudget: theme.budget + p * 2_500,
        timeframe: TIMEFRAMES[(t + p) % 3]!,
        source: SOURCES[k % SOURCES.length]!,
        sourceRef: SOURCES[k % SOURCES.length] === 'meeting' ? 'Réunion des communes, démo' : null,
      });
      k++;
    }
  }
  for (const [i, [title, description]] of SINGLES.entries()) {
    needs.push({ communeNis: COMMUNES[(i * 4 + 3) % COMMUNES.length]!, title, description, source: 'direct' });
  }
  return needs;
}
