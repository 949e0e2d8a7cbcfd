import { describe, expect, it } from 'vitest';
import { isLightWord, titleParts } from './need-language-syntax.ts';

describe('titleParts: the head of a need’s title comes first', () => {
  it('cuts the title at its first preposition: the head, then the complements', () => {
    expect(titleParts('Caméras contre les dépôts sauvages')).toEqual({
      head: 'Caméras',
      complements: 'les dépôts sauvages',
      headWord: 'Caméras',
    });
    expect(titleParts('Bornes wifi dans les villages').headWord).toBe('Bornes');
    expect(titleParts('Voitures partagées')).toEqual({
      head: 'Voitures partagées',
      complements: '',
      headWord: 'Voitures',
    });
  });

  it('passes the head on to the object when the first part holds only an action noun or filler', () => {
    // « Réfection » (-tion) is an action: the need is about « toiture »; « école » stays a complement.
    expect(titleParts('Réfection de la toiture de l’école')).toEqual({
      head: 'Réfection la toiture',
      complements: "l' école",
      headWord: 'toiture',
    });
    expect(titleParts('Gestion des cimetières').headWord).toBe('cimetières');
    expect(titleParts('Monitoring de l’énergie').headWord).toBe('énergie');
    expect(titleParts('Achat d’un tracteur tondeuse').headWord).toBe('tracteur');
    expect(titleParts('Nouveau site web').headWord).toBe('site');
  });

  it('keeps « en … » as an adverbial phrase of its part, never a head', () => {
    expect(titleParts('Paiement en ligne des repas').headWord).toBe('repas');
    expect(titleParts('Prise de rendez-vous en ligne').headWord).toBe('Prise');
    expect(titleParts('RDV en ligne au service population')).toMatchObject({ head: 'RDV en ligne', headWord: 'RDV' });
  });

  it('has no head word when every word is light', () => {
    expect(titleParts('Mise en place').headWord).toBeNull();
    expect(titleParts('').headWord).toBeNull();
  });
});

describe('isLightWord', () => {
  it('reads -tion, -sion, -ement and -ing nouns as actions, not nouns that only end like them', () => {
    expect(['rénovation', 'extension', 'remplacement', 'paiement', 'monitoring'].every(isLightWord)).toBe(true);
    expect(['monument', 'bâtiment', 'élément', 'document', 'toiture', 'site'].some(isLightWord)).toBe(false);
  });

  it('reads the register’s filler and grammar words as light', () => {
    expect(['achat', 'Nouveau', 'les', "l'", 'en'].every(isLightWord)).toBe(true);
  });
});
