import { economy } from './guide-fr-v1/economy.ts';
import { environment } from './guide-fr-v1/environment.ts';
import { governance } from './guide-fr-v1/governance.ts';
import { living } from './guide-fr-v1/living.ts';
import { mobility } from './guide-fr-v1/mobility.ts';
import { people } from './guide-fr-v1/people.ts';
import type { MaturityModel } from './model.ts';

/**
 * The seeded interview guide, version 1, for the rural communes of the Province of Luxembourg: the six dimensions of
 * the European Smart Cities model (Giffinger et al., 2007) with their factors adapted to rural territories, plus
 * rural factors (connectivity, access to care and services, on-demand mobility, local economy, tourism, natural
 * heritage, digital inclusion, participation, supra-communal cooperation).
 *
 * This object is published content: once seeded it must never change. Any edit makes version 2 (versioning.ts).
 */
export const GUIDE_FR_V1: MaturityModel = {
  key: 'smart-rural-fr',
  version: 1,
  title: 'Guide d’entretien Smart Rural — maturité des communes rurales',
  scale: {
    levels: [
      {
        level: 0,
        label: 'Absent',
        description: 'Rien n’existe, ou le sujet n’a pas encore été abordé par la commune.',
      },
      {
        level: 1,
        label: 'Ponctuel',
        description:
          'Des initiatives isolées, portées par une personne ou une opportunité, sans cadre ni moyens récurrents.',
      },
      {
        level: 2,
        label: 'Organisé',
        description:
          'Une démarche formalisée existe (responsable désigné, moyens, inscription au PST ou au PCDR), mais elle reste partielle.',
      },
      {
        level: 3,
        label: 'Intégré',
        description:
          'La démarche couvre le territoire et les publics, associe les partenaires et est suivie par des indicateurs.',
      },
      {
        level: 4,
        label: 'Exemplaire',
        description:
          'La pratique est évaluée, améliorée en continu et partagée ou mutualisée : la commune sert de référence.',
      },
    ],
  },
  // Each band is the range of scores that round to one level of the scale, so a band reads like the level
  // descriptors the interviewees chose from; the end bands are half as wide, which keeps "Référence" demanding.
  bands: [
    {
      key: 'initiation',
      label: 'Initiation',
      from: 0,
      to: 0.5,
      interpretation:
        'La commune n’a pas encore engagé de démarche sur ce thème. Premiers pas : sensibiliser élus et services, désigner un porteur et s’appuyer sur ce que proposent l’intercommunale et les communes voisines.',
    },
    {
      key: 'exploration',
      label: 'Exploration',
      from: 0.5,
      to: 1.5,
      interpretation:
        'Des initiatives existent mais restent isolées et dépendent de quelques personnes. Prochaine étape : les inscrire au PST, confier la démarche à un responsable et retenir quelques actions réalistes.',
    },
    {
      key: 'structuration',
      label: 'Structuration',
      from: 1.5,
      to: 2.5,
      interpretation:
        'La démarche est organisée mais partielle. Prochaine étape : l’étendre à tout le territoire et à tous les publics, associer les partenaires et se doter d’indicateurs de suivi.',
    },
    {
      key: 'integration',
      label: 'Intégration',
      from: 2.5,
      to: 3.5,
      interpretation:
        'La démarche est intégrée et suivie. Prochaine étape : évaluer les résultats, ouvrir les données et mutualiser avec d’autres communes.',
    },
    {
      key: 'reference',
      label: 'Référence',
      from: 3.5,
      to: 4,
      interpretation:
        'La commune est une référence sur ce thème. Enjeu : maintenir le niveau, partager l’expérience avec les autres communes de la province et continuer d’innover.',
    },
  ],
  dimensions: [living, mobility, environment, economy, people, governance],
};
