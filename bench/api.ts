/**
 * Throughput and latency of GET /api/communes (the whole app: session lookup hook, policy, validation, database,
 * serialisation) against a bare Fastify that returns the same JSON from memory, measured in the same run.
 *
 *   npx tsx bench/api.ts [--duration 10] [--connections 20]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

async function measure(url: string) {
  const result = await autocannon({ url, duration, connections });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-bench-'));
const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', DATA_DIR: dataDir, ...process.env });
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir });
await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false });
const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });

const body = (await app.inject({ method: 'GET', url: '/api/communes' })).body;
const bare = Fastify();
bare.get('/api/communes', (_request, reply) => reply.type('application/json').send(body));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

// Warm both up, then measure the baseline first and the app second.
await autocannon({ url: `${bareUrl}/api/communes`, duration: 2, connections });
await autocannon({ url: `${appUrl}/api/communes`, duration: 2, connections });
const baseline = await measure(`${bareUrl}/api/communes`);
const smartRural = await measure(`${appUrl}/api/communes`);

const row = (name: string, m: typeof baseline) =>
  `${name.padEnd(26)} ${m.rps.toFixed(0).padStart(8)} req/s   p50 ${String(m.p50).padStart(4)} ms   p99 ${String(m.p99).padStart(4)} ms   errors ${m.errors}`;
console.log(
  `GET /api/communes (${(body.length / 1024).toFixed(1)} kB, 43 communes), ${duration} s, ${connections} connections, ${database.kind}`,
);
console.log(row('bare Fastify (baseline)', baseline));
console.log(row('Smart Rural', smartRural));
console.log(`ratio Smart Rural / baseline: ${(smartRural.rps / baseline.rps).toFixed(2)} of the throughput`);

await app.close();
await bare.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
