import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { ProcurementStepRecord } from '../../../domain/implementation/procurement-file.ts';
import type { AgencyFile, ScenarioDetail } from '../../../domain/purchasing/api.ts';
import type { SavingsAssumptions } from '../../../domain/purchasing/savings.ts';
import { userRef } from './auth.ts';
import { frameworkAgreements } from './catalogue.ts';
import { belongsTo, instant, instantNow, money, timestamps, updatedAt, uuidPk } from './columns.ts';
import { communeRef } from './communes.ts';
import { mutualisationGroups } from './needs.ts';

/**
 * Central purchasing (issue 12): procurement scenarios built from confirmed groups of needs, the communes' lines in
 * their lots (confirmed in the app by the communes), and each commune's adhesion to the agency as central purchasing
 * body. Amounts in euros excluding VAT.
 */

export const procurementScenarios = pgTable(
  'procurement_scenarios',
  {
    id: uuidPk(),
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
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [check('procurement_scenarios_months', sql`${t.initialMonths} > 0 AND ${t.renewals} >= 0`)],
);

export const scenarioGroups = pgTable(
  'scenario_groups',
  {
    scenarioId: belongsTo('scenario_id', () => procurementScenarios.id),
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
    scenarioId: belongsTo('scenario_id', () => procurementScenarios.id),
    lotKey: text('lot_key').notNull(),
    communeNis: communeRef().notNull(),
    quantity: integer('quantity'),
    amount: money('amount'),
    status: text('status', { enum: ['proposed', 'confirmed', 'declined'] })
      .notNull()
      .default('proposed'),
    confirmedAt: instant('confirmed_at'),
    confirmedBy: userRef('confirmed_by'),
  },
  (t) => [
    primaryKey({ columns: [t.scenarioId, t.lotKey, t.communeNis] }),
    index('scenario_participations_commune_idx').on(t.communeNis),
    check('scenario_participations_positive', sql`coalesce(${t.quantity}, 0) >= 0 AND coalesce(${t.amount}, 0) >= 0`),
  ],
);

/** A commune's adhesion to the agency as central purchasing body: its council's decision. */
export const centralPurchasingAdhesions = pgTable('central_purchasing_adhesions', {
  communeNis: communeRef().primaryKey(),
  decisionDate: date('decision_date', { mode: 'string' }).notNull(),
  councilDecisionRef: text('council_decision_ref').notNull(),
  recordedBy: userRef('recorded_by'),
  recordedAt: instantNow('recorded_at'),
});

/**
 * The agency's own procurement file for a launched scenario: procedure, steps, documents, publication, bids, award
 * (per lot: vendor, amount) and the framework agreement the award created in the catalogue.
 */
export const agencyProcurementFiles = pgTable('agency_procurement_files', {
  scenarioId: belongsTo('scenario_id', () => procurementScenarios.id).primaryKey(),
  procedure: text('procedure').notNull(),
  steps: jsonb('steps').$type<ProcurementStepRecord[]>().notNull(),
  documents: jsonb('documents').$type<AgencyFile['documents']>().notNull(),
  publication: jsonb('publication').$type<AgencyFile['publication']>().notNull(),
  bids: jsonb('bids').$type<AgencyFile['bids']>().notNull(),
  awardDate: date('award_date', { mode: 'string' }),
  awards: jsonb('awards').$type<NonNullable<AgencyFile['award']>['lots']>(),
  standstillEndsOn: date('standstill_ends_on', { mode: 'string' }),
  agreementId: uuid('agreement_id').references(() => frameworkAgreements.id, { onDelete: 'restrict' }),
  updatedAt: updatedAt(),
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
    updatedBy: userRef('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [check('procedure_costs_positive', sql`${t.cost} >= 0`)],
);
