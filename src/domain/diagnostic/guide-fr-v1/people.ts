import type { ModelDimension } from '../model.ts';
import { factor, question } from './build.ts';

/**
 * Smart People (Smart Citizen): Giffinger's social and human capital. Digital inclusion is the rural factor that
 * matters most here: an older, scattered population must not be left behind by services going online.
 */
export const people: ModelDimension = {
  key: 'people',
  label: 'Smart People — Citoyens',
  description:
    'Le capital humain et social : inclusion numérique, formation tout au long de la vie, cohésion sociale, ouverture et jeunesse, engagement citoyen.',
  factors: [
    factor(
      'digital_inclusion',
      'Inclusion numérique',
      'Capacité de tous les habitants, en particulier les aînés et les publics fragiles, à utiliser les services numériques, et maintien d’alternatives non numériques.',
      true,
      [
        question(
          'inclusion_public_access_points',
          'Les habitants sans équipement ou sans connexion ont-ils un lieu pour accéder au numérique ?',
          [
            'Aucun lieu d’accès public.',
            'Un ordinateur est disponible à l’administration ou à la bibliothèque, sans accompagnement.',
            'Un espace public numérique (EPN) ou un lieu équivalent est ouvert à des horaires connus, avec un animateur.',
            'Plusieurs points d’accès accompagnés couvrent les villages (EPN, antenne mobile, maisons de village) ; la fréquentation est suivie.',
            'Un réseau de lieux d’accès est coordonné avec les communes voisines, adapté aux besoins mesurés des habitants.',
          ],
        ),
        question('inclusion_digital_mediation', 'Les habitants peu à l’aise avec le numérique sont-ils accompagnés ?', [
          'Aucun accompagnement.',
          'Aide ponctuelle par le personnel d’accueil, au cas par cas.',
          'Des ateliers réguliers (aînés, demandeurs d’emploi) et des aidants numériques formés au CPAS ou à l’administration.',
          'Un plan local d’inclusion numérique identifie les publics, mobilise les associations, prête du matériel et mesure les résultats.',
          'La démarche est mutualisée à l’échelle supracommunale ; les compétences numériques des habitants progressent de façon mesurée.',
        ]),
        question(
          'inclusion_non_digital_alternative',
          'Chaque service mis en ligne reste-t-il accessible sans numérique, et les outils sont-ils conçus pour tous ?',
          [
            'Le sujet n’a jamais été abordé.',
            'Le guichet reste ouvert, sans règle explicite.',
            'La règle est posée : tout service en ligne a une alternative (guichet, téléphone, courrier) et les sites respectent les bases de l’accessibilité.',
            'Les nouveaux outils sont testés avec des habitants peu à l’aise avec le numérique et conformes aux normes d’accessibilité (WCAG).',
            'L’inclusion est un critère de chaque projet, évalué avec les usagers ; la déclaration d’accessibilité est publiée et respectée.',
          ],
        ),
      ],
    ),
    factor(
      'lifelong_learning',
      'Formation tout au long de la vie',
      'Accès des habitants de tous âges à la formation, notamment aux compétences numériques.',
      false,
      [
        question('learning_adult_offer', 'Quelle offre de formation pour adultes est accessible sur le territoire ?', [
          'Aucune offre locale.',
          'Quelques cours ponctuels (informatique, langues) organisés par des associations.',
          'Une offre régulière existe (promotion sociale, bibliothèque, associations) et est présentée ensemble.',
          'L’offre répond aux besoins identifiés, combine présentiel et distance, et sa fréquentation est suivie.',
          'Une offre coordonnée à l’échelle du bassin de vie, évaluée, avec des parcours reconnus.',
        ]),
        question(
          'learning_youth_digital_skills',
          'Les jeunes ont-ils l’occasion de développer des compétences numériques et créatives en dehors de l’école ?',
          [
            'Aucune activité.',
            'Une activité ponctuelle (stage de vacances).',
            'Des activités régulières (club de programmation, robotique, éducation aux médias) avec la maison des jeunes ou la bibliothèque.',
            'Un programme suivi, ouvert à tous les villages (transport, gratuité), avec des partenaires (écoles, entreprises, hautes écoles).',
            'Les jeunes portent eux-mêmes des projets numériques au service de la commune, valorisés au-delà du territoire.',
          ],
        ),
      ],
    ),
    factor(
      'social_cohesion',
      'Cohésion sociale et solidarité',
      'Liens entre habitants et générations, lutte contre l’isolement et la précarité.',
      false,
      [
        question(
          'cohesion_social_plan',
          'Les actions sociales de la commune, du CPAS et des associations sont-elles coordonnées ?',
          [
            'Aucune coordination : chacun agit de son côté.',
            'Des contacts informels entre le CPAS et quelques associations.',
            'Un plan de cohésion sociale (PCS) ou un réseau social local coordonne les acteurs autour d’objectifs communs.',
            'Les besoins sont objectivés (indicateurs sociaux, relais de terrain) et les actions sont suivies et ajustées.',
            'La coordination sociale est supracommunale, fondée sur des données partagées et évaluée avec les bénéficiaires.',
          ],
        ),
        question(
          'cohesion_isolation',
          'L’isolement (personnes âgées, personnes seules, villages éloignés) est-il repéré et combattu ?',
          [
            'Le sujet n’est pas abordé.',
            'Des bénévoles ou voisins agissent spontanément.',
            'Des actions organisées existent (visites, appels réguliers, activités intergénérationnelles, repas).',
            'Les personnes isolées sont repérées avec leur accord (registre, partenaires) et suivies ; des outils de lien à distance sont proposés.',
            'Un dispositif complet de lutte contre l’isolement est évalué et partagé avec d’autres communes.',
          ],
        ),
      ],
    ),
    factor(
      'openness_youth',
      'Ouverture, accueil et jeunesse',
      'Accueil des nouveaux habitants (dont frontaliers et résidents étrangers), place des jeunes et ouverture aux idées nouvelles.',
      false,
      [
        question('openness_newcomers', 'Les nouveaux habitants sont-ils accueillis et intégrés à la vie locale ?', [
          'Aucun accueil particulier.',
          'Une farde d’accueil est remise à l’inscription.',
          'Une séance ou une journée d’accueil annuelle et un guide à jour (en ligne et papier) présentent services et associations.',
          'Un accueil personnalisé (parrainage, information en plusieurs langues) et une invitation à participer à la vie associative.',
          'L’intégration est suivie (participation, installation durable) et l’accueil est amélioré avec les nouveaux habitants eux-mêmes.',
        ]),
        question('openness_youth_voice', 'Les jeunes ont-ils une place dans les projets de la commune ?', [
          'Les jeunes ne sont pas associés.',
          'Ils sont consultés ponctuellement, par exemple pour une infrastructure qui les concerne.',
          'Un conseil communal des enfants ou des jeunes, ou une maison des jeunes, porte leur parole.',
          'Les jeunes participent aux projets (co-construction, budget dédié) et leurs propositions sont suivies.',
          'Les jeunes sont des acteurs reconnus des projets Smart et de la stratégie communale, avec des résultats visibles.',
        ]),
      ],
    ),
    factor(
      'civic_engagement',
      'Engagement citoyen et vie associative',
      'Dynamisme des associations, comités de village et initiatives citoyennes, et soutien que la commune leur apporte.',
      false,
      [
        question(
          'engagement_associations_support',
          'Comment la commune soutient-elle les associations et les comités de village ?',
          [
            'Aucun soutien organisé.',
            'Subsides et prêt de matériel au cas par cas.',
            'Un répertoire des associations, des règles de soutien transparentes et un interlocuteur identifié.',
            'Outils partagés (réservation, agenda, communication, plateforme de bénévolat) et rencontres régulières ; le soutien est suivi.',
            'Les associations sont des partenaires à part entière des projets communaux, avec un soutien évalué et une vie associative en croissance.',
          ],
        ),
        question(
          'engagement_citizen_initiatives',
          'Les initiatives citoyennes (potagers, énergie, entraide, réemploi) sont-elles encouragées ?',
          [
            'Aucune initiative connue ou soutenue.',
            'Des initiatives existent sans lien avec la commune.',
            'La commune soutient des initiatives (appel à projets citoyens, mise à disposition de lieux ou de terrains).',
            'Un accompagnement structuré aide les initiatives à se pérenniser ; leurs résultats sont suivis.',
            'Les initiatives citoyennes sont un moteur reconnu de la transition du territoire, en réseau avec d’autres communes.',
          ],
        ),
      ],
    ),
  ],
};
