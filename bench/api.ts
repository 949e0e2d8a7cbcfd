/**
 * Throughput and latency of GET /api/communes (the whole app: session lookup hook, policy, validation, database,
 * serialisation) against a bare Fastify that returns the same JSON from memory, measured in the same run; and
 * beside it a representative authenticated read, a mission's diagnostic results (session cookie, policy, 10
 * interviews × 88 answers scored, zod serialisation), against the same bare Fastify returning that JSON.
 *
 *   npx tsx bench/api.ts [--duration 10] [--connections 20]
 */

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { GUIDE_FR_V1 } from '../src/domain/diagnostic/guide-fr-v1.ts';
import { questionsInOrder } from '../src/domain/diagnostic/guides.ts';
import { INTERVIEWEE_TYPES } from '../src/domain/diagnostic/model.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

async function measure(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, duration, connections, headers });
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

// A signed-in consultant and a mission with 10 interviews of the 88 questions: the authenticated read.
const password = randomBytes(18).toString('base64url');
const { user } = await app.services.users.create(CLI_CONTEXT, {
  email: `bench-${randomBytes(4).toString('hex')}@bench.test`,
  displayName: 'Consultante du banc',
  role: 'consultant',
  communeNis: null,
  password,
});
const mission = await app.services.missions.create(CLI_CONTEXT, {
  title: 'Diagnostic de Tintigny',
  communeNis: '85039',
  consultantIds: [user.id],
  startDate: '2026-01-15',
});
const questions = questionsInOrder(GUIDE_FR_V1);
for (let i = 0; i < 10; i++) {
  const interview = await app.services.diagnostic.interviews.create(CLI_CONTEXT, mission.id, {
    resourcePerson: { type: INTERVIEWEE_TYPES[i % INTERVIEWEE_TYPES.length]!, role: `Fonction ${i + 1}` },
    date: '2026-02-01',
    interviewer: 'Banc',
  });
  await app.services.diagnostic.interviews.update(CLI_CONTEXT, mission.id, interview.id, {
    answers: questions.map(({ question }, k) => ({ questionKey: question.key, level: (i + k) % 5 })),
    notes: 'Notes.',
  });
}
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
const cookie = `sr_session=${login.cookies.find((c) => c.name === 'sr_session')!.value}`;
const resultsPath = `/api/missions/${mission.id}/results`;

const body = (await app.inject({ method: 'GET', url: '/api/communes' })).body;
const results = await app.inject({ method: 'GET', url: resultsPath, headers: { cookie } });
if (results.statusCode !== 200) throw new Error(`${resultsPath}: ${results.statusCode} ${results.body}`);
const bare = Fastify();
bare.get('/api/communes', (_request, reply) => reply.type('application/json').send(body));
bare.get('/api/missions/:id/results', (_request, reply) => reply.type('application/json').send(results.body));
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

// Warm both up, then measure the baseline first and the app second.
await autocannon({ url: `${bareUrl}/api/communes`, duration: 2, connections });
await autocannon({ url: `${appUrl}/api/communes`, duration: 2, connections });
const baseline = await measure(`${bareUrl}/api/communes`);
const smartRural = await measure(`${appUrl}/api/communes`);
await autocannon({ url: `${appUrl}${resultsPath}`, duration: 2, connections, headers: { cookie } });
const resultsBaseline = await measure(`${bareUrl}${resultsPath}`);
const resultsApp = await measure(`${appUrl}${resultsPath}`, { cookie });

const row = (name: string, m: typeof baseline) =>
  `${name.padEnd(26)} ${m.rps.toFixed(0).padStart(8)} req/s   p50 ${String(m.p50).padStart(4)} ms   p99 ${String(m.p99).padStart(4)} ms   errors ${m.errors}`;
console.log(
  `GET /api/communes (${(body.length / 1024).toFixed(1)} kB, 43 communes), ${duration} s, ${connections} connections, ${database.kind}`,
);
console.log(row('bare Fastify (baseline)', baseline));
console.log(row('Smart Rural', smartRural));
console.log(`ratio Smart Rural / baseline: ${(smartRural.rps / baseline.rps).toFixed(2)} of the throughput`);
console.log(
  `\nGET /api/missions/:id/results, signed in (${(results.body.length / 1024).toFixed(1)} kB, 10 interviews × 88 answers)`,
);
console.log(row('bare Fastify (baseline)', resultsBaseline));
console.log(row('Smart Rural', resultsApp));
console.log(`ratio Smart Rural / baseline: ${(resultsApp.rps / resultsBaseline.rps).toFixed(3)} of the throughput`);

await app.close();
await bare.close();
await database.close();
await rm(dataDir, { recursive: true, force: true });
