import { describe, expect, it } from 'vitest';
import { SEED_THRESHOLD_TABLE } from '../implementation/thresholds.ts';
import type { PriceModelInput } from '../mutualisation/savings.ts';
import { DomainError } from '../shared/errors.ts';
import { analyseScenario } from './analysis.ts';
import {
  estimateScenarioSavings,
  type ProcedureCost,
  parseProcedureCosts,
  procedureCostTable,
  SEED_PROCEDURE_COSTS,
} from './savings.ts';
import type { ScenarioInput } from './scenario.ts';

const NIS = ['81001', '81003', '81004', '81015', '85039', '84077', '83034', '85007', '85009', '85011'];

function scenario(amount: number, communes = NIS.length, extra: Partial<ScenarioInput['lots'][number]> = {}) {
  const input: ScenarioInput = {
    launchDate: '2026-09-01',
    initialMonths: 48,
    lots: [
      {
        key: 'lot-1',
        label: 'Éclairage public intelligent',
        nature: 'supplies',
        participations: NIS.slice(0, communes).map((communeNis, i) => ({
          communeNis,
          communeName: `Commune ${i + 1}`,
          amount,
        })),
        ...extra,
      },
    ],
  };
  return analyseScenario(input, { thresholds: SEED_THRESHOLD_TABLE });
}

/** Amounts are written with narrow no-break spaces (fr-BE): compare with plain ones. */
const flat = (text: string | string[]) => (Array.isArray(text) ? text.join(' ') : text).replace(/\s/g, ' ');

const cost = (procedure: ProcedureCost['procedure'], value: number): ProcedureCost => ({
  procedure,
  cost: value,
  source: 'Relevé de l’agence 2026',
  verified: true,
});

describe('the savings of a scenario, honestly', () => {
  it('ten communes each avoiding a negotiated procedure without publication, fee 1 %: every figure stated exactly', () => {
    // 50 000 € each over the whole term: alone, each is above the low-value threshold (30 000 €) and below the
    // negotiated procedure's (140 000 €); together 500 000 €, above the European threshold: the agency runs an open one.
    const analysis = scenario(50_000);
    const table = [cost('negotiated-without-publication', 2_000), cost('framework-call-off', 100), cost('open', 6_000)];
    const savings = estimateScenarioSavings(analysis, table, { fee: { kind: 'rate', ratePercent: 1 } });
    expect(savings.communes).toHaveLength(10);
    for (const c of savings.communes) {
      expect(c.procedureAlone).toBe('negotiated-without-publication');
      expect(c.avoidedProcedureCost).toBe(1_900);
      expect(c.fee).toBe(500);
      expect(c.net).toBe(1_400);
    }
    expect(savings.totals).toEqual({
      volumeSaving: 0,
      avoidedProcedureCosts: 19_000,
      fee: 5_000,
      netForCommunes: 14_000,
      agencyProcedure: 'open',
      agencyProcedureCost: 6_000,
      // 14 000 € kept by the communes + the 5 000 € fee the agency receives − its own 6 000 € procedure.
      netForPublicSector: 13_000,
    });
    expect(flat(savings.assumptionsFr)).toContain(
      "Commission de la centrale d'achat : 1 % de ce que chaque commune achète dans l'accord-cadre sur toute la durée (options non comprises).",
    );
    expect(flat(savings.assumptionsFr)).toContain('Procédure négociée sans publication préalable : 2 000 €');
    // Every cost used came from the table with its source: nothing left to verify.
    expect(savings.toVerifyFr).toEqual([]);
  });

  it('a low-value share avoids only the light procedure; the seed estimates are flagged « à vérifier »', () => {
    const savings = estimateScenarioSavings(scenario(25_000), [], {});
    const seed = (p: ProcedureCost['procedure']) => SEED_PROCEDURE_COSTS.find((c) => c.procedure === p)!.cost;
    expect(savings.communes[0]!.procedureAlone).toBe('low-value');
    expect(savings.totals.avoidedProcedureCosts).toBe(10 * (seed('low-value') - seed('framework-call-off')));
    expect(savings.totals.fee).toBe(0);
    expect(savings.toVerifyFr.length).toBe(savings.costsUsed.length);
    expect(savings.toVerifyFr[0]).toMatch(/^Coût à vérifier — /);
    expect(flat(savings.assumptionsFr)).toContain('estimation à vérifier');
  });

  it('a scenario’s own cost replaces the table for that scenario only, and says so', () => {
    const savings = estimateScenarioSavings(scenario(50_000, 2), [cost('framework-call-off', 0)], {
      costOverrides: [{ procedure: 'negotiated-without-publication', cost: 3_000 }],
    });
    expect(savings.totals.avoidedProcedureCosts).toBe(6_000);
    const used = savings.costsUsed.find((c) => c.procedure === 'negotiated-without-publication')!;
    expect(used.overridden).toBe(true);
    expect(flat(savings.assumptionsFr)).toContain('3 000 € par procédure — valeur propre au scénario');
  });

  it('a fee amount is shared in proportion to purchases, to the cent, adding up exactly', () => {
    const savings = estimateScenarioSavings(scenario(50_000, 3), [cost('framework-call-off', 0)], {
      fee: { kind: 'amount', amount: 100 },
    });
    expect(savings.communes.map((c) => c.fee)).toEqual([33.34, 33.33, 33.33]);
    expect(savings.totals.fee).toBe(100);
  });

  it('the price effect of volume comes from the lot’s price model, beside the avoided procedures', () => {
    // Four communes of 10 points each: alone 10 × 500 €; together 40 points reach the 450 € tier: 50 € saved per point.
    const input: ScenarioInput = {
      launchDate: '2026-09-01',
      initialMonths: 48,
      lots: [
        {
          key: 'lot-1',
          label: 'Points lumineux',
          nature: 'supplies',
          unitPrice: 500,
          participations: NIS.slice(0, 4).map((communeNis, i) => ({
            communeNis,
            communeName: `Commune ${i + 1}`,
            quantity: 10,
          })),
        },
      ],
    };
    const analysis = analyseScenario(input, { thresholds: SEED_THRESHOLD_TABLE });
    const model = {
      kind: 'volume-tiers' as const,
      unit: 'point lumineux',
      tiers: [
        { fromQuantity: 0, unitPrice: 500 },
        { fromQuantity: 30, unitPrice: 450 },
      ],
    };
    const savings = estimateScenarioSavings(analysis, [cost('framework-call-off', 0), cost('low-value', 0)], {
      priceModels: [{ lotKey: 'lot-1', model }],
    });
    expect(savings.communes.map((c) => c.volumeSaving)).toEqual([500, 500, 500, 500]);
    expect(savings.totals.volumeSaving).toBe(2_000);
    expect(savings.totals.netForCommunes).toBe(2_000);
    expect(flat(savings.lots[0]!.noteFr)).toBe(
      'Lot « Points lumineux » : économie de volume de 2 000 € sur la durée initiale (20 000 € seules, 18 000 € ensemble).',
    );
  });

  it('refuses bad assumptions and bad costs with a French sentence', () => {
    const analysis = scenario(50_000, 2);
    expect(() => estimateScenarioSavings(analysis, [], { fee: { kind: 'rate', ratePercent: 120 } })).toThrow(
      'Hypothèses d’économies invalides : le taux de la commission ne peut pas dépasser 100 % (« fee.ratePercent »).',
    );
    try {
      parseProcedureCosts([{ procedure: 'open', cost: 5_000, source: ' ', verified: false }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toBe(
        'Coûts de procédure invalides : indiquez la source du coût (« 0.source »).',
      );
    }
    expect(() => parseProcedureCosts([cost('open', 1), cost('open', 2)])).toThrow(/une procédure figure deux fois/);
  });

  it('the table keeps a stored row over the seed, and the seed for a procedure not set yet', () => {
    const table = procedureCostTable([cost('open', 7_777)]);
    expect(table).toHaveLength(SEED_PROCEDURE_COSTS.length);
    expect(table.find((c) => c.procedure === 'open')!.cost).toBe(7_777);
    expect(table.find((c) => c.procedure === 'low-value')!.verified).toBe(false);
  });
});

/**
 * Each kind of price model the scenario page's editor offers for a lot's volume effect (issue 12): volume tiers
 * with a discount on every unit, incremental tiers, and a shared fixed cost plus a cost per unit (either split).
 */
describe('the volume effect under each price model the editor offers', () => {
  const pointsLot = (quantities: number[]) =>
    analyseScenario(
      {
        launchDate: '2026-09-01',
        initialMonths: 48,
        lots: [
          {
            key: 'lot-1',
            label: 'Points lumineux',
            nature: 'supplies',
            unitPrice: 500,
            participations: quantities.map((quantity, i) => ({
              communeNis: NIS[i]!,
              communeName: `Commune ${i + 1}`,
              quantity,
            })),
          },
        ],
      },
      { thresholds: SEED_THRESHOLD_TABLE },
    );
  const free = [cost('framework-call-off', 0), cost('low-value', 0), cost('negotiated-without-publication', 0)];
  const tiers = [
    { fromQuantity: 0, unitPrice: 500 },
    { fromQuantity: 30, unitPrice: 450 },
  ];
  const volumeOf = (quantities: number[], model: PriceModelInput) =>
    estimateScenarioSavings(pointsLot(quantities), free, { priceModels: [{ lotKey: 'lot-1', model }] });

  it('all-units tiers: the 40 points together reach the 450 € tier, which prices every point', () => {
    const savings = volumeOf([10, 10, 10, 10], {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers,
      discount: 'all-units',
    });
    expect(savings.communes.map((c) => c.volumeSaving)).toEqual([500, 500, 500, 500]);
    expect(savings.totals.volumeSaving).toBe(2_000);
  });

  it('incremental tiers: only the points beyond 30 are at 450 €, and the saving is shared by quantity', () => {
    // Alone: 10 × 500 € each (20 000 €). Together: 30 × 500 € + 10 × 450 € = 19 500 €, 4 875 € each.
    const savings = volumeOf([10, 10, 10, 10], {
      kind: 'volume-tiers',
      unit: 'point lumineux',
      tiers,
      discount: 'incremental',
    });
    expect(savings.communes.map((c) => c.volumeSaving)).toEqual([125, 125, 125, 125]);
    expect(savings.totals.volumeSaving).toBe(500);
    expect(flat(savings.lots[0]!.noteFr)).toBe(
      'Lot « Points lumineux » : économie de volume de 500 € sur la durée initiale (20 000 € seules, 19 500 € ensemble).',
    );
    expect(flat(savings.lots[0]!.estimate!.assumptionsFr)).toContain('paliers progressifs');
  });

  it('a shared fixed cost plus a cost per unit: shared by quantity, or in equal parts', () => {
    // Alone each pays the 2 000 € set-up in full: 2 000 + 10 × 400 = 6 000 € and 2 000 + 30 × 400 = 14 000 €.
    const model = { kind: 'shared-fixed', unit: 'point lumineux', fixedCost: 2_000, perUnitCost: 400 } as const;
    // By quantity: the set-up costs them 500 € and 1 500 € (saving 1 500 € and 500 €).
    const byQuantity = volumeOf([10, 30], { ...model, fixedCostSplit: 'by-quantity' });
    expect(byQuantity.communes.map((c) => c.volumeSaving)).toEqual([1_500, 500]);
    // In equal parts: 1 000 € each (saving 1 000 € each); the group saves the same 2 000 € either way.
    const equal = volumeOf([10, 30], { ...model, fixedCostSplit: 'equal' });
    expect(equal.communes.map((c) => c.volumeSaving)).toEqual([1_000, 1_000]);
    expect(byQuantity.totals.volumeSaving).toBe(2_000);
    expect(equal.totals.volumeSaving).toBe(2_000);
  });
});
