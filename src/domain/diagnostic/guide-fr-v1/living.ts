import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/** Smart Living: Giffinger's quality-of-life factors, with access to care and to services reshaped for rural communes. */
export const living: ModelDimension = {
  key: 'living',
  label: 'Smart Living — Qualité de vie',
  description:
    'Les conditions de vie sur le territoire : santé, services de proximité, culture et loisirs, sécurité, logement, enseignement et accueil de l’enfance.',
  factors: [
    factor(
      'health_care_access',
      'Accès aux soins et à la santé',
      'Présence de soins de première ligne malgré les distances, recours à la télésanté et maintien à domicile des aînés.',
      true,
      [
        question(
          'health_gp_coverage',
          'Comment la commune contribue-t-elle au maintien et à l’installation de médecins généralistes et de soins de première ligne ?',
          [
            'Aucune action : la commune considère que l’offre médicale ne relève pas de sa compétence.',
            'Le manque de médecins est constaté ; des contacts ponctuels ont lieu avec le cercle de médecins généralistes.',
            'Une action concrète existe (cabinet mis à disposition, aide à l’installation, relais des aides Impulseo), sans vision d’ensemble.',
            'Une maison médicale ou un pôle de santé pluridisciplinaire est soutenu, la garde est organisée avec les communes voisines et l’offre est suivie.',
            'Une stratégie santé supracommunale associe médecins, CPAS et hôpitaux ; l’offre et les temps d’accès sont mesurés et publiés.',
          ],
          'Nombre de généralistes et leur âge, postes médicaux de garde, temps d’accès à la pharmacie et aux urgences.',
        ),
        question(
          'health_telehealth',
          'Des services de télésanté (téléconsultation, suivi à distance, dossier partagé) sont-ils accessibles aux habitants ?',
          [
            'Aucun service de télésanté n’est connu ni encouragé.',
            'Certains praticiens proposent des téléconsultations, sans relais ni accompagnement communal.',
            'La commune informe sur les services existants (Réseau Santé Wallon, téléconsultation) et oriente les patients.',
            'Un point de télésanté accompagné (CPAS, EPN, maison de village) permet aux personnes peu équipées de consulter à distance.',
            'La télésanté est intégrée à l’offre de soins locale avec les professionnels ; son usage est suivi et les personnes isolées sont accompagnées.',
          ],
        ),
        question(
          'health_home_care',
          'Comment le maintien à domicile des aînés et des personnes dépendantes est-il organisé ?',
          [
            'Rien n’est organisé au-delà de l’aide sociale légale.',
            'Quelques services existent (repas à domicile, aide familiale) mais sont peu connus et non coordonnés.',
            'Le CPAS coordonne une offre (repas, téléassistance, aide familiale, transport) avec un point de contact unique.',
            'Les besoins sont recensés ; téléassistance et outils numériques de coordination des aidants sont proposés et suivis.',
            'Une offre intégrée (label Commune Amie des Aînés, coordination avec les prestataires, capteurs au domicile avec consentement) est évaluée chaque année.',
          ],
          'Acteurs : CPAS, CCCA, services d’aide aux familles, centrale de soins à domicile.',
        ),
      ],
    ),
    factor(
      'local_public_services',
      'Accès aux services publics de proximité',
      'Accès des habitants aux démarches et services (administration, poste, banque, commerces de base) sans dépendre de la voiture ni des horaires de bureau.',
      true,
      [
        question(
          'services_online_procedures',
          'Quelles démarches administratives les habitants peuvent-ils accomplir en ligne ?',
          [
            'Aucune : toutes les démarches se font au guichet, aux heures d’ouverture.',
            'Des formulaires sont téléchargeables sur le site communal, à renvoyer par courrier ou par courriel.',
            'Un guichet en ligne permet quelques démarches courantes (documents de population, état civil) avec identification par eID ou itsme.',
            'La majorité des démarches se fait en ligne de bout en bout (demande, paiement, suivi, délivrance), en s’appuyant sur les sources authentiques.',
            'Les démarches sont proactives (la commune agit sans demande quand elle dispose des données) ; la satisfaction et les délais sont mesurés et publiés.',
          ],
          'Exemples : guichet citoyen iMio, Mon DOSSIER, paiement en ligne, prise de rendez-vous.',
        ),
        question(
          'services_proximity_points',
          'Les habitants des villages éloignés du centre ont-ils accès à des services de proximité ?',
          [
            'Aucun service hors du centre ; les fermetures (poste, banque, commerces) ne sont pas suivies.',
            'Des permanences ponctuelles ont lieu dans certains villages, au gré des disponibilités.',
            'Des points de services sont organisés (permanences décentralisées, point poste, distributeur de billets négocié) selon un calendrier connu.',
            'Un réseau de lieux multiservices (maisons de village, tiers-lieux) ou un service itinérant couvre les villages ; la fréquentation est suivie.',
            'L’accès aux services est planifié avec les communes voisines et les opérateurs ; les temps d’accès par village sont mesurés et guident les décisions.',
          ],
        ),
        question(
          'services_multichannel_contact',
          'Comment la commune est-elle joignable et comment informe-t-elle ses habitants ?',
          [
            'Par téléphone et au guichet aux heures de bureau, et par le bulletin communal papier.',
            'Un site web et une page sur un réseau social existent, mis à jour irrégulièrement.',
            'Le site est tenu à jour, les demandes par courriel sont traitées dans un délai connu et une lettre d’information est envoyée.',
            'Les canaux sont coordonnés (site, application, alertes SMS ou courriel, bulletin), les demandes sont suivies dans un outil jusqu’à leur clôture.',
            'Un point de contact unique trace toutes les demandes quel que soit le canal ; les délais de réponse sont publiés et le papier reste disponible pour qui en a besoin.',
          ],
        ),
      ],
    ),
    factor(
      'culture_sport_leisure',
      'Culture, sport et loisirs',
      'Offre culturelle, sportive et de loisirs (bibliothèque, centre culturel, infrastructures sportives) et sa visibilité pour tous les habitants.',
      false,
      [
        question(
          'culture_shared_agenda',
          'Les activités culturelles, sportives et associatives sont-elles rassemblées et faciles à trouver ?',
          [
            'Aucun agenda : chaque organisateur communique de son côté.',
            'Un agenda est publié dans le bulletin communal ou sur le site, alimenté à la main et incomplet.',
            'Un agenda en ligne commun est alimenté par la commune, le centre culturel et les associations.',
            'L’agenda est partagé avec la Maison du Tourisme et les communes voisines, avec réservation ou billetterie en ligne.',
            'L’agenda est publié en données ouvertes, réutilisé par d’autres (applications, écrans, médias) et sa fréquentation est suivie.',
          ],
        ),
        question(
          'culture_facilities_booking',
          'Comment les infrastructures (salles, halls sportifs, matériel) sont-elles réservées et gérées ?',
          [
            'Par téléphone ou sur place, avec un planning papier.',
            'Un tableur partagé au sein de l’administration, les demandes arrivant par courriel.',
            'Les disponibilités sont consultables en ligne ; la réservation reste validée manuellement.',
            'Réservation et paiement en ligne, contrôle d’accès des salles (badges, serrures connectées), taux d’occupation suivi.',
            'Les infrastructures sont mutualisées avec les communes voisines et les écoles ; l’usage guide les investissements.',
          ],
        ),
        question(
          'culture_library_digital',
          'La bibliothèque ou le centre culturel propose-t-il une offre numérique ?',
          [
            'Aucune bibliothèque ou aucune offre numérique.',
            'Catalogue consultable sur place uniquement.',
            'Catalogue en ligne, réservation à distance et prêt de livres numériques (Lirtuel).',
            'Ateliers numériques, prêt de matériel, navette de livres vers les villages.',
            'La bibliothèque est un tiers-lieu de référence (fablab, médiation numérique, patrimoine numérisé) travaillant en réseau.',
          ],
        ),
      ],
    ),
    factor(
      'safety_crisis_management',
      'Sécurité et gestion de crise',
      'Sécurité des personnes, prévention et capacité de la commune à alerter et protéger la population en cas de crise (inondations, tempêtes, pannes).',
      false,
      [
        question(
          'safety_population_alert',
          'Comment la commune planifie-t-elle les situations d’urgence et alerte-t-elle la population ?',
          [
            'Pas de plan d’urgence à jour ni de moyen d’alerte organisé.',
            'Le plan général d’urgence et d’intervention (PGUI) existe mais n’est pas exercé ; l’alerte se fait au cas par cas.',
            'Le PGUI est à jour, BE-Alert est activé et la commune invite les habitants à s’y inscrire.',
            'Exercices réguliers avec la zone de secours et la zone de police ; les personnes vulnérables sont recensées ; le taux d’inscription BE-Alert est suivi.',
            'Les risques sont cartographiés (inondation, coulées boueuses), des capteurs déclenchent des préalertes, et chaque crise fait l’objet d’un retour d’expérience.',
          ],
          'Acteurs : planificateur d’urgence (PLANU), zone de secours Luxembourg, gouverneur.',
        ),
        question(
          'safety_prevention',
          'Quelles actions de prévention et de sécurité de proximité la commune mène-t-elle ?',
          [
            'Aucune action en dehors des interventions de police.',
            'Des actions ponctuelles (campagnes, radars préventifs) répondent aux plaintes.',
            'Un plan de prévention existe avec la zone de police (partenariats locaux de prévention, sécurité routière aux abords des écoles).',
            'Les faits et signalements sont analysés par quartier et par village pour cibler les actions, dont les résultats sont suivis.',
            'Une démarche intégrée (données ouvertes sur les accidents, aménagements évalués, citoyens associés) sert d’exemple à d’autres communes.',
          ],
        ),
      ],
    ),
    factor(
      'housing',
      'Logement',
      'Qualité, accessibilité et performance énergétique du logement ; réponse aux besoins des jeunes ménages, des aînés et des publics fragiles.',
      false,
      [
        question('housing_policy', 'La commune dispose-t-elle d’une connaissance et d’une politique du logement ?', [
          'Aucune politique du logement ni donnée sur le parc.',
          'Le programme d’ancrage communal est rempli par obligation, sans diagnostic.',
          'Un diagnostic du parc et des besoins existe ; la commune collabore avec une agence immobilière sociale et une société de logement de service public.',
          'Un observatoire suit les logements inoccupés, les prix et les permis ; des formules innovantes sont testées (logements tremplins, intergénérationnels, habitat léger).',
          'La politique du logement est pilotée par les données, coordonnée avec l’aménagement du territoire et évaluée chaque année.',
        ]),
        question(
          'housing_energy_renovation',
          'Comment les habitants sont-ils accompagnés dans la rénovation énergétique de leur logement ?',
          [
            'Aucun accompagnement : les habitants sont renvoyés vers la Région.',
            'Information ponctuelle sur les primes (bulletin, séances).',
            'Un conseiller ou une permanence (guichet énergie, conseiller logement) accompagne les demandes.',
            'Accompagnement de bout en bout (audit, primes, achats groupés, suivi) et thermographie ou cadastre des toitures mis à disposition.',
            'Programme de rénovation du parc avec objectifs chiffrés, mené avec les communes voisines ; les économies réalisées sont mesurées.',
          ],
        ),
      ],
    ),
    factor(
      'education_childcare',
      'Enseignement et accueil de l’enfance',
      'Écoles communales, accueil de la petite enfance et accueil temps libre (ATL) : capacité, qualité et usage du numérique.',
      false,
      [
        question(
          'education_school_digital',
          'Les écoles communales sont-elles équipées et accompagnées pour le numérique ?',
          [
            'Pas de connexion fiable ni d’équipement pédagogique numérique.',
            'Quelques équipements, hétérogènes d’une implantation à l’autre, entretenus par des bénévoles.',
            'Toutes les implantations ont une connexion et des équipements de base ; le plan de pilotage prévoit le numérique.',
            'Équipement homogène, maintenance assurée, enseignants formés, éducation aux médias et à la programmation.',
            'Les écoles sont des lieux d’innovation pédagogique reconnus, ouverts aux habitants en dehors des heures scolaires.',
          ],
        ),
        question(
          'education_childcare_access',
          'Comment les familles accèdent-elles à l’accueil de la petite enfance et à l’accueil extrascolaire ?',
          [
            'L’offre est insuffisante et les familles se débrouillent seules.',
            'Les places existent mais l’inscription se fait au guichet, sans vue d’ensemble des disponibilités.',
            'Une coordination ATL et une liste centralisée des places existent ; l’information est en ligne.',
            'Inscriptions, paiements et présences sont gérés en ligne ; les besoins sont anticipés à partir des naissances.',
            'L’offre est planifiée avec l’ONE et les communes voisines sur la base des données ; la satisfaction des familles est mesurée.',
          ],
        ),
      ],
    ),
  ],
};
