import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { oneQueryAtATime } from './one-query-at-a-time.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
// Both drivers share the PostgreSQL dialect; code above this file never knows which one runs.
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: what a repository runs its SQL on. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (for dumps in tests). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { databaseUrl: string; poolSize?: number }
  | { dataDir?: string; loadDataDir?: Blob | File; memory?: boolean };

export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };
/**
 * PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, on top of its 128 MB floor:
 * 32 MB hold the whole working set of an agency (the reference data, a few thousand needs and projects) and keep an
 * idle server ~120 MB smaller (bench/memory.ts). The data folder's pages stay in the system's file cache anyway.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
const CONNECT_TIMEOUT_MS = 5_000;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // A server that does not answer (a network cut) fails the request after this long rather than hanging it.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // A connection the server ends (a restart, a failover, pg_terminate_backend) emits 'error' on its client; with
    // no listener that ends the process. node-postgres listens only while the client is idle in the pool, so each
    // client gets its own listener for its whole life: the query it was running fails (its request answers 503),
    // the pool drops the dead client when it is released, and the next query opens a new connection.
    let closing = false;
    const connectionLost = (error: Error) => {
      if (!closing) console.error(`PostgreSQL: a connection was lost (${error.message}); it will be replaced.`);
    };
    pool.on('connect', (client) => {
      client.on('error', connectionLost);
      oneQueryAtATime(client);
    });
    // The pool re-emits an idle client's error: already reported by the client's own listener above.
    pool.on('error', () => undefined);
    // A bad URL or a stopped server should stop the start with its own message, not at the first request.
    const client = await pool.connect();
    client.release();
    const db = drizzleNodePostgres(pool, { schema }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      pool,
      close: () => {
        closing = true;
        return pool.end();
      },
    };
  }
  const dataDir = !options.memory && options.dataDir ? options.dataDir : undefined;
  // One process per data folder (decision 002): taken before PGlite reads a byte, released once it is closed.
  const unlock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
      startParams: PGLITE_START_PARAMS,
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      try {
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Rows of a raw `db.execute(sql)` result, whichever driver answered. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
