import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/**
 * Smart Economy: Giffinger's innovative spirit, entrepreneurship, image, productivity, labour market and ability to
 * transform. Rural economies rest on local trade and producers, tourism, agriculture and wood: each gets a factor.
 */
export const economy: ModelDimension = {
  key: 'economy',
  label: 'Smart Economy — Économie',
  description:
    'Le dynamisme économique du territoire : économie locale et circuits courts, entrepreneuriat et innovation, tourisme, transition numérique des entreprises, emploi, agriculture et filière bois.',
  factors: [
    factor(
      'local_economy_short_circuits',
      'Économie locale et circuits courts',
      'Vitalité des commerces et producteurs locaux, circuits courts alimentaires et achats publics locaux.',
      true,
      [
        question(
          'local_producers_short_circuits',
          'Les producteurs locaux et les circuits courts sont-ils soutenus ?',
          [
            'Aucune action.',
            'Un marché ou un événement ponctuel met en avant les producteurs.',
            'Les producteurs sont recensés et promus (répertoire, marché régulier, point de vente collectif, hall relais agricole).',
            'Une plateforme de vente et de logistique commune (commande en ligne, points de retrait dans les villages) fonctionne ; les ventes sont suivies.',
            'Un système alimentaire territorial est organisé avec les communes voisines et le GAL, avec des objectifs mesurés (part locale, revenus des producteurs).',
          ],
        ),
        question(
          'local_commerce_digital',
          'Les commerces locaux sont-ils accompagnés pour être visibles et vendre aussi en ligne ?',
          [
            'Aucun accompagnement.',
            'Les commerces sont listés sur le site communal.',
            'L’ADL ou la commune accompagne les commerçants (formation, vitrine en ligne collective, chèques commerces).',
            'Une vitrine ou une place de marché locale, un programme de fidélité ou une monnaie locale sont actifs et suivis.',
            'La stratégie commerciale repose sur des données (fréquentation, cellules vides) et est partagée avec les communes voisines.',
          ],
        ),
        question(
          'local_public_procurement',
          'Les achats de la commune (cantines, fournitures, services) profitent-ils à l’économie locale dans le respect des marchés publics ?',
          [
            'Aucune réflexion sur l’impact local des achats.',
            'Les entreprises locales sont consultées pour les petits marchés, sans démarche structurée.',
            'Des clauses (circuits courts, critères environnementaux et sociaux, lots accessibles aux PME) sont utilisées dans certains marchés.',
            'Une politique d’achats durables est appliquée (cantines durables, allotissement, sourcing) et ses effets sont suivis.',
            'Les achats sont mutualisés avec d’autres pouvoirs publics tout en restant accessibles aux entreprises locales ; les résultats sont publiés.',
          ],
        ),
      ],
    ),
    factor(
      'entrepreneurship_innovation',
      'Entrepreneuriat et esprit d’innovation',
      'Accompagnement des porteurs de projets et des entreprises, lieux d’innovation et culture de l’expérimentation.',
      false,
      [
        question(
          'entrepreneurship_support',
          'Les porteurs de projets et les entreprises trouvent-ils un accompagnement sur le territoire ?',
          [
            'Aucun accompagnement ni contact régulier avec les entreprises.',
            'La commune répond aux demandes ponctuelles (permis, implantation).',
            'Un point de contact (ADL, service communal) oriente vers les partenaires (IDELUX Développement, guichets d’entreprises, structures d’accompagnement).',
            'Les entreprises sont connues (répertoire, rencontres régulières) et accompagnées de la création à la croissance ; les implantations sont suivies.',
            'Un écosystème entrepreneurial actif est animé avec les communes voisines ; ses résultats (créations, emplois) sont mesurés.',
          ],
        ),
        question(
          'innovation_third_places',
          'Existe-t-il des lieux d’innovation (coworking, fablab, tiers-lieu) accessibles aux habitants et aux entreprises ?',
          [
            'Aucun lieu de ce type.',
            'Un projet est évoqué ou une initiative privée existe sans lien avec la commune.',
            'Un tiers-lieu (coworking, fablab, repair café) est soutenu par la commune ou installé dans un bâtiment communal.',
            'Le lieu est animé, fréquenté, relié aux écoles et aux entreprises ; sa fréquentation et ses projets sont suivis.',
            'Le lieu fait partie d’un réseau de tiers-lieux, reconnu au-delà de la commune, et porte des projets d’innovation.',
          ],
        ),
        question(
          'innovation_experimentation',
          'La commune expérimente-t-elle des solutions nouvelles avec des partenaires (entreprises, hautes écoles, citoyens) ?',
          [
            'Aucune expérimentation.',
            'Une expérimentation isolée a eu lieu, sans évaluation.',
            'Des projets pilotes sont menés avec des partenaires, parfois financés par des appels à projets (Territoire intelligent, Digital Wallonia).',
            'Les expérimentations sont évaluées avant généralisation et leurs résultats sont partagés.',
            'La commune est un terrain d’expérimentation reconnu (living lab), qui transfère ses résultats à d’autres communes.',
          ],
        ),
      ],
    ),
    factor(
      'tourism',
      'Tourisme et attractivité du territoire',
      'Offre touristique et sa présence numérique, connaissance et gestion des flux de visiteurs, image du territoire.',
      true,
      [
        question(
          'tourism_digital_offer',
          'L’offre touristique (hébergements, promenades, attractions, événements) est-elle visible et à jour en ligne ?',
          [
            'L’offre n’est ni recensée ni présente en ligne de façon coordonnée.',
            'L’offre figure sur le site communal ou celui de l’office du tourisme, mise à jour irrégulièrement.',
            'L’offre est encodée dans la base de données touristique régionale (Pivot) avec la Maison du Tourisme, et reprise sur les sites de promotion.',
            'Promenades numérisées (traces GPS, application), réservation en ligne, information multilingue, bornes ou QR codes sur les sites.',
            'Les données touristiques sont ouvertes et réutilisées, la qualité de l’offre et sa visibilité sont suivies avec la Fédération touristique du Luxembourg belge.',
          ],
        ),
        question('tourism_visitor_flows', 'La fréquentation touristique est-elle connue et gérée ?', [
          'Aucune donnée de fréquentation.',
          'Des estimations empiriques (parkings pleins, retours des hébergeurs).',
          'Des données sont collectées (nuitées, taxe de séjour, écocompteurs sur quelques sentiers).',
          'Des capteurs et des indicateurs suivent les flux sur les sites sensibles ; les visiteurs sont orientés en cas d’affluence.',
          'Les flux sont gérés à l’échelle de la destination avec les communes voisines, pour un tourisme durable et mesuré.',
        ]),
        question(
          'tourism_destination_cooperation',
          'La commune inscrit-elle son tourisme dans une destination plus large ?',
          [
            'Aucune collaboration.',
            'La commune est membre de la Maison du Tourisme sans implication active.',
            'Des projets communs sont menés (promenades transcommunales, événements, marque de destination Ardenne).',
            'Une stratégie touristique partagée avec des objectifs et des outils communs (réservation, données, promotion) est appliquée.',
            'La destination est pilotée collectivement par les données, avec des résultats publiés et une attractivité qui profite à l’économie locale.',
          ],
        ),
      ],
    ),
    factor(
      'business_digital_transition',
      'Transition numérique des entreprises',
      'Capacité des entreprises locales, souvent très petites, à utiliser le numérique ; qualité des parcs d’activités.',
      false,
      [
        question(
          'business_digital_support',
          'Les entreprises locales sont-elles sensibilisées et accompagnées dans leur transition numérique ?',
          [
            'Aucune action.',
            'Information ponctuelle sur les aides existantes.',
            'Actions de sensibilisation et d’orientation vers les dispositifs régionaux (Digital Wallonia, chèques-entreprises) avec l’ADL ou les partenaires.',
            'Accompagnement structuré (diagnostics, ateliers, cybersécurité) avec un suivi des entreprises accompagnées.',
            'Programme supracommunal dont l’effet sur la maturité numérique des entreprises est mesuré.',
          ],
        ),
        question(
          'business_parks_services',
          'Les zones et parcs d’activités offrent-ils une connectivité et des services adaptés ?',
          [
            'Pas de zone d’activité, ou des zones sans connexion de qualité.',
            'Connectivité variable selon les entreprises, problèmes signalés sans suivi.',
            'Fibre disponible dans les parcs avec le gestionnaire (IDELUX Développement) ; services de base présents.',
            'Services partagés (gestion des accès, énergie, mobilité) et données d’occupation suivies.',
            'Parcs d’activités intelligents et durables (énergie partagée, économie circulaire entre entreprises), suivis par des indicateurs.',
          ],
        ),
      ],
    ),
    factor(
      'employment_skills',
      'Emploi et compétences',
      'Rencontre de l’offre et de la demande d’emploi locales et formation aux métiers en pénurie, dans un marché du travail attiré par le Grand-Duché.',
      false,
      [
        question(
          'employment_local_matching',
          'La commune facilite-t-elle la rencontre entre employeurs et demandeurs d’emploi locaux ?',
          [
            'Aucune action.',
            'Les offres d’emploi sont relayées ponctuellement.',
            'Une Maison de l’emploi ou un relais du Forem, l’ADL et le CPAS orientent les demandeurs ; des rencontres avec les employeurs sont organisées.',
            'Les besoins des employeurs locaux sont connus, des actions ciblées (job days, mise en réseau, article 60 du CPAS) sont suivies.',
            'Une démarche supracommunale fondée sur des données d’emploi locales est menée et évaluée avec les partenaires.',
          ],
        ),
        question(
          'employment_skills_training',
          'Des formations répondant aux besoins locaux (métiers en pénurie, numérique) sont-elles accessibles sur le territoire ?',
          [
            'Aucune formation accessible localement.',
            'Quelques formations ponctuelles, souvent éloignées.',
            'Des formations sont organisées avec les opérateurs (Forem, IFAPME, promotion sociale) dans ou près de la commune.',
            'L’offre est construite avec les employeurs locaux, accessible à distance ou en format hybride, et son effet sur l’emploi est suivi.',
            'Un bassin de formation coordonné anticipe les besoins en compétences, avec des résultats publiés.',
          ],
        ),
      ],
    ),
    factor(
      'agriculture_forestry_sector',
      'Agriculture et filière bois',
      'Place des exploitations agricoles et de la filière bois dans l’économie locale, et leur modernisation.',
      true,
      [
        question(
          'agriculture_innovation',
          'La commune connaît-elle ses agriculteurs et soutient-elle leur adaptation (diversification, innovation, numérique) ?',
          [
            'Aucun contact structuré avec le monde agricole.',
            'Contacts ponctuels (commission agricole, problèmes de voirie ou de coulées boueuses).',
            'Les exploitations sont connues ; la commune relaie les dispositifs d’accompagnement et soutient la diversification (transformation, vente directe).',
            'Projets menés avec les agriculteurs (agriculture de précision, énergie, gestion de l’eau), avec des partenaires de recherche ou d’encadrement.',
            'Stratégie agricole territoriale partagée avec les communes voisines, suivie par des indicateurs (revenus, installations de jeunes, pratiques).',
          ],
        ),
        question(
          'wood_sector_valorisation',
          'Le bois local (forêt communale et privée) est-il valorisé dans l’économie du territoire ?',
          [
            'Le bois est vendu sans réflexion sur sa valorisation locale.',
            'Quelques usages locaux ponctuels (bois de chauffage pour les habitants).',
            'Le bois local est privilégié dans certains projets (construction, chaufferie bois) avec l’appui de la filière (Ressources Naturelles Développement).',
            'Une chaîne de valeur locale fonctionne (plateforme de bois-énergie, construction bois dans les marchés communaux) et ses volumes sont suivis.',
            'La filière bois est structurée à l’échelle supracommunale, traçable et reconnue comme moteur économique du territoire.',
          ],
        ),
      ],
    ),
  ],
};
