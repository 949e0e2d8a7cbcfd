import { useMemo } from 'react';
import { guideText } from '../../../domain/diagnostic/guide-fr-v1-en.ts';
import { useLanguage } from '../../lib/use-language.ts';

/**
 * The guide's texts that the screens show around the questions (bands, scale levels, dimensions, factors) in the
 * reader's language: English where the reference guide has it, the guide's own words otherwise.
 */
export function useGuideText() {
  const language = useLanguage();
  return useMemo(() => guideTexts(language), [language]);
}

function guideTexts(language: string) {
  return {
    band: <B extends { key: string; label: string; interpretation?: string }>(band: B): B => ({
      ...band,
      label: guideText('bandLabel', band.key, band.label, language),
      ...(band.interpretation !== undefined
        ? { interpretation: guideText('bandInterpretation', band.key, band.interpretation, language) }
        : {}),
    }),
    level: (level: number, label: string) => guideText('scaleLabel', level, label, language),
    levelDescription: (level: number, text: string) => guideText('scaleDescription', level, text, language),
    dimension: (key: string, label: string) => guideText('dimensionLabel', key, label, language),
    dimensionDescription: (key: string, text: string) => guideText('dimensionDescription', key, text, language),
    factor: (key: string, label: string) => guideText('factorLabel', key, label, language),
  };
}
