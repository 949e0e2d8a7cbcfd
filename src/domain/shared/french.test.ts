import { describe, expect, it } from 'vitest';
import { countOf, deName, elidesDe } from './french.ts';

describe('« de » before a name', () => {
  it('elides before a vowel, an accented vowel and a mute h', () => {
    expect(deName('Arlon')).toBe('d’Arlon');
    expect(deName('Aubange')).toBe('d’Aubange');
    expect(deName('Erezée')).toBe('d’Erezée');
    expect(deName('Etalle')).toBe('d’Etalle');
    expect(deName('Écaussinnes')).toBe('d’Écaussinnes');
    expect(deName('Yvoir')).toBe('d’Yvoir');
    expect(deName('Herbeumont')).toBe('d’Herbeumont');
  });

  it('keeps « de » before a consonant and an aspirated h', () => {
    expect(deName('Bastogne')).toBe('de Bastogne');
    expect(deName('Libramont-Chevigny')).toBe('de Libramont-Chevigny');
    expect(deName('Habay')).toBe('de Habay');
    expect(deName('Houffalize')).toBe('de Houffalize');
    expect(deName('Hotton')).toBe('de Hotton');
    expect(deName('La Roche-en-Ardenne')).toBe('de La Roche-en-Ardenne');
    expect(elidesDe('Tintigny')).toBe(false);
  });

  it('contracts « de Le » and « de Les »', () => {
    expect(deName('Le Rœulx')).toBe('du Rœulx');
    expect(deName('Les Bons Villers')).toBe('des Bons Villers');
  });
});

describe('counts', () => {
  it('agree with their noun by the plural rules, numbers in fr-BE', () => {
    expect(countOf(1, 'risque', 'risques')).toBe('1 risque');
    expect(countOf(0, 'alerte', 'alertes')).toBe('0 alerte');
    expect(countOf(6, 'action', 'actions')).toBe('6 actions');
    expect(countOf(1500, 'besoin', 'besoins')).toBe('1\u202f500 besoins');
    expect(countOf(0, 'action', 'actions', 'en')).toBe('0 actions');
  });
});
