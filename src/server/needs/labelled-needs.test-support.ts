/**
 * A labelled set of French needs, written by hand for issue 5: several phrasings of the same need by different
 * communes (accents, plurals, synonyms, word order), and needs that match nothing. `gold` names the group a need
 * belongs to; null: it should stay alone. Communes are real NIS codes of the Province of Luxembourg.
 */
export type LabelledNeed = { id: string; nis: string; title: string; description: string; gold: string | null };

const C = ['81001', '81004', '83012', '82036', '85039', '84033', '83013', '84009', '85045', '82003'];
let n = 0;
const need = (gold: string | null, title: string, description = ''): LabelledNeed => {
  n++;
  return { id: `n${String(n).padStart(3, '0')}`, nis: C[n % C.length]!, title, description, gold };
};

export const LABELLED_NEEDS: LabelledNeed[] = [
  // Public lighting
  need('lighting', 'Remplacer les lampadaires par des LED', 'Les vieux lampadaires au sodium consomment trop.'),
  need('lighting', 'Éclairage public intelligent', 'Moduler l’intensité de l’éclairage la nuit dans les rues.'),
  need('lighting', 'Eclairage public : passage au LED', 'Rénovation des points lumineux du centre.'),
  need(
    'lighting',
    'Télégestion des luminaires',
    'Piloter à distance les luminaires et programmer l’extinction nocturne.',
  ),
  // Waste
  need(
    'waste',
    'Conteneurs à verre connectés',
    'Connaître le taux de remplissage des bulles à verre pour la collecte.',
  ),
  need('waste', 'Capteurs de remplissage des poubelles', 'Optimiser les tournées de collecte des déchets.'),
  need('waste', 'Gestion des déchets communaux', 'Réduire les déchets et suivre les collectes.'),
  // Citizen reporting
  need('reporting', 'Application de signalement pour les citoyens', 'Signaler un nid de poule, un lampion cassé.'),
  need('reporting', 'Signalements des habitants', 'Outil où la population signale les dégradations de voirie.'),
  need('reporting', 'Plateforme de réclamations', 'Suivre les réclamations des habitants jusqu’à leur traitement.'),
  // E-counter
  need('ecounter', 'Guichet électronique', 'Démarches administratives en ligne pour la population.'),
  need('ecounter', 'E-guichet pour les documents', 'Commander un document administratif sans se déplacer.'),
  need('ecounter', 'Prise de rendez-vous en ligne au service population', 'Éviter les files au guichet.'),
  // Public Wi-Fi
  need('wifi', 'Wi-Fi gratuit sur la place', 'Un accès internet public pour les visiteurs.'),
  need('wifi', 'Bornes wifi dans les villages', 'Installer des hotspots dans les salles de village.'),
  need('wifi', 'WiFi4EU : étendre le réseau', 'Nous avons reçu le chèque WiFi4EU.'),
  // Mobile coverage
  need('coverage', 'Zones blanches de couverture mobile', 'Plusieurs hameaux n’ont pas de réseau 4G.'),
  need('coverage', 'Améliorer la connectivité des hameaux', 'Fibre optique et haut débit pour les entreprises.'),
  need('coverage', 'Couverture mobile insuffisante', 'Les habitants n’ont pas de signal.'),
  // Car sharing
  need('carsharing', 'Voitures partagées', 'Mettre en place l’autopartage au centre du village.'),
  need('carsharing', 'Service d’autopartage et covoiturage', 'Réduire le nombre de voitures par ménage.'),
  need('carsharing', 'Vélos électriques partagés', 'Des vélos électriques en libre-service près de la gare.'),
  // On-demand transport
  need('tad', 'Transport à la demande pour les aînés', 'Navette pour les personnes âgées vers le marché.'),
  need('tad', 'Taxi social', 'Un taxi social réservé par téléphone pour les trajets médicaux.'),
  need('tad', 'Navettes à la demande dans les villages', 'Réserver un trajet la veille.'),
  // Participation
  need('participation', 'Budget participatif', 'Les citoyens proposent et votent des projets.'),
  need('participation', 'Plateforme de participation citoyenne', 'Consultations en ligne des habitants (Decidim).'),
  need('participation', 'Consulter la population en ligne', 'Sondages et concertation sur les projets communaux.'),
  // Energy monitoring
  need('energy', 'Suivi des consommations énergétiques', 'Compteurs intelligents dans les bâtiments communaux.'),
  need('energy', 'Cadastre énergétique des bâtiments', 'Connaître la consommation de chauffage des écoles.'),
  need('energy', 'Monitoring de l’énergie', 'Suivre l’énergie consommée et produite par le photovoltaïque.'),
  // Flood warning
  need('flood', 'Alerte aux inondations', 'Mesurer le niveau des cours d’eau et prévenir les riverains.'),
  need('flood', 'Surveillance des crues', 'Capteurs de niveau et alerte en cas de crue.'),
  need('flood', 'Prévenir les coulées de boue et inondations', 'Pluviomètres connectés sur les versants.'),
  // Digital inclusion
  need('inclusion', 'Inclusion numérique des seniors', 'Former les aînés au numérique.'),
  need('inclusion', 'Espace public numérique', 'Ouvrir un EPN avec des formations informatiques.'),
  need('inclusion', 'Lutter contre la fracture numérique', 'Aidants numériques pour les personnes isolées.'),
  // Outside the taxonomy: defibrillators, found by the words alone
  need('defib', 'Défibrillateurs accessibles', 'Installer des défibrillateurs automatiques dans chaque village.'),
  need('defib', 'Achat de défibrillateurs automatiques', 'Équiper les villages de défibrillateurs.'),
  // Outside the taxonomy: cemetery management software, found by the words alone
  need('cemetery', 'Logiciel de gestion des cimetières', 'Cartographier les concessions des cimetières.'),
  need('cemetery', 'Gestion numérique des concessions de cimetière', 'Registre des concessions et des cimetières.'),
  // Needs that match nothing
  need(null, 'Rénover la toiture de l’église', 'Des ardoises sont tombées.'),
  need(null, 'Fête du village', 'Organiser les festivités de juillet.'),
  need(null, 'Plantation de haies', 'Replanter des haies le long des chemins agricoles.'),
  need(null, 'Recruter un ouvrier communal', 'Remplacer un départ à la retraite.'),
  need(null, 'Achat d’un tracteur tondeuse', 'Pour l’entretien des pelouses du stade.'),
  need(null, 'Aire de jeux pour enfants', 'Nouveaux jeux à côté de l’école maternelle.'),
];

/** Pairwise precision and recall of a grouping against the gold labels. */
export function pairwiseScores(groups: string[][], needs: LabelledNeed[]) {
  const gold = new Map(needs.map((x) => [x.id, x.gold]));
  const predicted = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const id of g) predicted.set(id, i);
  });
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < needs.length; i++) {
    for (let j = i + 1; j < needs.length; j++) {
      const a = needs[i]!;
      const b = needs[j]!;
      const same = a.gold !== null && a.gold === gold.get(b.id);
      const pa = predicted.get(a.id);
      const together = pa !== undefined && pa === predicted.get(b.id);
      if (same && together) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}
