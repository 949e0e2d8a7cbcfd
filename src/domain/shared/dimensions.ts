import type { Locale } from './format.ts';

/**
 * The six dimensions of the European Smart Cities model (Giffinger et al., TU Wien 2007), which tag every
 * diagnostic item, project, need and catalogue solution.
 */
export const DIMENSIONS = ['living', 'mobility', 'environment', 'economy', 'people', 'governance'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * One name per dimension, the same on every screen, report and spreadsheet (the web's i18n files repeat these
 * words, and a test holds them equal). « Qualité de vie » says what Smart Living is about better than « Vie ».
 */
export const DIMENSION_LABELS: Record<Locale, Record<Dimension, string>> = {
  fr: {
    living: 'Qualité de vie',
    mobility: 'Mobilité',
    environment: 'Environnement',
    economy: 'Économie',
    people: 'Citoyens',
    governance: 'Gouvernance',
  },
  en: {
    living: 'Living',
    mobility: 'Mobility',
    environment: 'Environment',
    economy: 'Economy',
    people: 'People',
    governance: 'Governance',
  },
};
