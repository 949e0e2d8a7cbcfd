import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { userRef } from './auth.ts';
import { belongsTo, updatedAt } from './columns.ts';
import { missions } from './missions.ts';
import { projectSheets } from './strategy.ts';

/**
 * Targets and gaps (issue 13, defect 8; decision 160): the maturity each dimension of a mission should reach by the
 * end of each horizon, and the gaps (factors of the guide) each project sheet says it closes. Both go with their
 * mission; a sheet's links go with the sheet.
 */
export const maturityTargets = pgTable(
  'maturity_targets',
  {
    missionId: belongsTo('mission_id', () => missions.id),
    dimension: text('dimension').notNull(),
    horizon: text('horizon', { enum: ['short', 'medium', 'long'] }).notNull(),
    level: doublePrecision('level').notNull(),
    updatedBy: userRef('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.dimension, t.horizon] }),
    check('maturity_targets_horizon_check', sql`${t.horizon} in ('short', 'medium', 'long')`),
    check('maturity_targets_level_check', sql`${t.level} >= 0`),
  ],
);

/** A project sheet closes the gap of a factor (by its key in the mission's guide). */
export const projectGapFactors = pgTable(
  'project_gap_factors',
  {
    projectId: belongsTo('project_id', () => projectSheets.id),
    factorKey: text('factor_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.factorKey] }), index('project_gap_factors_factor_idx').on(t.factorKey)],
);
