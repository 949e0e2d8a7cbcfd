import type pg from 'pg';

/**
 * A transaction holds one connection, and a service may ask it for several reads at once (`Promise.all` in a unit of
 * work). node-postgres queues such queries itself but deprecates it (« Calling client.query() when the client is
 * already executing a query… », refused from pg 9). Each pooled client's promise queries take their turn here
 * instead: the next one is sent when the previous one has answered, failed or not. Queries with a callback (the
 * pool's own `pool.query`, which holds the client alone) and submittables (streams) go straight through.
 */
export function oneQueryAtATime(client: pg.PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return send(...args);
    const answer = previous.then(() => send(...args));
    previous = answer.catch(() => undefined);
    return answer;
  }) as typeof client.query;
}
