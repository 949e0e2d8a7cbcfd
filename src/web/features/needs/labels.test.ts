import { describe, expect, it } from 'vitest';
import { explainGroup } from '../../../domain/mutualisation/grouping.ts';
import { en, fr } from '../../i18n/all-strings.test-support.ts';
import { groupReason } from './labels.ts';

/** i18next's interpolation, enough for these strings. */
const translator =
  (catalogue: unknown) =>
  (key: string, options: Record<string, unknown> = {}) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
    return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
  };

describe('groupReason: why a group was formed, in the reader’s language', () => {
  const explanation = {
    category: 'public-lighting',
    taxonomyTerms: ['lampadaire', 'luminaire'],
    sharedWords: ['nuit', 'intensité'],
    titleSimilarity: 0.62,
  };

  it('reads in French as the grouping run words it', () => {
    const group = { reason: explainGroup(explanation).reason, explanation };
    expect(groupReason(group, 'fr', translator(fr))).toBe(group.reason);
  });

  it('reads in English from the same facts, the category named in English', () => {
    const text = groupReason({ reason: 'Même catégorie…', explanation }, 'en', translator(en));
    expect(text).toBe(
      'Same category “Smart public lighting” (terms recognised: lampadaire, luminaire); shared words: nuit, intensité; similar titles (62% of trigrams in common).',
    );
  });

  it('shows the stored reason of a group formed before the facts were kept', () => {
    expect(groupReason({ reason: 'Besoins proches.', explanation: null }, 'en', translator(en))).toBe(
      'Besoins proches.',
    );
  });
});
