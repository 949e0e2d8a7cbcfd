import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { IMAGE_KINDS, IMAGE_TYPES } from '../../../domain/catalogue/images.ts';
import type { SavedSearch } from '../../../domain/catalogue/search.ts';
import { OUTCOME_KINDS } from '../../../domain/catalogue/shortlists.ts';
import {
  type Gdpr,
  HOSTINGS,
  type Interoperability,
  PRICE_MODELS,
  type Pricing,
  SOLUTION_STATUSES,
} from '../../../domain/catalogue/solutions.ts';
import { RECOMMENDATIONS } from '../../../domain/watch/watch-items.ts';
import { userRef, users } from './auth.ts';
import {
  belongsTo,
  bytea,
  createdAt,
  instant,
  instantNow,
  money,
  textList,
  timestamps,
  uuidList,
  uuidPk,
} from './columns.ts';
import { communeRef } from './communes.ts';

/**
 * The framework-agreement catalogue (issue 6): solutions, agreements and their lots, adhesions, call-offs, the
 * buyers' saved searches and shortlists, and the technology watch. `search_vector` and `search_text` are written by
 * the repository with every change of a solution (weighted French tsvector; its folded words, which also feed the
 * lexicon that misspelt query words are corrected against).
 */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const catalogueSolutions = pgTable(
  'catalogue_solutions',
  {
    id: uuidPk(),
    name: text('name').notNull(),
    vendor: text('vendor').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    categories: textList('categories'),
    dimensions: textList('dimensions'),
    logoUrl: text('logo_url'),
    screenshots: textList('screenshots'),
    /** { standards, mims, openApi, apiDocsUrl, exportFormats, singleSignOn } */
    interoperability: jsonb('interoperability').$type<Interoperability>().notNull(),
    /** interoperability.standards, as a column for the facet */
    standards: textList('standards'),
    hosting: text('hosting', { enum: HOSTINGS }).notNull(),
    /** { dataProcessingAgreement, subProcessors } */
    gdpr: jsonb('gdpr').$type<Gdpr>().notNull(),
    accessibilityStatementUrl: text('accessibility_statement_url'),
    languages: textList('languages'),
    /** { model, amount, tiers, details } */
    pricing: jsonb('pricing').$type<Pricing>().notNull(),
    priceModel: text('price_model', { enum: PRICE_MODELS }).notNull(),
    support: text('support').notNull().default(''),
    referenceCommunes: textList('reference_communes'),
    status: text('status', { enum: SOLUTION_STATUSES }).notNull().default('evaluated'),
    demo: boolean('demo').notNull().default(false),
    searchVector: tsvector('search_vector'),
    searchText: text('search_text').notNull().default(''),
    createdBy: userRef('created_by'),
    ...timestamps(),
  },
  (t) => [
    index('catalogue_solutions_search_idx').using('gin', t.searchVector),
    index('catalogue_solutions_categories_idx').using('gin', t.categories),
    index('catalogue_solutions_status_idx').on(t.status),
  ],
);

/**
 * Every folded word (four letters or more) of the solutions' search text: the vocabulary a misspelt query word is
 * corrected against (trigram similarity on a few thousand words, not on every solution's text).
 */
export const catalogueLexicon = pgTable('catalogue_lexicon', { word: text('word').primaryKey() }, (t) => [
  index('catalogue_lexicon_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
]);

export const frameworkAgreements = pgTable(
  'framework_agreements',
  {
    id: uuidPk(),
    reference: text('reference').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    ceiling: money('ceiling'),
    demo: boolean('demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [check('framework_agreements_period', sql`${t.startDate} <= ${t.endDate}`)],
);

export const agreementLots = pgTable(
  'agreement_lots',
  {
    id: uuidPk(),
    agreementId: belongsTo('agreement_id', () => frameworkAgreements.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    vendor: text('vendor'),
    ceiling: money('ceiling').notNull(),
  },
  (t) => [
    unique('agreement_lots_number').on(t.agreementId, t.number),
    check('agreement_lots_ceiling', sql`${t.ceiling} >= 0`),
  ],
);

export const lotSolutions = pgTable(
  'lot_solutions',
  {
    lotId: belongsTo('lot_id', () => agreementLots.id),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => catalogueSolutions.id, { onDelete: 'restrict' }),
    unitPrice: money('unit_price'),
  },
  (t) => [primaryKey({ columns: [t.lotId, t.solutionId] }), index('lot_solutions_solution_idx').on(t.solutionId)],
);

export const agreementAdhesions = pgTable(
  'agreement_adhesions',
  {
    agreementId: belongsTo('agreement_id', () => frameworkAgreements.id),
    communeNis: communeRef().notNull(),
    adheredAt: instantNow('adhered_at'),
    adheredBy: userRef('adhered_by'),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.communeNis] })],
);

export const callOffs = pgTable(
  'call_offs',
  {
    id: uuidPk(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => frameworkAgreements.id, { onDelete: 'restrict' }),
    lotId: uuid('lot_id')
      .notNull()
      .references(() => agreementLots.id, { onDelete: 'restrict' }),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => catalogueSolutions.id, { onDelete: 'restrict' }),
    communeNis: communeRef().notNull(),
    quantity: integer('quantity').notNull(),
    amount: money('amount').notNull(),
    /** The amount the solution's price gave for the quantity, when it gives one (issue 10). */
    computedAmount: money('computed_amount'),
    /** Why the amount differs from the computed one: required then. */
    amountReason: text('amount_reason'),
    note: text('note').notNull().default(''),
    orderedAt: instantNow('ordered_at'),
    orderedBy: userRef('ordered_by'),
    /** A cancelled call-off stays (history, audit) but no longer counts against the ceilings. */
    cancelledAt: instant('cancelled_at'),
    cancelledBy: userRef('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
  },
  (t) => [
    index('call_offs_commune_idx').on(t.communeNis),
    index('call_offs_lot_idx').on(t.lotId),
    check('call_offs_positive', sql`${t.amount} > 0 AND ${t.quantity} > 0`),
  ],
);

/**
 * A solution's logo and screenshots, uploaded by agency staff and served from the app's own origin (the CSP keeps
 * img-src 'self'). Type checked by magic bytes and size limited by the domain, the size again by the constraint.
 */
export const catalogueImages = pgTable(
  'catalogue_images',
  {
    id: uuidPk(),
    solutionId: belongsTo('solution_id', () => catalogueSolutions.id),
    kind: text('kind', { enum: IMAGE_KINDS }).notNull(),
    mimeType: text('mime_type', { enum: IMAGE_TYPES }).notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    caption: text('caption').notNull().default(''),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('catalogue_images_solution_idx').on(t.solutionId),
    check('catalogue_images_size', sql`${t.sizeBytes} > 0 AND ${t.sizeBytes} <= 524288`),
  ],
);

export const catalogueSavedSearches = pgTable(
  'catalogue_saved_searches',
  {
    id: uuidPk(),
    userId: belongsTo('user_id', () => users.id),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedSearch['query']>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('catalogue_saved_searches_user_idx').on(t.userId)],
);

export const catalogueShortlists = pgTable(
  'catalogue_shortlists',
  {
    id: uuidPk(),
    ownerId: userRef('owner_id'),
    communeNis: communeRef(),
    name: text('name').notNull(),
    solutionIds: uuidList('solution_ids'),
    savedSearchId: uuid('saved_search_id').references(() => catalogueSavedSearches.id, { onDelete: 'set null' }),
    outcomeKind: text('outcome_kind', { enum: OUTCOME_KINDS }),
    outcomeSolutionId: uuid('outcome_solution_id').references(() => catalogueSolutions.id, { onDelete: 'set null' }),
    outcomeReason: text('outcome_reason'),
    outcomeAt: instant('outcome_at'),
    ...timestamps(),
  },
  (t) => [index('catalogue_shortlists_commune_idx').on(t.communeNis)],
);

export const watchItems = pgTable(
  'watch_items',
  {
    id: uuidPk(),
    title: text('title').notNull(),
    sourceUrl: text('source_url'),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull().default(''),
    tags: textList('tags'),
    categories: textList('categories'),
    solutionIds: uuidList('solution_ids'),
    assessment: text('assessment').notNull().default(''),
    recommendation: text('recommendation', { enum: RECOMMENDATIONS }),
    vendor: text('vendor'),
    demo: boolean('demo').notNull().default(false),
    createdBy: userRef('created_by'),
    createdAt: createdAt(),
  },
  (t) => [index('watch_items_published_idx').on(t.publishedOn)],
);
