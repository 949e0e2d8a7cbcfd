import { describe, expect, it } from 'vitest';
import { NEED_SOURCES, TIMEFRAMES, URGENCIES } from '../../../domain/needs/need.ts';
import { categoryOf, dimensionOf, sourceOf, timeframeOf, urgencyOf } from '../../../domain/needs/need-vocabulary.ts';
import { DIMENSIONS } from '../../../domain/shared/dimensions.ts';
import { SMART_CATEGORIES } from '../../../domain/shared/smart-categories.ts';
import { en, fr } from '../../i18n/all-strings.test-support.ts';

/**
 * Issue 10: a spreadsheet written with the words the screen shows must import. Each label of the UI, in French and
 * in English, in capitals or without accents, reads as its code.
 */
describe('the import reads every label the needs screens show', () => {
  const shouting = (s: string) => s.toUpperCase();
  const unaccented = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  for (const [name, language] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    it(`in ${name}`, () => {
      for (const code of URGENCIES) {
        const label = language.needs.urgencies[code];
        expect([label, shouting(label), unaccented(label)].map(urgencyOf)).toEqual([code, code, code]);
      }
      for (const code of TIMEFRAMES) expect(timeframeOf(language.needs.timeframes[code])).toBe(code);
      for (const code of NEED_SOURCES) expect(sourceOf(unaccented(language.needs.sources[code]))).toBe(code);
      for (const code of DIMENSIONS) expect(dimensionOf(shouting(language.needs.dimension[code]))).toBe(code);
      for (const category of SMART_CATEGORIES) expect(categoryOf(category[name])).toBe(category.key);
    });
  }
});
