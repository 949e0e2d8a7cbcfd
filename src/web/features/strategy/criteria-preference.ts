import { useTranslation } from 'react-i18next';
import type { PreferenceFunction, PreferenceFunctionType } from '../../../domain/strategy/schemas.ts';
import { useLanguage } from '../../lib/use-language.ts';
import { decimal } from './labels.ts';

export const PREFERENCE_TYPES: PreferenceFunctionType[] = [
  'usual',
  'u-shape',
  'v-shape',
  'level',
  'linear',
  'gaussian',
];

/** The thresholds each preference function takes. */
export const PARAMETERS: Record<PreferenceFunctionType, ('q' | 'p' | 's')[]> = {
  usual: [],
  'u-shape': ['q'],
  'v-shape': ['p'],
  level: ['q', 'p'],
  linear: ['q', 'p'],
  gaussian: ['s'],
};

/** "en V, p = 2" */
export function usePreferenceText() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (fn: PreferenceFunction) => {
    const params = PARAMETERS[fn.type]
      .map((name) => `${name} = ${decimal(fn[name] ?? 0, language, Number.isInteger(fn[name]) ? 0 : 2)}`)
      .join(', ');
    return params ? `${t(`strategy.preference.${fn.type}`)} (${params})` : t(`strategy.preference.${fn.type}`);
  };
}
