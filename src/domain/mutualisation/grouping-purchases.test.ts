import { describe, expect, it } from 'vitest';
import { PURCHASE_DEFAULTS, splitIntoPurchases, type WordVector, weightedDice } from './grouping-purchases.ts';

const vector = (words: string[]): WordVector => ({
  weights: new Map(words.map((w) => [w, 1])),
  total: words.length,
});
const need = (idx: number, category: string, words: string[]) => ({ idx, category, vector: vector(words) });

describe('weightedDice', () => {
  it('is the weight of the shared words over the mean total weight', () => {
    expect(weightedDice(vector(['repas', 'ligne']), vector(['repas', 'garderie']))).toBeCloseTo(0.5);
    expect(weightedDice(vector(['tableau']), vector(['repas']))).toBe(0);
  });
});

describe('splitIntoPurchases', () => {
  it('splits a category broader than one purchase: school meals apart from interactive whiteboards', () => {
    const purchases = splitIntoPurchases([
      need(0, 'education', ['tableau', 'interactif', 'classe']),
      need(1, 'education', ['tableau', 'interactif', 'numerique']),
      need(2, 'education', ['repas', 'inscription', 'parent']),
      need(3, 'education', ['repas', 'garderie', 'paiement']),
      need(4, 'education', ['garderie', 'presence', 'facturation']),
    ]);
    expect(purchases).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
  });

  it('a need alone joins the closest purchase of its category, else the largest; a category of lone needs stays one', () => {
    const purchases = splitIntoPurchases([
      need(0, 'education', ['tableau', 'interactif']),
      need(1, 'education', ['tableau', 'interactif']),
      need(2, 'education', ['repas', 'cantine']),
      need(3, 'education', ['repas', 'cantine', 'menu']),
      need(4, 'education', ['menu', 'allergie', 'bio', 'local', 'producteur']), // one word in common: the meals
      need(5, 'education', ['toiture']), // no word in common: the largest purchase (the meals, 3 needs)
      need(6, 'lighting', ['lampadaire']),
      need(7, 'lighting', ['candelabre']),
    ]);
    expect(purchases).toEqual([
      [0, 1],
      [2, 3, 4, 5],
      [6, 7],
    ]);
  });

  it('joins purchases of two categories only when their words are close on average', () => {
    const needs = [
      need(0, 'car-sharing', ['voiture', 'partagee', 'gare']),
      need(1, 'car-sharing', ['voiture', 'partagee', 'voisin']),
      need(2, 'ev-charging', ['voiture', 'partagee', 'electrique']),
      need(3, 'water', ['compteur', 'eau', 'releve']),
      need(4, 'water', ['eau', 'fuite', 'releve']),
      need(5, 'energy', ['compteur', 'gaz', 'chauffage']),
      need(6, 'energy', ['gaz', 'chauffage', 'chaudiere']),
    ];
    expect(splitIntoPurchases(needs)).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(splitIntoPurchases(needs, { ...PURCHASE_DEFAULTS, crossCategory: 2 })).toEqual([
      [0, 1],
      [2],
      [3, 4],
      [5, 6],
    ]);
  });
});
