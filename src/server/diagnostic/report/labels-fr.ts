import type { IntervieweeType } from '../../../domain/diagnostic/model.ts';
import type { SpecificityTopic, SwotCategory } from '../../../domain/diagnostic/swot.ts';
import { DIMENSION_LABELS, type Dimension } from '../../../domain/shared/dimensions.ts';
import { formatNumber } from '../../../domain/shared/format.ts';

/** The report's French words (reports are in French; the web app has its own catalogue in i18n/fr.json). */
export const INTERVIEWEE_TYPE_FR: Record<IntervieweeType, string> = {
  elected_official: 'Élu·e',
  commune_staff: 'Personnel communal',
  business: 'Entreprise',
  association: 'Association',
  citizen: 'Citoyen·ne',
  other: 'Autre',
};

export const SWOT_FR: Record<SwotCategory, string> = {
  strength: 'Forces',
  weakness: 'Faiblesses',
  opportunity: 'Opportunités',
  threat: 'Menaces',
};

export const SPECIFICITY_FR: Record<SpecificityTopic, string> = {
  geography: 'Géographie',
  demography: 'Démographie',
  economy: 'Économie',
  assets: 'Atouts du territoire',
};

export const DIMENSION_SHORT_FR: Record<Dimension, string> = DIMENSION_LABELS.fr;

/** A score on the scale, "2,4", or an en dash when not assessed. */
export const score = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined
    ? '–'
    : formatNumber(value, 'fr', digits).replace(/^(-?\d+)$/, `$1,${'0'.repeat(digits)}`);

/** Agreement as a percentage, "85 %". */
export const percent = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${formatNumber(value * 100, 'fr', 0)} %`;
