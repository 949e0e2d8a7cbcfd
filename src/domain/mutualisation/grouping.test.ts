import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectNeeds, distinguishLabels, explainGroup, type GroupingEdge, type GroupingNode } from './grouping.ts';

const nodes = (categories: (string | null)[]): GroupingNode[] =>
  categories.map((category, idx) => ({ idx, id: `n${idx}`, communeNis: '81001', category }));

describe('connectNeeds', () => {
  it('groups needs of one category, joins an uncategorised need to what it links to, never merges two categories', () => {
    const groups = connectNeeds(nodes(['waste', 'waste', null, 'wifi', null, null]), [
      { a: 1, b: 2, score: 0.8, kind: 'words' },
      { a: 2, b: 3, score: 0.6, kind: 'words' }, // would chain waste and wifi: refused
      { a: 4, b: 5, score: 0.7, kind: 'title' },
    ]);
    expect(groups.map((g) => ({ members: g.members, category: g.category }))).toEqual([
      { members: [0, 1, 2], category: 'waste' },
      { members: [4, 5], category: null },
    ]);
  });

  it('given purchases, keeps two purchases of one category apart and joins an uncategorised need to one of them', () => {
    const groups = connectNeeds(
      nodes(['education', 'education', 'education', 'education', null]),
      [
        { a: 3, b: 4, score: 0.5, kind: 'words' },
        { a: 0, b: 4, score: 0.3, kind: 'words' }, // would merge the two purchases: refused
      ],
      [
        [0, 1],
        [2, 3],
      ],
    );
    expect(groups.map((g) => ({ members: g.members, category: g.category }))).toEqual([
      { members: [2, 3, 4], category: 'education' },
      { members: [0, 1], category: 'education' },
    ]);
  });

  it('whatever the order of the edges: the same groups, and no group holds two categories', () => {
    const categories = fc.constantFrom('waste', 'wifi', 'parking', null);
    fc.assert(
      fc.property(
        fc.array(categories, { minLength: 2, maxLength: 12 }).chain((cats) =>
          fc.tuple(
            fc.constant(cats),
            fc.array(
              fc.record({
                a: fc.nat(cats.length - 1),
                b: fc.nat(cats.length - 1),
                score: fc.double({ min: 0.3, max: 1, noNaN: true }),
              }),
              { maxLength: 20 },
            ),
          ),
        ),
        ([cats, raw]) => {
          const edges: GroupingEdge[] = raw
            .filter((e) => e.a !== e.b)
            .map((e) => ({ a: Math.min(e.a, e.b), b: Math.max(e.a, e.b), score: e.score, kind: 'words' }));
          const one = connectNeeds(nodes(cats), edges);
          const other = connectNeeds(nodes(cats), [...edges].reverse());
          expect(other.map((g) => g.members)).toEqual(one.map((g) => g.members));
          for (const group of one) {
            const present = new Set(group.members.map((m) => cats[m]).filter((c) => c !== null));
            expect(present.size).toBeLessThanOrEqual(1);
            expect(group.members.length).toBeGreaterThanOrEqual(2);
          }
        },
      ),
    );
  });
});

describe('explainGroup', () => {
  it('says why in French: the category, the taxonomy terms, the shared words', () => {
    expect(
      explainGroup({
        category: 'public-lighting',
        taxonomyTerms: ['lampadaire', 'LED'],
        sharedWords: ['éclairage'],
        titleSimilarity: null,
      }),
    ).toEqual({
      label: 'Éclairage public intelligent',
      reason:
        'Même catégorie « Éclairage public intelligent » (termes reconnus : lampadaire, LED) ; mots communs : éclairage.',
    });
    expect(
      explainGroup({ category: null, taxonomyTerms: [], sharedWords: ['défibrillateurs'], titleSimilarity: 0.62 })
        .reason,
    ).toBe('Mots communs : défibrillateurs ; titres semblables (62 % de trigrammes communs).');
  });
});

describe('labels of two purchases of one category', () => {
  const group = (label: string, sharedWords: string[]) => ({
    label,
    explanation: { category: 'schools', taxonomyTerms: [], sharedWords, titleSimilarity: null },
  });

  it('adds the words their needs share, and leaves a label said once as it is', () => {
    const labelled = distinguishLabels([
      group('Écoles et numérique éducatif', ['repas', 'cantine', 'école']),
      group('Écoles et numérique éducatif', ['tableaux', 'interactifs']),
      group('Éclairage public intelligent', ['led']),
    ]);
    expect(labelled.map((g) => g.label)).toEqual([
      'Écoles et numérique éducatif — repas, cantine',
      'Écoles et numérique éducatif — tableaux, interactifs',
      'Éclairage public intelligent',
    ]);
  });
});
