import { sql } from 'drizzle-orm';
import { type AnyPgColumn, customType, jsonb, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The column shapes every feature's tables share, so that a table says only what is its own. Each helper returns a
 * new builder (a builder belongs to one table). Links to users and communes stand beside their tables (`userRef` in
 * auth.ts, `communeRef` in communes.ts): this file imports no table, so that every schema file can import it.
 */

/** A generated uuid primary key. */
export const uuidPk = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);

/** A moment, always with its time zone. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** A moment that is the row's own: required, now unless given. */
export const instantNow = (name: string) => instant(name).notNull().defaultNow();

export const createdAt = () => instantNow('created_at');
export const updatedAt = () => instantNow('updated_at');
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** A required link to the row this one belongs to: the row goes when its parent goes. */
export const belongsTo = (name: string, parent: () => AnyPgColumn) =>
  uuid(name).notNull().references(parent, { onDelete: 'cascade' });

/** Euros, to the cent. */
export const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/** A list of words (dimensions, categories, tags...), empty unless given. */
export const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

/** A list of ids with no foreign key (an array cannot have one), empty unless given. */
export const uuidList = (name: string) => uuid(name).array().notNull().default(sql`'{}'::uuid[]`);

/** A JSON array of T, empty unless given. */
export const jsonList = <T>(name: string) => jsonb(name).$type<T[]>().notNull().default(sql`'[]'::jsonb`);

/** A small file kept in the database. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
