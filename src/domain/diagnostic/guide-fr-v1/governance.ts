import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/**
 * Smart Governance: Giffinger's participation, public services, transparency and political strategy. A small
 * commune cannot do everything alone, so cooperation beyond the commune (intercommunales, GAL, neighbours) is a
 * rural factor; open data and data-driven management are where "Smart" starts for an administration.
 */
export const governance: ModelDimension = {
  key: 'governance',
  label: 'Smart Governance — Gouvernance',
  description:
    'La manière dont la commune décide, s’organise et rend compte : stratégie, participation citoyenne, transparence, données ouvertes, administration numérique, coopération supracommunale et pilotage par les données.',
  factors: [
    factor(
      'smart_strategy',
      'Stratégie et portage Smart',
      'Place du numérique et de l’innovation dans les instruments stratégiques de la commune (PST, PCDR), portage politique et moyens.',
      false,
      [
        question(
          'strategy_in_pst',
          'Le numérique et la démarche Smart sont-ils inscrits dans le PST et les autres plans communaux ?',
          [
            'Le PST ne mentionne ni le numérique ni l’innovation.',
            'Quelques actions numériques isolées figurent au PST, sans objectif d’ensemble.',
            'Un objectif stratégique ou opérationnel du PST 2024-2030 porte sur la transition numérique, avec des actions identifiées ; le PCDR est cohérent.',
            'Les actions Smart du PST ont des indicateurs, un budget et un calendrier ; leur avancement est rapporté au conseil communal.',
            'La stratégie Smart est transversale à tous les plans (PST, PCDR, plan climat, mobilité), évaluée et révisée, et inspire d’autres communes.',
          ],
        ),
        question('strategy_leadership', 'Qui porte la démarche Smart au sein de la commune ?', [
          'Personne n’en est chargé.',
          'Un élu ou un agent motivé s’en occupe, en plus de ses autres tâches.',
          'Un échevin a la compétence et un agent référent est désigné, avec du temps dédié.',
          'Un comité de pilotage réunit élus, directeur général, services et CPAS ; il se réunit régulièrement et suit un plan.',
          'La démarche est portée par toute l’organisation (formation, culture de projet), avec une gouvernance partagée avec les partenaires.',
        ]),
        question('strategy_funding', 'Comment les projets Smart sont-ils financés ?', [
          'Aucun budget ni recherche de financement.',
          'Des dépenses ponctuelles au budget ordinaire, au gré des besoins.',
          'Un budget identifié et une veille des appels à projets (Territoire intelligent, PwDR et LEADER, FEDER, plan de relance).',
          'Une programmation pluriannuelle combine budget propre, subsides obtenus et achats mutualisés ; le coût total des solutions est estimé.',
          'Les financements sont planifiés avec les partenaires supracommunaux et les retours sur investissement sont mesurés.',
        ]),
      ],
    ),
    factor(
      'citizen_participation',
      'Participation citoyenne',
      'Association des habitants aux décisions : commissions consultatives, consultations, budgets participatifs et retour vers les citoyens.',
      true,
      [
        question(
          'participation_bodies',
          'Les organes consultatifs (CLDR, CCCA, CCATM, conseil des jeunes) fonctionnent-ils réellement ?',
          [
            'Aucun organe consultatif actif.',
            'Des organes existent sur papier mais se réunissent rarement.',
            'Les organes se réunissent régulièrement et rendent des avis sur les projets qui les concernent.',
            'Leurs avis sont suivis et la commune explique ses décisions ; leur composition reflète la diversité des villages et des publics.',
            'Les organes consultatifs co-construisent les projets et évaluent leur propre fonctionnement.',
          ],
          'Dans une commune en opération de développement rural, la CLDR est accompagnée par la Fondation rurale de Wallonie.',
        ),
        question(
          'participation_consultations',
          'Comment les habitants sont-ils consultés sur les projets et les décisions ?',
          [
            'Aucune consultation en dehors des enquêtes publiques obligatoires.',
            'Des réunions d’information ponctuelles, sans méthode.',
            'Des consultations sont organisées sur les grands projets, en réunion et en ligne.',
            'Une plateforme de participation (type Decidim) et des méthodes variées (ateliers, marches exploratoires) touchent tous les publics ; chaque consultation reçoit une réponse publique.',
            'La participation est une pratique continue, évaluée (qui participe, ce qui change), avec des outils partagés entre communes.',
          ],
        ),
        question(
          'participation_budget',
          'Les habitants peuvent-ils proposer et choisir des projets (budget participatif, appels à idées) ?',
          [
            'Non.',
            'Des idées sont recueillies de façon informelle, sans suite garantie.',
            'Un appel à idées ou un budget participatif a été organisé au moins une fois.',
            'Le budget participatif est récurrent, avec des règles publiées, un vote en ligne et hors ligne, et des projets réalisés et suivis.',
            'Le dispositif est évalué, élargi (par exemple aux jeunes) et ses résultats sont publiés en données ouvertes.',
          ],
        ),
      ],
    ),
    factor(
      'transparent_governance',
      'Transparence de l’action communale',
      'Accès des habitants aux décisions, aux budgets et à l’avancement des projets.',
      false,
      [
        question('transparency_council', 'Les décisions du conseil communal sont-elles accessibles aux habitants ?', [
          'Seul l’affichage légal est assuré.',
          'Les ordres du jour sont publiés sur le site communal.',
          'Ordres du jour, procès-verbaux et règlements sont publiés en ligne et faciles à retrouver.',
          'Les séances sont retransmises ou enregistrées ; les documents sont consultables par thème et par projet.',
          'Toutes les décisions sont publiées dans des formats ouverts et réutilisables, avec un moteur de recherche et un historique.',
        ]),
        question(
          'transparency_pst_reporting',
          'La commune rend-elle compte de l’avancement de ses projets et de son PST ?',
          [
            'Aucun compte rendu.',
            'Un bilan est présenté oralement en fin de législature.',
            'L’évaluation du PST est présentée au conseil communal et publiée.',
            'Un tableau de bord public présente l’avancement des projets, les budgets et les indicateurs, mis à jour régulièrement.',
            'Le suivi est publié en données ouvertes, commenté par les habitants, et sert à réorienter les actions.',
          ],
        ),
      ],
    ),
    factor(
      'open_data',
      'Données ouvertes',
      'Publication des données communales en licence ouverte, dans des formats standards, et gouvernance de ces données.',
      false,
      [
        question('open_data_publication', 'La commune publie-t-elle des données ouvertes ?', [
          'Aucune donnée publiée.',
          'Quelques fichiers publiés sur demande ou sur le site communal, sans licence explicite.',
          'Des jeux de données sont publiés sous licence ouverte sur un portail (par exemple Open Data Wallonie-Bruxelles), mis à jour manuellement.',
          'Un plan de publication couvre les données clés (budget, équipements, agenda, mobilité), dans des formats standards et à jour.',
          'Portail open data alimenté automatiquement, licences ouvertes, réutilisations suivies.',
        ]),
        question('open_data_governance', 'Les données de la commune sont-elles inventoriées et gouvernées ?', [
          'Personne ne sait quelles données la commune détient.',
          'Chaque service connaît ses propres fichiers, sans vue d’ensemble.',
          'Un inventaire des données et des traitements existe (registre RGPD tenu avec le délégué à la protection des données).',
          'Un responsable des données est désigné ; qualité, propriétaires et règles de partage sont définis.',
          'La gouvernance des données est partagée avec les partenaires (intercommunales, communes voisines) et évaluée.',
        ]),
        question(
          'open_data_standards',
          'Les données et les applications de la commune utilisent-elles des formats et standards ouverts ?',
          [
            'Les données sont enfermées dans les applications des fournisseurs.',
            'Des exports sont possibles au cas par cas, dans des formats propriétaires.',
            'Les marchés exigent l’export des données et des formats ouverts ; les données géographiques suivent les standards régionaux (Géoportail de la Wallonie).',
            'Les applications communiquent par des API ouvertes et des standards reconnus (DCAT-AP, GTFS, NGSI-LD).',
            'L’interopérabilité est un critère systématique, vérifié, et la commune contribue aux modèles de données partagés.',
          ],
        ),
      ],
    ),
    factor(
      'digital_administration',
      'Administration numérique',
      'Dématérialisation des processus internes, échange de données entre administrations, sécurité de l’information et compétences des agents.',
      false,
      [
        question(
          'admin_paperless_processes',
          'Les processus internes (courrier, délibérations, dossiers) sont-ils dématérialisés ?',
          [
            'Tout est sur papier.',
            'Documents bureautiques partagés sur un serveur, circuits de validation sur papier.',
            'Outils de gestion du courrier et des délibérations (par exemple les applications d’iMio) utilisés par la plupart des services.',
            'Les dossiers sont traités de bout en bout sans papier (signature électronique, archivage numérique, circuits tracés).',
            'Les processus sont optimisés à partir de leurs données (délais, volumes) et partagés avec d’autres communes.',
          ],
        ),
        question(
          'admin_only_once',
          'La commune réutilise-t-elle les données des sources authentiques plutôt que de les redemander aux habitants (principe only once) ?',
          [
            'Les habitants fournissent à chaque fois toutes les pièces.',
            'Les agents consultent le Registre national pour quelques démarches.',
            'Les flux de la BCED et des sources authentiques sont utilisés pour plusieurs démarches courantes.',
            'Les formulaires sont pré-remplis et les pièces justificatives ne sont plus demandées quand la donnée est disponible.',
            'Le principe only once est appliqué systématiquement et mesuré (pièces évitées, délais réduits).',
          ],
        ),
        question(
          'admin_cybersecurity',
          'Comment la sécurité de l’information et la protection des données sont-elles assurées ?',
          [
            'Aucune mesure identifiée ; pas de sauvegarde vérifiée.',
            'Antivirus et sauvegardes en place, sans politique ni test.',
            'Un conseiller en sécurité et un délégué à la protection des données sont désignés ; une politique de sécurité et des sauvegardes testées existent.',
            'Analyse de risques, authentification forte, sensibilisation régulière des agents, plan de continuité testé.',
            'La sécurité est auditée, mutualisée avec les partenaires (intercommunales) et suivie selon les référentiels reconnus (Centre pour la Cybersécurité Belgique).',
          ],
        ),
        question(
          'admin_staff_digital_skills',
          'Les agents et les élus ont-ils les compétences numériques nécessaires ?',
          [
            'Aucune formation ; des agents sont en difficulté avec les outils de base.',
            'Formations ponctuelles à l’arrivée d’un nouvel outil.',
            'Un plan de formation inclut le numérique ; des personnes-relais aident leurs collègues.',
            'Les compétences sont évaluées et développées selon les métiers ; les élus sont formés aux enjeux Smart.',
            'Une culture numérique partagée permet à l’administration de conduire elle-même ses projets ; elle forme d’autres communes.',
          ],
        ),
      ],
    ),
    factor(
      'supra_communal_cooperation',
      'Coopération supracommunale et mutualisation',
      'Travail avec les communes voisines, les intercommunales, les GAL et les parcs naturels pour faire à plusieurs ce qu’une petite commune ne peut faire seule.',
      true,
      [
        question(
          'cooperation_pooled_purchasing',
          'La commune mutualise-t-elle ses achats et ses solutions numériques ?',
          [
            'Tous les achats sont faits seuls.',
            'Quelques adhésions ponctuelles à des centrales d’achat.',
            'Adhésion régulière aux centrales de marchés (Région, Province, intercommunales) pour les achats courants et numériques.',
            'La commune participe activement à des marchés conjoints et choisit des solutions utilisées par les communes voisines, pour la cohérence vers les citoyens.',
            'La commune initie des mutualisations, partage ses cahiers des charges et ses retours d’expérience ; les économies sont mesurées.',
          ],
        ),
        question('cooperation_shared_projects', 'La commune mène-t-elle des projets avec d’autres territoires ?', [
          'Aucun projet commun.',
          'Participation ponctuelle aux projets proposés par d’autres.',
          'Participation active à des structures de coopération (GAL, parc naturel, contrat de rivière, Maison du Tourisme) sur plusieurs thèmes.',
          'Des projets Smart communs sont portés avec d’autres communes ou des partenaires transfrontaliers (Interreg Grande Région), avec une gouvernance claire.',
          'La commune est moteur de la coopération territoriale, avec des projets évalués et reproduits ailleurs.',
        ]),
        question(
          'cooperation_shared_expertise',
          'La commune partage-t-elle des compétences et du personnel avec d’autres (conseiller en énergie, en mobilité, DPO, informaticien) ?',
          [
            'Non, et certaines compétences manquent.',
            'Recours ponctuel à l’aide d’une intercommunale ou d’une commune voisine.',
            'Une ou deux fonctions sont partagées par convention (par exemple le délégué à la protection des données).',
            'Plusieurs fonctions spécialisées sont partagées et leur organisation est évaluée.',
            'Un pôle de compétences partagé sert plusieurs communes, avec des services et des niveaux de service définis.',
          ],
        ),
      ],
    ),
    factor(
      'data_driven_management',
      'Pilotage par les données',
      'Usage des données (indicateurs, cartographie, capteurs) pour décider, suivre et évaluer l’action communale.',
      false,
      [
        question('data_dashboards', 'Les décisions s’appuient-elles sur des indicateurs suivis dans le temps ?', [
          'Les décisions se prennent sans données.',
          'Des chiffres sont rassemblés ponctuellement pour un dossier.',
          'Quelques indicateurs clés sont suivis dans des tableurs et présentés au collège.',
          'Un tableau de bord partagé rassemble les indicateurs de plusieurs services, mis à jour automatiquement.',
          'Les données guident l’ensemble des politiques, sont croisées entre services et partenaires et servent à évaluer les résultats.',
        ]),
        question(
          'data_gis_sensors',
          'La commune utilise-t-elle la cartographie et des capteurs pour gérer son territoire ?',
          [
            'Aucun outil cartographique en dehors des plans papier.',
            'Consultation occasionnelle de WalOnMap ou d’outils en ligne.',
            'Un système d’information géographique (SIG) communal ou partagé est utilisé par quelques services (voirie, urbanisme).',
            'Le SIG est alimenté par tous les services et relié à des capteurs (comptages, niveaux d’eau, énergie) ; un réseau de l’internet des objets est disponible.',
            'Un jumeau numérique ou une plateforme de données territoriales, mutualisée, sert à simuler et évaluer les décisions.',
          ],
        ),
      ],
    ),
  ],
};
