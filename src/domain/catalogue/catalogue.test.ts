import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { adoptionOf } from './adoption.ts';
import { checkCallOff, consumption, totalsBy } from './agreements.ts';
import { categoriesNamedBy, foldText, queryWords, searchDocument } from './search.ts';
import { assertComparable, assertOutcome } from './shortlists.ts';
import { canMoveSolution, SOLUTION_STATUSES, SolutionUpdateInput } from './solutions.ts';

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('search words', () => {
  it('folds accents, case and apostrophes', () => {
    expect(foldText('Éclairage PUBLIC l’été')).toBe('eclairage public l ete');
  });

  it('drops short French function words and keeps what is sought; long words may be corrected', () => {
    expect(queryWords('Démarches en ligne pour les aînés')).toEqual([
      { word: 'demarches', fuzzy: true },
      { word: 'ligne', fuzzy: true },
      { word: 'aines', fuzzy: true },
    ]);
    expect(queryWords('5G et IoT')).toEqual([
      { word: '5g', fuzzy: false },
      { word: 'iot', fuzzy: false },
    ]);
  });

  it('indexes a solution with the taxonomy terms of its categories (the synonyms)', () => {
    const doc = searchDocument({
      name: 'LumiGest',
      vendor: 'V',
      summary: 'Télégestion',
      description: '',
      categories: ['public-lighting'],
      standards: ['TALQ'],
    });
    expect(doc.b).toContain('Éclairage public intelligent');
    expect(doc.c).toContain('lampadaire');
    expect(doc.c).toContain('TALQ');
  });

  it('names the categories a query talks about, plurals included', () => {
    expect(categoriesNamedBy('des lampadaires LED')).toEqual(['public-lighting']);
    expect(categoriesNamedBy('bulle à verre')).toEqual(['waste']);
  });
});

describe('call-off rules', () => {
  const base = {
    today: '2026-06-01',
    agreement: { startDate: '2026-01-01', endDate: '2029-12-31', ceiling: 1000, ordered: 0 },
    lot: { ceiling: 500, ordered: 0, vendor: 'V' },
    solution: { status: 'listed', offeredByLot: true },
    adhered: true,
    amount: 100,
  };

  it('names the first rule broken', () => {
    expect(codeOf(() => checkCallOff(base))).toBeNull();
    expect(codeOf(() => checkCallOff({ ...base, today: '2030-01-01' }))).toBe('AGREEMENT_NOT_RUNNING');
    expect(codeOf(() => checkCallOff({ ...base, adhered: false }))).toBe('COMMUNE_NOT_ADHERENT');
    expect(codeOf(() => checkCallOff({ ...base, lot: { ...base.lot, vendor: null } }))).toBe('LOT_NOT_AWARDED');
    expect(codeOf(() => checkCallOff({ ...base, solution: { status: 'listed', offeredByLot: false } }))).toBe(
      'SOLUTION_NOT_IN_LOT',
    );
    expect(codeOf(() => checkCallOff({ ...base, solution: { status: 'evaluated', offeredByLot: true } }))).toBe(
      'SOLUTION_NOT_LISTED',
    );
    expect(codeOf(() => checkCallOff({ ...base, amount: 500.01 }))).toBe('LOT_CEILING_EXCEEDED');
    expect(codeOf(() => checkCallOff({ ...base, agreement: { ...base.agreement, ceiling: 1000, ordered: 950 } }))).toBe(
      'AGREEMENT_CEILING_EXCEEDED',
    );
  });

  it('never lets a sequence of accepted orders pass the ceiling (in cents)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 1, max: 200_000 }), { maxLength: 30 }),
        (ceilingCents, amountsCents) => {
          let ordered = 0;
          for (const cents of amountsCents) {
            const amount = cents / 100;
            const ok =
              codeOf(() =>
                checkCallOff({
                  ...base,
                  agreement: { ...base.agreement, ceiling: null },
                  lot: { ceiling: ceilingCents / 100, ordered, vendor: 'V' },
                  amount,
                }),
              ) === null;
            if (ok) ordered = Math.round((ordered + amount) * 100) / 100;
          }
          return Math.round(ordered * 100) <= ceilingCents;
        },
      ),
    );
  });

  it('reports consumption against a ceiling, or without one', () => {
    expect(consumption(1000, 250)).toEqual({ ceiling: 1000, ordered: 250, remaining: 750, share: 0.25 });
    expect(consumption(null, 250)).toEqual({ ceiling: null, ordered: 250, remaining: null, share: null });
  });

  it('totals by a key, largest first', () => {
    const rows = [
      { k: 'a', v: 10 },
      { k: 'b', v: 30 },
      { k: 'a', v: 25.5 },
    ];
    expect(
      totalsBy(
        rows,
        (r) => r.k,
        (r) => r.k.toUpperCase(),
        (r) => r.v,
      ),
    ).toEqual([
      { key: 'a', label: 'A', count: 2, amount: 35.5 },
      { key: 'b', label: 'B', count: 1, amount: 30 },
    ]);
  });
});

describe('solutions, shortlists, adoption', () => {
  it('moves a solution only forward, or back from withdrawal to evaluation', () => {
    expect(canMoveSolution('watch', 'evaluated')).toBe(true);
    expect(canMoveSolution('evaluated', 'listed')).toBe(true);
    expect(canMoveSolution('listed', 'withdrawn')).toBe(true);
    expect(canMoveSolution('listed', 'evaluated')).toBe(false);
    expect(canMoveSolution('watch', 'listed')).toBe(false);
    for (const s of SOLUTION_STATUSES) expect(canMoveSolution(s, s)).toBe(true);
  });

  it('keeps what an update leaves out (no defaults)', () => {
    expect(SolutionUpdateInput.parse({ name: 'X' })).toEqual({ name: 'X' });
  });

  it('compares two to four, and the outcome must be on the list', () => {
    expect(codeOf(() => assertComparable(['a']))).toBe('COMPARE_COUNT');
    expect(codeOf(() => assertComparable(['a', 'b', 'c', 'd']))).toBeNull();
    expect(codeOf(() => assertComparable(['a', 'b', 'c', 'd', 'e']))).toBe('COMPARE_COUNT');
    const id = '0f6a2b1c-3d4e-4f5a-8b6c-7d8e9f0a1b2c';
    expect(codeOf(() => assertOutcome({ kind: 'chosen', solutionId: id, reason: 'why' }, []))).toBe(
      'OUTCOME_NOT_SHORTLISTED',
    );
    expect(codeOf(() => assertOutcome({ kind: 'none', reason: 'why' }, []))).toBeNull();
  });

  it('counts each commune once per solution, a call-off winning over a reference', () => {
    const adoption = adoptionOf([
      { communeNis: '81001', solutionId: 's1', solutionName: 'Un', source: 'reference' },
      { communeNis: '81001', solutionId: 's1', solutionName: 'Un', source: 'call-off' },
      { communeNis: '81004', solutionId: 's1', solutionName: 'Un', source: 'reference' },
      { communeNis: '81004', solutionId: 's2', solutionName: 'Deux', source: 'call-off' },
    ]);
    expect(adoption.solutions).toEqual([
      { id: 's1', name: 'Un', communes: 2 },
      { id: 's2', name: 'Deux', communes: 1 },
    ]);
    expect(adoption.communes[0]).toEqual({
      communeNis: '81001',
      solutions: [{ id: 's1', name: 'Un', source: 'call-off' }],
    });
  });
});
