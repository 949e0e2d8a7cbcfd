import { describe, expect, it } from 'vitest';
import { frenchList, purchaseWarnings, unconfirmed } from './purchase.ts';

describe('what a joint purchase asks to confirm, and why (issue 10)', () => {
  it('says it of one commune, of no saving, and of communes that have not adhered, in French', () => {
    const warnings = purchaseWarnings({
      communes: 1,
      totals: { saving: 0 },
      notAdherent: ['Aubange'],
      agreementReference: 'IDELUX-1',
    });
    expect(warnings.map((w) => w.code)).toEqual(['single-commune', 'no-saving', 'not-adherent']);
    expect(warnings[1]!.reason).toBe('no-economy');
    expect(warnings[2]!.messageFr).toBe(
      'Aubange n’a pas adhéré à l’accord-cadre IDELUX-1 : en confirmant, l’agence enregistre son adhésion en son nom avec l’achat.',
    );
    expect(
      purchaseWarnings({
        communes: 3,
        totals: null,
        notAdherent: ['Arlon', 'Aubange', 'Habay'],
        agreementReference: 'X',
      })
        .map((w) => w.messageFr)
        .join(' '),
    ).toMatch(/Aucun modèle de prix.*Arlon, Aubange et Habay n’ont pas adhéré/);
    expect(
      purchaseWarnings({ communes: 2, totals: { saving: 10 }, notAdherent: [], agreementReference: null }),
    ).toEqual([]);
  });

  it('keeps the warnings not confirmed', () => {
    const warnings = purchaseWarnings({ communes: 1, totals: null, notAdherent: [], agreementReference: null });
    expect(unconfirmed(warnings, ['single-commune']).map((w) => w.code)).toEqual(['no-saving']);
    expect(frenchList(['Arlon'])).toBe('Arlon');
    expect(frenchList(['Arlon', 'Aubange'])).toBe('Arlon et Aubange');
  });
});
