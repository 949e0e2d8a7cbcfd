import { describe, expect, it } from 'vitest';
import { SEED_THRESHOLD_TABLE } from '../implementation/thresholds.ts';
import { DomainError } from '../shared/errors.ts';
import { formatEuro } from '../shared/format.ts';
import { analyseScenario, type RouteAssessment } from './analysis.ts';
import { estimateScenarioValue, participationsFromAnswers, type ScenarioInput } from './scenario.ts';

/** Ten communes of the province, each with the same budget: the worked case. */
const TEN = [
  ['81001', "Ville d'Arlon"],
  ['81003', 'Commune d’Attert'],
  ['81015', 'Commune de Messancy'],
  ['85039', 'Commune de Tintigny'],
  ['81004', 'Ville d’Aubange'],
  ['84077', 'Ville de Libramont-Chevigny'],
  ['83034', 'Ville de Marche-en-Famenne'],
  ['85007', 'Ville de Chiny'],
  ['85009', 'Commune d’Étalle'],
  ['85011', 'Commune de Florenville'],
] as const;

function tenCommunes(amount: number) {
  return TEN.map(([communeNis, communeName]) => ({ communeNis, communeName, amount }));
}

function scenario(overrides: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    launchDate: '2026-09-01',
    initialMonths: 48,
    lots: [
      { key: 'lot-1', label: 'Éclairage public intelligent', nature: 'supplies', participations: tenCommunes(25_000) },
    ],
    ...overrides,
  };
}

const analyse = (s: ScenarioInput, context = {}) =>
  analyseScenario(s, { thresholds: SEED_THRESHOLD_TABLE, ...context });
const route = (routes: RouteAssessment[], name: RouteAssessment['route']) => routes.find((r) => r.route === name)!;

describe('the aggregated value decides the European publication', () => {
  it('ten communes at 25 000 € are 250 000 €: above the 2026–27 threshold of 216 000 € although each alone is low value', () => {
    const a = analyse(scenario());
    expect(a.value.estimatedValue).toBe(250_000);
    expect(a.euThreshold).toBe(216_000);
    expect(a.europeanPublication.required).toBe(true);
    expect(a.europeanPublication.reasonFr).toContain(formatEuro(250_000));
    expect(a.europeanPublication.reasonFr).toContain(formatEuro(216_000));
    expect(a.europeanPublication.reasonFr).toContain('aucune commune seule');

    const cpb = route(a.routes, 'central-purchasing-body');
    expect(cpb.valueForProcedure).toBe(250_000);
    expect(cpb.advice!.europeanPublication.required).toBe(true);
    // Above the EU threshold, no negotiated procedure without publication and no direct negotiated with publication.
    const allowed = cpb.advice!.proposals.filter((p) => p.allowed && !p.conditional).map((p) => p.procedure);
    expect(allowed).toEqual(['open', 'restricted']);

    const alone = route(a.routes, 'each-commune-alone');
    expect(alone.perCommune).toHaveLength(10);
    for (const c of alone.perCommune!) {
      expect(c.value).toBe(25_000);
      expect(c.europeanPublication).toBe(false);
      expect(c.recommendedFr).toMatch(/faible montant/);
    }
  });

  it('nine communes at 20 000 € (180 000 €) stay below it: no JOUE, the direct negotiated procedure with publication is allowed', () => {
    const s = scenario();
    s.lots[0]!.participations = tenCommunes(20_000).slice(0, 9);
    const a = analyse(s);
    expect(a.value.estimatedValue).toBe(180_000);
    expect(a.europeanPublication.required).toBe(false);
    const allowed = route(a.routes, 'central-purchasing-body').advice!.proposals.filter((p) => p.allowed);
    expect(allowed.map((p) => p.procedure)).toContain('negotiated-direct-with-publication');
  });
});

describe('options and renewals count in the estimated value', () => {
  it('24 months + two renewals of 12 months double the initial spend; options are added once', () => {
    const s = scenario({ initialMonths: 24, renewals: 2, renewalMonths: 12 });
    s.lots[0]!.participations = tenCommunes(10_000);
    s.lots[0]!.options = [
      { label: 'Modules de télégestion', amount: 15_000 },
      { label: 'Réserve pour des communes adhérant plus tard', amount: 20_000 },
    ];
    const v = estimateScenarioValue(s);
    expect(v.totalMonths).toBe(48);
    expect(v.termFactor).toBe(2);
    const lot = v.lots[0]!;
    expect(lot.initialAmount).toBe(100_000);
    expect(lot.renewalsAmount).toBe(100_000);
    expect(lot.optionsAmount).toBe(35_000);
    expect(lot.estimatedValue).toBe(235_000);
    expect(v.estimatedValue).toBe(235_000);
    // Without renewals and options it would be 100 000 €, below the threshold: with them, above.
    expect(analyse(s).europeanPublication.required).toBe(true);
    expect(analyse({ ...s, renewals: 0, lots: [{ ...s.lots[0]!, options: [] }] }).europeanPublication.required).toBe(
      false,
    );
  });

  it('a quantity without a budget is priced at the lot’s unit price; a term beyond four years is flagged (art. 43)', () => {
    const v = estimateScenarioValue({
      launchDate: '2026-03-01',
      initialMonths: 36,
      renewals: 2,
      renewalMonths: 12,
      lots: [
        {
          key: 'capteurs',
          label: 'Capteurs de qualité de l’air',
          nature: 'supplies',
          unitPrice: 1_250,
          participations: [
            { communeNis: '81001', communeName: "Ville d'Arlon", quantity: 12 },
            { communeNis: '85039', communeName: 'Commune de Tintigny', quantity: 3, amount: 5_000 },
          ],
        },
      ],
    });
    expect(v.lots[0]!.participations.map((p) => p.initialAmount)).toEqual([15_000, 5_000]);
    expect(v.lots[0]!.estimatedValue).toBeCloseTo(20_000 * (60 / 36), 2);
    expect(v.warningsFr.join(' ')).toContain('60 mois');
  });

  it('refuses a participation without amount when the lot has no unit price, naming the field', () => {
    const s = scenario();
    s.lots[0]!.participations = [{ communeNis: '81001', communeName: "Ville d'Arlon", quantity: 4 }];
    expect(() => estimateScenarioValue(s)).toThrow(DomainError);
    try {
      estimateScenarioValue(s);
    } catch (error) {
      expect((error as DomainError).params.field).toBe('lots.0.participations.0.amount');
    }
  });
});

describe('the thresholds in force on the launch date', () => {
  // 218 000 €: above the 2026–27 threshold (216 000 €), below the 2024–25 one (221 000 €).
  const s = () => {
    const base = scenario();
    base.lots[0]!.participations = tenCommunes(21_800);
    return base;
  };
  it('launched on 31/12/2025, the 2024–25 table applies: no JOUE', () => {
    const a = analyse({ ...s(), launchDate: '2025-12-31' });
    expect(a.period.validFrom).toBe('2024-01-01');
    expect(a.euThreshold).toBe(221_000);
    expect(a.europeanPublication.required).toBe(false);
  });
  it('launched on 01/01/2026, the 2026–27 table applies: JOUE required', () => {
    const a = analyse({ ...s(), launchDate: '2026-01-01' });
    expect(a.period.validFrom).toBe('2026-01-01');
    expect(a.euThreshold).toBe(216_000);
    expect(a.europeanPublication.required).toBe(true);
  });
  it('a date without thresholds is a French error, not a guess', () => {
    expect(() => analyse({ ...s(), launchDate: '2031-01-01' })).toThrow(/Aucun seuil/);
  });
});

describe('each route’s conditions', () => {
  it('central purchasing body: the agency’s decision and each commune’s adhesion, art. 2 and 47', () => {
    const unknown = route(analyse(scenario()).routes, 'central-purchasing-body');
    expect(unknown.legalBasis.map((r) => r.citation)).toEqual([
      'Loi du 17 juin 2016 relative aux marchés publics, art. 2',
      'Loi du 17 juin 2016 relative aux marchés publics, art. 47',
      'Loi du 17 juin 2016 relative aux marchés publics, art. 43',
    ]);
    expect(unknown.conditions.map((c) => c.met)).toEqual([null, null, null]);
    expect(unknown.possible).toBe(true);

    const missing = route(
      analyse(scenario(), { adheredCommunes: ['81001', '81003'], agencyActsAsCentralPurchasingBody: true }).routes,
      'central-purchasing-body',
    );
    expect(missing.conditions[0]!.met).toBe(true);
    expect(missing.conditions[1]!.met).toBe(false);
    expect(missing.conditions[1]!.textFr).toContain('Commune de Tintigny');
    expect(missing.conditions[1]!.textFr).not.toContain("Ville d'Arlon");
    expect(missing.possible).toBe(false);

    const all = route(
      analyse(scenario(), { adheredCommunes: TEN.map(([nis]) => nis), agencyActsAsCentralPurchasingBody: true }).routes,
      'central-purchasing-body',
    );
    expect(all.conditions[1]!.met).toBe(true);
    expect(all.possible).toBe(true);
  });

  it('joint procurement needs two communes at least (art. 48)', () => {
    const s = scenario();
    s.lots[0]!.participations = tenCommunes(25_000).slice(0, 1);
    const joint = route(analyse(s).routes, 'joint-procurement');
    expect(joint.legalBasis[0]!.citation).toContain('art. 48');
    expect(joint.conditions[0]!.met).toBe(false);
    expect(joint.possible).toBe(false);
    expect(route(analyse(scenario()).routes, 'joint-procurement').conditions[0]!.met).toBe(true);
  });

  it('in house rests on the agency’s statutes (art. 30), never inferred; the agency’s own purchase keeps the aggregated value', () => {
    const inHouse = route(analyse(scenario()).routes, 'in-house');
    expect(inHouse.legalBasis[0]!.citation).toContain('art. 30');
    expect(inHouse.conditions.filter((c) => c.met === null)).toHaveLength(4);
    expect(inHouse.valueForProcedure).toBe(250_000);
    const refused = route(analyse(scenario(), { inHouseConditionsRecorded: false }).routes, 'in-house');
    expect(refused.possible).toBe(false);
  });

  it('unverified articles are listed to check', () => {
    const a = analyse(scenario());
    expect(a.toVerifyFr.some((t) => t.includes('art. 47'))).toBe(true);
    // The 2026 negotiated-without-publication figure is unverified in the seed table: its note comes through.
    expect(a.toVerifyFr.some((t) => t.startsWith('Chiffre à vérifier'))).toBe(true);
  });
});

describe('lots below and above the thresholds', () => {
  const lots = (values: number[]): ScenarioInput['lots'] =>
    values.map((amount, i) => ({
      key: `lot-${i + 1}`,
      label: `Lot ${i + 1}`,
      nature: 'services' as const,
      participations: [{ communeNis: '81001', communeName: "Ville d'Arlon", amount }],
    }));

  it('a lot above the threshold on its own, and small lots within 20 % of the whole', () => {
    // total 400 000: 20 % is 80 000; the two smallest lots (30 000 + 45 000 = 75 000) fit, the 60 000 one no more.
    const a = analyse(scenario({ lots: lots([265_000, 60_000, 45_000, 30_000]) }));
    expect(a.value.estimatedValue).toBe(400_000);
    expect(a.lots.map((l) => l.aboveEuAlone)).toEqual([true, false, false, false]);
    expect(a.lots.map((l) => l.smallLot)).toEqual([false, false, true, true]);
    expect(a.smallLots.applies).toBe(true);
    expect(a.smallLots.shareUsed).toBeCloseTo(0.1875, 4);
    expect(a.smallLots.messageFr).toContain('« Lot 3 »');
    expect(a.lots[1]!.messageFr).toContain('tous les lots');
  });

  it('no small lot when each lot is 80 000 € or more; none needed below the European threshold', () => {
    const big = analyse(scenario({ lots: lots([150_000, 90_000]) }));
    expect(big.smallLots.applies).toBe(false);
    expect(big.smallLots.messageFr).toContain('Aucun lot');
    const below = analyse(scenario({ lots: lots([100_000, 20_000]) }));
    expect(below.europeanPublication.required).toBe(false);
    expect(below.smallLots.messageFr).toBeNull();
    expect(below.lots[0]!.messageFr).toContain("comme l'ensemble des lots");
  });
});

describe('values within 10 % of a threshold are flagged', () => {
  it('on either side of the European threshold, for the total and the lot', () => {
    for (const amount of [19_500, 23_700]) {
      const s = scenario();
      s.lots[0]!.participations = tenCommunes(amount);
      const near = analyse(s).nearThresholds.filter((n) => n.thresholdNameFr === 'européen');
      expect(near.map((n) => n.scope).sort()).toEqual(['lot', 'total']);
      expect(near[0]!.messageFr).toContain(amount < 21_600 ? 'sous' : 'au-dessus');
    }
    const far = scenario();
    far.lots[0]!.participations = tenCommunes(30_000);
    expect(analyse(far).nearThresholds).toEqual([]);
  });
});

describe('participations from the poll’s answers', () => {
  it('keeps the yes answers with a quantity or a budget, and sums a commune’s answers', () => {
    const p = participationsFromAnswers([
      { communeNis: '85039', communeName: 'Commune de Tintigny', answer: 'yes', quantity: 10, budget: null },
      { communeNis: '81001', communeName: "Ville d'Arlon", answer: 'yes', quantity: null, budget: 25_000 },
      { communeNis: '81001', communeName: "Ville d'Arlon", answer: 'yes', quantity: 4, budget: 5_000 },
      { communeNis: '81004', communeName: 'Ville d’Aubange', answer: 'no', quantity: null, budget: null },
      { communeNis: '81003', communeName: 'Commune d’Attert', answer: null, quantity: null, budget: null },
    ]);
    expect(p).toEqual([
      { communeNis: '85039', communeName: 'Commune de Tintigny', quantity: 10, amount: null },
      { communeNis: '81001', communeName: "Ville d'Arlon", quantity: 4, amount: 30_000 },
    ]);
  });
});
