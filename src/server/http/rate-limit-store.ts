import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../db/client.ts';

/**
 * @fastify/rate-limit's counters in the database instead of one process's memory (issue 15, decision 110), so a
 * limit holds however many instances share the load: each hit is one atomic upsert that starts a new window when the
 * last one is over (a fixed window, as the plugin's own memory store). Each route counts apart (`child`).
 */
export function databaseRateLimitStore(db: Database) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: FastifyRateLimitOptions,
      private readonly prefix = 'global',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      hit(db, `${this.prefix}|${key}`, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: { method?: string | string[]; url?: string; path?: string }): FastifyRateLimitStore {
      const method = [routeOptions.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(undefined, `${method} ${routeOptions.url ?? routeOptions.path ?? ''}`);
    }
  };
}

/** Counts one hit; answers the hits of the window and the milliseconds left in it. */
async function hit(db: Database, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  // Now and then, windows long over are cleared, so the table holds only the callers of the last windows.
  if (Math.random() < 0.01)
    await db.execute(sql`delete from rate_limit_hits where window_ends_at < now() - interval '1 hour'`);
  const window = `${Math.max(1, Math.round(windowMs))} milliseconds`;
  const [row] = rowsOf<{ hits: number; ttl: number }>(
    await db.execute(sql`
      insert into rate_limit_hits as r (key, hits, window_ends_at) values (${key}, 1, now() + ${window}::interval)
      on conflict (key) do update set
        hits = case when r.window_ends_at <= now() then 1 else r.hits + 1 end,
        window_ends_at = case when r.window_ends_at <= now() then now() + ${window}::interval else r.window_ends_at end
      returning r.hits, greatest(0, ceil(extract(epoch from (r.window_ends_at - now())) * 1000))::int as ttl`),
  );
  return { current: Number(row!.hits), ttl: Number(row!.ttl) };
}
