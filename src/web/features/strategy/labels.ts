import { formatDecimal, formatEuro, formatNumber } from '../../../domain/shared/format.ts';
import { HORIZON_KEYS } from '../../../domain/strategy/horizons.ts';
import type { StrategyState } from '../../../domain/strategy/strategy-api.ts';
import type { Language } from '../../i18n/i18n.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Project titles by id, for every view that shows a project by its id. */
export function titlesOf(state: Pick<StrategyState, 'projects'>): Map<string, string> {
  return new Map(state.projects.map((p) => [p.id, p.title]));
}

export function horizonOptions(t: Translate) {
  return HORIZON_KEYS.map((h) => ({ value: h, label: t(`strategy.horizons.${h}`) }));
}

/** "12 500 €" without cents when the amount is whole: the grids are about orders of magnitude. */
export function euros(value: number, language: Language): string {
  return formatEuro(value, language);
}

/** A share between 0 and 1 as "23,5 %". */
export function percent(value: number, language: Language, digits = 1): string {
  return `${formatNumber(value * 100, language, digits)} %`;
}

/** A flow or a weight with a fixed number of decimals, in the UI's language ("0,183"). */
export function decimal(value: number, language: Language, digits = 3): string {
  return formatDecimal(value, language, digits);
}

export const HORIZON_COLORS: Record<(typeof HORIZON_KEYS)[number], string> = {
  short: 'var(--mantine-color-rural-7)',
  medium: '#3b6f96',
  long: '#a5660b',
};
