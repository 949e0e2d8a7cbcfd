import { describe, expect, it } from 'vitest';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { MaturityModel } from './model.ts';
import { checkGuideEdit, checkNewGuideVersion, diffGuides, draftNextVersion } from './versioning.ts';

const ALL_QUESTION_KEYS = GUIDE_FR_V1.dimensions.flatMap((d) =>
  d.factors.flatMap((f) => f.questions.map((q) => q.key)),
);
const factorNamed = (model: MaturityModel, key: string) =>
  model.dimensions.flatMap((d) => d.factors).find((f) => f.key === key)!;

describe('diffGuides', () => {
  it('finds nothing between a version and its untouched successor, and every question comparable', () => {
    const diff = diffGuides(GUIDE_FR_V1, draftNextVersion(GUIDE_FR_V1));
    expect(diff).toMatchObject({ identical: true, changes: [], from: { version: 1 }, to: { version: 2 } });
    expect(diff.comparableQuestionKeys).toEqual(ALL_QUESTION_KEYS);
  });

  it('reports renamed factors, reworded and moved questions and changed descriptors', () => {
    const next = draftNextVersion(GUIDE_FR_V1);
    const openData = factorNamed(next, 'open_data');
    openData.label = 'Données ouvertes et réutilisation';
    openData.questions[0]!.text = 'La commune publie-t-elle ses données en licence ouverte ?';
    openData.questions[1]!.levels[4]!.descriptor = 'Gouvernance des données certifiée.';
    const moved = openData.questions.pop()!;
    factorNamed(next, 'digital_administration').questions.push(moved);

    const diff = diffGuides(GUIDE_FR_V1, next);
    expect(diff.identical).toBe(false);
    expect(diff.changes).toEqual([
      {
        kind: 'factor_renamed',
        factorKey: 'open_data',
        from: 'Données ouvertes',
        to: 'Données ouvertes et réutilisation',
      },
      {
        kind: 'question_reworded',
        questionKey: 'open_data_publication',
        from: 'La commune publie-t-elle des données ouvertes ?',
        to: 'La commune publie-t-elle ses données en licence ouverte ?',
      },
      { kind: 'descriptors_changed', questionKey: 'open_data_governance', levels: [4] },
      { kind: 'question_moved', questionKey: 'open_data_standards', from: 'open_data', to: 'digital_administration' },
    ]);
    // A move keeps the meaning of the answers; new wording does not.
    expect(diff.comparableQuestionKeys).toContain('open_data_standards');
    expect(diff.comparableQuestionKeys).not.toContain('open_data_publication');
    expect(diff.comparableQuestionKeys).not.toContain('open_data_governance');
  });

  it('reports added and removed factors and questions; a new key is a new question', () => {
    const next = draftNextVersion(GUIDE_FR_V1);
    const tourism = factorNamed(next, 'tourism');
    tourism.questions[0]!.key = 'tourism_online_offer';
    next.dimensions[0]!.factors = next.dimensions[0]!.factors.filter((f) => f.key !== 'housing');

    const kinds = diffGuides(GUIDE_FR_V1, next).changes.map((c) => [c.kind, 'questionKey' in c ? c.questionKey : c]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['factor_removed', expect.objectContaining({ factorKey: 'housing', dimension: 'living' })],
        ['question_removed', 'housing_policy'],
        ['question_removed', 'housing_energy_renovation'],
        ['question_removed', 'tourism_digital_offer'],
        ['question_added', 'tourism_online_offer'],
      ]),
    );
  });

  it('makes nothing comparable when the scale changes', () => {
    const next = draftNextVersion(GUIDE_FR_V1);
    next.scale.levels[4]!.label = 'Référence';
    const diff = diffGuides(GUIDE_FR_V1, next);
    expect(diff.changes).toEqual([{ kind: 'scale_changed' }]);
    expect(diff.comparableQuestionKeys).toEqual([]);
  });
});

describe('checkGuideEdit', () => {
  it('lets a draft change freely', () => {
    const draft = draftNextVersion(GUIDE_FR_V1);
    const edited = structuredClone(draft);
    edited.title = 'Guide d’entretien Smart Rural — version 2';
    expect(() => checkGuideEdit({ status: 'draft', model: draft }, edited)).not.toThrow();
  });

  it('refuses any change to a published version', () => {
    const edited = structuredClone(GUIDE_FR_V1);
    factorNamed(edited, 'tourism').questions[0]!.levels[0]!.descriptor = 'Rien.';
    expect(() => checkGuideEdit({ status: 'published', model: GUIDE_FR_V1 }, edited)).toThrow(
      expect.objectContaining({ code: 'GUIDE_VERSION_PUBLISHED', params: { key: 'smart-rural-fr', version: 1 } }),
    );
  });

  it('accepts a published version saved again unchanged, even with its keys in another order (JSONB)', () => {
    const reordered = JSON.parse(
      JSON.stringify(GUIDE_FR_V1, (_key, value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      ),
    ) as MaturityModel;
    expect(() => checkGuideEdit({ status: 'published', model: GUIDE_FR_V1 }, reordered)).not.toThrow();
  });

  it('refuses to change the key or the version of a record', () => {
    expect(() => checkGuideEdit({ status: 'draft', model: GUIDE_FR_V1 }, draftNextVersion(GUIDE_FR_V1))).toThrow(
      expect.objectContaining({ code: 'GUIDE_IDENTITY_CHANGED' }),
    );
  });
});

describe('checkNewGuideVersion and draftNextVersion', () => {
  it('numbers versions one after the other, from 1', () => {
    expect(() => checkNewGuideVersion(null, GUIDE_FR_V1)).not.toThrow();
    expect(() => checkNewGuideVersion(GUIDE_FR_V1, draftNextVersion(GUIDE_FR_V1))).not.toThrow();
    expect(() => checkNewGuideVersion(GUIDE_FR_V1, { ...GUIDE_FR_V1, version: 3 })).toThrow(
      expect.objectContaining({ code: 'GUIDE_VERSION_SEQUENCE', params: { expected: 2 } }),
    );
    expect(() => checkNewGuideVersion(GUIDE_FR_V1, { ...draftNextVersion(GUIDE_FR_V1), key: 'autre' })).toThrow(
      expect.objectContaining({ code: 'GUIDE_KEY_MISMATCH' }),
    );
  });

  it('drafts a valid copy that can be edited without touching the published version', () => {
    const draft = draftNextVersion(GUIDE_FR_V1);
    factorNamed(draft, 'tourism').label = 'Tourisme durable';
    expect(factorNamed(GUIDE_FR_V1, 'tourism').label).toBe('Tourisme et attractivité du territoire');
    expect(MaturityModel.safeParse(draft).success).toBe(true);
  });
});
