import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { userRef, users } from './auth.ts';
import { belongsTo, timestamps, uuidPk } from './columns.ts';
import { communeRef, sites } from './communes.ts';

export const missions = pgTable(
  'missions',
  {
    id: uuidPk(),
    communeNis: communeRef().notNull(),
    siteId: uuid('site_id').references(() => sites.id),
    title: text('title').notNull(),
    description: text('description'),
    phase: text('phase', { enum: ['diagnostic', 'planning', 'implementation', 'closed'] })
      .notNull()
      .default('diagnostic'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    check('missions_phase_check', sql`${t.phase} in ('diagnostic', 'planning', 'implementation', 'closed')`),
    check('missions_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    index('missions_commune_idx').on(t.communeNis),
  ],
);

export const missionConsultants = pgTable(
  'mission_consultants',
  {
    missionId: belongsTo('mission_id', () => missions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.userId] }), index('mission_consultants_user_idx').on(t.userId)],
);
