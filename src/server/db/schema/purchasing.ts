import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { ProcurementStepRecord } from '../../../domain/implementation/procurement-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import type { SavingsAssumptions } from '../../../domain/purchasing/savings.ts';
import { users } from './auth.ts';
import { frameworkAgreements } from './catalogue.ts';
import { communes } from './communes.ts';
import { mutualisationGroups } from './needs.ts';

/**
 * Central purchasing (issue 12): procurement scenarios built from confirmed groups of needs, the communes' lines in
 * their lots (confirmed in the app by the communes), and each commune's adhesion to the agency as central purchasing
 * body. Amounts in euros excluding VAT.
 */
const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

export const procurementScenarios = pgTable(
  'procurement_scenarios',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    title: text('title').notNull(),
    status: text('status', { enum: ['draft', 'launched', 'cancelled'] })
      .notNull()
      .default('draft'),
    launchDate: date('launch_date', { mode: 'string' }).notNull(),
    initialMonths: integer('initial_months').notNull(),
    renewals: integer('renewals').notNull().default(0),
    renewalMonths: integer('renewal_months').notNull().default(0),
    /** The lots, without their communes: [{ key, label, category, nature, unit, unitPrice, options }]. */
    lots: jsonb('lots').$type<ScenarioDetail['lots']>().notNull(),
    /** The route the agency decided on, and why: its decision, recorded, never inferred by the software. */
    route: text('route', {
      enum: ['central-purchasing-body', 'joint-procurement', 'in-house', 'each-commune-alone'],
    }),
    routeNote: text('route_note').notNull().default(''),
    /** The scenario's savings assumptions (fee, its own procedure costs, lots' price models); `{}` before they existed. */
    savings: jsonb('savings').$type<SavingsAssumptions | Record<string, never>>().notNull().default({}),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('procurement_scenarios_months', sql`${t.initialMonths} > 0 AND ${t.renewals} >= 0`)],
);

export const scenarioGroups = pgTable(
  'scenario_groups',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => procurementScenarios.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => mutualisationGroups.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.groupId] }), index('scenario_groups_group_idx').on(t.groupId)],
);

/** A commune's line in a lot: proposed from the poll, then confirmed (or declined) by the commune. */
export const scenarioParticipations = pgTable(
  'scenario_participations',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => procurementScenarios.id, { onDelete: 'cascade' }),
    lotKey: text('lot_key').notNull(),
    communeNis: varchar('commune_nis', { length: 5 })
      .notNull()
      .references(() => communes.nisCode),
    quantity: integer('quantity'),
    amount: money('amount'),
    status: text('status', { enum: ['proposed', 'confirmed', 'declined'] })
      .notNull()
      .default('proposed'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.scenarioId, t.lotKey, t.communeNis] }),
    index('scenario_participations_commune_idx').on(t.communeNis),
    check('scenario_participations_positive', sql`coalesce(${t.quantity}, 0) >= 0 AND coalesce(${t.amount}, 0) >= 0`),
  ],
);

/** A commune's adhesion to the agency as central purchasing body: its council's decision. */
export const centralPurchasingAdhesions = pgTable('central_purchasing_adhesions', {
  communeNis: varchar('commune_nis', { length: 5 })
    .primaryKey()
    .references(() => communes.nisCode),
  decisionDate: date('decision_date', { mode: 'string' }).notNull(),
  councilDecisionRef: text('council_decision_ref').notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The agency's own procurement file for a launched scenario: procedure, steps, documents, publication, bids, award
 * (per lot: vendor, amount) and the framework agreement the award created in the catalogue.
 */
export const agencyProcurementFiles = pgTable('agency_procurement_files', {
  scenarioId: uuid('scenario_id')
    .primaryKey()
    .references(() => procurementScenarios.id, { onDelete: 'cascade' }),
  procedure: text('procedure').notNull(),
  steps: jsonb('steps').$type<ProcurementStepRecord[]>().notNull(),
  documents: jsonb('documents').$type<AgencyFile['documents']>().notNull(),
  publication: jsonb('publication').$type<AgencyFile['publication']>().notNull(),
  bids: jsonb('bids').$type<AgencyFile['bids']>().notNull(),
  awardDate: date('award_date', { mode: 'string' }),
  awards: jsonb('awards').$type<NonNullable<AgencyFile['award']>['lots']>(),
  standstillEndsOn: date('standstill_ends_on', { mode: 'string' }),
  agreementId: uuid('agreement_id').references(() => frameworkAgreements.id, { onDelete: 'restrict' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What running one procedure of each type costs a commune, as the agency's admins maintain it with its source
 * (issue 12, savings). A procedure without a row keeps the domain's seed estimate, shown « estimation à vérifier ».
 */
export const procedureCosts = pgTable(
  'procedure_costs',
  {
    procedure: text('procedure').primaryKey(),
    cost: money('cost').notNull(),
    source: text('source').notNull(),
    verified: boolean('verified').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('procedure_costs_positive', sql`${t.cost} >= 0`)],
);
