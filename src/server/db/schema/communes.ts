import {
  type AnyPgColumn,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  varchar,
} from 'drizzle-orm/pg-core';
import type { Boundary } from '../../../domain/communes/commune.ts';
import { instant, timestamps, updatedAt, uuidPk } from './columns.ts';

export const communes = pgTable(
  'communes',
  {
    nisCode: varchar('nis_code', { length: 5 }).primaryKey(),
    name: text('name').notNull(),
    /** How the institution is called (« Ville d'Arlon », « Commune de Tintigny »): reference data, see official-names.csv. */
    officialName: text('official_name'),
    /** Where the designation comes from; checked against it when `officialNameVerified` (« à vérifier » otherwise). */
    officialNameSource: text('official_name_source'),
    officialNameVerified: boolean('official_name_verified').notNull().default(false),
    /** When the agency confirmed the designation on the screen: the reference data no longer overwrites it. */
    officialNameCheckedAt: instant('official_name_checked_at'),
    nameNl: text('name_nl'),
    arrondissementNis: varchar('arrondissement_nis', { length: 5 }).notNull(),
    arrondissement: text('arrondissement').notNull(),
    population: integer('population'),
    populationYear: integer('population_year'),
    areaKm2: doublePrecision('area_km2'),
    boundary: jsonb('boundary').$type<Boundary>(),
    mergedInto: varchar('merged_into', { length: 5 }).references((): AnyPgColumn => communes.nisCode),
    mergedOn: date('merged_on'),
    description: text('description'),
    website: text('website'),
    contactEmail: text('contact_email'),
    updatedAt: updatedAt(),
  },
  (t) => [index('communes_merged_into_idx').on(t.mergedInto)],
);

/** The commune a row is about, by its NIS code (required by most tables: add `.notNull()`). */
export const communeRef = () => varchar('commune_nis', { length: 5 }).references(() => communes.nisCode);

/** A place inside a commune that a mission can serve (a museum, a business park...). */
export const sites = pgTable(
  'sites',
  {
    id: uuidPk(),
    communeNis: communeRef().notNull(),
    referenceKey: text('reference_key').unique(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description'),
    ...timestamps(),
  },
  (t) => [index('sites_commune_idx').on(t.communeNis)],
);
