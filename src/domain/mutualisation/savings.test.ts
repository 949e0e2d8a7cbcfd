import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { estimateSavings, type PriceModelInput, type SavingsEstimate, type SavingsParticipant } from './savings.ts';

/** Three communes of the province (Arlon, Libramont-Chevigny, Aubange) pooling a public-lighting purchase. */
const group: SavingsParticipant[] = [
  { communeNis: '81001', quantity: 300 },
  { communeNis: '84077', quantity: 250 },
  { communeNis: '81004', quantity: 190 },
];

const lighting: PriceModelInput = {
  kind: 'volume-tiers',
  unit: 'point lumineux',
  tiers: [
    { fromQuantity: 0, unitPrice: 15 },
    { fromQuantity: 500, unitPrice: 12 },
    { fromQuantity: 1000, unitPrice: 10.5 },
  ],
};

const platform: PriceModelInput = {
  kind: 'shared-fixed',
  unit: 'licence',
  fixedCost: 20_000,
  fixedCostLabel: 'mise en place de la plateforme',
  perUnitCost: 3.5,
};

const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const rows = (estimate: SavingsEstimate) =>
  estimate.participants.map((p) => [p.communeNis, p.costAlone, p.costTogether, p.saving, p.savingPercent]);
const cents = (euros: number) => Math.round(euros * 100);

describe('estimateSavings with volume tiers (all units)', () => {
  const estimate = estimateSavings(lighting, group);

  it('prices every unit of the group at the tier its total reaches', () => {
    expect(rows(estimate)).toEqual([
      ['81001', 4500, 3600, 900, 20],
      ['84077', 3750, 3000, 750, 20],
      ['81004', 2850, 2280, 570, 20],
    ]);
    expect(estimate.totals).toEqual({
      quantity: 740,
      costAlone: 11_100,
      costTogether: 8_880,
      saving: 2_220,
      savingPercent: 20,
    });
    expect(estimate.tierReachedTogether).toEqual({ fromQuantity: 500, unitPrice: 12 });
  });

  it('states its assumptions in French, tier by tier', () => {
    const lines = estimate.assumptionsFr.map(plain);
    expect(lines).toContain("Prix unitaire de 15,00 € HTVA par point lumineux jusqu'à 499 unités.");
    expect(lines).toContain('Prix unitaire de 12,00 € HTVA par point lumineux de 500 à 999 unités.');
    expect(lines).toContain('Prix unitaire de 10,50 € HTVA par point lumineux à partir de 1 000 unités.');
    expect(lines.some((l) => l.includes('la quantité totale de 740 unités atteint le palier de 12,00 € HTVA'))).toBe(
      true,
    );
    expect(lines[0]).toContain('remise sur toutes les unités');
  });
});

describe('estimateSavings with incremental tiers', () => {
  it('prices each slice at its own tier and shares the group cost by quantity, to the cent', () => {
    const estimate = estimateSavings({ ...lighting, discount: 'incremental' }, group);
    // 500 × 15 + 240 × 12 = 10 380 €, split 300 : 250 : 190 with the two largest remainders rounded up
    expect(rows(estimate)).toEqual([
      ['81001', 4500, 4208.11, 291.89, 6.49],
      ['84077', 3750, 3506.76, 243.24, 6.49],
      ['81004', 2850, 2665.13, 184.87, 6.49],
    ]);
    expect(estimate.totals.costTogether).toBe(10_380);
    expect(estimate.assumptionsFr[0]).toContain('paliers progressifs');
  });
});

describe('estimateSavings with a shared fixed cost', () => {
  it('shares the fixed cost by quantity', () => {
    const estimate = estimateSavings(platform, group);
    expect(estimate.totals).toMatchObject({ costAlone: 62_590, costTogether: 22_590, saving: 40_000 });
    expect(rows(estimate)).toEqual([
      ['81001', 21_050, 9_158.11, 11_891.89, 56.49],
      ['84077', 20_875, 7_631.76, 13_243.24, 63.44],
      ['81004', 20_665, 5_800.13, 14_864.87, 71.93],
    ]);
    expect(plain(estimate.assumptionsFr[0]!)).toBe(
      'Coût fixe de 20 000 € HTVA (mise en place de la plateforme) : seul, chaque participant le paie en entier ; ' +
        'ensemble, il est payé une fois et partagé au prorata des quantités.',
    );
    expect(plain(estimate.assumptionsFr[1]!)).toBe(
      'Coût variable de 3,50 € HTVA par licence, le même seul ou ensemble.',
    );
  });

  it('shares the fixed cost in equal parts when asked, the spare cent going to the first', () => {
    const estimate = estimateSavings({ ...platform, fixedCostSplit: 'equal' }, group);
    expect(estimate.participants.map((p) => p.costTogether)).toEqual([7_716.67, 7_541.67, 7_331.66]);
    expect(estimate.totals.costTogether).toBe(22_590);
    expect(estimate.assumptionsFr[0]).toContain('à parts égales entre les 3 participants qui achètent');
  });
});

describe('estimateSavings edge cases', () => {
  it('gives a single participant no saving', () => {
    for (const model of [lighting, { ...lighting, discount: 'incremental' as const }, platform]) {
      const estimate = estimateSavings(model, [{ communeNis: '84077', quantity: 620 }]);
      expect(estimate.totals.saving).toBe(0);
      expect(estimate.participants[0]).toMatchObject({ saving: 0, savingPercent: 0 });
      expect(estimate.assumptionsFr).toContain("Un seul participant achète : pas d'économie d'échelle.");
    }
  });

  it('leaves a participant without quantity out of the purchase and of the split', () => {
    const estimate = estimateSavings({ ...platform, fixedCostSplit: 'equal' }, [
      ...group,
      { communeNis: '82003', quantity: 0 },
    ]);
    expect(estimate.participants[3]).toEqual({
      communeNis: '82003',
      quantity: 0,
      costAlone: 0,
      costTogether: 0,
      saving: 0,
      savingPercent: 0,
    });
    expect(estimate.totals.costTogether).toBe(22_590);
    expect(estimate.assumptionsFr).toContain(
      "1 participant sans quantité ne prend part ni à l'achat ni au partage des coûts.",
    );
  });

  it('costs nothing when nobody buys anything', () => {
    const estimate = estimateSavings(platform, [
      { communeNis: '81001', quantity: 0 },
      { communeNis: '81004', quantity: 0 },
    ]);
    expect(estimate.totals).toEqual({ quantity: 0, costAlone: 0, costTogether: 0, saving: 0, savingPercent: 0 });
  });

  it('refuses invalid models and participants with a stable code and a French message', () => {
    const cases: [PriceModelInput, string][] = [
      [
        { kind: 'volume-tiers', unit: 'borne', tiers: [{ fromQuantity: 500, unitPrice: 12 }] },
        'TIERS_MUST_START_AT_ZERO',
      ],
      [
        {
          kind: 'volume-tiers',
          unit: 'borne',
          tiers: [
            { fromQuantity: 0, unitPrice: 10 },
            { fromQuantity: 100, unitPrice: 9 },
            { fromQuantity: 50, unitPrice: 8 },
          ],
        },
        'TIERS_NOT_SORTED',
      ],
      [
        {
          kind: 'volume-tiers',
          unit: 'borne',
          tiers: [
            { fromQuantity: 0, unitPrice: 10 },
            { fromQuantity: 100, unitPrice: 11 },
          ],
        },
        'TIER_PRICE_INCREASES',
      ],
      [{ kind: 'volume-tiers', unit: 'borne', tiers: [{ fromQuantity: 0, unitPrice: -1 }] }, 'NEGATIVE_PRICE'],
      [{ ...platform, fixedCost: -100 } as PriceModelInput, 'NEGATIVE_PRICE'],
      [{ ...platform, perUnitCost: 0.125 } as PriceModelInput, 'PRICE_NOT_IN_WHOLE_CENTS'],
    ];
    for (const [model, issue] of cases) {
      expect(() => estimateSavings(model, group), issue).toThrow(
        expect.objectContaining({ code: 'INVALID_PRICE_MODEL', params: expect.objectContaining({ issue }) }),
      );
    }
    expect(() => estimateSavings(lighting, [])).toThrow(expect.objectContaining({ code: 'INVALID_PARTICIPANTS' }));
    expect(() => estimateSavings(lighting, [group[0]!, group[0]!])).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ issue: 'DUPLICATE_COMMUNE' }) }),
    );
    expect(() => estimateSavings(lighting, [{ communeNis: '81001', quantity: 2.5 }])).toThrow(DomainError);
    try {
      estimateSavings({ kind: 'volume-tiers', unit: 'borne', tiers: [{ fromQuantity: 0, unitPrice: -1 }] }, group);
    } catch (error) {
      expect((error as DomainError).message).toBe('Modèle de prix invalide : un prix ne peut pas être négatif');
    }
  });

  it('says in French that a model without tiers needs one, instead of failing on the missing first tier (issue 10)', () => {
    // A freshly opened group's panel has no complete tier yet: this threw « Cannot read properties of undefined
    // (reading 'fromQuantity') », shown as it was on the page.
    expect(() => estimateSavings({ kind: 'volume-tiers', unit: 'borne', tiers: [] }, group)).toThrow(
      expect.objectContaining({
        code: 'INVALID_PRICE_MODEL',
        message: 'Modèle de prix invalide : indiquez au moins un palier de prix',
      }),
    );
  });
});

describe('estimateSavings properties', () => {
  const cent = fc.integer({ min: 0, max: 5_000_00 }).map((c) => c / 100);
  const volumeModel = fc
    .record({
      starts: fc.uniqueArray(fc.integer({ min: 1, max: 3_000 }), { maxLength: 4 }),
      prices: fc.array(fc.integer({ min: 0, max: 2_000_00 }), { minLength: 5, maxLength: 5 }),
      discount: fc.constantFrom('all-units' as const, 'incremental' as const),
    })
    .map(({ starts, prices, discount }): PriceModelInput => {
      const from = [0, ...[...starts].sort((a, b) => a - b)];
      const descending = [...prices].sort((a, b) => b - a);
      return {
        kind: 'volume-tiers',
        unit: 'unité',
        discount,
        tiers: from.map((fromQuantity, i) => ({ fromQuantity, unitPrice: descending[i]! / 100 })),
      };
    });
  const sharedModel = fc.record({
    kind: fc.constant('shared-fixed' as const),
    unit: fc.constant('licence'),
    fixedCost: cent,
    perUnitCost: cent,
    fixedCostSplit: fc.constantFrom('by-quantity' as const, 'equal' as const),
  });
  const participants = fc
    .uniqueArray(fc.integer({ min: 10_000, max: 99_999 }), { minLength: 1, maxLength: 8 })
    .chain((codes) =>
      fc.tuple(...codes.map((code) => fc.integer({ min: 0, max: 2_500 }).map((quantity) => ({ code, quantity })))),
    )
    .map((list) => list.map(({ code, quantity }) => ({ communeNis: String(code), quantity })));

  it('never costs more together than alone, shares add up to the total, savings are never negative', () => {
    fc.assert(
      fc.property(fc.oneof(volumeModel, sharedModel), participants, (model, people) => {
        const estimate = estimateSavings(model, people);
        expect(cents(estimate.totals.costTogether)).toBeLessThanOrEqual(cents(estimate.totals.costAlone));
        const sumOfShares = estimate.participants.reduce((s, p) => s + cents(p.costTogether), 0);
        expect(sumOfShares).toBe(cents(estimate.totals.costTogether));
        const sumAlone = estimate.participants.reduce((s, p) => s + cents(p.costAlone), 0);
        expect(sumAlone).toBe(cents(estimate.totals.costAlone));
        for (const p of estimate.participants) {
          expect(p.saving).toBeGreaterThanOrEqual(0);
          expect(cents(p.saving)).toBe(cents(p.costAlone) - cents(p.costTogether));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('gives no saving to a participant alone', () => {
    fc.assert(
      fc.property(fc.oneof(volumeModel, sharedModel), fc.integer({ min: 0, max: 5_000 }), (model, quantity) => {
        const estimate = estimateSavings(model, [{ communeNis: '81001', quantity }]);
        expect(estimate.totals.saving).toBe(0);
      }),
    );
  });
});
