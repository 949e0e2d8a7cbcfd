import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/**
 * Smart Environment: Giffinger's natural conditions, pollution, protection and resource management. In the Ardenne
 * and the Gaume the natural heritage (forests, rivers, Natura 2000) is both an asset and a responsibility, hence a
 * rural factor of its own.
 */
export const environment: ModelDimension = {
  key: 'environment',
  label: 'Smart Environment — Environnement',
  description:
    'La gestion durable des ressources et du cadre naturel : patrimoine naturel et forestier, énergie et climat, déchets, eau et risques naturels, qualité de l’environnement.',
  factors: [
    factor(
      'natural_heritage',
      'Patrimoine naturel, forêts et paysages',
      'Protection et valorisation de la biodiversité, des forêts communales, des cours d’eau et des paysages, et maîtrise de l’artificialisation des sols.',
      true,
      [
        question(
          'nature_biodiversity_plan',
          'La commune connaît-elle et protège-t-elle sa biodiversité ?',
          [
            'Aucune action en dehors des obligations légales.',
            'Des actions ponctuelles (plantations, fauchage tardif) sans plan d’ensemble.',
            'Un plan structuré existe (PCDN, Commune Maya, contrat de rivière, parc naturel) avec des partenaires identifiés.',
            'Des inventaires sont tenus à jour (dont sciences participatives), les sites sont cartographiés et les actions suivies.',
            'La biodiversité guide les décisions (permis, travaux, gestion des bords de route) ; les résultats sont mesurés et publiés.',
          ],
          'Partenaires possibles : DNF, parcs naturels, contrats de rivière, Natagora, GAL.',
        ),
        question('nature_forest_management', 'Comment la forêt communale est-elle gérée et suivie ?', [
          'La commune n’a pas de vision de sa forêt au-delà des ventes de bois.',
          'La gestion est laissée au DNF sans échange régulier sur les objectifs.',
          'Un aménagement forestier à jour fixe les objectifs (production, biodiversité, accueil du public) ; la forêt est certifiée.',
          'État sanitaire et dégâts (scolytes, sécheresse) suivis par des outils numériques (cartographie, images aériennes) ; les recettes sont réinvesties.',
          'La forêt est gérée de façon adaptative face au climat, avec des données partagées à l’échelle de la filière et des communes voisines.',
        ]),
        question(
          'nature_land_use',
          'La commune maîtrise-t-elle l’artificialisation des sols et l’évolution de ses paysages ?',
          [
            'Aucun suivi de l’urbanisation.',
            'Les permis sont instruits au cas par cas, sans vision d’ensemble.',
            'Un schéma de développement communal ou un guide d’urbanisme oriente l’urbanisation vers les centres.',
            'L’artificialisation est mesurée (parcelles, permis géolocalisés) et les objectifs de réduction sont suivis.',
            'Le territoire est piloté avec des données à jour (cartographie, simulations), en concertation avec les habitants et les communes voisines.',
          ],
        ),
      ],
    ),
    factor(
      'energy_climate',
      'Énergie et climat',
      'Stratégie énergie-climat, consommation des bâtiments et de l’éclairage publics, production renouvelable locale.',
      false,
      [
        question('energy_climate_plan', 'La commune a-t-elle une stratégie énergie-climat ?', [
          'Aucune stratégie.',
          'Des intentions sont exprimées (déclaration de politique générale) sans plan.',
          'Un plan d’action énergie-climat (PAEDC, Convention des Maires, POLLEC) est adopté avec des objectifs chiffrés.',
          'Le plan est mis en œuvre par un référent énergie, les émissions sont suivies et rapportées.',
          'Les objectifs sont atteints ou dépassés, l’adaptation au changement climatique est intégrée et la démarche est partagée avec d’autres communes.',
        ]),
        question(
          'energy_buildings_monitoring',
          'Les consommations d’énergie des bâtiments communaux sont-elles suivies ?',
          [
            'Seules les factures sont payées ; personne ne suit les consommations.',
            'Relevés manuels occasionnels sur quelques bâtiments.',
            'Une comptabilité énergétique couvre tous les bâtiments, avec relevés réguliers et cadastre énergétique.',
            'Compteurs communicants et télérelève, alertes en cas d’anomalie, régulation à distance du chauffage.',
            'Gestion technique centralisée, décisions d’investissement fondées sur les données, économies mesurées et publiées.',
          ],
        ),
        question('energy_public_lighting', 'L’éclairage public est-il modernisé et piloté ?', [
          'Aucune connaissance de l’état ni de la consommation de l’éclairage public.',
          'Des remplacements ponctuels sont faits à l’occasion de pannes.',
          'Le programme de modernisation en LED avec le gestionnaire de réseau (ORES) est planifié et en cours.',
          'Éclairage LED avec gradation ou extinction nocturne selon les lieux ; consommations suivies.',
          'Éclairage intelligent (détection de présence, pilotage à distance) intégrant la biodiversité (trame noire), évalué et mutualisé.',
        ]),
        question(
          'energy_renewable_production',
          'La commune développe-t-elle la production d’énergie renouvelable et les communautés d’énergie ?',
          [
            'Aucune production renouvelable communale ni soutien aux projets citoyens.',
            'Quelques installations photovoltaïques sur des bâtiments communaux.',
            'Un potentiel est identifié (toitures, bois-énergie, éolien, hydraulique) et des projets sont en cours.',
            'Réseau de chaleur, coopératives citoyennes ou communauté d’énergie renouvelable en fonctionnement, production suivie.',
            'La commune tend vers l’autonomie énergétique, partage l’énergie entre bâtiments et habitants et valorise ses données de production.',
          ],
        ),
      ],
    ),
    factor(
      'waste_circular_economy',
      'Déchets et économie circulaire',
      'Prévention et gestion des déchets, réemploi et achats circulaires, en lien avec l’intercommunale de gestion des déchets.',
      false,
      [
        question('waste_collection_monitoring', 'La collecte des déchets est-elle suivie et optimisée ?', [
          'La commune ne dispose d’aucune donnée sur les déchets collectés.',
          'Les tonnages annuels de l’intercommunale sont connus mais peu exploités.',
          'Les quantités par habitant et par flux sont suivies ; une politique de prévention est définie.',
          'Collecte optimisée par les données (conteneurs à puce, capteurs de remplissage des bulles à verre, tournées adaptées).',
          'Les résultats de prévention sont mesurés et publiés, et les habitants suivent leur propre production de déchets.',
        ]),
        question('waste_reuse_circular', 'Le réemploi et l’économie circulaire sont-ils encouragés ?', [
          'Aucune action.',
          'Actions ponctuelles (collecte d’encombrants réutilisables, journée de sensibilisation).',
          'Soutien à des initiatives de réemploi (repair café, ressourcerie, donnerie) et clauses environnementales dans certains marchés.',
          'Plateforme de réemploi (matériel communal, objets entre habitants), marchés publics circulaires généralisés.',
          'Une stratégie d’économie circulaire est menée avec les entreprises locales ; les flux de matières évités sont mesurés.',
        ]),
      ],
    ),
    factor(
      'water_natural_risks',
      'Eau et risques naturels',
      'Distribution d’eau, réseaux d’égouttage, cours d’eau, inondations, coulées boueuses et sécheresses.',
      false,
      [
        question(
          'water_network_monitoring',
          'Le réseau d’eau est-il suivi pour limiter les pertes et garantir la qualité ?',
          [
            'Pertes et qualité non suivies.',
            'Les fuites sont réparées quand elles sont signalées.',
            'Le rendement du réseau est calculé, un plan de renouvellement existe (régie communale ou opérateur).',
            'Sectorisation, compteurs à télérelève et détection des fuites en continu ; la qualité est publiée.',
            'Gestion prédictive du réseau fondée sur les données, partagée avec les opérateurs et les communes voisines.',
          ],
        ),
        question(
          'water_flood_risk',
          'Les risques d’inondation, de ruissellement et de sécheresse sont-ils connus et anticipés ?',
          [
            'Les risques ne sont pas connus ; la commune réagit aux événements.',
            'Les zones touchées par le passé sont connues des services.',
            'Les cartes d’aléa sont intégrées à l’urbanisme ; des mesures sont prévues avec le contrat de rivière et la cellule GISER.',
            'Des capteurs (niveaux de cours d’eau, pluviométrie) et des procédures d’alerte sont en place, reliés au plan d’urgence.',
            'La gestion des risques est intégrée à l’échelle du bassin versant avec les communes voisines ; chaque événement fait l’objet d’un retour d’expérience.',
          ],
        ),
      ],
    ),
    factor(
      'environmental_quality',
      'Qualité de l’environnement et propreté',
      'Qualité de l’air et de l’eau, bruit, propreté publique et lutte contre les dépôts clandestins.',
      false,
      [
        question(
          'pollution_monitoring',
          'La qualité de l’environnement (air, eau, bruit) est-elle mesurée sur le territoire ?',
          [
            'Aucune mesure ni information.',
            'Les mesures régionales sont connues mais ne sont pas relayées.',
            'Des mesures locales ponctuelles sont faites (campagnes, capteurs citoyens) en réponse à des préoccupations.',
            'Des capteurs permanents aux endroits sensibles (écoles, axes) publient leurs mesures ; des actions en découlent.',
            'Les données environnementales sont ouvertes, croisées avec les autres données communales et guident les décisions.',
          ],
        ),
        question(
          'pollution_illegal_dumping',
          'Comment la commune lutte-t-elle contre les dépôts clandestins et pour la propreté ?',
          [
            'Les dépôts sont ramassés sans suivi ni sanction.',
            'Quelques actions (Grand Nettoyage de printemps, panneaux) et des constats occasionnels.',
            'Un agent constatateur est désigné, les dépôts sont enregistrés et les points noirs identifiés.',
            'Signalement en ligne par les habitants avec suivi, caméras mobiles aux points noirs, sanctions administratives appliquées.',
            'La propreté est pilotée par des indicateurs publiés, en partenariat avec les communes voisines et les citoyens (parrains de rues, Wallonie Plus Propre).',
          ],
        ),
      ],
    ),
  ],
};
