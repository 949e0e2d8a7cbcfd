import { describe, expect, it } from 'vitest';
import { SMART_CATEGORIES } from '../shared/smart-categories.ts';
import {
  editDistanceAtMost1,
  expandAbbreviations,
  normaliseNeedText,
  synonymReader,
  typoCorrector,
  wordsOf,
} from './need-language.ts';
import { ACRONYMS, CLIPPED_WORDS } from './need-language-words.ts';
import { THESAURUS_SYNONYMS } from './thesaurus/synonyms.ts';

const vocabulary = wordsOf([
  ...SMART_CATEGORIES.flatMap((c) => c.terms),
  ...Object.values(ACRONYMS),
  ...Object.values(CLIPPED_WORDS),
]);

describe('abbreviations of the register', () => {
  it('keeps an acronym and adds its expansion, even after an elided article', () => {
    expect(expandAbbreviations('Passage en LED de l’EP')).toBe('Passage en LED de l’EP (éclairage public)');
    expect(expandAbbreviations('TAD en zone rurale')).toBe('TAD (transport à la demande) en zone rurale');
    expect(expandAbbreviations('RDV en ligne')).toBe('RDV (rendez-vous) en ligne');
    expect(expandAbbreviations('Mise en conformité RGPD')).toBe('Mise en conformité RGPD (protection des données)');
  });

  it('reads acronyms as written: a lower-case word with the same letters is left alone', () => {
    expect(expandAbbreviations('un sac de sel, une ep')).toBe('un sac de sel, une ep');
    expect(expandAbbreviations('Les SAC pour dépôts')).toBe(
      'Les SAC (sanctions administratives communales) pour dépôts',
    );
  });

  it('is not fooled by words that name built-in properties', () => {
    expect(expandAbbreviations('constructor toString')).toBe('constructor toString');
  });

  it('replaces clipped and dotted forms by the full word, whatever their case', () => {
    expect(expandAbbreviations('Éclairage pub. du centre')).toBe('Éclairage public du centre');
    expect(expandAbbreviations('Vidéosurv. de la place')).toBe('vidéosurveillance de la place');
    expect(expandAbbreviations('Suivi conso des bât. comm.')).toBe('Suivi consommation des bâtiment communal');
    expect(expandAbbreviations('Une appli pour les infos')).toBe('Une application pour les informations');
    expect(expandAbbreviations('Wi-Fi sur la place')).toBe('wifi sur la place');
  });

  it('opens slashes between words, so that « 4G/5G » is two words', () => {
    expect(expandAbbreviations('Couverture 4G/5G défaillante')).toBe('Couverture 4G 5G défaillante');
    expect(expandAbbreviations('Gaz/électricité')).toBe('Gaz électricité');
  });
});

describe('typos towards the taxonomy’s words', () => {
  const correct = typoCorrector(vocabulary);

  it('reads a long word one letter away from a word of the vocabulary as that word, plural kept', () => {
    expect(correct('éclairrage')).toBe('éclairage');
    expect(correct('Covoiturrage')).toBe('covoiturage');
    expect(correct('lampadaiers')).toBe('lampadaires');
    expect(correct('stationement')).toBe('stationnement');
  });

  it('leaves words it knows, short words and words two letters away as they are', () => {
    expect(correct('éclairage')).toBe('éclairage');
    expect(correct('Lampadaires')).toBe('Lampadaires');
    // « interne » is one letter from « internet », but too short to be corrected safely.
    expect(correct('interne')).toBe('interne');
    // « collectif » is two letters from « collecte »: a different word.
    expect(correct('collectif')).toBe('collectif');
  });

  it('does not choose between two words at the same distance', () => {
    const between = typoCorrector(['parcelles', 'parcellas']);
    expect(between('parcellis')).toBe('parcellis');
  });

  it('edit distance of one: a letter added, missing, changed, or two neighbours swapped', () => {
    expect(editDistanceAtMost1('capteur', 'capteurs')).toBe(true);
    expect(editDistanceAtMost1('capteur', 'catpeur')).toBe(true);
    expect(editDistanceAtMost1('capteur', 'capteru')).toBe(true);
    expect(editDistanceAtMost1('capteur', 'capter')).toBe(true);
    expect(editDistanceAtMost1('capteur', 'capteux')).toBe(true);
    expect(editDistanceAtMost1('capteur', 'acptuer')).toBe(false);
    expect(editDistanceAtMost1('capteur', 'capt')).toBe(false);
  });
});

describe('synonyms from the French thesaurus', () => {
  const synonyms = synonymReader(THESAURUS_SYNONYMS);

  it('follows a synonym, singular or plural, with the taxonomy’s word', () => {
    expect(synonyms('réverbères')).toBe('réverbères lampadaire');
    expect(synonyms('illégaux')).toBe('illégaux clandestin');
    expect(synonyms('Véhicule')).toBe('Véhicule voiture');
    expect(synonyms('lampadaire')).toBe('lampadaire');
  });

  it('every synonym leads to a word the taxonomy uses', () => {
    const words = new Set(wordsOf(SMART_CATEGORIES.flatMap((c) => c.terms)).map((w) => w.toLowerCase()));
    for (const canonical of Object.values(THESAURUS_SYNONYMS))
      for (const word of wordsOf([canonical])) expect(words, canonical).toContain(word.toLowerCase());
  });
});

describe('a need as the engine reads it', () => {
  const correct = typoCorrector(vocabulary);
  const synonyms = synonymReader(THESAURUS_SYNONYMS);

  it('acronyms, clipped words, typos and synonyms at once, in a stable order', () => {
    expect(normaliseNeedText('Éclairrage pub. et vidéosurv. près de l’EP', correct, synonyms)).toBe(
      'éclairage public et vidéosurveillance près de l’EP (éclairage public)',
    );
    expect(normaliseNeedText('Dépôts illégaux près des PAV', correct, synonyms)).toBe(
      'Dépôts illégaux clandestin près des PAV (point d’apport volontaire bulle conteneur)',
    );
    expect(normaliseNeedText('Partage du véhicule communal', correct, synonyms)).toBe(
      'Partage du véhicule voiture communal',
    );
  });
});
