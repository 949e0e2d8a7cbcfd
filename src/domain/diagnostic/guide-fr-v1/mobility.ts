import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/**
 * Smart Mobility: Giffinger's accessibility and ICT-infrastructure factors. In a rural province connectivity comes
 * first (it decides whether people can work, learn and reach services at a distance), then on-demand and shared
 * transport where regular buses cannot run, and the cross-border flows to the Grand Duchy of Luxembourg.
 */
export const mobility: ModelDimension = {
  key: 'mobility',
  label: 'Smart Mobility — Mobilité et connectivité',
  description:
    'L’accessibilité du territoire et la connectivité numérique : haut débit et couverture mobile, transports en commun, mobilité à la demande et partagée, modes actifs, mobilité bas carbone et liaisons vers les pôles d’emploi.',
  factors: [
    factor(
      'broadband_mobile_coverage',
      'Connectivité haut débit et couverture mobile',
      'Accès des habitants, des entreprises et des services publics à un internet fixe rapide et à une couverture mobile de qualité, y compris dans les villages et hameaux isolés.',
      true,
      [
        question(
          'connectivity_fixed_broadband',
          'Quelle est la situation du haut débit fixe sur le territoire et que fait la commune pour l’améliorer ?',
          [
            'La situation n’est pas connue ; des habitants se plaignent de zones sans connexion correcte.',
            'Les zones mal desservies sont connues par les plaintes ; quelques contacts ont eu lieu avec les opérateurs.',
            'Les zones blanches et grises sont cartographiées ; la commune relaie les programmes régionaux et négocie avec les opérateurs.',
            'Le déploiement de la fibre est coordonné avec les chantiers communaux (pose de gaines lors des travaux de voirie) ; la couverture est suivie par village.',
            'La quasi-totalité des adresses, parcs d’activités et bâtiments publics ont accès au très haut débit ; la commune partage sa démarche avec les communes voisines.',
          ],
          'Sources : cartes de couverture de l’IBPT, plans des opérateurs, programmes de la Wallonie pour la connectivité.',
        ),
        question(
          'connectivity_mobile_coverage',
          'La couverture mobile (4G, 5G) est-elle suffisante pour les habitants, les visiteurs et les services de secours ?',
          [
            'Des zones sans réseau existent et ne sont pas recensées.',
            'Les zones blanches sont connues de façon empirique (plaintes, expérience des élus).',
            'Les zones blanches sont relevées (mesures, signalements) et communiquées aux opérateurs et à l’IBPT.',
            'La commune facilite l’implantation d’antennes (sites communaux, procédures de permis anticipées) et suit l’évolution de la couverture.',
            'Couverture continue sur les axes, les villages et les sites touristiques, vérifiée par des mesures régulières publiées.',
          ],
        ),
        question('connectivity_public_wifi', 'Un accès public à internet est-il proposé dans les lieux publics ?', [
          'Aucun accès public.',
          'Un accès wifi existe dans un ou deux bâtiments communaux, sans gestion particulière.',
          'Des points wifi publics (type WiFi4EU) couvrent les lieux fréquentés (administration, bibliothèque, place).',
          'Le réseau couvre les villages et sites touristiques, il est sécurisé, supervisé et son usage est mesuré.',
          'Le réseau public sert aussi les services communaux (capteurs, télérelève) et s’inscrit dans une infrastructure mutualisée avec d’autres communes.',
        ]),
      ],
    ),
    factor(
      'public_transport_access',
      'Transports en commun et intermodalité',
      'Desserte par le TEC et la SNCB, information des voyageurs et correspondances entre modes (bus, train, voiture, vélo).',
      false,
      [
        question(
          'transit_offer_information',
          'La commune connaît-elle la desserte en transports en commun et agit-elle pour l’améliorer ?',
          [
            'La desserte n’est ni connue ni discutée avec les opérateurs.',
            'Les horaires sont relayés sur le site communal ; les demandes au TEC sont ponctuelles.',
            'La desserte est analysée (lignes, fréquences, villages non desservis) et discutée régulièrement avec le TEC.',
            'Arrêts aménagés et accessibles, information en temps réel aux principaux arrêts, améliorations obtenues et suivies.',
            'La desserte est planifiée à l’échelle du bassin de vie avec les communes voisines ; l’usage et la satisfaction sont mesurés.',
          ],
        ),
        question(
          'transit_intermodality',
          'Le passage d’un mode à l’autre est-il facilité (parkings de covoiturage, vélos, gares, pôles d’échange) ?',
          [
            'Aucun aménagement spécifique.',
            'Un parking près d’une gare ou d’un arrêt important, sans autre service.',
            'Un pôle d’échange identifié (parking de covoiturage, stationnement vélo sécurisé, arrêt de bus) avec une signalétique.',
            'Des pôles de mobilité (mobipôles) combinent bus, vélos partagés, bornes de recharge et information en temps réel.',
            'Un réseau de pôles est coordonné à l’échelle supracommunale, avec billettique et information intégrées pour le voyageur.',
          ],
        ),
      ],
    ),
    factor(
      'on_demand_shared_mobility',
      'Mobilité à la demande et partagée',
      'Solutions de transport là où les lignes régulières ne passent pas : transport à la demande, taxi social, covoiturage, autopartage et autostop organisé.',
      true,
      [
        question(
          'ondemand_transport_service',
          'Existe-t-il un service de transport à la demande pour les personnes sans voiture ?',
          [
            'Aucun service : les personnes sans voiture dépendent de leurs proches.',
            'Un taxi social du CPAS ou des chauffeurs bénévoles, pour quelques publics et avec une capacité limitée.',
            'Un service de transport à la demande est organisé (navette, Proxibus, centrale de mobilité) avec des règles et horaires connus.',
            'Le service couvre tous les villages, se réserve en ligne ou par téléphone et s’articule avec le TEC ; la fréquentation est suivie.',
            'Le service est mutualisé entre communes, optimisé par les données (trajets, taux de remplissage) et évalué avec les usagers.',
          ],
        ),
        question('ondemand_carpooling_sharing', 'La commune encourage-t-elle le covoiturage et l’autopartage ?', [
          'Aucune action.',
          'Information ponctuelle sur les plateformes existantes.',
          'Parkings de covoiturage balisés, arrêts d’autostop organisé (type Covoit’Stop) ou voiture partagée dans le centre.',
          'Offre organisée et promue (autopartage, y compris véhicules communaux en dehors des heures de service) ; usage suivi.',
          'Réseau de covoiturage et d’autopartage coordonné entre communes et avec les employeurs, intégré à l’information voyageurs.',
        ]),
        question(
          'ondemand_information_booking',
          'Un habitant peut-il facilement connaître et réserver les solutions de mobilité disponibles ?',
          [
            'Aucune information rassemblée.',
            'Une page du site ou une brochure liste quelques solutions.',
            'Un point de contact unique (centrale de mobilité, CPAS, conseiller en mobilité) renseigne et oriente.',
            'Une plateforme en ligne rassemble les offres et permet de réserver plusieurs d’entre elles.',
            'Information et réservation intégrées (transport à la demande, bus, covoiturage), accessibles aussi par téléphone, à l’échelle du bassin de vie.',
          ],
        ),
      ],
    ),
    factor(
      'active_mobility_road_safety',
      'Modes actifs et sécurité routière',
      'Place de la marche et du vélo (dont le vélo électrique, adapté au relief ardennais) et sécurité des usagers faibles.',
      false,
      [
        question(
          'active_cycling_walking_network',
          'Existe-t-il des itinéraires cyclables et piétons sûrs entre les villages et vers les écoles, commerces et gares ?',
          [
            'Aucun aménagement pour les modes actifs en dehors des sentiers de promenade.',
            'Quelques aménagements isolés, sans continuité.',
            'Un réseau utilitaire est défini (liaisons entre villages, RAVeL, points-nœuds) et ses chaînons manquants sont identifiés.',
            'Le réseau est aménagé, balisé et entretenu ; stationnement vélo aux lieux publics ; comptages en place.',
            'Le réseau est continu avec les communes voisines, sa fréquentation progresse et son entretien est planifié à partir des données.',
          ],
          'Exemples : programme Wallonie cyclable, sentiers et chemins vicinaux, comptages vélo.',
        ),
        question('active_mobility_planning', 'La mobilité fait-elle l’objet d’une planification communale ?', [
          'Aucune planification ; les décisions se prennent au cas par cas.',
          'Des problèmes sont traités à la demande (vitesse, stationnement) sans document de référence.',
          'Un plan communal de mobilité ou un conseiller en mobilité formé existe ; les priorités sont fixées.',
          'Le plan est mis en œuvre et suivi par des indicateurs (vitesses, accidents, parts modales, comptages).',
          'La planification est supracommunale, fondée sur des données partagées et révisée au fil des évaluations.',
        ]),
      ],
    ),
    factor(
      'low_carbon_mobility',
      'Mobilité bas carbone',
      'Électrification et sobriété des déplacements : bornes de recharge, flotte communale, déplacements des agents.',
      false,
      [
        question(
          'lowcarbon_charging_points',
          'Les habitants et les visiteurs disposent-ils de bornes de recharge publiques ?',
          [
            'Aucune borne publique.',
            'Une ou deux bornes, installées au gré d’une opportunité.',
            'Un plan d’implantation des bornes existe (centre, villages, sites touristiques), en cohérence avec les programmes régionaux.',
            'Le réseau est déployé, supervisé (disponibilité, usage) et accessible par les moyens de paiement courants.',
            'Le réseau est mutualisé avec les communes voisines, couplé à une production locale d’énergie et dimensionné à partir des données d’usage.',
          ],
        ),
        question(
          'lowcarbon_municipal_fleet',
          'La flotte communale et les déplacements des agents sont-ils gérés pour réduire les coûts et les émissions ?',
          [
            'Aucune connaissance de la flotte ni des consommations.',
            'Un inventaire des véhicules existe ; les remplacements se font à l’identique.',
            'Un plan de renouvellement prévoit des véhicules à faibles émissions ; consommations et kilométrages sont suivis.',
            'Véhicules partagés entre services avec réservation, électrification avancée, plan de déplacements des agents.',
            'Flotte optimisée par les données (taux d’usage, télémétrie), mutualisée avec d’autres pouvoirs locaux et ouverte aux habitants hors heures de service.',
          ],
        ),
      ],
    ),
    factor(
      'regional_cross_border_access',
      'Accessibilité régionale et transfrontalière',
      'Liaisons vers les pôles d’emploi et de services (dont le Grand-Duché de Luxembourg pour les travailleurs frontaliers) et réduction des déplacements contraints.',
      true,
      [
        question(
          'regional_commuting_links',
          'Les trajets domicile-travail vers les pôles d’emploi (dont le Luxembourg) sont-ils connus et pris en charge ?',
          [
            'Les flux ne sont pas connus ni discutés.',
            'Le sujet est évoqué (navetteurs, congestion) sans données ni action.',
            'Les flux sont connus (données Statbel, enquêtes) et des solutions sont demandées aux opérateurs (bus express, P+R).',
            'Des solutions sont en place avec les partenaires (P+R, lignes transfrontalières, covoiturage des frontaliers) et leur usage est suivi.',
            'Une stratégie supracommunale et transfrontalière (Grande Région) est menée, fondée sur des données partagées et évaluée.',
          ],
        ),
        question(
          'regional_remote_work',
          'Le télétravail et les espaces de travail partagés sont-ils utilisés pour réduire les déplacements ?',
          [
            'Aucune réflexion sur le télétravail.',
            'Le télétravail existe chez certains employeurs, sans rôle de la commune.',
            'Un espace de coworking ou de télétravail est proposé ou soutenu sur le territoire.',
            'Plusieurs espaces bien connectés sont fréquentés (dont des frontaliers) ; la commune applique elle-même le télétravail à ses agents.',
            'Un réseau d’espaces de travail partagés est coordonné entre communes, son usage est mesuré et sa contribution à la mobilité évaluée.',
          ],
        ),
      ],
    ),
  ],
};
