/**
 * The six dimensions of the European Smart Cities model (Giffinger et al., TU Wien 2007), which tag every
 * diagnostic item, project, need and catalogue solution.
 */
export const DIMENSIONS = ['living', 'mobility', 'environment', 'economy', 'people', 'governance'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
