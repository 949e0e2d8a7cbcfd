/**
 * Synonyms of words of the taxonomy, read as the taxonomy's word (variant → taxonomy word). A modified extract of
 * the French thesaurus of LibreOffice (`thes_fr.dat`, Kevin Hendricks, Frédéric Labbé, Laurent Godard), LGPL-2.1 or
 * later: see README.md and LGPL-2.1.txt beside this file for the source, the licence and how the pairs were chosen.
 */
export const THESAURUS_SYNONYMS: Readonly<Record<string, string>> = {
  réverbère: 'lampadaire',
  ramassage: 'collecte',
  illégal: 'clandestin',
  illicite: 'clandestin',
  détecteur: 'capteur',
  senseur: 'capteur',
  véhicule: 'voiture',
  automobile: 'voiture',
  auto: 'voiture',
  bicyclette: 'vélo',
  bécane: 'vélo',
  promenade: 'balade',
  excursion: 'balade',
  parcours: 'itinéraire',
  calendrier: 'agenda',
  planning: 'agenda',
  progiciel: 'logiciel',
  dénombrement: 'comptage',
  digital: 'numérique',
  digitale: 'numérique',
  municipal: 'communal',
  municipale: 'communale',
  submersion: 'inondation',
  détérioration: 'dégradation',
  dégât: 'dégradation',
  devanture: 'vitrine',
  apprentissage: 'formation',
  diagnostic: 'audit',
  'self-service': 'libre-service',
};
