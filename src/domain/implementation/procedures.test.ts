import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { type ProcedureAdvice, proposeProcedures } from './procedures.ts';
import { type ProcurementNature, ProcurementProcedure } from './procurement.ts';
import { SEED_THRESHOLD_TABLE, type ThresholdTable } from './thresholds.ts';

/**
 * The figures are written out here rather than read from the seed, so that a typing error in the seed data fails a
 * test instead of moving silently with it.
 */
const PERIODS = [
  {
    name: '2024–2025',
    dates: ['2024-01-01', '2025-06-15', '2025-12-31'],
    lowValue: 30_000,
    negotiatedWithoutPublication: 143_000,
    worksNegotiatedWithPublication: 750_000,
    euWorks: 5_538_000,
    euSuppliesServices: 221_000,
  },
  {
    name: '2026–2027',
    dates: ['2026-01-01', '2026-09-30', '2027-12-31'],
    lowValue: 30_000,
    negotiatedWithoutPublication: 140_000,
    worksNegotiatedWithPublication: 750_000,
    euWorks: 5_404_000,
    euSuppliesServices: 216_000,
  },
] as const;

const NATURES: ProcurementNature[] = ['works', 'supplies', 'services'];
const CENT = 0.01;

function advise(nature: ProcurementNature, amount: number, launchDate: string, thresholds = SEED_THRESHOLD_TABLE) {
  return proposeProcedures({ nature, estimatedAmountExclVat: amount, launchDate, thresholds });
}

const proposal = (advice: ProcedureAdvice, procedure: ProcurementProcedure) =>
  advice.proposals.find((p) => p.procedure === procedure)!;
const allowedWithoutConditions = (advice: ProcedureAdvice) =>
  advice.proposals.filter((p) => p.allowed && !p.conditional).map((p) => p.procedure);
const recommended = (advice: ProcedureAdvice) => advice.proposals.filter((p) => p.recommended).map((p) => p.procedure);

describe('proposeProcedures at, just below and just above every threshold', () => {
  for (const period of PERIODS) {
    for (const nature of NATURES) {
      const negotiatedWithLimit =
        nature === 'works' ? period.worksNegotiatedWithPublication : period.euSuppliesServices;
      const eu = nature === 'works' ? period.euWorks : period.euSuppliesServices;
      // threshold → the procedure that stops being available (without conditions) once the amount reaches it
      const cases: [string, number, ProcurementProcedure][] = [
        ['faible montant', period.lowValue, 'low-value'],
        ['négociée sans publication', period.negotiatedWithoutPublication, 'negotiated-without-publication'],
        ['négociée directe avec publication', negotiatedWithLimit, 'negotiated-direct-with-publication'],
        ['seuil européen', eu, 'competitive-negotiation'],
      ];
      for (const [name, threshold, procedure] of cases) {
        for (const date of period.dates) {
          it(`${period.name} ${nature} ${name} (${threshold} €) on ${date}`, () => {
            const below = advise(nature, threshold - CENT, date);
            const at = advise(nature, threshold, date);
            const above = advise(nature, threshold + CENT, date);
            expect(allowedWithoutConditions(below)).toContain(procedure);
            expect(allowedWithoutConditions(at)).not.toContain(procedure);
            expect(allowedWithoutConditions(above)).not.toContain(procedure);
          });
        }
      }

      it(`${period.name} ${nature}: the recommended procedure steps up at each threshold`, () => {
        const date = period.dates[1];
        const steps: [number, ProcurementProcedure][] = [
          [0, 'low-value'],
          [period.lowValue - CENT, 'low-value'],
          [period.lowValue, 'negotiated-without-publication'],
          [period.negotiatedWithoutPublication - CENT, 'negotiated-without-publication'],
          [period.negotiatedWithoutPublication, 'negotiated-direct-with-publication'],
          [negotiatedWithLimit - CENT, 'negotiated-direct-with-publication'],
          [negotiatedWithLimit, 'open'],
          [eu + CENT, 'open'],
        ];
        for (const [amount, expected] of steps) {
          expect(recommended(advise(nature, amount, date)), `${amount} €`).toEqual([expected]);
        }
      });

      it(`${period.name} ${nature}: JOUE from the EU threshold, Bulletin des Adjudications from the negotiated threshold`, () => {
        const date = period.dates[1];
        expect(advise(nature, eu - CENT, date).europeanPublication.required).toBe(false);
        expect(advise(nature, eu, date).europeanPublication.required).toBe(true);
        expect(advise(nature, eu + CENT, date).europeanPublication.required).toBe(true);
        expect(proposal(advise(nature, eu, date), 'open').publication).toEqual({
          bulletinDesAdjudications: true,
          joue: true,
        });
        expect(proposal(advise(nature, eu - CENT, date), 'open').publication.joue).toBe(false);
        const n = period.negotiatedWithoutPublication;
        expect(advise(nature, n - CENT, date).belgianPublication.required).toBe(false);
        expect(advise(nature, n, date).belgianPublication.required).toBe(true);
        expect(advise(nature, n + CENT, date).belgianPublication.required).toBe(true);
      });
    }
  }
});

describe('proposeProcedures', () => {
  it('keeps open and restricted always allowed, and the special procedures under conditions', () => {
    for (const amount of [0, 29_999, 500_000, 10_000_000]) {
      const advice = advise('services', amount, '2026-03-01');
      expect(proposal(advice, 'open')).toMatchObject({ allowed: true, conditional: false });
      expect(proposal(advice, 'restricted')).toMatchObject({ allowed: true, conditional: false });
      expect(proposal(advice, 'competitive-dialogue')).toMatchObject({ allowed: true, conditional: true });
      expect(proposal(advice, 'innovation-partnership')).toMatchObject({ allowed: true, conditional: true });
      expect(proposal(advice, 'competitive-dialogue').reasonFr).toContain('sous conditions');
    }
  });

  it('explains in French with Belgian amounts and cites the legal basis', () => {
    const advice = advise('supplies', 25_000, '2025-05-01');
    const lowValue = proposal(advice, 'low-value');
    const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
    expect(plain(lowValue.reasonFr)).toContain('25 000 € HTVA inférieur à 30 000 €');
    expect(plain(proposal(advise('supplies', 29_999.99, '2025-05-01'), 'low-value').reasonFr)).toContain('29 999,99 €');
    expect(lowValue.legalBasis).toBe('Loi du 17 juin 2016, art. 92');
    expect(lowValue.publication).toEqual({ bulletinDesAdjudications: false, joue: false });
    expect(proposal(advice, 'negotiated-without-publication').legalBasis).toContain('art. 90, al. 1er, 1°');
    expect(proposal(advice, 'negotiated-direct-with-publication').legalBasis).toBe(
      'Loi du 17 juin 2016, art. 41, § 1er, 1°',
    );
    expect(proposal(advise('works', 25_000, '2025-05-01'), 'negotiated-direct-with-publication').legalBasis).toBe(
      'Loi du 17 juin 2016, art. 41, § 1er, 2°',
    );
    expect(advice.period).toMatchObject({ validFrom: '2024-01-01', validTo: '2025-12-31' });
  });

  it('offers works between 216 000 € and 750 000 € the negotiated procedure with publication, not supplies', () => {
    expect(proposal(advise('works', 400_000, '2026-02-01'), 'negotiated-direct-with-publication').allowed).toBe(true);
    expect(proposal(advise('supplies', 400_000, '2026-02-01'), 'negotiated-direct-with-publication').allowed).toBe(
      false,
    );
  });

  it('says the competitive procedure with negotiation needs a justification only from the EU threshold', () => {
    expect(proposal(advise('works', 5_403_999.99, '2026-02-01'), 'competitive-negotiation')).toMatchObject({
      conditional: false,
      legalBasis: 'Loi du 17 juin 2016, art. 38, § 1er, 1°, f)',
    });
    expect(proposal(advise('works', 5_404_000, '2026-02-01'), 'competitive-negotiation')).toMatchObject({
      conditional: true,
    });
  });

  it('recommends the call-off under the framework agreement when a catalogue solution fits', () => {
    const advice = proposeProcedures({
      nature: 'services',
      estimatedAmountExclVat: 180_000,
      launchDate: '2026-04-01',
      thresholds: SEED_THRESHOLD_TABLE,
      frameworkMatch: { solutionId: 'guichet-citoyen', lot: '2' },
    });
    expect(advice.proposals[0]).toMatchObject({
      procedure: 'framework-call-off',
      labelFr: "Commande dans le marché-cadre de la centrale d'achat (IDELUX)",
      allowed: true,
      recommended: true,
      publication: { bulletinDesAdjudications: false, joue: false },
    });
    expect(advice.proposals[0]!.legalBasis).toContain('art. 47');
    expect(recommended(advice)).toEqual(['framework-call-off']);
    expect(advice.belgianPublication.reasonFr).toContain('marché-cadre');
  });

  it('lists no call-off without a framework match', () => {
    const advice = advise('services', 10_000, '2026-04-01');
    expect(advice.proposals.map((p) => p.procedure)).not.toContain('framework-call-off');
  });

  it('keeps the notes on figures still to verify apart from the warnings, and warns about estimates close to a threshold', () => {
    const advice2026 = advise('services', 50_000, '2026-04-01');
    expect(advice2026.verificationNotesFr.some((w) => w.includes('Chiffre à vérifier') && w.includes('140'))).toBe(
      true,
    );
    expect(advice2026.warningsFr.some((w) => w.includes('Chiffre à vérifier'))).toBe(false);
    expect(advise('services', 50_000, '2025-04-01').warningsFr).toEqual([]);
    expect(advise('services', 50_000, '2025-04-01').verificationNotesFr).toEqual([]);
    const near = advise('services', 135_000, '2025-04-01');
    expect(near.warningsFr.some((w) => w.includes('procédure négociée sans publication préalable'))).toBe(true);
  });

  it('refuses a date outside every period, a negative amount and an inconsistent table', () => {
    for (const date of ['2023-12-31', '2028-01-01']) {
      expect(() => advise('works', 1_000, date)).toThrow(
        expect.objectContaining({ code: 'THRESHOLD_PERIOD_NOT_FOUND' }),
      );
    }
    expect(() => advise('works', -1, '2025-01-01')).toThrow(DomainError);
    const overlapping: ThresholdTable = [
      SEED_THRESHOLD_TABLE[0]!,
      { ...SEED_THRESHOLD_TABLE[1]!, validFrom: '2025-12-01' },
    ];
    expect(() => advise('works', 1_000, '2025-01-01', overlapping)).toThrow(
      expect.objectContaining({ code: 'INVALID_PROCEDURE_QUERY' }),
    );
  });

  it('never adds a lighter procedure when the amount rises (property)', () => {
    const rank = (p: ProcurementProcedure) => ProcurementProcedure.options.indexOf(p);
    fc.assert(
      fc.property(
        fc.constantFrom<ProcurementNature>('works', 'supplies', 'services'),
        fc.constantFrom('2024-03-01', '2025-12-31', '2026-01-01', '2027-06-30'),
        fc.double({ min: 0, max: 8_000_000, noNaN: true }),
        fc.double({ min: 0, max: 8_000_000, noNaN: true }),
        (nature, date, x, y) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          const lower = advise(nature, low, date);
          const higher = advise(nature, high, date);
          for (const p of higher.proposals) {
            const before = proposal(lower, p.procedure);
            if (p.allowed) expect(before.allowed).toBe(true);
            if (p.allowed && !p.conditional) expect(before.allowed && !before.conditional).toBe(true);
          }
          expect(rank(recommended(higher)[0]!)).toBeGreaterThanOrEqual(rank(recommended(lower)[0]!));
          if (lower.europeanPublication.required) expect(higher.europeanPublication.required).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
