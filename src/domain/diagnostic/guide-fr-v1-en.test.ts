import { describe, expect, it } from 'vitest';
import { GUIDE_FR_V1 } from './guide-fr-v1.ts';
import { englishCoverage, guideText } from './guide-fr-v1-en.ts';

describe('the reference guide in English', () => {
  it('has an English for every band, scale level, dimension and factor', () => {
    const { texts, missing } = englishCoverage();
    expect(texts).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('words the reference texts in English and leaves French readers and other texts alone', () => {
    const band = GUIDE_FR_V1.bands.find((b) => b.key === 'structuration')!;
    expect(guideText('bandLabel', band.key, band.label, 'en')).toBe('Structuring');
    expect(guideText('bandInterpretation', band.key, band.interpretation, 'en')).toMatch(/^The approach is organised/);
    expect(guideText('bandLabel', band.key, band.label, 'fr')).toBe('Structuration');
    const living = GUIDE_FR_V1.dimensions.find((d) => d.key === 'living')!;
    expect(guideText('dimensionLabel', 'living', living.label, 'en')).toBe('Smart Living — Quality of life');
    expect(guideText('factorLabel', 'housing', 'Logement', 'en')).toBe('Housing');
    // A guide that renamed the factor shows its own words.
    expect(guideText('factorLabel', 'housing', 'Logement et habitat léger', 'en')).toBe('Logement et habitat léger');
  });
});
