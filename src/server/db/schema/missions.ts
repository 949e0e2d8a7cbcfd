import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { communes, sites } from './communes.ts';

export const missions = pgTable(
  'missions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    communeNis: varchar('commune_nis', { length: 5 })
      .notNull()
      .references(() => communes.nisCode),
    siteId: uuid('site_id').references(() => sites.id),
    title: text('title').notNull(),
    description: text('description'),
    phase: text('phase', { enum: ['diagnostic', 'planning', 'implementation', 'closed'] })
      .notNull()
      .default('diagnostic'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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
    missionId: uuid('mission_id')
      .notNull()
      .references(() => missions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.userId] }), index('mission_consultants_user_idx').on(t.userId)],
);
