/** The sections of a mission's strategy tab, in the order of the work. */
export const STRATEGY_SECTIONS = ['projects', 'criteria', 'grid', 'ranking', 'plan', 'roadmap'] as const;
export type StrategySection = (typeof STRATEGY_SECTIONS)[number];
